<?php
declare(strict_types=1);

namespace Sesame;

/**
 * @internal The sesame_redis_options (sesame/redis.h) of every Redis-backed object (RedisStore,
 * DateCounter::redis): initialised by sesame_redis_options_init(), then each argument that is not
 * null overrides its default; handed to one C call, after which the copies of the texts are wiped.
 * A null prefix lets the library pick the object's default ("sesame:otp:", "sesame:dates:").
 *
 * Redis Sentinel: `sentinels` (['127.0.0.1:26379', ['127.0.0.1', 26380], ...]) and `master` (the
 * master's name in the sentinels' configuration) replace host and port; `waitReplicas` N grants a
 * consumed code only once N replicas have it.
 */
final class RedisOptions
{
    /**
     * Calls $create with a pointer to the filled options and returns what it returns.
     * @param array{host?: ?string, port?: ?int, prefix?: ?string, unixSocket?: ?string, timeoutMs?: ?int,
     *     connectTimeoutMs?: ?int, username?: ?string, password?: ?string, db?: ?int, connections?: ?int,
     *     sentinels?: ?array<int, string|array{0: string, 1: int}>, master?: ?string, sentinelPassword?: ?string,
     *     waitReplicas?: ?int} $args
     */
    public static function call(callable $create, array $args): mixed
    {
        $ffi = FFI::get();
        $o = $ffi->new('sesame_redis_options');
        FFI::check($ffi->sesame_redis_options_init(\FFI::addr($o)));
        $keep = [];
        if (($args['sentinels'] ?? null) !== null) {
            $args['sentinels'] = self::sentinels($args['sentinels']);
        }
        // PHP name => C field; texts are (pointer, length) pairs, numbers int32_t.
        foreach (['host' => 'host', 'prefix' => 'prefix', 'unixSocket' => 'unix_socket', 'username' => 'username',
                     'password' => 'password', 'sentinels' => 'sentinels', 'master' => 'master_name',
                     'sentinelPassword' => 'sentinel_password'] as $name => $field) {
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
                     'db' => 'db', 'connections' => 'connections', 'waitReplicas' => 'wait_replicas'] as $name => $field) {
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

    /**
     * The C form of the sentinels, "host:port,host:port" (IPv6 hosts in brackets); the library
     * checks the rest.
     * @param array<int, mixed> $sentinels
     */
    private static function sentinels(array $sentinels): string
    {
        $items = [];
        foreach ($sentinels as $i => $s) {
            if (is_string($s)) {
                $items[] = $s;
            } elseif (is_array($s) && count($s) === 2 && is_string($s[0] ?? null) && is_int($s[1] ?? null)) {
                $port = FFI::fits($s[1], 'int32_t', "sentinels[$i] port");
                $items[] = str_contains($s[0], ':') ? "[{$s[0]}]:$port" : "{$s[0]}:$port";
            } else {
                throw new \TypeError("sentinels[$i] must be 'host:port' or [host, port]");
            }
        }
        return implode(',', $items);
    }
}
