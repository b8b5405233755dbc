<?php
// PHP binding: the cost per call of Password::check, OtpService::issue and OtpService::verify, each
// next to the same foreign call made directly through FFI (preallocated structs, nothing read), so
// the difference is what the binding adds (argument checks, reading the result, building objects).
//
//   SESAME_LIBRARY=$PWD/build/libsesame.so php -d opcache.enable_cli=1 bench/php/calls_bench.php
// Options: --rounds=N (default 30). OTP runs on the in-process store (Redis adds a round trip).
declare(strict_types=1);

require __DIR__ . '/../../bindings/php/autoload.php';

use Sesame\FFI;
use Sesame\OtpService;
use Sesame\Password;
use Sesame\PasswordContext;
use Sesame\PasswordPolicy;

/** @param list<float> $v */
function median(array $v): float
{
    sort($v);
    $n = count($v);
    return $n % 2 === 1 ? $v[intdiv($n, 2)] : ($v[$n / 2 - 1] + $v[$n / 2]) / 2;
}

$rounds = (int) (getopt('', ['rounds::'])['rounds'] ?? 30);
$ffi = FFI::get();

$passwords = ['Soleil2015!', 'azerty', 'Lucas2014!', 'Vélo-Rouge_sous la Lune#42', 'motdepasse', 'P@ssw0rd',
    'Hélène1985!', 'correct horse battery staple', '&é"\'(-è_çà', 'Zorglub0204!'];
$context = ['names' => ['Hélène', 'LEFEVRE', 'Lucas'], 'dates' => ['2014-03-12'], 'phones' => ['06 12 34 56 78']];
$policy = PasswordPolicy::preset('portal');
$ctx = PasswordContext::fromArray($context);
$result = $ffi->new('sesame_password_result');
FFI::check($ffi->sesame_password_result_init(\FFI::addr($result)));
$noMeter = $ffi->new('sesame_password_check_options');
FFI::check($ffi->sesame_password_check_options_init(\FFI::addr($noMeter)));
$noMeter->strength = false;

$n = 1000; // distinct subjects, so that no cooldown or quota is reached
$phones = [];
for ($i = 0; $i < $n; $i++) {
    $phones[] = sprintf('+336%08d', $i);
}
$t0 = 1750000000000;
$issueRaw = $ffi->new('sesame_otp_issue_result');
FFI::check($ffi->sesame_otp_issue_result_init(\FFI::addr($issueRaw)));
$verifyRaw = $ffi->new('sesame_otp_verify_result');
FFI::check($ffi->sesame_otp_verify_result_init(\FFI::addr($verifyRaw)));

/** Times $f over $count calls after one untimed pass (warm caches: the meter's tables are large). */
function timed(callable $f, int $count): float
{
    $f();
    $t = hrtime(true);
    $f();
    return (hrtime(true) - $t) / $count;
}

$ns = [];
$np = count($passwords);
for ($r = 0; $r < $rounds; $r++) {
    $pairs = [
        'check' => static function () use ($passwords, $context): void {
            foreach ($passwords as $pw) {
                $c = Password::check($pw, context: $context);
            }
        },
        'check_ffi' => static function () use ($ffi, $passwords, $result, $policy, $ctx): void {
            foreach ($passwords as $pw) {
                $st = $ffi->sesame_password_check(\FFI::addr($result), $policy->cdata(), $ctx->cdata(), $pw, strlen($pw), null);
            }
        },
        'rules' => static function () use ($passwords): void {
            foreach ($passwords as $pw) {
                $c = Password::check($pw, strength: false);
            }
        },
        'rules_ffi' => static function () use ($ffi, $passwords, $result, $policy, $noMeter): void {
            foreach ($passwords as $pw) {
                $st = $ffi->sesame_password_check(\FFI::addr($result), $policy->cdata(), null, $pw, strlen($pw), \FFI::addr($noMeter));
            }
        },
    ];
    $order = $r % 2 === 0 ? array_keys($pairs) : array_reverse(array_keys($pairs));
    foreach ($order as $k) {
        $ns[$k][] = timed($pairs[$k], $np);
    }

    // OTP: a fresh service per round and side; every subject gets one code, then verifies it (no
    // warm-up pass: a second issue would meet the cooldown).
    $key = random_bytes(32);
    $now = $t0 + $r * 7200000;
    $codes = [];
    $sides = [
        'api' => static function () use ($key, $phones, $now, &$codes, &$ns, $n): void {
            $svc = new OtpService($key, 1);
            $t = hrtime(true);
            foreach ($phones as $i => $p) {
                $codes[$i] = $svc->issue($p, 'activation', $now);
            }
            $ns['issue'][] = (hrtime(true) - $t) / $n;
            $t = hrtime(true);
            foreach ($phones as $i => $p) {
                $v = $svc->verify($p, 'activation', $codes[$i], $now + 1000);
            }
            $ns['verify'][] = (hrtime(true) - $t) / $n;
        },
        'ffi' => static function () use ($ffi, $key, $phones, $now, &$codes, &$ns, $n, $issueRaw, $verifyRaw): void {
            $raw = $ffi->new('sesame_otp_service*');
            $k = FFI::bytes($key);
            FFI::check($ffi->sesame_otp_service_new(\FFI::addr($raw), FFI::u8ptr($k), 32, 1, null, null));
            $t = hrtime(true);
            foreach ($phones as $i => $p) {
                $st = $ffi->sesame_otp_issue(\FFI::addr($issueRaw), $raw, $p, strlen($p), 'activation', 10, $now);
                $codes[$i] = \FFI::string($issueRaw->code); // needed by the verify below
            }
            $ns['issue_ffi'][] = (hrtime(true) - $t) / $n;
            $t = hrtime(true);
            foreach ($phones as $i => $p) {
                $st = $ffi->sesame_otp_verify(\FFI::addr($verifyRaw), $raw, $p, strlen($p), 'activation', 10, $codes[$i], 6,
                    $now + 1000);
            }
            $ns['verify_ffi'][] = (hrtime(true) - $t) / $n;
            $ffi->sesame_otp_service_free($raw);
        },
    ];
    foreach ($r % 2 === 0 ? ['api', 'ffi'] : ['ffi', 'api'] as $side) {
        $sides[$side]();
    }
}

$opcache = function_exists('opcache_get_status') && is_array(@opcache_get_status(false))
    && (bool) (opcache_get_status(false)['opcache_enabled'] ?? false);
printf("PHP %s, opcache %s; libsesame %s; %d rounds; load average %s\n", PHP_VERSION, $opcache ? 'on' : 'off',
    \Sesame\Sesame::libraryVersion(), $rounds, implode(' ', array_map(static fn (float $l): string => number_format($l, 2),
        sys_getloadavg() ?: [])));
$rows = [
    ['Password::check (meter, context array)', 'check', 'check_ffi'],
    ['Password::check (rules only)', 'rules', 'rules_ffi'],
    ['OtpService::issue (memory store)', 'issue', 'issue_ffi'],
    ['OtpService::verify (right code)', 'verify', 'verify_ffi'],
];
foreach ($rows as [$label, $api, $raw]) {
    printf("%-40s %8.2f us/call  (the foreign call alone %8.2f us: binding adds %6.2f us)\n", $label,
        median($ns[$api]) / 1000, median($ns[$raw]) / 1000, (median($ns[$api]) - median($ns[$raw])) / 1000);
}
