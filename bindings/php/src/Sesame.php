<?php
declare(strict_types=1);

namespace Sesame;

/** Library-wide calls: version, build information, initialisation, UTF-8 repair. */
final class Sesame
{
    /** The version of this PHP package; the tests check that it is the loaded library's. */
    public const VERSION = '1.0.0';

    /** Version string of the loaded libsesame, e.g. "1.0.0". */
    public static function libraryVersion(): string
    {
        return FFI::get()->sesame_version_string();
    }

    /** MAJOR * 10000 + MINOR * 100 + PATCH of the loaded libsesame. */
    public static function libraryVersionNumber(): int
    {
        return FFI::get()->sesame_version_number();
    }

    /** One line: the version and the versions of the libraries inside. */
    public static function buildInfo(): string
    {
        $ffi = FFI::get();
        return FFI::readSized(static fn ($o, $c, $n) => $ffi->sesame_build_info($o, $c, $n), 256);
    }

    /** Optional early initialisation (idempotent): pays the start-up cost now and fails fast. */
    public static function init(): void
    {
        FFI::check(FFI::get()->sesame_init());
    }

    /** $bytes with each ill-formed UTF-8 subsequence replaced by U+FFFD (for logs, JSON, a UI). */
    public static function repairUtf8(string $bytes): string
    {
        $ffi = FFI::get();
        return FFI::readSized(
            static fn ($o, $c, $n) => $ffi->sesame_utf8_repair($o, $c, $n, $bytes, strlen($bytes)),
            strlen($bytes) * 3 + 1
        );
    }

    /** @internal $s itself when it is well-formed UTF-8 (no foreign call), else repairUtf8($s). */
    public static function displayable(string $s): string
    {
        return preg_match('//u', $s) === 1 ? $s : self::repairUtf8($s);
    }
}
