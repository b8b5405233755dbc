<?php
declare(strict_types=1);

/**
 * The redis-server for the PHP Redis tests (OTP store, date counter): the ctest fixture's (SESAME_TEST_REDIS_DIR/port), else a
 * private one on a free port, stopped by its PID at exit. Not a test case (no *Test.php name).
 */
final class RedisTestServer
{
    private static ?int $port = null;
    /** @var resource|null */
    private static $proc = null;

    public static function port(): int
    {
        if (self::$port !== null) {
            return self::$port;
        }
        $dir = getenv('SESAME_TEST_REDIS_DIR');
        if ($dir !== false && is_file("$dir/port")) {
            $p = (int) trim((string) file_get_contents("$dir/port"));
            if ($p > 0 && self::ping($p)) {
                return self::$port = $p;
            }
        }
        $exe = trim((string) shell_exec('command -v redis-server'));
        if ($exe === '') {
            return self::$port = 0;
        }
        $sock = stream_socket_server('tcp://127.0.0.1:0');
        $p = (int) substr(strrchr(stream_socket_get_name($sock, false), ':'), 1);
        fclose($sock);
        $cmd = [$exe, '--port', (string) $p, '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no',
            '--enable-debug-command', 'local'];
        self::$proc = proc_open($cmd, [1 => ['file', '/dev/null', 'w'], 2 => ['file', '/dev/null', 'w']], $pipes);
        for ($i = 0; $i < 500 && !self::ping($p); $i++) {
            usleep(5000); // start-up polling
        }
        register_shutdown_function(static function (): void {
            if (self::$proc !== null) {
                $pid = proc_get_status(self::$proc)['pid'];
                posix_kill($pid, 9) || exec('kill -9 ' . (int) $pid);
                proc_close(self::$proc);
            }
        });
        return self::$port = self::ping($p) ? $p : 0;
    }

    private static function ping(int $port): bool
    {
        $c = @stream_socket_client("tcp://127.0.0.1:$port", $errno, $err, 0.2);
        if ($c === false) {
            return false;
        }
        fwrite($c, "PING\r\n");
        $r = (string) fread($c, 16);
        fclose($c);
        return str_starts_with($r, '+PONG');
    }
}
