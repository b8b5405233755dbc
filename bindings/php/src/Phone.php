<?php
declare(strict_types=1);

namespace Sesame;

/**
 * Phone numbers: E.164 normalization with the French overseas plan (sesame/phone.h).
 *
 *     $n = Phone::normalize('0692 12 34 56');
 *     // $n->ok === true, $n->e164 === '+262692123456', $n->region === 'RE', $n->isMobile === true
 *
 * A refused number is a result ($ok false, $error set), never an exception.
 */
final class Phone
{
    /** The refusal reasons, in the order the rules check them. */
    public const ERRORS = ['too_long', 'invalid_utf8', 'extension', 'invalid_character', 'no_digits',
        'invalid_length', 'invalid_number'];

    private const E164 = 0;
    private const REGION = 1;
    private const NATIONAL = 2;
    private const INTERNATIONAL = 3;
    private const MASKED = 4;

    public static function normalize(string $raw): PhoneNumber
    {
        $ffi = FFI::get();
        $r = $ffi->new('sesame_phone_result');
        FFI::check($ffi->sesame_phone_result_init(\FFI::addr($r)));
        FFI::check($ffi->sesame_phone_normalize(\FFI::addr($r), $raw, strlen($raw)));
        if ($r->error !== 0) {
            return new PhoneNumber(input: $raw, ok: false, error: $ffi->sesame_phone_error_name($r->error));
        }
        return new PhoneNumber(
            input: $raw,
            ok: true,
            e164: self::text($raw, self::E164),
            countryCode: $r->country_code,
            region: self::text($raw, self::REGION),
            type: $ffi->sesame_phone_type_name($r->type),
            isMobile: $r->is_mobile,
            national: self::text($raw, self::NATIONAL),
            international: self::text($raw, self::INTERNATIONAL),
            masked: self::text($raw, self::MASKED),
        );
    }

    /** True iff both inputs normalize and give the same E.164 (a refused side gives false). */
    public static function sameNumber(string $a, string $b): bool
    {
        $ffi = FFI::get();
        $out = $ffi->new('bool');
        FFI::check($ffi->sesame_phone_same_number(\FFI::addr($out), $a, strlen($a), $b, strlen($b)));
        return $out->cdata;
    }

    private static function text(string $raw, int $field): string
    {
        $ffi = FFI::get();
        return FFI::readSized(static fn ($o, $c, $n) => $ffi->sesame_phone_text($o, $c, $n, $raw, strlen($raw), $field), 96);
    }
}
