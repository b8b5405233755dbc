#!/usr/bin/env bash
# Php.Fpm: the PHP binding where users run it. php-fpm8.2 with ffi.enable=preload and the documented
# preload (ffi.preload = the header of bin/sesame-ffi-header.php, opcache.preload = preload.php,
# opcache.preload_user when run as root), on a unix socket of a private directory, asked through
# FastCGI (cgi-fcgi, Debian libfcgi-bin). Checks that a request normalizes a phone and that the
# in-process OTP store and date counter are refused with a DeploymentException naming Redis; then
# that ffi.preload without opcache.preload fails with the error that says so, and that the header
# generator refuses a library path that cannot be loaded.   run.sh LIBSESAME.SO
set -euo pipefail
lib=$(realpath "${1:?path to libsesame.so}")
here=$(cd "$(dirname "$0")" && pwd)
binding=$(cd "$here/../.." && pwd)
fpm=$(command -v php-fpm8.2 || echo /usr/sbin/php-fpm8.2)
[[ -x $fpm ]] || { echo "php-fpm8.2 not installed (scripts/install-deps.sh installs it)"; exit 1; }
command -v cgi-fcgi >/dev/null || { echo "cgi-fcgi not installed (libfcgi-bin)"; exit 1; }

tmp=$(mktemp -d /tmp/sesame-php-fpm.XXXXXX)
pid=""
cleanup() {
  if [[ -n $pid ]]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT
chmod 755 "$tmp"
# A world-readable copy, as a deployment has: the checkout may sit where the pool user cannot read.
mkdir -p "$tmp/sesame" "$tmp/lib" "$tmp/www"
cp -r "$binding/autoload.php" "$binding/preload.php" "$binding/src" "$binding/bin" "$binding/include" "$tmp/sesame/"
cp "$lib" "$tmp/lib/libsesame.so.1"
cp "$here/page.php" "$tmp/www/page.php"
chmod -R a+rX "$tmp"
user=""; [[ $(id -u) -eq 0 ]] && user=nobody

php "$tmp/sesame/bin/sesame-ffi-header.php" "$tmp/sesame_ffi.h" "$tmp/lib/libsesame.so.1" >/dev/null

# start_fpm NAME [opcache.preload value or ""]: php-fpm in the foreground (its PID is ours), then
# wait for its socket.
start_fpm() {
  local name=$1 preload=$2
  {
    echo "ffi.enable=preload"
    echo "ffi.preload=$tmp/sesame_ffi.h"
    echo "opcache.enable=1"
    [[ -n $preload ]] && echo "opcache.preload=$preload"
    [[ -n $preload && -n $user ]] && echo "opcache.preload_user=$user"
    echo "zend.exception_ignore_args=1"
    echo "display_errors=0"
  } > "$tmp/$name.ini"
  {
    echo "[global]"
    echo "error_log=$tmp/$name.log"
    echo "[www]"
    echo "listen=$tmp/$name.sock"
    [[ -n $user ]] && echo "user=$user"
    echo "pm=static"
    echo "pm.max_children=2"
  } > "$tmp/$name.conf"
  "$fpm" -F -y "$tmp/$name.conf" -c "$tmp/$name.ini" &
  pid=$!
  for _ in $(seq 1 500); do
    [[ -S $tmp/$name.sock ]] && return 0
    kill -0 "$pid" 2>/dev/null || { echo "php-fpm ($name) did not start:"; cat "$tmp/$name.log"; exit 1; }
    sleep 0.01
  done
  echo "php-fpm ($name): no socket"; cat "$tmp/$name.log"; exit 1
}
stop_fpm() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""; }
request() {
  SCRIPT_FILENAME=$tmp/www/page.php SCRIPT_NAME=/page.php REQUEST_METHOD=GET SESAME_AUTOLOAD=$tmp/sesame/autoload.php \
    cgi-fcgi -bind -connect "$tmp/$1.sock" | tr -d '\r'
}
fail=0
expect() { # expect NAME OUTPUT PATTERN
  if grep -qE -- "$3" <<<"$2"; then echo "ok: $1"; else echo "FAILED: $1: no /$3/ in:"; echo "$2"; fail=1; fi
}

start_fpm documented "$tmp/sesame/preload.php"
out=$(request documented)
expect "FPM SAPI" "$out" '^sapi fpm-fcgi$'
expect "a request normalizes a phone" "$out" '^phone \+262692123456$'
expect "a request checks a password" "$out" '^password valid$'
expect "in-process OtpService refused, naming RedisStore" "$out" '^otp refused: .*RedisStore'
expect "OtpMemoryStore refused" "$out" '^memory refused: .*RedisStore'
expect "in-process DateCounter refused, naming DateCounter::redis" "$out" '^dates refused: .*DateCounter::redis'
out2=$(request documented)
expect "a second request (same or other worker) too" "$out2" '^phone \+262692123456$'
stop_fpm

start_fpm ffi_preload_only ""
out=$(request ffi_preload_only)
expect "ffi.preload alone: the error says to preload the package" "$out" '^phone error Sesame\\DeploymentException: libsesame is not preloaded.*opcache.preload'
stop_fpm

if php "$tmp/sesame/bin/sesame-ffi-header.php" "$tmp/bad.h" /nonexistent/libsesame.so.1 2>"$tmp/err"; then
  echo "FAILED: the header generator accepted a missing library"; fail=1
else
  expect "the header generator refuses a missing library" "$(cat "$tmp/err")" 'no library at /nonexistent'
fi
if php "$tmp/sesame/bin/sesame-ffi-header.php" "$tmp/bad.h" libsesame.so.1 2>"$tmp/err"; then
  echo "FAILED: the header generator accepted a relative library"; fail=1
else
  expect "the header generator refuses a soname" "$(cat "$tmp/err")" 'absolute path'
fi
[[ ! -e $tmp/bad.h ]] || { echo "FAILED: a refused header was written"; fail=1; }
exit $fail
