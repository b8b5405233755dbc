<?php
declare(strict_types=1);

namespace Sesame;

/**
 * HOTP (RFC 4226) and TOTP (RFC 6238) for authenticator apps, with a base32 helper for the secrets
 * the apps show. Secrets are raw bytes; $hash is 'sha1', 'sha256' or 'sha512'.
 */
final class OtpAuthenticator
{
    private const HASHES = ['sha1' => 0, 'sha256' => 1, 'sha512' => 2];

    public static function hotp(string $secret, int $counter, int $digits = 6, string $hash = 'sha1'): string
    {
        $ffi = FFI::get();
        $s = self::bytes($secret);
        return FFI::readSized(static fn ($o, $c, $n) => $ffi->sesame_otp_hotp($o, $c, $n, self::ptr($s), strlen($secret),
            $counter, $digits, self::hash($hash)), 16);
    }

    /** The next counter (matched + 1) when $code matches counter..counter+window, else null. */
    public static function hotpVerify(string $secret, string $code, int $counter, int $window = 0, int $digits = 6,
        string $hash = 'sha1'): ?int
    {
        $ffi = FFI::get();
        $ok = $ffi->new('bool');
        $next = $ffi->new('uint64_t');
        $s = self::bytes($secret);
        FFI::check($ffi->sesame_otp_hotp_verify(\FFI::addr($ok), \FFI::addr($next), self::ptr($s),
            strlen($secret), $counter, $window, $digits, self::hash($hash), $code, strlen($code)));
        return $ok->cdata ? $next->cdata : null;
    }

    public static function totp(string $secret, ?int $nowMs = null, int $stepS = 30, int $t0S = 0, int $digits = 6,
        string $hash = 'sha1'): string
    {
        $ffi = FFI::get();
        $s = self::bytes($secret);
        $now = $nowMs ?? (int) floor(microtime(true) * 1000);
        return FFI::readSized(static fn ($o, $c, $n) => $ffi->sesame_otp_totp($o, $c, $n, self::ptr($s), strlen($secret),
            $now, $stepS, $t0S, $digits, self::hash($hash)), 16);
    }

    /** The matched time step (keep it as the next $lastStep) or null. */
    public static function totpVerify(string $secret, string $code, ?int $nowMs = null, int $lastStep = -1,
        int $window = 1, int $stepS = 30, int $t0S = 0, int $digits = 6, string $hash = 'sha1'): ?int
    {
        $ffi = FFI::get();
        $ok = $ffi->new('bool');
        $step = $ffi->new('int64_t');
        $s = self::bytes($secret);
        FFI::check($ffi->sesame_otp_totp_verify(\FFI::addr($ok), \FFI::addr($step), self::ptr($s),
            strlen($secret), $nowMs ?? (int) floor(microtime(true) * 1000), $stepS, $t0S, $window, $digits,
            self::hash($hash), $lastStep, $code, strlen($code)));
        return $ok->cdata ? $step->cdata : null;
    }

    public static function base32Decode(string $text): string
    {
        $ffi = FFI::get();
        return FFI::readSized(static fn ($o, $c, $n) => $ffi->sesame_otp_base32_decode(
            $ffi->cast('uint8_t *', \FFI::addr($o)), $c, $n, $text, strlen($text)), strlen($text) + 1);
    }

    public static function base32Encode(string $data): string
    {
        $ffi = FFI::get();
        $d = self::bytes($data);
        return FFI::readSized(static fn ($o, $c, $n) => $ffi->sesame_otp_base32_encode($o, $c, $n, self::ptr($d),
            strlen($data)), intdiv(strlen($data) + 4, 5) * 8 + 1);
    }

    private static function hash(string $name): int
    {
        if (!isset(self::HASHES[$name])) {
            throw new InvalidArgumentException("hash must be 'sha1', 'sha256' or 'sha512'", -1);
        }
        return self::HASHES[$name];
    }

    private static function bytes(string $s): \FFI\CData
    {
        $ffi = FFI::get();
        $n = max(1, strlen($s));
        $b = $ffi->new("uint8_t[$n]");
        if ($s !== '') {
            \FFI::memcpy($b, $s, strlen($s));
        }
        return $b;
    }

    /** A pointer to an array from bytes(); the array must stay referenced during the call. */
    private static function ptr(\FFI\CData $arr): \FFI\CData
    {
        return FFI::get()->cast('uint8_t *', \FFI::addr($arr));
    }
}
