<?php
// The activation flow from PHP: phone, identification and pupils, SMS code, password, login id.
// Run: SESAME_LIBRARY=build/libsesame.so php examples/php/activation.php
// Under PHP-FPM, preload the library (docs/deployment.md) and use the Redis store (RedisStore).
declare(strict_types=1);

require __DIR__ . '/../../bindings/php/autoload.php';

use Sesame\Directory;
use Sesame\Identity;
use Sesame\OtpService;
use Sesame\Password;
use Sesame\Phone;

$school = [
    'guardians' => [['id' => 'G01', 'civilite' => 'Mme', 'nom' => 'LEFEVRE', 'nom_naissance' => null,
        'prenom' => 'Hélène', 'phone_mobile' => '+33 6 12 34 56 78']],
    'pupils' => [['id' => 'P01', 'nom' => 'LEFEVRE', 'prenom' => 'Lucas', 'birthdate' => '2014-03-12']],
    'links' => [['guardian' => 'G01', 'pupil' => 'P01', 'relation' => 'mere', 'responsabilite' => 'legal',
        'legal_representative' => true]],
];
$claim = ['method' => 'form', 'phone' => '06 12 34 56 78', 'family_name' => 'Lefèvre', 'given_name' => 'HELENE',
    'pupils' => [['pupil' => 'P01', 'legal_representative' => true, 'birthdate' => '12 03 2014']]];
$now = 1764300000000; // time is an argument

$number = Phone::normalize($claim['phone']);
echo "PHP: phone {$number->e164} ({$number->masked})\n";

$decision = Directory::fromJson($school)->match($claim, '2026-11-28', $now);
echo "PHP: decision {$decision->status}: {$decision->userText}\n";

$otp = OtpService::portal(random_bytes(32), 1);
$code = $otp->issue($number->e164, 'activation', $now); // the host sends it by SMS
$result = $otp->verify('+33612345678', 'activation', $code, $now + 60000);
echo "PHP: SMS code {$result->status}\n";

$check = Password::check('Vélo-Rouge_sous la Lune#42', context: ['names' => ['Hélène', 'LEFEVRE', 'Lucas']]);
$hash = Password::hash('Vélo-Rouge_sous la Lune#42');
echo 'PHP: password ', $check->valid ? 'valid' : 'refused', ', strength ', $check->strength->score, '/4, verify ',
    Password::verify($hash, 'Vélo-Rouge_sous la Lune#42') ? 'ok' : 'KO', ', login ', Identity::loginId('LEFEVRE', 'Hélène'), "\n";
exit($decision->status === 'activated' && $result->status === 'ok' ? 0 : 1);
