#!/usr/bin/env python3
"""sesame.phone.normalize against python3-phonenumbers, side by side in one process, same inputs.

Sesame: ``sesame.phone.normalize(raw)`` (one foreign call: verdict, E.164, region, type, mobility and
the three display forms). phonenumbers 8.12.57 (Debian python3-phonenumbers, the same metadata as
the library): ``parse(raw, "FR")`` + ``is_valid_number`` + ``number_type`` + ``format_number(E164)``,
type and format only for valid numbers (as bench/phone_bench.cpp does with libphonenumber).

Inputs (the mix of bench/phone_bench.cpp, drawn with Python's random.Random(42)): 1,000 numbers, 80 %
French (metropolitan mobiles and landlines, 06 92 / 06 90 / 06 96 / 02 62 / 05 90 overseas) in eight
typings (0612345678, spaces, dots, "+33 6 ...", "+33 (0)6 ...", "0033...", U+202F narrow no-break
spaces, dashes) and 20 % foreign numbers. Each measurement runs the whole list; the two are
interleaved, ``--repeat`` rounds, and the best round (least disturbed by other load) is reported
with the median.

Run from the repository (after ``cmake --build --preset default``):

    SESAME_LIBRARY=build/libsesame.so /usr/bin/python3 bench/python/phone_bench.py
"""
from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import timeit
from pathlib import Path
from typing import Callable, List

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bindings" / "python" / "src"))

import phonenumbers  # noqa: E402  (python3-phonenumbers)

import sesame  # noqa: E402


def mix(n: int = 1000, seed: int = 42) -> List[str]:
    rng = random.Random(seed)

    def digits(k: int) -> str:
        return "".join(str(rng.randrange(10)) for _ in range(k))

    def pairs(d: str, sep: str) -> str:
        return sep.join(d[i:i + 2] for i in range(0, len(d), 2))

    fr = ["06", "07", "01", "02", "03", "04", "05", "09", "0692", "0690", "0696", "0262", "0590"]
    foreign = ["+44 20 7946 0958", "+44 7400 123456", "+1 202-555-0123", "+41 79 123 45 67", "+49 1512 3456789",
               "+32 470 12 34 56", "+34 612 34 56 78", "+39 347 123 4567", "+212 6 12 34 56 78",
               "+213 5 51 23 45 67", "0044 (0)20 7946 0958", "+351 912 345 678", "+90 532 123 45 67",
               "+216 20 123 456", "+1 514 555 0199", "+687 75 12 34"]
    out = []
    for _ in range(n):
        pick = rng.randrange(10)
        if pick < 8:
            p = fr[rng.randrange(8)] if pick < 6 else fr[8 + rng.randrange(5)]
            national = p + digits(10 - len(p))
            nsn = national[1:]
            typing = rng.randrange(8)
            out.append([national, pairs(national, " "), pairs(national, "."),
                        f"+33 {nsn[0]} " + pairs(nsn[1:], " "), "+33 (0)" + pairs(national[1:], " "), "0033" + nsn,
                        pairs(national, "\u202f"), pairs(national, "-")][typing])
        else:
            out.append(foreign[rng.randrange(len(foreign))])
    return out


def run_sesame(inputs: List[str]) -> int:
    normalize = sesame.phone.normalize
    valid = 0
    for raw in inputs:
        if normalize(raw).ok:
            valid += 1
    return valid


def run_phonenumbers(inputs: List[str]) -> int:
    parse, is_valid, number_type, fmt = (phonenumbers.parse, phonenumbers.is_valid_number, phonenumbers.number_type,
                                         phonenumbers.format_number)
    e164 = phonenumbers.PhoneNumberFormat.E164
    error = phonenumbers.NumberParseException
    valid = 0
    for raw in inputs:
        try:
            n = parse(raw, "FR")
        except error:
            continue
        if is_valid(n):
            number_type(n)
            fmt(n, e164)
            valid += 1
    return valid


def main() -> int:
    ap = argparse.ArgumentParser(description="sesame.phone.normalize vs phonenumbers")
    ap.add_argument("--repeat", type=int, default=7, help="interleaved rounds (default 7)")
    ap.add_argument("--sesame-loops", type=int, default=20, help="passes over the inputs per Sesame round")
    ap.add_argument("--phonenumbers-loops", type=int, default=2, help="passes per phonenumbers round")
    args = ap.parse_args()
    inputs = mix()
    print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, load average "
          f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}; Python {platform.python_version()}")
    print(f"libsesame {sesame.library_version()} ({sesame.library_path()}), phonenumbers {phonenumbers.__version__}")
    print(f"inputs: {len(inputs)} ({sum(1 for s in inputs if chr(0x202f) in s)} with U+202F); valid: "
          f"sesame {run_sesame(inputs) / len(inputs):.1%}, phonenumbers {run_phonenumbers(inputs) / len(inputs):.1%}")
    results = {"sesame": [], "phonenumbers": []}  # type: dict
    benches = [("sesame", run_sesame, args.sesame_loops), ("phonenumbers", run_phonenumbers, args.phonenumbers_loops)]
    for _ in range(args.repeat):
        for name, fn, loops in benches:
            f: Callable[[List[str]], int] = fn
            t = timeit.timeit(lambda: f(inputs), number=loops)
            results[name].append(t / loops / len(inputs) * 1e6)
    s_best, p_best = min(results["sesame"]), min(results["phonenumbers"])
    s_med, p_med = statistics.median(results["sesame"]), statistics.median(results["phonenumbers"])
    print(f"{'':34} {'best':>10} {'median':>10}   (µs per number, {args.repeat} rounds)")
    print(f"{'sesame.phone.normalize':34} {s_best:10.2f} {s_med:10.2f}")
    print(f"{'phonenumbers parse+valid+type+E164':34} {p_best:10.2f} {p_med:10.2f}")
    print(f"{'ratio (phonenumbers / sesame)':34} {p_best / s_best:9.1f}x {p_med / s_med:9.1f}x   (target >= 10x)")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0 if p_best / s_best >= 10 else 1


if __name__ == "__main__":
    sys.exit(main())
