#!/usr/bin/env python3
"""The Python binding's own costs: a foreign call through ctypes vs cffi, ``import sesame``, and
password.check / OTP issue / OTP verify per call.

1. Call overhead: the same prepared call of sesame_phone_normalize (and of the argument-less
   sesame_version_number) through ctypes (argtypes/restype declared, a ctypes.Structure mirror of
   sesame_phone_result) and through the binding's cffi module (ABI mode), interleaved rounds.
2. Import: wall time of ``python3 -c "import sesame"`` minus ``python3 -c "pass"`` (best of N), and
   the ``-X importtime`` cumulative figure of the package.
3. Per-call times of the public API, through Python.

Run from the repository (after ``cmake --build --preset default``):

    SESAME_LIBRARY=build/libsesame.so /usr/bin/python3 bench/python/binding_bench.py
"""
from __future__ import annotations

import ctypes
import os
import platform
import re
import statistics
import subprocess
import sys
import time
import timeit
from pathlib import Path
from typing import Callable, Dict, List

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "bindings" / "python" / "src"
sys.path.insert(0, str(SRC))

import sesame  # noqa: E402
from sesame import _ffi, password  # noqa: E402


def best_of(fns: Dict[str, Callable[[], object]], number: int, repeat: int = 7) -> Dict[str, List[float]]:
    """µs per call of each function, interleaved rounds."""
    out: Dict[str, List[float]] = {k: [] for k in fns}
    for _ in range(repeat):
        for name, fn in fns.items():
            out[name].append(timeit.timeit(fn, number=number) / number * 1e6)
    return out


def show(title: str, results: Dict[str, List[float]]) -> None:
    print(f"\n{title}")
    for name, xs in results.items():
        print(f"  {name:58} best {min(xs):7.3f} µs   median {statistics.median(xs):7.3f} µs")


def call_overhead() -> None:
    cdll = ctypes.CDLL(_ffi.LIBRARY_PATH if os.path.sep in _ffi.LIBRARY_PATH else _ffi.SONAME)
    ffi, lib = _ffi.ffi, _ffi.lib
    sizes = ffi.typeof("sesame_phone_sizes").relements

    class Result(ctypes.Structure):  # the hand-written mirror the old binding needed
        _fields_ = [("struct_size", ctypes.c_size_t), ("error", ctypes.c_int32), ("country_code", ctypes.c_int32),
                    ("type", ctypes.c_int32), ("is_mobile", ctypes.c_bool),
                    ("e164", ctypes.c_char * sizes["SESAME_PHONE_E164_SIZE"]),
                    ("region", ctypes.c_char * sizes["SESAME_PHONE_REGION_SIZE"]),
                    ("national", ctypes.c_char * sizes["SESAME_PHONE_FORMAT_SIZE"]),
                    ("international", ctypes.c_char * sizes["SESAME_PHONE_FORMAT_SIZE"]),
                    ("masked", ctypes.c_char * sizes["SESAME_PHONE_FORMAT_SIZE"])]
    assert ctypes.sizeof(Result) == ffi.sizeof("sesame_phone_result")
    c_norm = cdll.sesame_phone_normalize
    c_norm.argtypes = [ctypes.POINTER(Result), ctypes.c_char_p, ctypes.c_size_t]
    c_norm.restype = ctypes.c_int
    c_ver = cdll.sesame_version_number
    c_ver.argtypes, c_ver.restype = [], ctypes.c_int32
    cr = Result()
    cr.struct_size = ctypes.sizeof(Result)
    fr = ffi.new("sesame_phone_result *")
    lib.sesame_phone_result_init(fr)
    f_norm, f_ver = lib.sesame_phone_normalize, lib.sesame_version_number
    data = "06 12 34 56 78".encode()
    n = len(data)
    assert c_norm(cr, data, n) == 0 and f_norm(fr, data, n) == 0 and cr.e164 == ffi.string(fr.e164)
    show("call overhead (the same prepared call; 200,000 calls per round)", best_of({
        "ctypes sesame_phone_normalize(&r, data, len)": lambda: c_norm(cr, data, n),
        "cffi   sesame_phone_normalize(r, data, len)": lambda: f_norm(fr, data, n),
        "ctypes sesame_version_number()": c_ver,
        "cffi   sesame_version_number()": f_ver,
    }, 200_000))


def import_time() -> None:
    env = dict(os.environ, PYTHONPATH=str(SRC), PYTHONDONTWRITEBYTECODE="0")
    subprocess.run([sys.executable, "-c", "import sesame"], env=env, check=True)  # compile the .pyc once

    def wall(code: str) -> float:
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], env=env, check=True)
        return time.perf_counter() - t
    runs = 15
    base = [wall("pass") for _ in range(runs)]
    with_sesame = [wall("import sesame") for _ in range(runs)]
    stdlib = [wall("import typing, json, datetime, threading, weakref, codecs") for _ in range(runs)]
    with_ctypes = [wall("import ctypes") for _ in range(runs)]
    dlopen = [wall(f"import ctypes; ctypes.CDLL({_ffi.LIBRARY_PATH!r})") for _ in range(runs)]
    r = subprocess.run([sys.executable, "-X", "importtime", "-c", "import sesame"], env=env, capture_output=True,
                       text=True, check=True)
    cumulative = {m.group(2).strip(): int(m.group(1)) for m in
                  re.finditer(r"import time:\s+\d+ \|\s+(\d+) \|(.*)", r.stderr)}
    print(f"\nimport sesame (best of {runs} processes; .pyc compiled)")
    print(f"  wall: python3 -c 'import sesame' {min(with_sesame) * 1e3:.1f} ms - python3 -c pass "
          f"{min(base) * 1e3:.1f} ms = {(min(with_sesame) - min(base)) * 1e3:.1f} ms")
    print(f"  of which the standard modules it imports (typing, json, datetime, threading, weakref, codecs): "
          f"{(min(stdlib) - min(base)) * 1e3:.1f} ms")
    print(f"  of which loading the library itself (dlopen of libsesame and its ICU, OpenSSL, libsodium... "
          f"dependencies): {(min(dlopen) - min(with_ctypes)) * 1e3:.1f} ms")
    for mod in ("sesame", "sesame._ffi", "sesame._sesame_cffi", "_cffi_backend", "json", "sesame.password"):
        if mod in cumulative:
            print(f"  -X importtime cumulative {mod:24} {cumulative[mod] / 1e3:7.2f} ms")
    print(f"  pycparser imported: {'pycparser' in r.stderr}; cffi (the generator's package) imported: "
          f"{bool(re.search(r'[|] +cffi$', r.stderr, re.M))}")


def api() -> None:
    ctx = password.Context(names=["Lucas", "Hélène Martin"], dates=["2014-03-12"], phones=["06 12 34 56 78"])
    show("password.check per call (portal preset; 20,000 calls per round)", best_of({
        "password.check('Soleil2015!')": lambda: password.check("Soleil2015!"),
        "password.check('Soleil2015!', context=Context)": lambda: password.check("Soleil2015!", context=ctx),
        "password.check('Soleil2015!', strength=False) (rules only)": lambda: password.check("Soleil2015!",
                                                                                             strength=False),
        "password.check('Lucas2014!', context=dict) (dict parsed per call)":
            lambda: password.check("Lucas2014!", context={"names": ["Lucas"], "dates": ["2014-03-12"]}),
    }, 20_000))
    svc = sesame.OtpService(bytes(range(32)), 1, cooldown_s=0, max_sends_per_hour=100)
    count = 50_000
    phones = [f"+3361{i:07d}" for i in range(count)]
    rounds_issue: List[float] = []
    rounds_verify: List[float] = []
    now = 1_750_000_000_000
    for _ in range(5):
        codes: List[str] = []
        issue, verify = svc.issue, svc.verify
        t = time.perf_counter()
        for p in phones:
            codes.append(issue(p, "activation", now))
        rounds_issue.append((time.perf_counter() - t) / count * 1e6)
        t = time.perf_counter()
        for p, c in zip(phones, codes):
            verify(p, "activation", c, now + 1)
        rounds_verify.append((time.perf_counter() - t) / count * 1e6)
        assert verify(phones[0], "activation", codes[0], now + 2).status == "no_challenge"  # consumed
        now += 3_600_000
    print(f"\nOTP per call (in-process store, {count:,} distinct numbers per round, 5 rounds)")
    print(f"  {'OtpService.issue(phone, purpose, now_ms)':58} best {min(rounds_issue):7.3f} µs   "
          f"median {statistics.median(rounds_issue):7.3f} µs")
    print(f"  {'OtpService.verify(phone, purpose, right code, now_ms)':58} best {min(rounds_verify):7.3f} µs   "
          f"median {statistics.median(rounds_verify):7.3f} µs")


def main() -> int:
    print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, load average "
          f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}; Python {platform.python_version()}; "
          f"libsesame {sesame.library_version()} ({sesame.library_path()})")
    call_overhead()
    import_time()
    api()
    print(f"\nload average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
