<?php
declare(strict_types=1);

use PHPUnit\Framework\TestCase;
use Sesame\CooldownException;
use Sesame\InvalidArgumentException;
use Sesame\OtpMemoryStore;
use Sesame\OtpService;
use Sesame\QuotaException;
use Sesame\RateLimitedException;
use Sesame\RedisStore;
use Sesame\SesameException;
use Sesame\StoreUnavailableException;

require_once __DIR__ . '/RedisTestServer.php';

/** The same flows as the Python and C++ suites, on the in-process store and on Redis. */
final class OtpServiceTest extends TestCase
{
    private const T0 = 1750000000000;
    private const MIN = 60000;
    private const HOUR = 3600000;
    private const PHONE = '+33612345678';

    public static function stores(): array
    {
        return ['memory' => ['memory'], 'redis' => ['redis']];
    }

    private static int $n = 0;

    private function service(string $kind, int $cooldownS = 60, int $ttlS = 600): OtpService
    {
        $store = null;
        if ($kind === 'redis') {
            $port = RedisTestServer::port();
            if ($port === 0) {
                $this->markTestSkipped('redis-server not available');
            }
            $store = new RedisStore(port: $port, prefix: 'sesame-php:' . getmypid() . ':' . (self::$n++) . ':', timeoutMs: 2000);
        }
        return new OtpService(str_repeat("\x01", 32), 1, ttlS: $ttlS, cooldownS: $cooldownS, store: $store);
    }

    private static function wrong(string $code): string
    {
        return ($code[0] === '9' ? '0' : (string) ((int) $code[0] + 1)) . substr($code, 1);
    }

    /** @dataProvider stores */
    public function testIssueVerifyReplay(string $kind): void
    {
        $svc = $this->service($kind);
        $code = $svc->issue('06 12 34 56 78', 'activation', self::T0);
        $this->assertMatchesRegularExpression('/^\d{6}$/', $code);
        $r = $svc->verify(self::PHONE, 'activation', self::wrong($code), self::T0 + 1);
        $this->assertSame('wrong_code', $r->status);
        $this->assertSame(4, $r->attemptsLeft);
        $r = $svc->verify(self::PHONE, 'activation', $code, self::T0 + 2);
        $this->assertSame('ok', $r->status);
        $this->assertNull($r->attemptsLeft);
        $this->assertSame('no_challenge', $svc->verify(self::PHONE, 'activation', $code, self::T0 + 3)->status);
    }

    /** @dataProvider stores */
    public function testExpiryAtTtlPortalAndClockBackwards(string $kind): void
    {
        $svc = $this->service($kind, 60, 1800);
        $code = $svc->issue(self::PHONE, 'activation', self::T0);
        $this->assertSame('expired', $svc->verify(self::PHONE, 'activation', $code, self::T0 + 1800000)->status);
        $this->assertSame('expired', $svc->verify(self::PHONE, 'activation', $code, self::T0 - 1)->status);
        $this->assertSame('ok', $svc->verify(self::PHONE, 'activation', $code, self::T0 + 1799999)->status);
        $portal = OtpService::portal(str_repeat("\x02", 32), 1);
        $c = $portal->issue(self::PHONE, 'activation', self::T0);
        $this->assertSame('ok', $portal->verify(self::PHONE, 'activation', $c, self::T0 + 1799999)->status);
    }

    /** @dataProvider stores */
    public function testCapsSurviveReissueAndBindToSubjectAndPurpose(string $kind): void
    {
        $svc = $this->service($kind);
        $code = $svc->issue(self::PHONE, 'activation', self::T0);
        $this->assertSame('no_challenge', $svc->verify(self::PHONE, 'password_reset', $code, self::T0 + 1)->status);
        $this->assertSame('no_challenge', $svc->verify('+33698765432', 'activation', $code, self::T0 + 1)->status);
        $lefts = [];
        for ($i = 0; $i < 4; $i++) {
            $lefts[] = $svc->verify('0612345678', 'activation', self::wrong($code), self::T0 + 1)->attemptsLeft;
        }
        $this->assertSame([4, 3, 2, 1], $lefts);
        $this->assertSame('locked', $svc->verify(self::PHONE, 'activation', self::wrong($code), self::T0 + 2)->status);
        $code = $svc->issue(self::PHONE, 'activation', self::T0 + self::MIN);
        for ($i = 0; $i < 5; $i++) {
            $svc->verify(self::PHONE, 'activation', self::wrong($code), self::T0 + self::MIN + 1);
        }
        $this->assertSame('rate_limited', $svc->verify(self::PHONE, 'activation', $code, self::T0 + self::MIN + 2)->status);
        try {
            $svc->issue(self::PHONE, 'activation', self::T0 + 2 * self::MIN);
            $this->fail('no exception');
        } catch (RateLimitedException $e) {
            $this->assertInstanceOf(SesameException::class, $e);
        }
    }

    /** @dataProvider stores */
    public function testCooldownAndQuotaCarryRetryAfter(string $kind): void
    {
        $svc = $this->service($kind);
        $svc->issue(self::PHONE, 'activation', self::T0);
        try {
            $svc->issue('+33 6 12 34 56 78', 'activation', self::T0 + 20500);
            $this->fail('no exception');
        } catch (CooldownException $e) {
            $this->assertSame(40, $e->retryAfterS);
        }
        for ($i = 1; $i < 5; $i++) {
            $svc->issue(self::PHONE, 'activation', self::T0 + $i * self::MIN);
        }
        try {
            $svc->issue(self::PHONE, 'activation', self::T0 + 10 * self::MIN);
            $this->fail('no exception');
        } catch (QuotaException $e) {
            $this->assertSame(3000, $e->retryAfterS);
        }
    }

    /** @dataProvider stores */
    public function testAMillionGuessesIsOutOfReach(string $kind): void
    {
        $svc = $this->service($kind);
        $compared = 0;
        $guess = 0;
        for ($now = self::T0; $now < self::T0 + 12 * self::HOUR; $now += 10 * self::MIN) {
            try {
                $svc->issue(self::PHONE, 'activation', $now);
            } catch (SesameException $e) {
            }
            for ($i = 0; $i < 6; $i++) {
                $r = $svc->verify(self::PHONE, 'activation', sprintf('%06d', $guess++), $now + $i);
                if ($r->status === 'wrong_code' || $r->status === 'ok' || ($r->status === 'locked' && $i === 4)) {
                    $compared++;
                }
            }
        }
        $perHour = $compared / 12;
        $this->assertLessThanOrEqual(10, $perHour);
        $this->assertGreaterThan(11 * 365 * 24, 1000000 / $perHour);
    }

    public function testIssueResultAndDefaultsFromTheLibrary(): void
    {
        // No limit given: the service takes sesame_otp_options_init()'s (600 s) and the portal
        // sesame_otp_options_init_portal()'s (1,800 s).
        $svc = new OtpService(str_repeat("\x01", 32), 1);
        $issue = $svc->issueResult('06 12 34 56 78', 'activation', self::T0);
        $this->assertMatchesRegularExpression('/^\d{6}$/', $issue->code);
        $this->assertSame(self::PHONE, $issue->e164);
        $this->assertSame(self::T0 + 600000, $issue->expiresAtMs);
        $this->assertSame('expired', $svc->verify(self::PHONE, 'activation', $issue->code, self::T0 + 600000)->status);
        $portal = OtpService::portal(str_repeat("\x02", 32), 1, digits: 8);
        $issue = $portal->issueResult(self::PHONE, 'activation', self::T0);
        $this->assertSame(self::T0 + 1800000, $issue->expiresAtMs);
        $this->assertMatchesRegularExpression('/^\d{8}$/', $issue->code);
        $this->assertTrue($portal->verify(self::PHONE, 'activation', $issue->code, self::T0 + 1799999)->isOk());
        $this->assertSame(['ok', 'wrong_code', 'expired', 'no_challenge', 'locked', 'rate_limited'], OtpService::verdicts());
    }

    public function testTypedCodeNormalizationAndBadArguments(): void
    {
        $svc = $this->service('memory', 0);
        $code = $svc->issue(self::PHONE, 'activation', self::T0);
        $this->assertTrue($svc->verify(self::PHONE, 'activation', substr($code, 0, 3) . '-' . substr($code, 3), self::T0 + 1)->isOk());
        $code = $svc->issue(self::PHONE, 'activation', self::T0 + 2);
        $full = '';
        foreach (str_split($code) as $d) {
            $full .= mb_chr(0xFF10 + (int) $d, 'UTF-8');
        }
        $this->assertTrue($svc->verify(self::PHONE, 'activation', $full, self::T0 + 3)->isOk());
        try {
            $svc->issue('06 12', 'activation', self::T0);
            $this->fail('no exception');
        } catch (InvalidArgumentException $e) {
            $this->assertStringNotContainsString('06 12', $e->getMessage());
        }
        $this->expectException(InvalidArgumentException::class);
        new OtpService(str_repeat('k', 31), 1);
    }

    public function testRotationThroughPreviousKeysOnASharedStore(): void
    {
        $store = new OtpMemoryStore();
        $index = str_repeat("\x07", 32);
        $old = new OtpService(str_repeat("\x01", 32), 1, store: $store, indexKey: $index);
        $code = $old->issue(self::PHONE, 'activation', self::T0);
        $new = new OtpService(str_repeat("\x02", 32), 2, store: $store, indexKey: $index,
            previousKeys: [1 => str_repeat("\x01", 32)]);
        $this->assertSame('ok', $new->verify(self::PHONE, 'activation', $code, self::T0 + 1)->status);
    }

    public function testUnreachableRedisIsStoreUnavailable(): void
    {
        $sock = stream_socket_server('tcp://127.0.0.1:0');
        $port = (int) substr(strrchr(stream_socket_get_name($sock, false), ':'), 1);
        fclose($sock);
        $svc = new OtpService(str_repeat("\x01", 32), 1, store: new RedisStore(port: $port, timeoutMs: 100, connectTimeoutMs: 100));
        $this->expectException(StoreUnavailableException::class);
        $svc->issue(self::PHONE, 'activation', self::T0);
    }
}
