<?php
// The activation flow from PHP: phone, identification and pupils, SMS code, password, login id.
// Run: SESAME_LIBRARY=build/libsesame.so php examples/php/activation.php
// Under PHP-FPM, preload the library (docs/deployment.md) and use the Redis store (RedisStore).
// A real ENT keeps the keys in its secret store and sends the SMS; here both are local.
declare(strict_types=1);

require __DIR__ . '/../../bindings/php/autoload.php';

use Sesame\CooldownException;
use Sesame\Directory;
use Sesame\Identity;
use Sesame\OtpService;
use Sesame\Password;
use Sesame\Phone;

// The directory document of the spec (civilite, pupil names, relation are carried but never read).
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
if (!$number->ok || !$number->isMobile) {
    exit(1);
}
echo "PHP: phone {$number->e164} ({$number->masked})\n";

$decision = Directory::fromJson($school)->match($claim, '2026-11-28', $now);
echo "PHP: decision {$decision->status}, pupils " . implode(',', $decision->pupils) . ": {$decision->userText}\n";

$otp = OtpService::portal(random_bytes(32), 1, indexKey: random_bytes(32)); // limits: the library's portal preset
$sms = $otp->issueResult($number->e164, 'activation', $now); // the host sends $sms->code to $sms->e164
echo 'PHP: SMS to ', $sms->e164, ', valid until ', gmdate('H:i', intdiv($sms->expiresAtMs, 1000)), " UTC\n";
try {
    $otp->issue($number->e164, 'activation', $now + 10000);
} catch (CooldownException $e) {
    echo "PHP: a second SMS must wait {$e->retryAfterS} s\n";
}
$result = $otp->verify('06.12.34.56.78', 'activation', $sms->code, $now + 60000); // any spelling of the number
echo "PHP: SMS code {$result->status}\n";

$context = ['names' => ['Hélène', 'LEFEVRE', 'Lucas'], 'dates' => ['2014-03-12'], 'phones' => ['06 12 34 56 78']];
foreach (['Lucas2014!', 'Vélo-Rouge_sous la Lune#42'] as $pw) {
    $check = Password::check($pw, context: $context);
    echo "PHP: '$pw' ", $check->valid ? 'valid' : 'refused', ", strength {$check->strength->score}/4 ",
        "({$check->strength->label}) ", implode(',', $check->strength->feedback), "\n";
}
$hash = Password::hash('Vélo-Rouge_sous la Lune#42');
echo 'PHP: verify ', Password::verify($hash, 'Vélo-Rouge_sous la Lune#42') ? 'ok' : 'KO',
    ', login ', Identity::loginId('LEFEVRE', 'Hélène'), "\n";
exit($decision->status === 'activated' && $result->status === 'ok' ? 0 : 1);
