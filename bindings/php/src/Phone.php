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
 *
 * Cost: one foreign call (sesame_phone_normalize) into a result struct allocated once per process,
 * then its fields read by name, the five texts through CData views of its char arrays made once
 * (FFI::string of a view: no field lookup, no CData created per call). bench/php/phone_bench.php
 * measures it against two preg calls.
 */
final class Phone
{
    private static ?\FFI $ffi = null;
    /** sesame_phone_result, reused by every call (PHP runs one call at a time per process) */
    private static \FFI\CData $result;
    private static \FFI\CData $resultPtr;
    /** views of the result's char arrays (they point into $result) */
    private static \FFI\CData $e164;
    private static \FFI\CData $region;
    private static \FFI\CData $national;
    private static \FFI\CData $international;
    private static \FFI\CData $masked;
    private static \FFI\CData $bool;
    private static \FFI\CData $boolPtr;
    /** SESAME_PHONE_OK */
    private static int $accepted;
    /** @var array<int, string> sesame_phone_error value => name */
    private static array $errors = [];
    /** @var array<int, string> sesame_phone_type value => name */
    private static array $types = [];

    public static function normalize(string $raw): PhoneNumber
    {
        $ffi = self::$ffi ?? self::setUp();
        $st = $ffi->sesame_phone_normalize(self::$resultPtr, $raw, strlen($raw));
        if ($st < 0) {
            FFI::check($st);
        }
        $r = self::$result;
        $error = $r->error;
        if ($error !== self::$accepted) {
            return new PhoneNumber($raw, false, error: self::$errors[$error] ?? $ffi->sesame_phone_error_name($error));
        }
        $type = $r->type;
        return new PhoneNumber(
            $raw,
            true,
            \FFI::string(self::$e164),
            $r->country_code,
            \FFI::string(self::$region),
            self::$types[$type] ?? $ffi->sesame_phone_type_name($type),
            $r->is_mobile,
            \FFI::string(self::$national),
            \FFI::string(self::$international),
            \FFI::string(self::$masked),
        );
    }

    /** True iff both inputs normalize and give the same E.164 (a refused side gives false). */
    public static function sameNumber(string $a, string $b): bool
    {
        $ffi = self::$ffi ?? self::setUp();
        FFI::check($ffi->sesame_phone_same_number(self::$boolPtr, $a, strlen($a), $b, strlen($b)));
        return self::$bool->cdata;
    }

    /**
     * The refusal reasons ("too_long", ... "invalid_number"), in the order the rules check them.
     * @return list<string>
     */
    public static function errors(): array
    {
        self::$ffi ?? self::setUp();
        return array_values(self::$errors);
    }

    /**
     * The line types ("unknown", "mobile", "fixed_line", ...).
     * @return list<string>
     */
    public static function types(): array
    {
        self::$ffi ?? self::setUp();
        return array_values(self::$types);
    }

    /**
     * @internal The name tables, value => name: 'errors' (sesame_phone_error without ok) and 'types'
     * (sesame_phone_type), read from the library once per process.
     * @return array{errors: array<int, string>, types: array<int, string>}
     */
    public static function names(): array
    {
        self::$ffi ?? self::setUp();
        return ['errors' => self::$errors, 'types' => self::$types];
    }

    private static function setUp(): \FFI
    {
        $ffi = FFI::get();
        self::$result = $ffi->new('sesame_phone_result');
        self::$resultPtr = \FFI::addr(self::$result);
        FFI::check($ffi->sesame_phone_result_init(self::$resultPtr));
        $r = self::$result;
        [self::$e164, self::$region, self::$national, self::$international, self::$masked]
            = [$r->e164, $r->region, $r->national, $r->international, $r->masked];
        self::$bool = $ffi->new('bool');
        self::$boolPtr = \FFI::addr(self::$bool);
        self::$accepted = $ffi->SESAME_PHONE_OK;
        self::$errors = FFI::names('sesame_phone_error_name', self::$accepted + 1);
        self::$types = FFI::names('sesame_phone_type_name', $ffi->SESAME_PHONE_TYPE_UNKNOWN);
        return self::$ffi = $ffi;
    }
}
