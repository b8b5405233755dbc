#!/usr/bin/env python3
"""Hostile inputs through the sesame CLI, each run under memory and CPU limits (issue 17).

    hostile.py SESAME CASE     run one case (ctest registers one test per case: Hostile.<case>)
    hostile.py --list          the case names

The child gets RLIMIT_AS (96 MiB of address space: the CLI maps about 50 MiB at start, and every
case passes at 64 MiB; a command that kept a 100 MB line, or read /dev/zero, cannot fit) and
RLIMIT_CPU (30 s), set with
setrlimit between fork and exec; a wall-clock watchdog (120 s) ends a child that blocks (a FIFO
waited on). A limit that kills the child fails the test, as a wrong exit status or output does.
Nothing is timed: the limits are the bounds, not measurements. Under ASan (which reserves
terabytes of address space) RLIMIT_AS is not set and the case says so.
"""
import os
import resource
import signal
import subprocess
import sys
import tempfile
import threading

MEMORY = 96 << 20
CPU_SECONDS = 30
WALL_SECONDS = 120
TODAY = "2026-09-01"
HERE = os.path.dirname(os.path.abspath(__file__))
SCHOOL = os.path.join(HERE, "..", "data", "identity", "school.json")
CLAIM = ('{"method": "form", "phone": "06 12 34 56 78", "family_name": "LEFEVRE", "given_name": "Hélène", '
         '"pupils": [{"pupil": "P01", "legal_representative": true, "birthdate": "12 03 2014"}]}')
PASSWORD = "Tr0ub4dor&3-sur-la-ligne"


def repeat(byte: bytes, size: int, tail: bytes = b""):
    """size bytes of `byte` in 1 MiB chunks, then tail: never the whole input in the harness."""
    chunk = byte * (1 << 20)
    left = size
    while left > 0:
        n = min(left, len(chunk))
        yield chunk[:n]
        left -= n
    if tail:
        yield tail


# The batch commands and a line each understands (after the huge one, to show the run goes on).
BATCH = {
    "phone-normalize": (["phone", "normalize"], b"0612345678\n", b'"e164":"+33612345678"'),
    "password-check": (["password", "check"], b"Soleil2015!\n", b'{"valid":true'),
    "name-key": (["name", "key"], b"Dupont\n", b'"key":"dupont"'),
    "name-match": (["name", "match", "--field", "family"], b"DUPONT\tDupont\n", b'{"match":true}'),
    "date-parse": (["date", "parse", "--today", TODAY], b"12 03 2014\n", b'"iso":"2014-03-12"'),
    "guardian-match": (["guardian", "match", "--directory", SCHOOL, "--today", TODAY], CLAIM.encode() + b"\n",
                       b'"status":'),
    "login-id": (["login-id"], b"DUPONT\tJean\n", b'"login":"j.dupont'),
}


class Case:
    def __init__(self, name, args, stdin=None, exit_status=0, stdout=(), stderr=(), absent=(), lines=None, setup=None):
        self.name, self.args, self.stdin, self.exit_status = name, args, stdin, exit_status
        self.stdout, self.stderr, self.absent, self.lines, self.setup = stdout, stderr, absent, lines, setup


def cases(tmp: str):
    fifo = os.path.join(tmp, "fifo")
    big_context = os.path.join(tmp, "brackets.json")
    over_context = os.path.join(tmp, "over.json")

    def make_fifo():
        if not os.path.exists(fifo):
            os.mkfifo(fifo)

    def make_big_context():
        with open(big_context, "wb") as f:
            for c in repeat(b"[", 10_000_000):
                f.write(c)

    def make_over_context():
        with open(over_context, "wb") as f:
            f.write(b'{"names": ["' + b"a" * 65536 + b'"]}')

    out = []
    for name, (args, good, want) in BATCH.items():
        # 100 MB without a newline, then a line the command understands.
        out.append(Case(f"huge-line-{name}", args, lambda good=good: repeat(b"x", 100_000_000, b"\n" + good), 0,
                        stdout=[b'"error":"line_too_long"', want], lines=2))
    out += [
        Case("claim-10mb-brackets", ["guardian", "match", "--directory", SCHOOL, "--today", TODAY],
             lambda: repeat(b"[", 10_000_000, b"\n" + CLAIM.encode() + b"\n"), 0,
             stdout=[b'"error":"line_too_long"', b'"status":"activated"'], lines=2),
        Case("claim-deep-brackets", ["guardian", "match", "--directory", SCHOOL, "--today", TODAY],
             lambda: repeat(b"[", 60_000, b"\n"), 0, stdout=[b'"error":"limit_exceeded"'], lines=1),
        # A single argv string is at most 128 KiB on Linux (MAX_ARG_STRLEN): the largest --context
        # there can be; 10 MB of it goes through --context-file below.
        Case("context-argv-brackets", ["password", "check", "--context", "[" * 131071], None, 2,
             stderr=[b"bad context (--context, argument 4)"]),
        Case("context-file-10mb-brackets", ["password", "check", "--context-file", big_context], None, 1,
             stderr=[b"the --context-file file is 10000000 bytes, above SESAME_CONTEXT_MAX_BYTES (65536)"],
             setup=make_big_context),
        Case("context-file-oversize", ["password", "check", "--context-file", over_context], None, 1,
             stderr=[b"above SESAME_CONTEXT_MAX_BYTES (65536)"], absent=[tmp.encode()], setup=make_over_context),
        Case("directory-dev-zero", ["guardian", "match", "--directory", "/dev/zero", "--today", TODAY], None, 1,
             stderr=[b"is not a regular file"]),
        Case("directory-fifo", ["guardian", "match", "--directory", fifo, "--today", TODAY], None, 1,
             stderr=[b"is not a regular file"], setup=make_fifo),
        Case("directory-directory", ["guardian", "match", "--directory", tmp, "--today", TODAY], None, 1,
             stderr=[b"is not a regular file"]),
        Case("taken-dev-zero", ["login-id", "--taken", "/dev/zero"], None, 1,
             stderr=[b"the --taken file is not a regular file"]),
        Case("audit-fifo", ["phone", "audit", fifo, "--column", "tel"], None, 1,
             stderr=[b"is not a regular file"], setup=make_fifo),
        Case("audit-dev-zero", ["phone", "audit", "/dev/zero", "--column", "tel"], None, 1,
             stderr=[b"is not a regular file"]),
        Case("audit-stdin-dev-zero", ["phone", "audit", "-", "--column", "tel"], "/dev/zero", 1,
             stderr=[b"standard input is a device"]),
        Case("password-on-argv", ["password", "check", PASSWORD], None, 2,
             stderr=[b"argument 3 is not an option of 'password check'"], absent=[PASSWORD.encode()]),
        Case("password-as-option-value", ["password", "check", "--policy", PASSWORD], None, 2,
             stderr=[b"the value of --policy (argument 4)"], absent=[PASSWORD.encode()]),
    ]
    return out


def asan(binary: str) -> bool:
    try:
        return b"libasan" in subprocess.run(["ldd", binary], capture_output=True, check=False).stdout
    except OSError:
        return False


def run(binary: str, case: Case) -> int:
    memory = not asan(binary)

    def limits():
        if memory:
            resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))
        resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))

    stdin_file = open(case.stdin, "rb") if isinstance(case.stdin, str) else None
    stdin = stdin_file if stdin_file else (subprocess.PIPE if case.stdin else subprocess.DEVNULL)
    child = subprocess.Popen([binary] + case.args, stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             preexec_fn=limits)
    out, err = [], []
    readers = [threading.Thread(target=lambda s=s, b=b: b.append(s.read())) for s, b in
               ((child.stdout, out), (child.stderr, err))]
    for t in readers:
        t.start()
    if case.stdin and not stdin_file:
        def feed():
            try:
                for chunk in case.stdin():
                    child.stdin.write(chunk)
                child.stdin.close()
            except (BrokenPipeError, ValueError):
                pass  # the child stopped reading (it may exit early): its status says whether that was right
        writer = threading.Thread(target=feed)
        writer.start()
    try:
        status = child.wait(timeout=WALL_SECONDS)
    except subprocess.TimeoutExpired:
        child.kill()
        child.wait()
        print(f"FAIL {case.name}: still running after {WALL_SECONDS} s (blocked?): killed")
        return 1
    finally:
        if stdin_file:
            stdin_file.close()
    if case.stdin and not stdin_file:
        writer.join()
    for t in readers:
        t.join()
    stdout, stderr = out[0], err[0]
    problems = []
    if status < 0:
        problems.append(f"killed by signal {signal.Signals(-status).name} (a limit: "
                        f"{'RLIMIT_AS ' + str(MEMORY >> 20) + ' MiB, ' if memory else ''}RLIMIT_CPU {CPU_SECONDS} s)")
    elif status != case.exit_status:
        problems.append(f"exit {status}, want {case.exit_status}")
    for want in case.stdout:
        if want not in stdout:
            problems.append(f"stdout lacks {want!r}")
    for want in case.stderr:
        if want not in stderr:
            problems.append(f"stderr lacks {want!r}")
    for never in case.absent:
        if never in stdout or never in stderr:
            problems.append(f"{never[:40]!r} was printed")
    newlines = stdout.count(b"\n")
    if case.lines is not None and newlines != case.lines:
        problems.append(f"{newlines} output lines, want {case.lines}")
    if problems:
        print(f"FAIL {case.name}: " + "; ".join(problems))
        print(f"  stdout: {stdout[:300]!r}\n  stderr: {stderr[:300]!r}")
        return 1
    print(f"ok {case.name}" + ("" if memory else " (ASan build: no RLIMIT_AS)"))
    return 0


def main() -> int:
    if sys.argv[1:] == ["--list"]:
        print(";".join(c.name for c in cases("/tmp")))
        return 0
    binary, name = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory(prefix="sesame-hostile-") as tmp:
        found = [c for c in cases(tmp) if c.name == name]
        if not found:
            print(f"no case {name}")
            return 2
        if found[0].setup:
            found[0].setup()
        return run(binary, found[0])


if __name__ == "__main__":
    sys.exit(main())
