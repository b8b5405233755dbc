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


def _cli(port: int, *args: str) -> str:
    return subprocess.run(["redis-cli", "-p", str(port), *args], capture_output=True, text=True, timeout=5).stdout


class SentinelCluster:
    """A primary, two replicas and three sentinels monitoring it as "sesame", on free ports of
    127.0.0.1, stopped by PID (the Python twin of tests/support/redis_server.hpp's)."""

    def __init__(self, tmp: Path) -> None:
        exe = shutil.which("redis-server")
        if not exe or not shutil.which("redis-cli"):
            pytest.skip("redis-server / redis-cli not available")
        self.procs: list = []
        self.master = _free_port()
        self.replicas = [_free_port(), _free_port()]
        self.sentinels = [_free_port() for _ in range(3)]
        base = [exe, "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", str(tmp)]
        self._run(base + ["--port", str(self.master)])
        for r in self.replicas:
            self._run(base + ["--port", str(r), "--replicaof", "127.0.0.1", str(self.master)])
        for p in [self.master, *self.replicas]:
            self._wait(lambda p=p: _ping(p))
        # Replicas online before the sentinels start: their first look at the master finds them.
        self._wait(lambda: _cli(self.master, "INFO", "replication").count("state=online") == 2)
        for s in self.sentinels:
            conf = tmp / f"sentinel-{s}.conf"
            conf.write_text(f"port {s}\nbind 127.0.0.1\ndir {tmp}\nsentinel monitor sesame 127.0.0.1 {self.master} 2\n"
                            "sentinel down-after-milliseconds sesame 1000\nsentinel failover-timeout sesame 5000\n")
            self._run([exe, str(conf), "--sentinel"])
        for p in self.sentinels:
            self._wait(lambda p=p: _ping(p))
        self._wait(lambda: self.master_port() == self.master)

    def _run(self, argv: list) -> None:
        self.procs.append(subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))

    @staticmethod
    def _wait(cond, tries: int = 3000) -> None:
        for _ in range(tries):  # process and network events, not a time rule
            if cond():
                return
            time.sleep(0.01)
        raise AssertionError("the Sentinel cluster did not reach the expected state")

    def master_port(self) -> int:
        """The port every sentinel names as master (0 while they disagree or do not answer)."""
        ports = set()
        for s in self.sentinels:
            words = _cli(s, "SENTINEL", "get-master-addr-by-name", "sesame").split()
            ports.add(words[1] if len(words) == 2 else "")
        return int(ports.pop()) if len(ports) == 1 and "" not in ports else 0

    def failover(self) -> None:
        old = self.master_port()
        # Accepted once a sentinel knows a good replica (NOGOODSLAVE before its first look).
        self._wait(lambda: _cli(self.sentinels[0], "SENTINEL", "FAILOVER", "sesame").strip() == "OK")

        def promoted() -> bool:  # a new master, with both others replicating it again
            new = self.master_port()
            return (new not in (0, old) and _cli(new, "ROLE").startswith("master") and
                    _cli(new, "INFO", "replication").count("state=online") == 2)
        self._wait(promoted)

    def stop(self) -> None:
        for p in self.procs:
            p.kill()
            p.wait()


@pytest.fixture
def sentinel_cluster(tmp_path):
    c = SentinelCluster(tmp_path)
    try:
        yield c
    finally:
        c.stop()
