<?php
declare(strict_types=1);

use PHPUnit\Framework\TestCase;
use Sesame\FFI;
use Sesame\Sesame;
use Sesame\SesameException;

final class LibraryTest extends TestCase
{
    public function testVersionMatchesPackageAndMajor(): void
    {
        $this->assertSame(Sesame::VERSION, Sesame::libraryVersion());
        $this->assertSame(FFI::ABI_MAJOR, intdiv(Sesame::libraryVersionNumber(), 10000));
    }

    public function testTheSystemLoaderFindsLibsesameSo1(): void
    {
        // Without SESAME_LIBRARY (and no lib/ in the package), the binding asks the loader for the
        // SONAME of major 1.
        $dir = dirname((string) realpath(FFI::libraryPath()));
        [$rc, $out] = self::runChild('echo \\Sesame\\FFI::libraryPath(), " ", \\Sesame\\Sesame::libraryVersion();',
            ['ffi.enable' => '1'], 'env -u SESAME_LIBRARY LD_LIBRARY_PATH=' . escapeshellarg($dir) . ' ');
        $this->assertSame(0, $rc, $out);
        $this->assertSame('libsesame.so.1 ' . Sesame::VERSION, $out);
    }

    public function testBuildInfoThroughSizeQuery(): void
    {
        $info = Sesame::buildInfo();
        $this->assertStringStartsWith('sesame ' . Sesame::VERSION, $info);
        $this->assertStringContainsString('libsodium', $info);
    }

    public function testErrorModelThrowsMappedExceptionWithDetail(): void
    {
        $ffi = FFI::get();
        try {
            FFI::check($ffi->sesame_build_info(null, 0, null));
            $this->fail('no exception');
        } catch (\Sesame\InvalidArgumentException $e) {
            $this->assertSame(-1, $e->getCode());
            $this->assertStringContainsString('out_len', $e->detail);
            $this->assertStringContainsString('invalid argument', $e->getMessage());
            $this->assertInstanceOf(SesameException::class, $e);
        }
    }

    public function testUnknownNegativeStatusIsAFailure(): void
    {
        $this->expectException(SesameException::class);
        FFI::check(-4242);
    }

    public function testExceptionTableMatchesTheCEnum(): void
    {
        // Every status of the header has its own class, found through the library's name for it.
        $header = FFI::headerText();
        preg_match_all('/\b(SESAME_E_\w+) = -\d+/', $header, $m);
        $this->assertSame($m[1], array_keys(SesameException::CLASSES));
        $ffi = FFI::get();
        foreach ($m[1] as $name) {
            $status = $ffi->$name;
            $this->assertSame($name, $ffi->sesame_status_name($status));
            $e = SesameException::fromStatus($status);
            $this->assertInstanceOf(SesameException::CLASSES[$name], $e, $name);
            $this->assertSame($status, $e->getCode());
            $this->assertSame($name, $e->statusName);
        }
    }

    public function testRepairUtf8(): void
    {
        $this->assertSame("0\u{FFFD}6", Sesame::repairUtf8("0\xFF6"));
        $this->assertSame('Hélène', Sesame::repairUtf8('Hélène'));
        $this->assertSame('', Sesame::repairUtf8(''));
    }

    /**
     * What the binding reads from the library, through the scope of a preloaded header: a struct,
     * enum constants, name tables, a C type's range, the status mapping.
     */
    private const SCOPED_CALLS = ' echo " ", \\Sesame\\Phone::normalize("0692 12 34 56")->e164,'
        . ' " ", \\Sesame\\Password::check("azerty")->strength->label,'
        . ' " ", count(\\Sesame\\Phone::types()),'
        . ' " ", \\Sesame\\FFI::get()->SESAME_E_COOLDOWN;'
        . ' try { new \\Sesame\\DateCounter(-1); } catch (\\ValueError $e) { echo " ValueError"; }'
        . ' try { new \\Sesame\\DateCounter(0); } catch (\\Sesame\\InvalidArgumentException $e) { echo " ", $e->statusName; }';
    private const SCOPED_OUTPUT = ' +262692123456 très faible 12 -9 ValueError SESAME_E_INVALID_ARGUMENT';

    /** Runs PHP code in a child with ffi.enable=preload (as PHP-FPM) plus $ini; returns [rc, output]. */
    private static function runChild(string $code, array $ini, string $prefix = '', ?string $bindingDir = null): array
    {
        $args = '';
        foreach ($ini + ['ffi.enable' => 'preload'] as $k => $v) {
            $args .= ' -d ' . escapeshellarg("$k=$v");
        }
        $autoload = realpath(($bindingDir ?? __DIR__ . '/..') . '/autoload.php');
        $code = 'require "' . addslashes($autoload) . '"; ' . $code;
        exec($prefix . escapeshellarg(PHP_BINARY) . $args . ' -r ' . escapeshellarg($code) . ' 2>&1', $out, $rc);
        return [$rc, trim(implode("\n", $out))];
    }

    public function testCliSapiAllowsCdefUnderPreloadMode(): void
    {
        // Why the preload step exists: with ffi.enable=preload (php.ini's default, what FPM sees
        // outside the CLI) FFI::cdef is refused. The CLI allows it, hence enable=preload here.
        [$rc, $out] = self::runChild('echo \\Sesame\\Sesame::libraryVersion();', ['ffi.enable' => 'preload', 'opcache.enable_cli' => '0']);
        $this->assertSame(Sesame::VERSION, $out, 'the CLI SAPI allows cdef under preload');
    }

    public function testFfiPreloadHeaderGivesTheScope(): void
    {
        $header = sys_get_temp_dir() . '/sesame_test_' . getmypid() . '.h';
        FFI::writeScopedHeader($header);
        try {
            [$rc, $out] = self::runChild(
                '$s = \\FFI::scope("SESAME"); echo $s->sesame_version_string(), " ", \\Sesame\\Sesame::libraryVersion();'
                    . self::SCOPED_CALLS,
                ['ffi.preload' => $header]
            );
        } finally {
            unlink($header);
        }
        $this->assertSame(0, $rc, $out);
        $this->assertSame(Sesame::VERSION . ' ' . Sesame::VERSION . self::SCOPED_OUTPUT, $out);
    }

    public function testOpcachePreloadScriptGivesTheScope(): void
    {
        // opcache.preload with FFI::load is refused together with opcache.preload_user, which
        // root needs: when the tests run as root, the child runs as `nobody` on a world-readable
        // copy of the binding, the header and the library (the checkout may sit under /root).
        $asRoot = function_exists('posix_geteuid') ? posix_geteuid() === 0 : trim((string) shell_exec('id -u')) === '0';
        $dir = __DIR__ . '/..';
        $library = FFI::libraryPath();
        $header = FFI::headerPath();
        $tmp = null;
        if ($asRoot) {
            $tmp = sys_get_temp_dir() . '/sesame-preload-' . getmypid();
            @mkdir("$tmp/src", 0755, true);
            @mkdir("$tmp/include", 0755);
            @mkdir("$tmp/lib", 0755);
            foreach (['autoload.php', 'preload.php'] as $f) {
                copy("$dir/$f", "$tmp/$f");
            }
            foreach (glob("$dir/src/*.php") as $f) {
                copy($f, "$tmp/src/" . basename($f));
            }
            copy($header, "$tmp/include/sesame_ffi.h");
            copy((string) realpath($library), "$tmp/lib/libsesame.so");
            chmod($tmp, 0755);
            $dir = $tmp;
            $library = "$tmp/lib/libsesame.so";
            $header = "$tmp/include/sesame_ffi.h";
        }
        try {
            [$rc, $out] = self::runChild(
                '$s = \\FFI::scope("SESAME"); echo $s->sesame_version_string();' . self::SCOPED_CALLS,
                ['opcache.enable_cli' => '1', 'opcache.preload' => realpath("$dir/preload.php")],
                ($asRoot ? 'runuser -u nobody -- ' : '') . 'env SESAME_LIBRARY=' . escapeshellarg($library)
                    . ' SESAME_FFI_HEADER=' . escapeshellarg($header) . ' ',
                $dir
            );
        } finally {
            if ($tmp !== null) {
                exec('rm -rf ' . escapeshellarg($tmp));
            }
        }
        $this->assertSame(0, $rc, $out);
        $this->assertSame(Sesame::VERSION . self::SCOPED_OUTPUT, $out);
    }

    public function testHeaderFromTheInstallPrefixOfTheLibrary(): void
    {
        // A package without include/ (an old copy) next to a `cmake --install` tree: the header of
        // <prefix>/share/sesame is found from the library's place.
        $tmp = sys_get_temp_dir() . '/sesame-prefix-' . getmypid();
        try {
            @mkdir("$tmp/pkg/src", 0755, true);
            @mkdir("$tmp/prefix/lib", 0755, true);
            @mkdir("$tmp/prefix/share/sesame", 0755, true);
            copy(__DIR__ . '/../autoload.php', "$tmp/pkg/autoload.php");
            foreach (glob(__DIR__ . '/../src/*.php') as $f) {
                copy($f, "$tmp/pkg/src/" . basename($f));
            }
            copy((string) realpath(FFI::libraryPath()), "$tmp/prefix/lib/libsesame.so.1");
            copy(FFI::headerPath(), "$tmp/prefix/share/sesame/sesame_ffi.h");
            [$rc, $out] = self::runChild('echo \\Sesame\\FFI::headerPath(), " ", \\Sesame\\Sesame::libraryVersion();',
                ['ffi.enable' => '1'], 'env -u SESAME_FFI_HEADER SESAME_LIBRARY=' . escapeshellarg("$tmp/prefix/lib/libsesame.so.1") . ' ',
                "$tmp/pkg");
            $this->assertSame(0, $rc, $out);
            $this->assertSame(realpath("$tmp/prefix/share/sesame/sesame_ffi.h") . ' ' . Sesame::VERSION, $out);

            // SESAME_FFI_HEADER naming nothing is an error, not a silent fallback.
            [$rc, $out] = self::runChild('try { \\Sesame\\FFI::headerPath(); } catch (\\Sesame\\DeploymentException $e) { echo $e->getMessage(); }',
                ['ffi.enable' => '1'], 'env SESAME_FFI_HEADER=/nonexistent/sesame_ffi.h ', "$tmp/pkg");
            $this->assertSame('SESAME_FFI_HEADER names no file: /nonexistent/sesame_ffi.h', $out);
        } finally {
            exec('rm -rf ' . escapeshellarg($tmp));
        }
    }

    public function testTheCliAcceptsInProcessState(): void
    {
        // The CLI SAPI (scripts, workers, tests) keeps in-process stores; FPM refuses them (Php.Fpm).
        $this->assertTrue(FFI::longLivedProcess());
        $this->assertInstanceOf(\Sesame\OtpMemoryStore::class, new \Sesame\OtpMemoryStore());
    }
}
