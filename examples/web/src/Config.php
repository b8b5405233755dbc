<?php
declare(strict_types=1);

namespace Ent;

/**
 * The deployment's settings, from the environment (PHP-FPM: `env[...]` in the pool; scripts/web.sh
 * writes them). Secrets (the OTP keys) come from the ENT's secret store in real life.
 */
final class Config
{
    public function __construct(
        public readonly string $dsn,
        public readonly ?string $dbUser,
        public readonly ?string $dbPassword,
        /** @var list<string> 'host:port' of the Redis Sentinels; empty: $redisHost:$redisPort */
        public readonly array $sentinels,
        public readonly string $master,
        public readonly string $redisHost,
        public readonly int $redisPort,
        public readonly string $otpKey,
        public readonly string $otpIndexKey,
        public readonly string $outbox,
        public readonly bool $testMode,
    ) {
    }

    public static function fromEnvironment(): self
    {
        $env = static fn (string $name, ?string $default = null): ?string =>
            (($v = getenv($name)) !== false && $v !== '') ? $v : $default;
        $sentinels = $env('SESAME_WEB_SENTINELS');
        return new self(
            $env('SESAME_WEB_DSN', 'sqlite:' . dirname(__DIR__) . '/var/ent.sqlite'),
            $env('SESAME_WEB_DB_USER'),
            $env('SESAME_WEB_DB_PASSWORD'),
            $sentinels === null ? [] : explode(',', $sentinels),
            $env('SESAME_WEB_REDIS_MASTER', 'sesame'),
            $env('SESAME_WEB_REDIS_HOST', '127.0.0.1'),
            (int) $env('SESAME_WEB_REDIS_PORT', '6379'),
            self::key($env('SESAME_WEB_OTP_KEY'), 'SESAME_WEB_OTP_KEY'),
            self::key($env('SESAME_WEB_OTP_INDEX_KEY'), 'SESAME_WEB_OTP_INDEX_KEY'),
            $env('SESAME_WEB_OUTBOX', dirname(__DIR__) . '/var/outbox.jsonl'),
            $env('SESAME_WEB_TEST') === '1',
        );
    }

    /** 32 bytes from 64 hexadecimal digits. */
    private static function key(?string $hex, string $name): string
    {
        if ($hex === null || !preg_match('/^[0-9a-f]{64}$/', $hex)) {
            throw new \RuntimeException("$name must be 64 hexadecimal digits (32 bytes)");
        }
        return (string) hex2bin($hex);
    }
}
