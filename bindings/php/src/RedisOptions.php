<?php
declare(strict_types=1);

namespace Sesame;

/**
 * @internal The sesame_redis_options (sesame/redis.h) of every Redis-backed object (RedisStore,
 * DateCounter::redis): initialised by sesame_redis_options_init(), then each argument that is not
 * null overrides its default; handed to one C call, after which the copies of the texts are wiped.
 * A null prefix lets the library pick the object's default ("sesame:otp:", "sesame:dates:").
 */
final class RedisOptions
{
    /**
     * Calls $create with a pointer to the filled options and returns what it returns.
     * @param array{host?: ?string, port?: ?int, prefix?: ?string, unixSocket?: ?string, timeoutMs?: ?int,
     *     connectTimeoutMs?: ?int, username?: ?string, password?: ?string, db?: ?int, connections?: ?int} $args
     */
    public static function call(callable $create, array $args): mixed
    {
        $ffi = FFI::get();
        $o = $ffi->new('sesame_redis_options');
        FFI::check($ffi->sesame_redis_options_init(\FFI::addr($o)));
        $keep = [];
        // PHP name => C field; texts are (pointer, length) pairs, numbers int32_t.
        foreach (['host' => 'host', 'prefix' => 'prefix', 'unixSocket' => 'unix_socket', 'username' => 'username',
                     'password' => 'password'] as $name => $field) {
            $value = $args[$name] ?? null;
            if ($value === null) {
                continue;
            }
            $n = strlen($value);
            $buf = $ffi->new('char[' . ($n + 1) . ']');
            \FFI::memcpy($buf, $value, $n);
            $keep[] = $buf;
            $o->{$field} = $ffi->cast('char *', \FFI::addr($buf));
            $o->{$field . '_len'} = $n;
        }
        foreach (['port' => 'port', 'timeoutMs' => 'timeout_ms', 'connectTimeoutMs' => 'connect_timeout_ms',
                     'db' => 'db', 'connections' => 'connections'] as $name => $field) {
            $value = $args[$name] ?? null;
            if ($value !== null) {
                $o->{$field} = FFI::fits($value, 'int32_t', $name);
            }
        }
        try {
            return $create(\FFI::addr($o));
        } finally {
            foreach ($keep as $b) {
                FFI::wipe($b);
            }
        }
    }
}
