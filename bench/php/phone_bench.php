<?php
// PHP binding: Sesame\Phone::normalize against the usual PHP check, two preg calls, on the same
// inputs in one process (issue 15's target: Sesame at most 6x the preg pair per call).
//
//   preg:   preg_replace('/[^0-9+]/', '', $x) then preg_match('/^(?:\+33|0)[67]\d{8}$/', ...)
//   Sesame: Phone::normalize($x), a PhoneNumber with every field (E.164, region, type, three
//           display forms), i.e. one FFI call and the reading of its result struct.
// For reference also: the FFI call alone (sesame_phone_normalize into a preallocated struct, no
// reading) and a bare FFI call (sesame_version_number()).
//
// 1,000 inputs (mt_srand(42)): 80 % French numbers (metropolitan mobiles and landlines, overseas
// 0692 / 0690 / 0696 / 0262 / 0590) in eight typings (0612345678, spaces, dots, dashes, U+202F,
// +33 6 ..., +33 (0)6 ..., 0033...), 20 % foreign numbers; the mix of bench/phone_bench.cpp.
//
// Run (opcache on, as PHP-FPM has it, then off):
//   SESAME_LIBRARY=$PWD/build/libsesame.so php -d opcache.enable_cli=1 bench/php/phone_bench.php
//   SESAME_LIBRARY=$PWD/build/libsesame.so php -d opcache.enable_cli=0 bench/php/phone_bench.php
// Options: --rounds=N (default 400): each round times one pass over the inputs per side, the sides
// in a rotating order, so that changes of machine load hit every side alike; medians are reported.
// --variants adds the ways of reading the result struct that were measured before choosing, inline
// (no method call; each builds the same PhoneNumber): FFI::string of CData views of the char arrays
// made once (what Phone does); a field lookup and FFI::string per text; one FFI::string over
// the struct and one unpack() whose format is computed from FFI\CType offsets and array lengths;
// one FFI::string and substr/strpos per text at the CType offsets.
declare(strict_types=1);

require __DIR__ . '/../../bindings/php/autoload.php';

use Sesame\FFI;
use Sesame\Phone;

/** @return list<string> */
function phone_inputs(): array
{
    mt_srand(42);
    $digits = static function (int $n): string {
        $s = '';
        for ($k = 0; $k < $n; $k++) {
            $s .= (string) mt_rand(0, 9);
        }
        return $s;
    };
    $pairs = static function (string $d, string $sep): string {
        $s = '';
        for ($k = 0; $k < strlen($d); $k++) {
            if ($k > 0 && $k % 2 === 0) {
                $s .= $sep;
            }
            $s .= $d[$k];
        }
        return $s;
    };
    $fr = ['06', '07', '01', '02', '03', '04', '05', '09', '0692', '0690', '0696', '0262', '0590'];
    $foreign = ['+44 20 7946 0958', '+44 7400 123456', '+1 202-555-0123', '+41 79 123 45 67', '+49 1512 3456789',
        '+32 470 12 34 56', '+34 612 34 56 78', '+39 347 123 4567', '+212 6 12 34 56 78', '+213 5 51 23 45 67',
        '0044 (0)20 7946 0958', '+351 912 345 678', '+90 532 123 45 67', '+216 20 123 456', '+1 514 555 0199',
        '+687 75 12 34'];
    $out = [];
    for ($i = 0; $i < 1000; $i++) {
        $pick = mt_rand(0, 9);
        if ($pick < 8) {
            $p = $fr[$pick < 6 ? mt_rand(0, 7) : 8 + mt_rand(0, 4)];
            $national = $p . $digits(10 - strlen($p));
            $nsn = substr($national, 1);
            $out[] = match (mt_rand(0, 7)) {
                0 => $national,
                1 => $pairs($national, ' '),
                2 => $pairs($national, '.'),
                3 => '+33 ' . $nsn[0] . ' ' . $pairs(substr($nsn, 1), ' '),
                4 => '+33 (0)' . $pairs($nsn, ' '),
                5 => '0033' . $nsn,
                6 => $pairs($national, "\u{202F}"), // narrow no-break space
                default => $pairs($national, '-'),
            };
        } else {
            $out[] = $foreign[mt_rand(0, count($foreign) - 1)];
        }
    }
    return $out;
}

/** @param list<float> $v */
function median(array $v): float
{
    sort($v);
    $n = count($v);
    return $n % 2 === 1 ? $v[intdiv($n, 2)] : ($v[$n / 2 - 1] + $v[$n / 2]) / 2;
}

$opts = getopt('', ['rounds::', 'variants']);
$rounds = (int) ($opts['rounds'] ?? 400);
$inputs = phone_inputs();
$calls = count($inputs);

// Same inputs, and what each side makes of them: how many it accepts as a mobile.
$sesameMobiles = 0;
$pregMobiles = 0;
foreach ($inputs as $x) {
    $sesameMobiles += Phone::normalize($x)->isMobile ? 1 : 0;
    $pregMobiles += preg_match('/^(?:\+33|0)[67]\d{8}$/', preg_replace('/[^0-9+]/', '', $x)) === 1 ? 1 : 0;
}

$ffi = FFI::get();
$raw = $ffi->new('sesame_phone_result');
$rawPtr = \FFI::addr($raw);
FFI::check($ffi->sesame_phone_result_init($rawPtr));

$sides = [
    'preg' => static function (array $inputs): void {
        foreach ($inputs as $x) {
            $ok = preg_match('/^(?:\+33|0)[67]\d{8}$/', preg_replace('/[^0-9+]/', '', $x)) === 1;
        }
    },
    'sesame' => static function (array $inputs): void {
        foreach ($inputs as $x) {
            $n = Phone::normalize($x);
        }
    },
    'ffi_normalize' => static function (array $inputs) use ($ffi, $rawPtr): void {
        foreach ($inputs as $x) {
            $st = $ffi->sesame_phone_normalize($rawPtr, $x, strlen($x));
        }
    },
    'ffi_bare' => static function (array $inputs) use ($ffi): void {
        foreach ($inputs as $x) {
            $v = $ffi->sesame_version_number();
        }
    },
];
if (isset($opts['variants'])) {
    $type = $ffi->type('sesame_phone_result');
    $format = [];
    $offsets = [];
    foreach ($type->getStructFieldNames() as $field) {
        $ft = $type->getStructFieldType($field);
        $off = $type->getStructFieldOffset($field);
        $code = match ($ft->getKind()) {
            \FFI\CType::TYPE_SINT32 => 'l',
            \FFI\CType::TYPE_BOOL => 'C',
            \FFI\CType::TYPE_ARRAY => 'Z' . $ft->getArrayLength(),
            default => null, // struct_size
        };
        if ($code !== null) {
            $format[] = "@$off/$code$field";
            $offsets[$field] = $off;
        }
    }
    $format = implode('/', $format);
    $size = \FFI::sizeof($raw);
    $types = FFI::names('sesame_phone_type_name');
    $sides['fields'] = static function (array $inputs) use ($ffi, $rawPtr, $raw, $types): void {
        foreach ($inputs as $x) {
            $ffi->sesame_phone_normalize($rawPtr, $x, strlen($x));
            $n = $raw->error !== 0 ? new \Sesame\PhoneNumber($x, false, error: 'e') : new \Sesame\PhoneNumber($x, true,
                \FFI::string($raw->e164), $raw->country_code, \FFI::string($raw->region), $types[$raw->type], $raw->is_mobile,
                \FFI::string($raw->national), \FFI::string($raw->international), \FFI::string($raw->masked));
        }
    };
    [$vE, $vR, $vN, $vI, $vM] = [$raw->e164, $raw->region, $raw->national, $raw->international, $raw->masked];
    $sides['views'] = static function (array $inputs) use ($ffi, $rawPtr, $raw, $types, $vE, $vR, $vN, $vI, $vM): void {
        foreach ($inputs as $x) {
            $ffi->sesame_phone_normalize($rawPtr, $x, strlen($x));
            $n = $raw->error !== 0 ? new \Sesame\PhoneNumber($x, false, error: 'e') : new \Sesame\PhoneNumber($x, true,
                \FFI::string($vE), $raw->country_code, \FFI::string($vR), $types[$raw->type], $raw->is_mobile,
                \FFI::string($vN), \FFI::string($vI), \FFI::string($vM));
        }
    };
    $sides['unpack'] = static function (array $inputs) use ($ffi, $rawPtr, $raw, $types, $format, $size): void {
        foreach ($inputs as $x) {
            $ffi->sesame_phone_normalize($rawPtr, $x, strlen($x));
            $u = unpack($format, \FFI::string($raw, $size));
            $n = $u['error'] !== 0 ? new \Sesame\PhoneNumber($x, false, error: 'e') : new \Sesame\PhoneNumber($x, true,
                $u['e164'], $u['country_code'], $u['region'], $types[$u['type']], $u['is_mobile'] === 1,
                $u['national'], $u['international'], $u['masked']);
        }
    };
    [$oE, $oR, $oN, $oI, $oM] = [$offsets['e164'], $offsets['region'], $offsets['national'], $offsets['international'],
        $offsets['masked']];
    $sides['substr'] = static function (array $inputs) use ($ffi, $rawPtr, $raw, $types, $size, $oE, $oR, $oN, $oI, $oM): void {
        foreach ($inputs as $x) {
            $ffi->sesame_phone_normalize($rawPtr, $x, strlen($x));
            if ($raw->error !== 0) {
                $n = new \Sesame\PhoneNumber($x, false, error: 'e');
                continue;
            }
            $s = \FFI::string($raw, $size);
            $n = new \Sesame\PhoneNumber($x, true, substr($s, $oE, strpos($s, "\0", $oE) - $oE), $raw->country_code,
                substr($s, $oR, strpos($s, "\0", $oR) - $oR), $types[$raw->type], $raw->is_mobile,
                substr($s, $oN, strpos($s, "\0", $oN) - $oN), substr($s, $oI, strpos($s, "\0", $oI) - $oI),
                substr($s, $oM, strpos($s, "\0", $oM) - $oM));
        }
    };
}
$ns = array_fill_keys(array_keys($sides), []);
$order = array_keys($sides);
for ($r = 0; $r < $rounds + 20; $r++) { // the first 20 rounds warm up and are dropped
    foreach ($order as $k) {
        $t = hrtime(true);
        $sides[$k]($inputs);
        if ($r >= 20) {
            $ns[$k][] = (hrtime(true) - $t) / $calls;
        }
    }
    $order[] = array_shift($order);
}

$opcache = function_exists('opcache_get_status') && is_array(@opcache_get_status(false))
    && (bool) (opcache_get_status(false)['opcache_enabled'] ?? false);
printf("PHP %s, opcache %s, JIT %s; libsesame %s; %d inputs x %d rounds; load average %s\n",
    PHP_VERSION, $opcache ? 'on' : 'off', $opcache && (string) ini_get('opcache.jit_buffer_size') !== '0' ? 'on' : 'off',
    \Sesame\Sesame::libraryVersion(), count($inputs), $rounds, implode(' ', array_map(
        static fn (float $l): string => number_format($l, 2), sys_getloadavg() ?: [])));
printf("mobiles: Sesame %d, preg %d (of %d inputs)\n", $sesameMobiles, $pregMobiles, count($inputs));
$labels = ['preg' => 'preg_replace + preg_match', 'sesame' => 'Sesame\\Phone::normalize', 'ffi_normalize' => 'FFI call alone (no reading)',
    'ffi_bare' => 'bare FFI call (version_number)', 'fields' => 'variant: field + FFI::string per text',
    'views' => 'variant: FFI::string of views made once',
    'unpack' => 'variant: one FFI::string + unpack()', 'substr' => 'variant: one FFI::string + substr'];
$base = median($ns['preg']);
foreach ($labels as $k => $label) {
    if (!isset($ns[$k])) {
        continue;
    }
    printf("%-40s median %7.1f ns/call  min %7.1f  ratio to preg %5.2fx\n", $label, median($ns[$k]), min($ns[$k]),
        median($ns[$k]) / $base);
}
$ratio = median($ns['sesame']) / $base;
printf("ratio Sesame / preg: %.2fx (target <= 6x): %s\n", $ratio, $ratio <= 6.0 ? 'met' : 'NOT met');
