<?php
declare(strict_types=1);

namespace Sesame;

/** Library-wide calls: version, build information, initialisation. */
final class Sesame
{
    public const VERSION = '0.1.0';

    /** Version string of the loaded libsesame, e.g. "0.1.0". */
    public static function libraryVersion(): string
    {
        return (string) FFI::get()->sesame_version_string();
    }

    public static function libraryVersionNumber(): int
    {
        return FFI::get()->sesame_version_number();
    }

    public static function buildInfo(): string
    {
        $ffi = FFI::get();
        return FFI::readSized(static fn ($o, $c, $n) => $ffi->sesame_build_info($o, $c, $n));
    }

    /** Optional early initialisation (idempotent). */
    public static function init(): void
    {
        FFI::check(FFI::get()->sesame_init());
    }

    /** $bytes with each ill-formed UTF-8 subsequence replaced by U+FFFD. */
    public static function repairUtf8(string $bytes): string
    {
        $ffi = FFI::get();
        return FFI::readSized(
            static fn ($o, $c, $n) => $ffi->sesame_utf8_repair($o, $c, $n, $bytes, strlen($bytes)),
            strlen($bytes) * 3 + 1
        );
    }
}
