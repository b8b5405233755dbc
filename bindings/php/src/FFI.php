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
 * Web (PHP-FPM): the default `ffi.enable=preload` lets only preloaded code create FFI bindings,
 * and FFI::scope() itself may only be called from preloaded code. Production therefore binds the
 * library once at start-up (ffi.preload with the header of bin/sesame-ffi-header.php, or FFI::load
 * in preload.php) and preloads this package with opcache.preload=preload.php, so that this class
 * is preloaded code and may call FFI::scope('SESAME'). Where cdef is refused (any SAPI but the CLI
 * under `ffi.enable=preload`) a missing scope is a DeploymentException that says so; cdef is tried
 * only where PHP allows it (CLI, tests, `ffi.enable=1`), and its errors are not hidden.
 *
 * Library lookup for cdef: SESAME_LIBRARY (absolute path to libsesame.so.1), then lib/ next to
 * this package, then the system loader (libsesame.so.1); for a preload header, which needs an
 * absolute path, the places cmake --install uses (/usr/local/lib, /usr/lib/<multiarch>, /usr/lib)
 * replace the loader. Header lookup: SESAME_FFI_HEADER, then
 * include/sesame_ffi.h of this package, then ffi/sesame_ffi.h of the source tree, then
 * <prefix>/share/sesame/sesame_ffi.h (installed by cmake --install) next to the library found.
 */
final class FFI
{
    /** The major version of the C ABI this binding is written for (the SONAME's number). */
    public const ABI_MAJOR = 1;
    public const SCOPE = 'SESAME';

    private static ?\FFI $ffi = null;

    /** @var array<string, array{int, int}> C integer type => [min, max] as PHP ints */
    private static array $ranges = [];

    /** @var array<string, int>|null 'fr' / 'en' => sesame_password_lang */
    private static ?array $langs = null;

    public static function get(): \FFI
    {
        return self::$ffi ?? self::load();
    }

    private static function load(): \FFI
    {
        $ffi = self::bind();
        // sesame_version_number() is MAJOR * 10000 + MINOR * 100 + PATCH (sesame/version.h).
        $major = intdiv($ffi->sesame_version_number(), 10000);
        if ($major !== self::ABI_MAJOR) {
            throw new SesameException("libsesame major version $major does not match the binding's " . self::ABI_MAJOR);
        }
        return self::$ffi = $ffi;
    }

    /** The preloaded scope, else (where PHP allows it) a cdef binding; never a silent fallback. */
    private static function bind(): \FFI
    {
        try {
            return \FFI::scope(self::SCOPE);
        } catch (\FFI\Exception $e) {
            $why = $e->getMessage();
        }
        if (!self::cdefAllowed()) {
            throw new DeploymentException("libsesame is not preloaded (FFI::scope('" . self::SCOPE . "'): $why). "
                . 'With ffi.enable=preload outside the CLI only preloaded code may use FFI: set ffi.preload to the '
                . 'header written by bin/sesame-ffi-header.php and opcache.preload to preload.php of the sesame '
                . 'package (docs/deployment.md, PHP-FPM)');
        }
        return \FFI::cdef(self::headerText(), self::libraryPath());
    }

    /**
     * True where FFI::cdef is allowed in ordinary code: `ffi.enable=1`, or `preload` under the CLI
     * SAPI (PHP's own rule).
     */
    public static function cdefAllowed(): bool
    {
        $enable = strtolower(trim((string) ini_get('ffi.enable')));
        return in_array($enable, ['1', 'on', 'true', 'yes'], true) || ($enable === 'preload' && PHP_SAPI === 'cli');
    }

    /**
     * True where state kept in this process lives as long as the application: the CLI (a script, a
     * worker loop). Under PHP-FPM, Apache or the built-in server every object dies with its request
     * and every worker is a separate process.
     */
    public static function longLivedProcess(): bool
    {
        return PHP_SAPI === 'cli' || PHP_SAPI === 'phpdbg';
    }

    /** @internal Throws DeploymentException when in-process state ($what) cannot work here. */
    public static function requireLongLivedProcess(string $what, string $instead): void
    {
        if (!self::longLivedProcess()) {
            throw new DeploymentException("$what lives in one PHP process for one request under the '" . PHP_SAPI
                . "' SAPI: each request and each worker would have its own, so what one request records (a "
                . "code, a wrong date) is unknown to the next and the caps do not hold. Use $instead (docs/deployment.md)");
        }
    }

    public static function headerPath(): string
    {
        $env = getenv('SESAME_FFI_HEADER');
        if ($env !== false && $env !== '') {
            if (!is_file($env)) {
                throw new DeploymentException("SESAME_FFI_HEADER names no file: $env");
            }
            return (string) realpath($env);
        }
        $candidates = [__DIR__ . '/../include/sesame_ffi.h', __DIR__ . '/../../../ffi/sesame_ffi.h'];
        foreach (self::prefixes() as $prefix) {
            $candidates[] = "$prefix/share/sesame/sesame_ffi.h";
        }
        foreach ($candidates as $path) {
            if (is_file($path)) {
                return (string) realpath($path);
            }
        }
        throw new DeploymentException('sesame_ffi.h not found (looked in ' . implode(', ', $candidates)
            . '); set SESAME_FFI_HEADER to its path');
    }

    public static function headerText(): string
    {
        return (string) file_get_contents(self::headerPath());
    }

    /**
     * Writes the header for `ffi.preload` / FFI::load: FFI_SCOPE "SESAME", an absolute FFI_LIB,
     * then the declarations. The library is checked first (checkLibrary()): a header naming a
     * library that cannot be loaded would stop PHP-FPM at start-up ("Failed pre-loading").
     * Returns the path written.
     */
    public static function writeScopedHeader(string $path, ?string $library = null): string
    {
        $lib = self::checkLibrary($library ?? self::installedLibraryPath());
        $text = '#define FFI_SCOPE "' . self::SCOPE . "\"\n#define FFI_LIB \"" . addslashes($lib) . "\"\n"
            . self::headerText();
        if (@file_put_contents($path, $text, LOCK_EX) === false) {
            throw new DeploymentException("cannot write $path");
        }
        return $path;
    }

    /**
     * $library made absolute, after checking that it exists and loads with this binding's major
     * version (dlopen resolves a relative FFI_LIB against the server's working directory, and a
     * bare soname only through ld.so's cache: run ldconfig after installing into /usr/local/lib).
     * Needs FFI::cdef, so run it from the CLI. Throws DeploymentException saying what is wrong.
     */
    public static function checkLibrary(string $library): string
    {
        $lib = $library;
        if ($lib !== '' && $lib[0] !== '/' && str_contains($lib, '/') && is_file($lib)) {
            $lib = (string) realpath($lib);
        }
        if ($lib === '' || $lib[0] !== '/') {
            throw new DeploymentException("the library must be given as an absolute path, not '$library' (none in "
                . implode(', ', self::libraryCandidates()) . '; cmake --install puts it in <prefix>/lib/libsesame.so.1)');
        }
        if (!is_file($lib)) {
            throw new DeploymentException("no library at $lib; cmake --install puts it in <prefix>/lib/libsesame.so.1");
        }
        try { // FFI::cdef: allowed in the CLI and while preloading, where this runs
            $probe = \FFI::cdef('int32_t sesame_version_number(void);', $lib);
            $major = intdiv($probe->sesame_version_number(), 10000);
        } catch (\FFI\Exception $e) {
            throw new DeploymentException("$lib cannot be loaded: " . $e->getMessage()
                . ' (missing dependencies? ldd shows them)');
        }
        if ($major !== self::ABI_MAJOR) {
            throw new DeploymentException("$lib is libsesame $major.x; this binding needs " . self::ABI_MAJOR . '.x');
        }
        return $lib;
    }

    /**
     * For cdef: SESAME_LIBRARY, else libsesame.so(.1) in lib/ of this package (absolute), else the
     * soname for the system loader.
     */
    public static function libraryPath(): string
    {
        $env = getenv('SESAME_LIBRARY');
        if ($env !== false && $env !== '') {
            return $env;
        }
        foreach ([__DIR__ . '/../lib/libsesame.so', __DIR__ . '/../lib/libsesame.so.' . self::ABI_MAJOR] as $local) {
            if (is_file($local)) {
                return (string) realpath(dirname($local)) . '/' . basename($local);
            }
        }
        return 'libsesame.so.' . self::ABI_MAJOR;
    }

    /**
     * For a preload header, which needs an absolute path: libraryPath() when it is one, else the
     * first libsesame.so.1 found where cmake --install puts it (/usr/local/lib, /usr/lib/<multiarch>,
     * /usr/lib), else the soname (which checkLibrary() refuses, listing these places).
     */
    public static function installedLibraryPath(): string
    {
        $lib = self::libraryPath();
        if ($lib[0] === '/') {
            return $lib;
        }
        foreach (self::libraryCandidates() as $path) {
            if (is_file($path)) {
                return $path;
            }
        }
        return $lib;
    }

    /** @return list<string> the usual install places of libsesame.so.1 */
    private static function libraryCandidates(): array
    {
        $so = 'libsesame.so.' . self::ABI_MAJOR;
        $paths = ["/usr/local/lib/$so"];
        $multiarch = match (php_uname('m')) {
            'x86_64' => 'x86_64-linux-gnu', 'aarch64' => 'aarch64-linux-gnu', default => null,
        };
        if ($multiarch !== null) {
            $paths[] = "/usr/lib/$multiarch/$so";
        }
        $paths[] = "/usr/lib/$so";
        return $paths;
    }

    /** @return list<string> install prefixes whose share/sesame may hold the header: the library's, then the usual ones */
    private static function prefixes(): array
    {
        $prefixes = [];
        $lib = self::installedLibraryPath();
        if ($lib[0] === '/') {
            $dir = dirname($lib);                          // <prefix>/lib or <prefix>/lib/<multiarch>
            array_push($prefixes, dirname($dir), dirname($dir, 2));
        }
        array_push($prefixes, '/usr/local', '/usr');
        return array_values(array_unique($prefixes));
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
     * $secret: the text is a secret (an OTP code, a decoded key): the C buffers are wiped once read.
     */
    public static function readSized(callable $fn, int $initial = 128, bool $secret = false): string
    {
        $ffi = self::get();
        $len = $ffi->new('size_t');
        $cap = max(1, $initial);
        $buf = $ffi->new("char[$cap]");
        try {
            $st = $fn($buf, $cap, \FFI::addr($len));
            if ($st === $ffi->SESAME_E_BUFFER_TOO_SMALL) {
                if ($secret) {
                    self::wipe($buf);
                }
                $cap = $len->cdata + 1;
                $buf = $ffi->new("char[$cap]");
                $st = $fn($buf, $cap, \FFI::addr($len));
            }
            self::check($st);
            return \FFI::string($buf, $len->cdata);
        } finally {
            if ($secret) {
                self::wipe($buf);
            }
        }
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
     * @internal The languages of labels and messages: ['fr' => SESAME_PASSWORD_LANG_FR, 'en' => ...].
     * @return array<string, int>
     */
    public static function langs(): array
    {
        if (self::$langs === null) {
            $ffi = self::get();
            self::$langs = ['fr' => $ffi->SESAME_PASSWORD_LANG_FR, 'en' => $ffi->SESAME_PASSWORD_LANG_EN];
        }
        return self::$langs;
    }

    /** @internal The sesame_password_lang of 'fr' or 'en'; InvalidArgumentException for any other. */
    public static function lang(string $lang): int
    {
        return (self::$langs ?? self::langs())[$lang]
            ?? throw SesameException::invalidArgument("lang must be 'fr' or 'en'");
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
