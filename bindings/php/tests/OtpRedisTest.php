<?php
declare(strict_types=1);

use PHPUnit\Framework\TestCase;
use Sesame\OtpService;
use Sesame\RedisStore;

require_once __DIR__ . '/RedisTestServer.php';

/** PHP-FPM's situation: separate PHP processes share one challenge through Redis. */
final class OtpRedisTest extends TestCase
{
    private const T0 = 1750000000000;

    /** Runs PHP code in a separate PHP process with the binding loaded; returns its trimmed output. */
    private static function php(string $code): string
    {
        $autoload = realpath(__DIR__ . '/../autoload.php');
        $full = 'require "' . addslashes((string) $autoload) . '"; ' . $code;
        exec(escapeshellarg(PHP_BINARY) . ' -d ffi.enable=1 -r ' . escapeshellarg($full) . ' 2>&1', $out, $rc);
        return trim(implode("\n", $out)) . ($rc === 0 ? '' : " (exit $rc)");
    }

    public function testTwoProcessesShareOneChallenge(): void
    {
        $port = RedisTestServer::port();
        if ($port === 0) {
            $this->markTestSkipped('redis-server not available');
        }
        $prefix = 'sesame-php-procs:' . getmypid() . ':';
        $make = '$svc = new \\Sesame\\OtpService(str_repeat("\\x01", 32), 1, store: new \\Sesame\\RedisStore(port: '
            . $port . ', prefix: "' . $prefix . '", timeoutMs: 2000));';
        // Worker 1 issues; worker 2 (another process) sees the cooldown and verifies the code once.
        $code = self::php($make . ' echo $svc->issue("06 12 34 56 78", "activation", ' . self::T0 . ');');
        $this->assertMatchesRegularExpression('/^\d{6}$/', $code);
        $out = self::php($make . ' try { $svc->issue("+33612345678", "activation", ' . (self::T0 + 1000) . '); echo "issued"; }'
            . ' catch (\\Sesame\\CooldownException $e) { echo "cooldown ", $e->retryAfterS; }');
        $this->assertSame('cooldown 59', $out);
        $wrong = ($code[0] === '9' ? '0' : (string) ((int) $code[0] + 1)) . substr($code, 1);
        $out = self::php($make . ' $r = $svc->verify("+33612345678", "activation", "' . $wrong . '", ' . (self::T0 + 2000) . ');'
            . ' echo $r->status, " ", $r->attemptsLeft;');
        $this->assertSame('wrong_code 4', $out);
        $out = self::php($make . ' echo $svc->verify("+33612345678", "activation", "' . $code . '", ' . (self::T0 + 3000) . ')->status;');
        $this->assertSame('ok', $out);
        // This process (a third one) sees the challenge consumed.
        $svc = new OtpService(str_repeat("\x01", 32), 1, store: new RedisStore(port: $port, prefix: $prefix, timeoutMs: 2000));
        $this->assertSame('no_challenge', $svc->verify('+33612345678', 'activation', $code, self::T0 + 4000)->status);
    }

    /** Redis Sentinel options are checked at creation; the connection itself is lazy. */
    public function testSentinelOptionsAreChecked(): void
    {
        try {
            new RedisStore(sentinels: ['127.0.0.1:26379']);
            $this->fail('a master name is required with sentinels');
        } catch (\Sesame\InvalidArgumentException $e) {
            $this->assertStringContainsString('master_name', $e->detail);
        }
        try {
            new RedisStore(sentinels: ['127.0.0.1'], master: 'sesame');
            $this->fail('a sentinel without a port is refused');
        } catch (\Sesame\InvalidArgumentException $e) {
            $this->assertStringContainsString('item 1', $e->detail);
        }
        $this->expectException(\ValueError::class);
        new RedisStore(sentinels: ['127.0.0.1:26379'], master: 'sesame', waitReplicas: 2 ** 31);
    }

    public function testSentinelStoreIsCreatedLazily(): void
    {
        $store = new RedisStore(sentinels: ['127.0.0.1:26379', ['::1', 26380]], master: 'sesame', waitReplicas: 1);
        $this->assertInstanceOf(RedisStore::class, $store);
        $this->expectException(\TypeError::class);
        new RedisStore(sentinels: [42], master: 'sesame');
    }
}
