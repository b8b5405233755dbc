<?php
declare(strict_types=1);

namespace Sesame;

/**
 * @internal The sesame_otp_redis_options of every Redis-backed object (RedisStore,
 * DateCounter::redis): filled from named arguments, handed to one C call, then the copy of the
 * password is wiped.
 */
final class RedisOptions
{
    /**
     * Calls $create with a pointer to the filled options and returns what it returns.
     * A null $prefix lets the C library pick the object's default.
     */
    public static function call(
        callable $create,
        string $host,
        int $port,
        ?string $prefix,
        ?string $unixSocket,
        int $timeoutMs,
        int $connectTimeoutMs,
        ?string $username,
        ?string $password,
        int $db,
        int $connections
    ): mixed {
        $ffi = FFI::get();
        $o = $ffi->new('sesame_otp_redis_options');
        FFI::check($ffi->sesame_otp_redis_options_init(\FFI::addr($o)));
        $keep = [];
        $put = static function (string $field, ?string $value) use ($ffi, $o, &$keep): void {
            if ($value === null) {
                return;
            }
            $n = strlen($value);
            $buf = $ffi->new('char[' . ($n + 1) . ']');
            if ($n > 0) {
                \FFI::memcpy($buf, $value, $n);
            }
            $keep[] = $buf;
            $o->{$field} = $ffi->cast('char *', \FFI::addr($buf));
            $o->{$field . '_len'} = $n;
        };
        $put('host', $host);
        $put('prefix', $prefix);
        $put('unix_socket', $unixSocket);
        $put('username', $username);
        $put('password', $password);
        $o->port = $port;
        $o->timeout_ms = $timeoutMs;
        $o->connect_timeout_ms = $connectTimeoutMs;
        $o->db = $db;
        $o->connections = $connections;
        try {
            return $create(\FFI::addr($o));
        } finally {
            if ($password !== null) {
                foreach ($keep as $b) {
                    \FFI::memset($b, 0, \FFI::sizeof($b));
                }
            }
        }
    }
}
