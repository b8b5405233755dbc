<?php
declare(strict_types=1);

namespace Sesame;

/**
 * The loaded libsesame, shared by every class of the binding (lazy singleton).
 *
 * Web (PHP-FPM): the default `ffi.enable=preload` lets only preloaded code create FFI bindings, so
 * production loads the library once in `opcache.preload` (see preload.php) and this class picks it
 * up with FFI::scope('SESAME'). CLI and tests (where FFI is allowed) fall back to FFI::cdef.
 *
 * Library lookup for cdef: SESAME_LIBRARY (absolute path to libsesame.so), then lib/ next to this
 * package, then the system loader (libsesame.so.0). Header lookup: SESAME_FFI_HEADER, then
 * include/sesame_ffi.h in this package, then ffi/sesame_ffi.h of the source tree.
 */
final class FFI
{
    public const ABI_MAJOR = 0;
    public const SCOPE = 'SESAME';

    private static ?\FFI $ffi = null;

    public static function get(): \FFI
    {
        if (self::$ffi !== null) {
            return self::$ffi;
        }
        $ffi = null;
        try {
            $ffi = \FFI::scope(self::SCOPE);
        } catch (\Throwable $e) {
            $ffi = \FFI::cdef(self::headerText(), self::libraryPath());
        }
        $major = intdiv($ffi->sesame_version_number(), 10000);
        if ($major !== self::ABI_MAJOR) {
            throw new SesameException("libsesame major version $major does not match the binding's " . self::ABI_MAJOR);
        }
        return self::$ffi = $ffi;
    }

    public static function headerPath(): string
    {
        $env = getenv('SESAME_FFI_HEADER');
        $candidates = array_filter([
            $env !== false && $env !== '' ? $env : null,
            __DIR__ . '/../include/sesame_ffi.h',
            __DIR__ . '/../../../ffi/sesame_ffi.h',
        ]);
        foreach ($candidates as $path) {
            if (is_file($path)) {
                return (string) realpath($path);
            }
        }
        throw new SesameException('sesame_ffi.h not found; set SESAME_FFI_HEADER');
    }

    public static function headerText(): string
    {
        return (string) file_get_contents(self::headerPath());
    }

    /**
     * Writes the header for `ffi.preload` / FFI::load: FFI_SCOPE "SESAME", an absolute FFI_LIB,
     * then the declarations. Returns the path written.
     */
    public static function writeScopedHeader(string $path, ?string $library = null): string
    {
        $lib = $library ?? self::libraryPath();
        if ($lib !== '' && $lib[0] !== '/' && str_contains($lib, '/')) {
            $lib = (string) realpath($lib); // dlopen would resolve a relative path against the CWD
        }
        $text = '#define FFI_SCOPE "' . self::SCOPE . "\"\n#define FFI_LIB \"" . addslashes($lib) . "\"\n"
            . self::headerText();
        if (file_put_contents($path, $text, LOCK_EX) === false) {
            throw new IoException("cannot write $path", -18);
        }
        return $path;
    }

    /** An absolute path (dlopen resolves a relative FFI_LIB against the CWD) or a soname. */
    public static function libraryPath(): string
    {
        $env = getenv('SESAME_LIBRARY');
        if ($env !== false && $env !== '') {
            return $env;
        }
        $local = __DIR__ . '/../lib/libsesame.so';
        if (is_file($local)) {
            return (string) realpath($local);
        }
        return 'libsesame.so.0';
    }

    /** Throws the exception mapped to a failing status; returns otherwise. */
    public static function check(int $status): void
    {
        if ($status < 0) {
            throw SesameException::fromStatus($status);
        }
    }

    /**
     * Calls $fn(\FFI\CData $out, int $cap, \FFI\CData $outLen): int under the size-query convention
     * and returns the bytes written.
     */
    public static function readSized(callable $fn, int $initial = 128): string
    {
        $ffi = self::get();
        $len = $ffi->new('size_t');
        $cap = max(1, $initial);
        $buf = $ffi->new("char[$cap]");
        $st = $fn($buf, $cap, \FFI::addr($len));
        if ($st === -4) { // SESAME_E_BUFFER_TOO_SMALL
            $cap = $len->cdata + 1;
            $buf = $ffi->new("char[$cap]");
            $st = $fn($buf, $cap, \FFI::addr($len));
        }
        self::check($st);
        return \FFI::string($buf, $len->cdata);
    }
}
