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
        $header = (string) file_get_contents(__DIR__ . '/../../../include/sesame/errors.h');
        preg_match_all('/(SESAME_E_\w+) = (-\d+)/', $header, $m, PREG_SET_ORDER);
        $this->assertCount(count(SesameException::CLASSES), $m);
        $ffi = FFI::get();
        foreach ($m as [, $name, $value]) {
            $this->assertArrayHasKey((int) $value, SesameException::CLASSES, $name);
            $this->assertSame($name, $ffi->sesame_status_name((int) $value));
        }
    }

    public function testRepairUtf8(): void
    {
        $this->assertSame("0\u{FFFD}6", Sesame::repairUtf8("0\xFF6"));
        $this->assertSame('Hélène', Sesame::repairUtf8('Hélène'));
        $this->assertSame('', Sesame::repairUtf8(''));
    }

    /** Runs PHP code in a child with ffi.enable=preload (as PHP-FPM) plus $ini; returns [rc, output]. */
    private static function runChild(string $code, array $ini, string $prefix = ''): array
    {
        $args = '';
        foreach ($ini + ['ffi.enable' => 'preload'] as $k => $v) {
            $args .= ' -d ' . escapeshellarg("$k=$v");
        }
        $autoload = realpath(__DIR__ . '/../autoload.php');
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
                '$s = \\FFI::scope("SESAME"); echo $s->sesame_version_string(), " ", \\Sesame\\Sesame::libraryVersion();',
                ['ffi.preload' => $header]
            );
        } finally {
            unlink($header);
        }
        $this->assertSame(0, $rc, $out);
        $this->assertSame(Sesame::VERSION . ' ' . Sesame::VERSION, $out);
    }

    public function testOpcachePreloadScriptGivesTheScope(): void
    {
        // opcache.preload with FFI::load is refused together with opcache.preload_user, which
        // root needs: run the child as an unprivileged user when the tests run as root.
        $prefix = '';
        if (function_exists('posix_geteuid') ? posix_geteuid() === 0 : trim((string) shell_exec('id -u')) === '0') {
            $prefix = 'runuser -u nobody -- ';
        }
        $preload = realpath(__DIR__ . '/../preload.php');
        [$rc, $out] = self::runChild(
            '$s = \\FFI::scope("SESAME"); echo $s->sesame_version_string();',
            ['opcache.enable_cli' => '1', 'opcache.preload' => $preload],
            $prefix . 'env SESAME_LIBRARY=' . escapeshellarg(FFI::libraryPath()) . ' '
        );
        $this->assertSame(0, $rc, $out);
        $this->assertSame(Sesame::VERSION, $out);
    }
}
