<?php
declare(strict_types=1);

namespace Sesame;

/**
 * Wrong birth dates per pupil, maxFailures per windowMs (sliding window), in this process (CLI
 * SAPI only: outside it the constructor throws DeploymentException, since the counter would die
 * with the request and the cap would never bite). PHP-FPM workers and several servers share one
 * through Redis: DateCounter::redis().
 */
final class DateCounter
{
    /** @internal */
    public \FFI\CData $handle;

    /** $maxFailures: a uint32_t, at least 1; $windowMs: milliseconds, at least 1. */
    public function __construct(int $maxFailures = 3, int $windowMs = 86400000)
    {
        FFI::requireLongLivedProcess('An in-process DateCounter', 'DateCounter::redis(...)');
        $ffi = FFI::get();
        $h = $ffi->new('sesame_date_counter*');
        FFI::check($ffi->sesame_date_counter_new(\FFI::addr($h), FFI::fits($maxFailures, 'uint32_t', 'maxFailures'),
            FFI::fits($windowMs, 'int64_t', 'windowMs')));
        $this->handle = $h;
    }

    /**
     * The counter in Redis, shared by every process using the same server and prefix: one atomic
     * round trip per confirmation. An unreachable or slow Redis makes Directory::match() throw
     * StoreUnavailableException (nothing decided). The connection arguments are RedisStore's (null:
     * the library's default; the prefix defaults to "sesame:dates:").
     */
    public static function redis(
        int $maxFailures = 3,
        int $windowMs = 86400000,
        ?string $host = null,
        ?int $port = null,
        ?string $prefix = null,
        ?string $unixSocket = null,
        ?int $timeoutMs = null,
        ?int $connectTimeoutMs = null,
        ?string $username = null,
        ?string $password = null,
        ?int $db = null,
        ?int $connections = null,
        ?array $sentinels = null,
        ?string $master = null,
        ?string $sentinelPassword = null,
        ?int $waitReplicas = null
    ): self {
        $ffi = FFI::get();
        $max = FFI::fits($maxFailures, 'uint32_t', 'maxFailures');
        $window = FFI::fits($windowMs, 'int64_t', 'windowMs');
        $h = $ffi->new('sesame_date_counter*');
        RedisOptions::call(
            static fn (\FFI\CData $o) => FFI::check($ffi->sesame_date_counter_new_redis(\FFI::addr($h), $max, $window, $o)),
            compact('host', 'port', 'prefix', 'unixSocket', 'timeoutMs', 'connectTimeoutMs', 'username', 'password',
                'db', 'connections', 'sentinels', 'master', 'sentinelPassword', 'waitReplicas')
        );
        $c = (new \ReflectionClass(self::class))->newInstanceWithoutConstructor();
        $c->handle = $h;
        return $c;
    }

    public function __destruct()
    {
        FFI::get()->sesame_date_counter_free($this->handle);
    }
}
