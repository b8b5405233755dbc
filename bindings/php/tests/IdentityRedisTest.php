<?php
declare(strict_types=1);

use PHPUnit\Framework\TestCase;
use Sesame\DateCounter;
use Sesame\Directory;
use Sesame\InvalidArgumentException;
use Sesame\StoreUnavailableException;

require_once __DIR__ . '/RedisTestServer.php';

/** PHP-FPM's situation: separate PHP processes share one wrong-birth-date cap through Redis. */
final class IdentityRedisTest extends TestCase
{
    private const TODAY = '2026-09-01';
    private const NOW = 1788220800000;

    private static function school(): string
    {
        return (string) realpath(__DIR__ . '/../../../tests/data/identity/school.json');
    }

    /** Runs PHP code in a separate PHP process with the binding loaded; returns its trimmed output. */
    private static function php(string $code): string
    {
        $autoload = realpath(__DIR__ . '/../autoload.php');
        $full = 'require "' . addslashes((string) $autoload) . '"; ' . $code;
        exec(escapeshellarg(PHP_BINARY) . ' -d ffi.enable=1 -r ' . escapeshellarg($full) . ' 2>&1', $out, $rc);
        return trim(implode("\n", $out)) . ($rc === 0 ? '' : " (exit $rc)");
    }

    private static function claim(string $date): array
    {
        return ['method' => 'form', 'phone' => '07 86 77 88 99', 'family_name' => 'LEFEVRE', 'given_name' => 'Hélène',
            'pupils' => [['pupil' => 'P17', 'legal_representative' => true, 'birthdate' => $date]]];
    }

    public function testWorkersShareOneCap(): void
    {
        $port = RedisTestServer::port();
        if ($port === 0) {
            $this->markTestSkipped('redis-server not available');
        }
        $prefix = 'sesame-php-dates:' . getmypid() . ':';
        $worker = static fn (string $date, int $now): string => self::php(
            '$c = \\Sesame\\DateCounter::redis(2, 86400000, port: ' . $port . ', prefix: "' . $prefix . '", timeoutMs: 2000);'
            . ' $d = \\Sesame\\Directory::loadJson("' . addslashes(self::school()) . '");'
            . ' echo $d->match(' . var_export(self::claim($date), true) . ', "' . self::TODAY . '", ' . $now . ', $c)->detail;'
        );
        // Two wrong dates in two worker processes reach the cap of two for every process.
        $this->assertSame('date_differs', $worker('01/01/2019', self::NOW));
        $this->assertSame('date_invalid:format', $worker('xx', self::NOW + 1));
        $this->assertSame('too_many_attempts', $worker('08/08/2019', self::NOW + 2));
        $dir = Directory::loadJson(self::school());
        $c = DateCounter::redis(2, 86400000, port: $port, prefix: $prefix, timeoutMs: 2000);
        $this->assertSame('too_many_attempts', $dir->match(self::claim('08/08/2019'), self::TODAY, self::NOW + 3, $c)->detail);
        $this->assertSame('activated', $dir->match(self::claim('08/08/2019'), self::TODAY, self::NOW + 86400000 + 1, $c)->status);
    }

    public function testUnreachableRedisDecidesNothing(): void
    {
        $sock = stream_socket_server('tcp://127.0.0.1:0');
        $port = (int) substr(strrchr(stream_socket_get_name($sock, false), ':'), 1);
        fclose($sock);
        $c = DateCounter::redis(port: $port, timeoutMs: 100, connectTimeoutMs: 100);
        $this->expectException(StoreUnavailableException::class);
        Directory::loadJson(self::school())->match(self::claim('08/08/2019'), self::TODAY, self::NOW, $c);
    }

    public function testOptionsAreChecked(): void
    {
        $this->expectException(InvalidArgumentException::class);
        DateCounter::redis(0);
    }
}
