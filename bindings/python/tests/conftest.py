"""Shared fixtures: a redis-server for the Redis-backed objects (OTP store, date counter). The
package is imported from bindings/python/src (no build step); SESAME_LIBRARY names the library."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))


def _free_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def _ping(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.2) as c:
            c.sendall(b"PING\r\n")
            return c.recv(16).startswith(b"+PONG")
    except OSError:
        return False


@pytest.fixture(scope="session")
def redis_port():
    """The ctest fixture's server (SESAME_TEST_REDIS_DIR), else a private one stopped by its PID."""
    d = os.environ.get("SESAME_TEST_REDIS_DIR")
    if d and os.path.exists(os.path.join(d, "port")):
        port = int(open(os.path.join(d, "port")).read())
        if _ping(port):
            yield port
            return
    exe = shutil.which("redis-server")
    if not exe:
        pytest.skip("redis-server not available")
    port = _free_port()
    proc = subprocess.Popen([exe, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                             "--enable-debug-command", "local"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(500):  # start-up polling
            if _ping(port):
                break
            time.sleep(0.005)
        yield port
    finally:
        proc.kill()
        proc.wait()


@pytest.fixture
def in_processes():
    """Runs fn(i) in n forked processes at once (PHP-FPM workers); returns their results, sorted
    (the name of the exception when one raised)."""
    def run(n, fn):
        r, w = os.pipe()
        kids = []
        for i in range(n):
            pid = os.fork()
            if pid == 0:
                os.close(r)
                try:
                    out = str(fn(i))
                except BaseException as e:  # noqa: BLE001
                    out = type(e).__name__
                os.write(w, (out + "\n").encode())
                os._exit(0)
            kids.append(pid)
        os.close(w)
        for pid in kids:
            os.waitpid(pid, 0)
        out = b""
        while chunk := os.read(r, 1024):
            out += chunk
        os.close(r)
        return sorted(out.decode().split())
    return run


@pytest.fixture
def unused_port() -> int:
    """A local port nobody listens on (an unreachable Redis)."""
    return _free_port()
