#!/usr/bin/env bash
# ctest fixture: starts a private redis-server on 127.0.0.1 and a free port, without persistence,
# and stops it by its PID.   redis_fixture.sh start|stop <dir>
# <dir>/port holds the port for the tests (SESAME_TEST_REDIS_DIR=<dir>).
set -euo pipefail
cmd=${1:?start|stop}
dir=${2:?directory}
case "$cmd" in
  start)
    mkdir -p "$dir"
    if [[ -f "$dir/pid" ]] && kill -0 "$(cat "$dir/pid")" 2>/dev/null; then
      kill "$(cat "$dir/pid")" 2>/dev/null || true
    fi
    rm -f "$dir/port" "$dir/pid"
    command -v redis-server >/dev/null || { echo "redis-server not installed: Redis tests start their own or skip"; exit 0; }
    for attempt in 1 2 3 4 5; do
      port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
      redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --enable-debug-command local \
        --daemonize yes --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" --dir "$dir"
      for i in $(seq 1 200); do
        if redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null | grep -q PONG; then
          cat "$dir/redis.pid" > "$dir/pid"
          echo "$port" > "$dir/port"
          echo "redis-server pid $(cat "$dir/pid") on 127.0.0.1:$port"
          exit 0
        fi
        sleep 0.01
      done
      [[ -f "$dir/redis.pid" ]] && kill "$(cat "$dir/redis.pid")" 2>/dev/null || true
    done
    echo "could not start redis-server" >&2
    exit 1
    ;;
  stop)
    if [[ -f "$dir/pid" ]]; then
      pid=$(cat "$dir/pid")
      kill "$pid" 2>/dev/null || true
      for i in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.01; done
      kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$dir/port" "$dir/pid" "$dir/redis.pid"
    ;;
  *) echo "usage: $0 start|stop <dir>" >&2; exit 2 ;;
esac
