<?php
declare(strict_types=1);

namespace Sesame;

/**
 * Wrong birth dates per pupil, maxFailures per windowMs (sliding window), in this process. PHP-FPM
 * workers and several servers share one through Redis: DateCounter::redis().
 */
final class DateCounter
{
    /** @internal */
    public \FFI\CData $handle;

    public function __construct(int $maxFailures = 3, int $windowMs = 86400000)
    {
        $ffi = FFI::get();
        $h = $ffi->new('sesame_date_counter*');
        FFI::check($ffi->sesame_date_counter_new(\FFI::addr($h), $maxFailures, $windowMs));
        $this->handle = $h;
    }

    /**
     * The counter in Redis, shared by every process using the same server and prefix: one atomic
     * round trip per confirmation. An unreachable or slow Redis makes Directory::match() throw
     * StoreUnavailableException (nothing decided). The connection arguments are RedisStore's.
     */
    public static function redis(
        int $maxFailures = 3,
        int $windowMs = 86400000,
        string $host = '127.0.0.1',
        int $port = 6379,
        string $prefix = 'sesame:dates:',
        ?string $unixSocket = null,
        int $timeoutMs = 200,
        int $connectTimeoutMs = 200,
        ?string $username = null,
        ?string $password = null,
        int $db = 0,
        int $connections = 1
    ): self {
        $ffi = FFI::get();
        $h = $ffi->new('sesame_date_counter*');
        RedisOptions::call(
            static fn (\FFI\CData $o) => FFI::check($ffi->sesame_date_counter_new_redis(\FFI::addr($h), $maxFailures, $windowMs, $o)),
            $host, $port, $prefix, $unixSocket, $timeoutMs, $connectTimeoutMs, $username, $password, $db, $connections
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
