<?php
declare(strict_types=1);

namespace Sesame;

/**
 * The loaded libsesame, shared by every class of the binding (lazy singleton), and the helpers
 * every class uses: status checks, the size-query convention, integer ranges, name tables.
 *
 * One source of truth: everything the binding knows about the C ABI comes from ffi/sesame_ffi.h as
 * PHP's FFI parsed it: enum constants are read as `$ffi->SESAME_...`, struct layouts through the
 * CData fields and FFI\CType, names from the `*_name()` functions, defaults from the `_init`
 * functions. Nothing of the header is retyped here.
 *
 * Web (PHP-FPM): the default `ffi.enable=preload` lets only preloaded code create FFI bindings, so
 * production loads the library once in `opcache.preload` or `ffi.preload` (see preload.php) and
 * this class picks it up with FFI::scope('SESAME'). CLI and tests (where FFI is allowed) fall back
 * to FFI::cdef.
 *
 * Library lookup for cdef: SESAME_LIBRARY (absolute path to libsesame.so), then lib/ next to this
 * package, then the system loader (libsesame.so.1). Header lookup: SESAME_FFI_HEADER, then
 * include/sesame_ffi.h in this package, then ffi/sesame_ffi.h of the source tree.
 */
final class FFI
{
    /** The major version of the C ABI this binding is written for (the SONAME's number). */
    public const ABI_MAJOR = 1;
    public const SCOPE = 'SESAME';

    private static ?\FFI $ffi = null;

    /** @var array<string, array{int, int}> C integer type => [min, max] as PHP ints */
    private static array $ranges = [];

    public static function get(): \FFI
    {
        return self::$ffi ?? self::load();
    }

    private static function load(): \FFI
    {
        try {
            $ffi = \FFI::scope(self::SCOPE);
        } catch (\Throwable $e) {
            $ffi = \FFI::cdef(self::headerText(), self::libraryPath());
        }
        // sesame_version_number() is MAJOR * 10000 + MINOR * 100 + PATCH (sesame/version.h).
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
            throw new \RuntimeException("cannot write $path");
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
        return 'libsesame.so.' . self::ABI_MAJOR;
    }

    /** Throws the exception mapped to a failing (negative) status; returns otherwise. */
    public static function check(int $status): void
    {
        if ($status < 0) {
            throw SesameException::fromStatus($status);
        }
    }

    /**
     * Calls $fn(\FFI\CData $out, int $cap, \FFI\CData $outLen): int under the size-query convention
     * (sesame/errors.h) and returns the bytes written: one call when $initial is large enough.
     */
    public static function readSized(callable $fn, int $initial = 128): string
    {
        $ffi = self::get();
        $len = $ffi->new('size_t');
        $cap = max(1, $initial);
        $buf = $ffi->new("char[$cap]");
        $st = $fn($buf, $cap, \FFI::addr($len));
        if ($st === $ffi->SESAME_E_BUFFER_TOO_SMALL) {
            $cap = $len->cdata + 1;
            $buf = $ffi->new("char[$cap]");
            $st = $fn($buf, $cap, \FFI::addr($len));
        }
        self::check($st);
        return \FFI::string($buf, $len->cdata);
    }

    /**
     * Returns $value if it fits the C integer type $ctype ("int32_t", "uint32_t", "int64_t",
     * "uint64_t", "size_t"...), else throws \ValueError naming $param: a PHP int (64-bit signed) is
     * never silently wrapped on its way into C. The range comes from the type's size and signedness
     * as FFI parsed them. Whether the value makes sense (a TTL of 0...) is the library's decision.
     */
    public static function fits(int $value, string $ctype, string $param): int
    {
        [$min, $max] = self::$ranges[$ctype] ?? self::range($ctype);
        if ($value < $min || $value > $max) {
            throw new \ValueError("$param must be within the range of $ctype ($min..$max), $value given");
        }
        return $value;
    }

    /** @return array{int, int} */
    private static function range(string $ctype): array
    {
        $t = self::get()->type($ctype);
        $signed = match ($t->getKind()) {
            \FFI\CType::TYPE_SINT8, \FFI\CType::TYPE_SINT16, \FFI\CType::TYPE_SINT32, \FFI\CType::TYPE_SINT64 => true,
            \FFI\CType::TYPE_UINT8, \FFI\CType::TYPE_UINT16, \FFI\CType::TYPE_UINT32, \FFI\CType::TYPE_UINT64 => false,
            default => throw new \LogicException("$ctype is not a C integer type"),
        };
        $bits = 8 * $t->getSize();
        if ($bits >= PHP_INT_SIZE * 8) { // PHP ints cannot go past the 64-bit signed range
            return self::$ranges[$ctype] = [$signed ? PHP_INT_MIN : 0, PHP_INT_MAX];
        }
        return self::$ranges[$ctype] = $signed ? [-(1 << ($bits - 1)), (1 << ($bits - 1)) - 1] : [0, (1 << $bits) - 1];
    }

    /**
     * The names of a contiguous enumeration, from its `*_name()` function: value => name for
     * $first, $first + 1, ... up to the first value whose name is "" (the library's answer for a
     * value outside the enumeration). $args follow the value (e.g. a language).
     * @return array<int, string>
     */
    public static function names(string $function, int $first = 0, int ...$args): array
    {
        $ffi = self::get();
        $names = [];
        for ($v = $first; $v < $first + 4096 && ($name = $ffi->$function($v, ...$args)) !== ''; $v++) {
            $names[$v] = $name;
        }
        return $names;
    }

    /**
     * The names of a bit set, from a function naming one bit: bit => name for every bit whose
     * name is not "".
     * @return array<int, string>
     */
    public static function bitNames(string $function, int ...$args): array
    {
        $ffi = self::get();
        $names = [];
        for ($i = 0; $i < 32; $i++) {
            $name = $ffi->$function(1 << $i, ...$args);
            if ($name !== '') {
                $names[1 << $i] = $name;
            }
        }
        return $names;
    }

    /** A C copy of $bytes (uint8_t[]; at least one byte); keep it referenced during the call. */
    public static function bytes(string $bytes): \FFI\CData
    {
        $n = strlen($bytes);
        $b = self::get()->new('uint8_t[' . max(1, $n) . ']');
        if ($n > 0) {
            \FFI::memcpy($b, $bytes, $n);
        }
        return $b;
    }

    /** `const uint8_t *` to the first byte of an array made by bytes(). */
    public static function u8ptr(\FFI\CData $array): \FFI\CData
    {
        return self::get()->cast('uint8_t *', \FFI::addr($array));
    }

    /** Wipes a C buffer that held a secret (sesame_memzero: not removable by a compiler). */
    public static function wipe(\FFI\CData $buffer): void
    {
        self::get()->sesame_memzero(\FFI::addr($buffer), \FFI::sizeof($buffer));
    }

    /** Unix time in milliseconds, for the calls that take `now_ms` when the caller gives none. */
    public static function nowMs(): int
    {
        return (int) floor(microtime(true) * 1000);
    }
}
