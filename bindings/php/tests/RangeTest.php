<?php
declare(strict_types=1);

use PHPUnit\Framework\TestCase;
use Sesame\DateCounter;
use Sesame\Directory;
use Sesame\FFI;
use Sesame\Identity;
use Sesame\InvalidArgumentException;
use Sesame\OtpAuthenticator;
use Sesame\OtpMemoryStore;
use Sesame\OtpService;
use Sesame\Password;
use Sesame\Phone;
use Sesame\PhoneAudit;
use Sesame\RedisStore;

/**
 * Integers cross into C only when they fit the parameter's C type: a PHP int outside it is a
 * \ValueError naming the parameter (never a wraparound); a wrong PHP type is a TypeError (this file
 * is strict_types, as the binding is). A value of the right type that the library finds senseless
 * (a TTL of 0, port 70000) is the library's InvalidArgumentException, with its detail.
 */
final class RangeTest extends TestCase
{
    private const KEY = "\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01";

    /** Asserts that $call throws \ValueError naming $param. */
    private function assertOutOfRange(string $param, callable $call): void
    {
        try {
            $call();
            $this->fail("no ValueError for $param");
        } catch (\ValueError $e) {
            $this->assertStringStartsWith("$param must be within the range of ", $e->getMessage());
        }
    }

    /** Asserts that $call throws the library's InvalidArgumentException. */
    private function assertRefusedByTheLibrary(callable $call, string $detail = ''): void
    {
        try {
            $call();
            $this->fail('no InvalidArgumentException');
        } catch (InvalidArgumentException $e) {
            $this->assertSame(FFI::get()->SESAME_E_INVALID_ARGUMENT, $e->getCode());
            $this->assertStringContainsString($detail, $e->detail);
        }
    }

    public function testTheHelperUsesTheCTypeRanges(): void
    {
        $this->assertSame(2147483647, FFI::fits(2147483647, 'int32_t', 'x'));
        $this->assertSame(-2147483648, FFI::fits(-2147483648, 'int32_t', 'x'));
        $this->assertSame(4294967295, FFI::fits(4294967295, 'uint32_t', 'x'));
        $this->assertSame(0, FFI::fits(0, 'uint32_t', 'x'));
        $this->assertSame(PHP_INT_MIN, FFI::fits(PHP_INT_MIN, 'int64_t', 'x'));
        $this->assertSame(PHP_INT_MAX, FFI::fits(PHP_INT_MAX, 'size_t', 'x'));
        $this->assertOutOfRange('x', static fn () => FFI::fits(2147483648, 'int32_t', 'x'));
        $this->assertOutOfRange('x', static fn () => FFI::fits(-2147483649, 'int32_t', 'x'));
        $this->assertOutOfRange('x', static fn () => FFI::fits(4294967296, 'uint32_t', 'x'));
        $this->assertOutOfRange('x', static fn () => FFI::fits(-1, 'uint32_t', 'x'));
        $this->assertOutOfRange('x', static fn () => FFI::fits(-1, 'size_t', 'x'));
        $this->assertOutOfRange('x', static fn () => FFI::fits(-1, 'uint64_t', 'x'));
        try {
            FFI::fits(-1, 'uint32_t', 'maxFailures');
        } catch (\ValueError $e) {
            $this->assertSame('maxFailures must be within the range of uint32_t (0..4294967295), -1 given', $e->getMessage());
        }
    }

    public function testDateCounter(): void
    {
        $this->assertOutOfRange('maxFailures', static fn () => new DateCounter(-1)); // was a cap of 4,294,967,295
        $this->assertOutOfRange('maxFailures', static fn () => new DateCounter(4294967296)); // was a cap of 0
        $this->assertRefusedByTheLibrary(static fn () => new DateCounter(0));
        $this->assertRefusedByTheLibrary(static fn () => new DateCounter(3, 0));
        $this->assertOutOfRange('maxFailures', static fn () => DateCounter::redis(-1));
        $this->assertOutOfRange('port', static fn () => DateCounter::redis(3, 1000, port: 4294967296 + 6379));
    }

    public function testOtpServiceOptionsAndKeyIds(): void
    {
        $this->assertOutOfRange('ttlS', static fn () => new OtpService(self::KEY, 1, ttlS: 2 ** 32 + 5)); // was ttl 5
        $this->assertOutOfRange('maxAttempts', static fn () => new OtpService(self::KEY, 1, maxAttempts: -2 ** 31 - 1));
        $this->assertOutOfRange('maxFailuresPerHour', static fn () => new OtpService(self::KEY, 1, maxFailuresPerHour: 2 ** 31));
        $this->assertOutOfRange('cooldownS', static fn () => new OtpService(self::KEY, 1, cooldownS: PHP_INT_MAX));
        $this->assertOutOfRange('maxSendsPerHour', static fn () => new OtpService(self::KEY, 1, maxSendsPerHour: PHP_INT_MIN));
        $this->assertOutOfRange('digits', static fn () => new OtpService(self::KEY, 1, digits: 2 ** 32 + 6));
        $this->assertOutOfRange('ttlS', static fn () => OtpService::portal(self::KEY, 1, ttlS: 2 ** 32 + 5));
        $this->assertOutOfRange('keyId', static fn () => new OtpService(self::KEY, -1)); // was key id 4,294,967,295
        $this->assertOutOfRange('keyId', static fn () => new OtpService(self::KEY, 2 ** 32));
        $this->assertOutOfRange('previousKeys id', static fn () => new OtpService(self::KEY, 2, previousKeys: [-1 => self::KEY]));
        $this->assertRefusedByTheLibrary(static fn () => new OtpService(self::KEY, 1, ttlS: 0), 'ttl');
        $this->assertRefusedByTheLibrary(static fn () => new OtpService(self::KEY, 1, digits: 11), 'digits');
        $this->assertRefusedByTheLibrary(static fn () => new OtpService(self::KEY, 1, previousKeys: [2 => 'short']));
        $this->assertRefusedByTheLibrary(static fn () => new OtpService(self::KEY, 1, indexKey: 'short'));
        new OtpService(self::KEY, 4294967295, previousKeys: [0 => self::KEY]); // the edges of uint32_t are fine
        $this->addToAssertionCount(1);
    }

    public function testStores(): void
    {
        $this->assertOutOfRange('maxRecords', static fn () => new OtpMemoryStore(-1));
        $this->assertRefusedByTheLibrary(static fn () => new OtpMemoryStore(0));
        $this->assertOutOfRange('port', static fn () => new RedisStore(port: 2 ** 32 + 6379)); // was port 6379
        $this->assertOutOfRange('timeoutMs', static fn () => new RedisStore(timeoutMs: -2 ** 31 - 1));
        $this->assertOutOfRange('connectTimeoutMs', static fn () => new RedisStore(connectTimeoutMs: 2 ** 31));
        $this->assertOutOfRange('db', static fn () => new RedisStore(db: 2 ** 40));
        $this->assertOutOfRange('connections', static fn () => new RedisStore(connections: -2 ** 32));
        $this->assertRefusedByTheLibrary(static fn () => new RedisStore(port: 70000), 'port');
        $this->assertRefusedByTheLibrary(static fn () => new RedisStore(connections: 0), 'connections');
    }

    public function testPassword(): void
    {
        $this->assertOutOfRange('memLimit', static fn () => Password::hash('x', null, -1));
        $this->assertOutOfRange('memLimit', static fn () => Password::needsRehash('$argon2id$', null, -1));
        $this->assertRefusedByTheLibrary(static fn () => Password::hash('x', 1)); // below the interactive minimum
        $this->assertOutOfRange('referenceYear', static fn () => Password::check('x', referenceYear: 2 ** 31 + 2026));
        $this->assertRefusedByTheLibrary(static fn () => Password::check('x', referenceYear: 1800), 'reference_year');
        $this->assertOutOfRange('score', static fn () => Password::scoreLabel(2 ** 32 + 1)); // was "faible"
        $this->assertSame('', Password::scoreLabel(7));
        $this->assertSame('', Password::scoreLabel(-1));
    }

    public function testAuthenticator(): void
    {
        $secret = '12345678901234567890';
        $this->assertOutOfRange('counter', static fn () => OtpAuthenticator::hotp($secret, -1)); // was counter 2**64 - 1
        $this->assertOutOfRange('digits', static fn () => OtpAuthenticator::hotp($secret, 0, 2 ** 32 + 6));
        $this->assertOutOfRange('counter', static fn () => OtpAuthenticator::hotpVerify($secret, '755224', -1));
        $this->assertOutOfRange('window', static fn () => OtpAuthenticator::hotpVerify($secret, '755224', 0, 2 ** 32));
        $this->assertOutOfRange('stepS', static fn () => OtpAuthenticator::totp($secret, 59000, 2 ** 32 + 30));
        $this->assertOutOfRange('digits', static fn () => OtpAuthenticator::totpVerify($secret, '94287082', 59000, digits: -2 ** 40));
        $this->assertRefusedByTheLibrary(static fn () => OtpAuthenticator::hotp($secret, 0, 5));
        $this->assertRefusedByTheLibrary(static fn () => OtpAuthenticator::totp($secret, 59000, 0));
    }

    public function testSemanticChecksStayTheLibrarys(): void
    {
        $this->assertRefusedByTheLibrary(static fn () => Identity::parseDate('1/1/2000', '2026-02-30'));
        $dir = Directory::create();
        $this->assertRefusedByTheLibrary(static fn () => $dir->match(['method' => 'form'], '2026-13-01', 0));
        $this->assertRefusedByTheLibrary(static fn () => PhoneAudit::buffer("tel\n", 'tel', ['delimiter' => '|']));
    }

    /** @return array<string, array{callable}> */
    public static function wrongTypes(): array
    {
        return [
            'counter as string' => [static fn () => new DateCounter('3')],
            'window as float' => [static fn () => new DateCounter(3, 8.64e7)],
            'key id as string' => [static fn () => new OtpService(self::KEY, '1')],
            'ttl as float' => [static fn () => new OtpService(self::KEY, 1, ttlS: 600.0)],
            'phone as int' => [static fn () => Phone::normalize(612345678)],
            'phone as null' => [static fn () => Phone::normalize(null)],
            'port as string' => [static fn () => new RedisStore(port: '6379')],
            'max records as bool' => [static fn () => new OtpMemoryStore(true)],
            'mem limit as float' => [static fn () => Password::hash('x', null, 6.7e7)],
            'reference year as string' => [static fn () => Password::check('x', referenceYear: '2026')],
            'strength as int' => [static fn () => Password::check('x', strength: 1)],
            'counter of hotp as float' => [static fn () => OtpAuthenticator::hotp('k', 1.0)],
            'now as float' => [static fn () => (new OtpService(self::KEY, 1))->issue('0612345678', 'activation', 1.75e12)],
            'legal representative as int' => [static fn () => Directory::create()->addLink('G', 'P', 1)],
            'today as int' => [static fn () => Identity::parseDate('01/01/2000', 20260901)],
        ];
    }

    /** @dataProvider wrongTypes */
    public function testWrongTypesAreTypeErrors(callable $call): void
    {
        $this->expectException(\TypeError::class);
        $call();
    }
}
