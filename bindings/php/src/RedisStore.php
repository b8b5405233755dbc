<?php
declare(strict_types=1);

namespace Sesame;

/**
 * The shared Redis store (hiredis): one atomic Lua round trip per operation, so every PHP-FPM worker
 * and every web server sees one truth. A connection error, timeout or bad reply throws
 * StoreUnavailableException and grants nothing; the next call reconnects. No TLS in hiredis 0.14:
 * use a unix socket ($unixSocket) or a local TLS tunnel. Throws UnsupportedException when libsesame
 * was built without hiredis.
 *
 * Every argument left null takes the library's default (sesame_redis_options_init(): 127.0.0.1,
 * port 6379, prefix "sesame:otp:", 200 ms timeouts, db 0, one connection).
 *
 * Redis Sentinel: `sentinels: ['127.0.0.1:26379', ['127.0.0.1', 26380]], master: 'sesame'` instead of
 * host and port; the master is found again after a failover. `waitReplicas: N` grants a right code
 * only once N replicas have its consumption (no failover brings it back).
 *
 * @param array<int, string|array{0: string, 1: int}>|null $sentinels
 */
final class RedisStore implements OtpStore
{
    private \FFI\CData $h;

    public function __construct(
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
    ) {
        $ffi = FFI::get();
        $h = $ffi->new('sesame_otp_store*');
        RedisOptions::call(
            static fn (\FFI\CData $o) => FFI::check($ffi->sesame_otp_store_new_redis(\FFI::addr($h), $o)),
            compact('host', 'port', 'prefix', 'unixSocket', 'timeoutMs', 'connectTimeoutMs', 'username', 'password',
                'db', 'connections', 'sentinels', 'master', 'sentinelPassword', 'waitReplicas')
        );
        $this->h = $h;
    }

    public function handle(): \FFI\CData
    {
        return $this->h;
    }

    public function __destruct()
    {
        FFI::get()->sesame_otp_store_free($this->h);
    }
}
