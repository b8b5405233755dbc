#!/usr/bin/env bash
# The stack an ENT runs, on this machine, for the example site examples/web/:
#   nginx -> PHP-FPM (4 workers, ffi.enable=preload with the documented preload) -> libsesame,
#   Redis (a master, two replicas, three Sentinels) for SMS codes and wrong birth dates,
#   the school's records in SQLite (default) or PostgreSQL (--postgres).
# Everything listens on 127.0.0.1, on free ports, and runs from a deployment directory
# ($SESAME_WEB_DIR, default build/web): the library installed by `cmake --install` into
# prefix/, the binding as vendor/sesame/sesame, the site in srv/. Test mode is on: every answer
# names the FPM worker that served it (X-Sesame-Worker), SMS go to var/outbox.jsonl.
#
#   bash scripts/web.sh [--postgres]   installs what is missing (apt), builds the library if needed,
#                                      starts the stack, returns once it answers; last line: the URL
#   bash scripts/web.sh stop           stops what it started, by PID
#
# The test's view of the stack (ports, files, PIDs) is in $SESAME_WEB_DIR/stack.env.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
state=${SESAME_WEB_DIR:-$repo/build/web}
workers=${SESAME_WEB_WORKERS:-4}
run=$state/run

stop_pid() { # stop_pid FILE: SIGTERM to the PID in FILE, then wait for it to exit (SIGKILL after 10 s)
  local file=$1 pid
  [[ -f $file ]] || return 0
  pid=$(cat "$file")
  rm -f "$file"
  [[ $pid =~ ^[0-9]+$ ]] || return 0
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 1000); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.01; done
  kill -9 "$pid" 2>/dev/null || true
}

stop() {
  [[ -d $run ]] || { echo "nothing started in $state"; return 0; }
  # The web tier first (no request in flight), then Redis (sentinels before the servers, so that
  # no failover starts), then PostgreSQL (pg_ctl waits for its shutdown).
  stop_pid "$run/nginx.pid"
  stop_pid "$run/php-fpm.pid"
  for f in "$run"/sentinel-*.pid; do [[ -e $f ]] && stop_pid "$f"; done
  for f in "$run"/redis-*.pid; do [[ -e $f ]] && stop_pid "$f"; done
  if [[ -f $run/postgres.pid ]]; then
    runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl -D "$state/pg/data" -m fast -w stop >/dev/null 2>&1 || true
    stop_pid "$run/postgres.pid"
  fi
  echo "stopped the stack of $state"
}

if [[ ${1:-} == stop ]]; then
  stop
  exit 0
fi
postgres=0
[[ ${1:-} == --postgres ]] && postgres=1
[[ -z ${1:-} || ${1:-} == --postgres ]] || { echo "usage: $0 [--postgres] | stop" >&2; exit 2; }

# ---- what is missing -----------------------------------------------------------------------------
pkgs=(nginx php8.2-fpm php8.2-sqlite3 redis-server curl)
[[ $postgres -eq 1 ]] && pkgs+=(postgresql php8.2-pgsql)
bash scripts/install-deps.sh "${pkgs[@]}"
[[ -f build/CMakeCache.txt ]] || cmake --preset default >/dev/null
cmake --build build --target sesame_shared sesame_static sesame_cli >/dev/null

# ---- a fresh deployment directory ------------------------------------------------------------------
stop >/dev/null
rm -rf "$state"
started=0
trap '[[ $started == 1 ]] || { echo "web.sh: stopping what started" >&2; stop >/dev/null; }' EXIT
mkdir -p "$run" "$state/log" "$state/etc" "$state/var/sessions" "$state/srv/app/vendor/sesame/sesame" "$state/redis"
chmod 755 "$state"
cmake --install build --prefix "$state/prefix" >/dev/null
app=$state/srv/app
cp -r examples/web/public examples/web/src examples/web/templates examples/web/bin examples/web/schema.sql "$app/"
cp -r bindings/php/autoload.php bindings/php/preload.php bindings/php/composer.json bindings/php/src bindings/php/bin \
  bindings/php/include "$app/vendor/sesame/sesame/"
chmod -R a+rX "$state/prefix" "$state/srv"
lib=$state/prefix/lib/libsesame.so.1
php "$app/vendor/sesame/sesame/bin/sesame-ffi-header.php" "$state/etc/sesame_ffi.h" "$lib" >/dev/null

# free_ports N: N distinct free TCP ports of 127.0.0.1
free_ports() {
  /usr/bin/python3 - "$1" <<'EOF'
import socket, sys
socks = [socket.socket() for _ in range(int(sys.argv[1]))]
for s in socks:
    s.bind(("127.0.0.1", 0))
print(" ".join(str(s.getsockname()[1]) for s in socks))
EOF
}
read -r http_port redis_a redis_b redis_c sent_a sent_b sent_c pg_port < <(free_ports 8)

# ---- Redis: a master, two replicas, three Sentinels -------------------------------------------------
redis_up() { redis-cli -h 127.0.0.1 -p "$1" ping 2>/dev/null | grep -q PONG; }
wait_for() { # wait_for WHAT COMMAND...: up to 10 s
  local what=$1; shift
  for _ in $(seq 1 1000); do "$@" && return 0; sleep 0.01; done
  echo "web.sh: $what did not come up (logs in $state/log)" >&2
  exit 1
}
for port in $redis_a $redis_b $redis_c; do
  args=(--port "$port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes --dir "$state/redis"
        --pidfile "$run/redis-$port.pid" --logfile "$state/log/redis-$port.log")
  [[ $port != "$redis_a" ]] && args+=(--replicaof 127.0.0.1 "$redis_a")
  redis-server "${args[@]}"
done
for port in $redis_a $redis_b $redis_c; do wait_for "redis $port" redis_up "$port"; done
replicas_online() { [[ $(redis-cli -h 127.0.0.1 -p "$redis_a" info replication | grep -c 'state=online') -eq 2 ]]; }
wait_for "the replication" replicas_online
for port in $sent_a $sent_b $sent_c; do
  cat > "$state/etc/sentinel-$port.conf" <<EOF
port $port
bind 127.0.0.1
dir $state/redis
sentinel monitor sesame 127.0.0.1 $redis_a 2
sentinel down-after-milliseconds sesame 2000
sentinel failover-timeout sesame 5000
EOF
  redis-server "$state/etc/sentinel-$port.conf" --sentinel --daemonize yes --pidfile "$run/sentinel-$port.pid" \
    --logfile "$state/log/sentinel-$port.log"
done
sentinels_agree() {
  local p
  for p in $sent_a $sent_b $sent_c; do
    [[ $(redis-cli -h 127.0.0.1 -p "$p" sentinel master sesame 2>/dev/null | grep -A1 '^num-other-sentinels$' | tail -1) == 2 ]] || return 1
  done
}
wait_for "the sentinels" sentinels_agree

# ---- the school's records --------------------------------------------------------------------------
if [[ $postgres -eq 1 ]]; then
  pgbin=/usr/lib/postgresql/15/bin
  mkdir -p "$state/pg"
  chown postgres: "$state/pg"
  runuser -u postgres -- "$pgbin/initdb" -D "$state/pg/data" -U ent --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  runuser -u postgres -- "$pgbin/pg_ctl" -D "$state/pg/data" -l "$state/pg/postgres.log" -w \
    -o "-h 127.0.0.1 -p $pg_port -k $state/pg" start >/dev/null
  head -1 "$state/pg/data/postmaster.pid" > "$run/postgres.pid"
  runuser -u postgres -- "$pgbin/createdb" -h 127.0.0.1 -p "$pg_port" -U ent ent
  dsn="pgsql:host=127.0.0.1;port=$pg_port;dbname=ent;user=ent"
else
  dsn="sqlite:$state/var/ent.sqlite"
fi
SESAME_LIBRARY=$lib SESAME_WEB_DSN=$dsn php "$app/bin/import.php" "${SESAME_WEB_SCHOOL:-examples/web/tests/school.json}" >/dev/null
touch "$state/var/outbox.jsonl"
chown -R www-data: "$state/var"

# ---- PHP-FPM ----------------------------------------------------------------------------------------
cat > "$state/etc/php.ini" <<EOF
; PHP-FPM as docs/deployment.md says: the library and the binding preloaded.
ffi.enable=preload
ffi.preload=$state/etc/sesame_ffi.h
opcache.enable=1
opcache.preload=$app/vendor/sesame/sesame/preload.php
opcache.preload_user=www-data
; no personal data in logs: no argument values in stack traces, no errors on pages
zend.exception_ignore_args=1
display_errors=0
log_errors=1
expose_php=0
session.save_path=$state/var/sessions
session.use_strict_mode=1
session.cookie_httponly=1
session.cookie_samesite=Lax
session.gc_probability=0
EOF
otp_key=$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')
index_key=$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')
cat > "$state/etc/php-fpm.conf" <<EOF
[global]
pid = $run/php-fpm.pid
error_log = $state/log/php-fpm.log
daemonize = yes

[ent]
user = www-data
group = www-data
listen = $run/php-fpm.sock
listen.owner = www-data
listen.group = www-data
listen.mode = 0660
pm = static
pm.max_children = $workers
catch_workers_output = yes
decorate_workers_output = no
php_admin_value[error_log] = $state/log/php-error.log
clear_env = yes
env[SESAME_WEB_DSN] = "$dsn"
env[SESAME_WEB_SENTINELS] = 127.0.0.1:$sent_a,127.0.0.1:$sent_b,127.0.0.1:$sent_c
env[SESAME_WEB_REDIS_MASTER] = sesame
env[SESAME_WEB_OTP_KEY] = $otp_key
env[SESAME_WEB_OTP_INDEX_KEY] = $index_key
env[SESAME_WEB_OUTBOX] = $state/var/outbox.jsonl
env[SESAME_WEB_TEST] = 1
EOF
chmod 600 "$state/etc/php-fpm.conf"
touch "$state/log/php-error.log"
chown www-data: "$state/log/php-error.log"
/usr/sbin/php-fpm8.2 -y "$state/etc/php-fpm.conf" -c "$state/etc/php.ini" \
  || { echo "web.sh: php-fpm did not start:" >&2; cat "$state/log/php-fpm.log" >&2 || true; exit 1; }

# ---- nginx ------------------------------------------------------------------------------------------
mkdir -p "$state/nginx"
cat > "$state/etc/nginx.conf" <<EOF
user www-data;
worker_processes 1;
pid $run/nginx.pid;
error_log $state/log/nginx-error.log;
events { worker_connections 512; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  # No query string, no body, no cookie in the access log: the journey POSTs its personal data.
  log_format ent '\$remote_addr [\$time_local] "\$request_method \$uri" \$status \$body_bytes_sent \$request_time';
  access_log $state/log/nginx-access.log ent;
  client_body_temp_path $state/nginx/body;
  fastcgi_temp_path $state/nginx/fastcgi;
  proxy_temp_path $state/nginx/proxy;
  uwsgi_temp_path $state/nginx/uwsgi;
  scgi_temp_path $state/nginx/scgi;
  server_tokens off;
  server {
    listen 127.0.0.1:$http_port;
    root $app/public;
    client_max_body_size 64k;
    location = /app.js { }
    location = /style.css { }
    location = /favicon.ico { access_log off; return 204; }
    location / {
      include /etc/nginx/fastcgi_params;
      fastcgi_param SCRIPT_FILENAME \$document_root/index.php;
      fastcgi_param SCRIPT_NAME /index.php;
      fastcgi_pass unix:$run/php-fpm.sock;
    }
  }
}
EOF
nginx -c "$state/etc/nginx.conf" -p "$state/nginx" -e "$state/log/nginx-error.log"

url=http://127.0.0.1:$http_port
answers() { curl -fsS "$url/sante" 2>/dev/null | grep -q '^ok '; }
wait_for "the site" answers
cat > "$state/stack.env" <<EOF
SESAME_WEB_URL=$url
SESAME_WEB_DIR=$state
SESAME_WEB_WORKERS=$workers
SESAME_WEB_DB=$([[ $postgres -eq 1 ]] && echo postgres || echo sqlite)
SESAME_WEB_DSN=$dsn
SESAME_WEB_OUTBOX=$state/var/outbox.jsonl
SESAME_WEB_REDIS_PORTS=$redis_a,$redis_b,$redis_c
SESAME_WEB_SENTINEL_PORTS=$sent_a,$sent_b,$sent_c
SESAME_WEB_LIBRARY=$lib
EOF
started=1
echo "nginx + PHP-FPM ($workers workers) + Redis (master $redis_a, replicas $redis_b $redis_c, sentinels $sent_a $sent_b $sent_c)" \
  "+ $([[ $postgres -eq 1 ]] && echo "PostgreSQL $pg_port" || echo SQLite); stop: bash scripts/web.sh stop"
echo "$url"
