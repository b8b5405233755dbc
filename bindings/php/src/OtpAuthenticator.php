<?php
declare(strict_types=1);

namespace Sesame;

/**
 * HOTP (RFC 4226) and TOTP (RFC 6238) for authenticator apps, with a base32 helper for the secrets
 * the apps show. Secrets are raw bytes; $hash is 'sha1', 'sha256' or 'sha512'.
 */
final class OtpAuthenticator
{
    public static function hotp(string $secret, int $counter, int $digits = 6, string $hash = 'sha1'): string
    {
        $ffi = FFI::get();
        $s = FFI::bytes($secret);
        $counter = FFI::fits($counter, 'uint64_t', 'counter');
        $digits = FFI::fits($digits, 'int32_t', 'digits');
        $h = self::hash($hash);
        try {
            return FFI::readSized(static fn ($o, $c, $n) => $ffi->sesame_otp_hotp($o, $c, $n, FFI::u8ptr($s),
                strlen($secret), $counter, $digits, $h), $ffi->SESAME_OTP_CODE_SIZE, secret: true);
        } finally {
            FFI::wipe($s);
        }
    }

    /** The next counter (matched + 1) when $code matches counter..counter+window, else null. */
    public static function hotpVerify(string $secret, string $code, int $counter, int $window = 0, int $digits = 6,
        string $hash = 'sha1'): ?int
    {
        $ffi = FFI::get();
        $ok = $ffi->new('bool');
        $next = $ffi->new('uint64_t');
        $s = FFI::bytes($secret);
        try {
            FFI::check($ffi->sesame_otp_hotp_verify(\FFI::addr($ok), \FFI::addr($next), FFI::u8ptr($s), strlen($secret),
                FFI::fits($counter, 'uint64_t', 'counter'), FFI::fits($window, 'int32_t', 'window'),
                FFI::fits($digits, 'int32_t', 'digits'), self::hash($hash), $code, strlen($code)));
        } finally {
            FFI::wipe($s);
        }
        return $ok->cdata ? $next->cdata : null;
    }

    /** $nowMs: Unix milliseconds (int64_t), null for the clock. */
    public static function totp(string $secret, ?int $nowMs = null, int $stepS = 30, int $t0S = 0, int $digits = 6,
        string $hash = 'sha1'): string
    {
        $ffi = FFI::get();
        $s = FFI::bytes($secret);
        $now = $nowMs ?? FFI::nowMs();
        $stepS = FFI::fits($stepS, 'int32_t', 'stepS');
        $t0S = FFI::fits($t0S, 'int64_t', 't0S');
        $digits = FFI::fits($digits, 'int32_t', 'digits');
        $h = self::hash($hash);
        try {
            return FFI::readSized(static fn ($o, $c, $n) => $ffi->sesame_otp_totp($o, $c, $n, FFI::u8ptr($s),
                strlen($secret), $now, $stepS, $t0S, $digits, $h), $ffi->SESAME_OTP_CODE_SIZE, secret: true);
        } finally {
            FFI::wipe($s);
        }
    }

    /** The matched time step (keep it as the next $lastStep) or null. */
    public static function totpVerify(string $secret, string $code, ?int $nowMs = null, int $lastStep = -1,
        int $window = 1, int $stepS = 30, int $t0S = 0, int $digits = 6, string $hash = 'sha1'): ?int
    {
        $ffi = FFI::get();
        $ok = $ffi->new('bool');
        $step = $ffi->new('int64_t');
        $s = FFI::bytes($secret);
        try {
            FFI::check($ffi->sesame_otp_totp_verify(\FFI::addr($ok), \FFI::addr($step), FFI::u8ptr($s), strlen($secret),
                $nowMs ?? FFI::nowMs(), FFI::fits($stepS, 'int32_t', 'stepS'), FFI::fits($t0S, 'int64_t', 't0S'),
                FFI::fits($window, 'int32_t', 'window'), FFI::fits($digits, 'int32_t', 'digits'), self::hash($hash),
                FFI::fits($lastStep, 'int64_t', 'lastStep'), $code, strlen($code)));
        } finally {
            FFI::wipe($s);
        }
        return $ok->cdata ? $step->cdata : null;
    }

    public static function base32Decode(string $text): string
    {
        $ffi = FFI::get();
        return FFI::readSized(static fn ($o, $c, $n) => $ffi->sesame_otp_base32_decode(
            $ffi->cast('uint8_t *', \FFI::addr($o)), $c, $n, $text, strlen($text)), strlen($text) + 1, secret: true);
    }

    public static function base32Encode(string $data): string
    {
        $ffi = FFI::get();
        $d = FFI::bytes($data);
        try {
            return FFI::readSized(static fn ($o, $c, $n) => $ffi->sesame_otp_base32_encode($o, $c, $n, FFI::u8ptr($d),
                strlen($data)), intdiv(strlen($data) + 4, 5) * 8 + 1, secret: true);
        } finally {
            FFI::wipe($d);
        }
    }

    /** @return int the sesame_otp_hash of a name */
    private static function hash(string $name): int
    {
        $ffi = FFI::get();
        return match ($name) {
            'sha1' => $ffi->SESAME_OTP_SHA1,
            'sha256' => $ffi->SESAME_OTP_SHA256,
            'sha512' => $ffi->SESAME_OTP_SHA512,
            default => throw SesameException::invalidArgument("hash must be 'sha1', 'sha256' or 'sha512'"),
        };
    }
}
