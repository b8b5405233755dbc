#!/usr/bin/python3
"""Readable profiles of the `sesame` CLI for bench/cli_bench.sh --profile (standard library only).

    perf script -i perf.data | profile_report.py attribute   what the CLI was doing, per sample
    perf report ... --stdio  | profile_report.py short       C++ names without template arguments
    profile_report.py calls callgrind.out LINES [REGEX]       calls per input line, most called first

`attribute` gives each perf sample (dwarf call chains) to the first rule below that matches a frame
of its stack: library calls first, then the CLI's JSON, input and output paths. The CLI-side rules
name today's functions (nlohmann::json DOM, std::getline, print_json): a rewritten CLI lands in
"CLI: other" until rules for its own functions are added.
"""
import collections
import re
import sys


def collapse(s):
    """Drops template arguments: basic_json<ordered_map, ...>::dump -> basic_json<…>::dump."""
    out, depth, i = [], 0, 0
    while i < len(s):
        for op in ("operator<<", "operator>>", "operator<", "operator>", "operator->"):
            if s.startswith(op, i):
                out.append(op)
                i += len(op)
                break
        else:
            c = s[i]
            if c == "<":
                if depth == 0:
                    out.append("<…>")
                depth += 1
            elif c == ">" and depth > 0:
                depth -= 1
            elif depth == 0:
                out.append(c)
            i += 1
    return "".join(out) if depth == 0 else s


def tidy(s):
    s = s.replace("json_abi_v3_11_2::", "").replace("std::__cxx11::", "std::").replace("[abi:cxx11]", "")
    return collapse(s)


def any_frame(pattern):
    rx = re.compile(pattern)
    return lambda frames: any(rx.search(f) for f in frames)


RULES = [
    ("library: sesame_phone_normalize", any_frame(r"^sesame_phone_normalize")),
    ("library: sesame_phone_text (each call parses the input again, then formats one field)", any_frame(r"^sesame_phone_text")),
    ("library: sesame_utf8_repair (the echoed input)", any_frame(r"^sesame_utf8_repair")),
    ("library: sesame_password_check (rules, NFC, meter; the word index is built on first use)", any_frame(r"^sesame_password_check")),
    ("library: other sesame_* calls", any_frame(r"^sesame_")),
    ("CLI: sesame_memzero of the line buffer (its whole capacity, every line)",
     lambda f: any("memzero" in s or "bzero" in s for s in f) or ("memset" in f[0] and len(f) > 1 and "cmd_password_check" in f[1])),
    ("output: the flush std::getline forces through cin.tie (one write(2) per line)",
     lambda f: any("istream::sentry" in s for s in f) and any("flush" in s or "write" in s.lower() for s in f)),
    ("input: std::getline on stdio-synced std::cin (getc/ungetc per byte)", any_frame(r"getline|istream")),
    ("JSON: dump the DOM to text (UTF-8 check, escaping, numbers, into a std::string)", any_frame(r"basic_json<…>::dump|serializer<…>::")),
    ("output: std::cout << text (stdio-synced, fwrite)", any_frame(r"print_json|ostream")),
    ("JSON: destroy the per-line DOM", any_frame(r"json_value::destroy|~basic_json")),
    ("JSON: build the per-line DOM (operator[], values, copies of nested objects)", any_frame(r"^nlohmann::")),
    ("CLI: std::string copies, read_sized/std::function, the line loop", any_frame(r"^cli::|^std::|^operator new|^malloc|^free")),
]


def attribute(stream):
    counts, total, stack = collections.Counter(), 0, []

    def flush():
        nonlocal total
        if not stack:
            return
        total += 1
        frames = [tidy(s) for s in stack]
        if "main" not in frames:
            loader = any("_dl_" in s or "dl_main" in s for s in frames)
            counts["startup: dynamic loader, before main" if loader else "unattributed (stack not unwound)"] += 1
            return
        for label, test in RULES:
            if test(frames):
                counts[label] += 1
                return
        counts["CLI: other (" + frames[0][:50] + ")"] += 1

    for line in stream:
        if not line.strip() or line[0] not in " \t":
            flush()
            stack = []
            continue
        m = re.match(r"\s+[0-9a-f]+\s+(.*?)(\+0x[0-9a-f]+)?\s+\((.*)\)\s*$", line)
        if m:
            stack.append(m.group(1))
    flush()
    if not total:
        sys.exit("profile_report.py attribute: no samples on stdin")
    small = 0
    for label, n in counts.most_common():
        if label.startswith("CLI: other") and n / total < 0.005:
            small += n
            continue
        print(f"{100 * n / total:5.1f} %  {label}")
    if small:
        print(f"{100 * small / total:5.1f} %  CLI: other (each < 0.5 %)")
    print(f"({total:,} samples)")


def short(stream):
    for line in stream:
        line = tidy(line.rstrip("\n"))
        line = re.sub(r"\[/\S*/(bin/sesame|lib/libsesame[^\]]*)\]", r"[\1]", line)
        line = re.sub(r"\[/usr/lib/x86_64-linux-gnu/([^\]]*)\]", r"[\1]", line)
        line = re.sub(r"(\./)?[\w./-]*\.[chS]:", "", line).replace("???:", "")
        print(line)


def calls(path, lines, pattern=None, top=25):
    """Sums callgrind's calls= lines per called function (names are compressed: (id) name once);
    with a pattern, only the functions whose name matches it."""
    names, per_fn, cfn = {}, collections.Counter(), None
    with open(path, errors="replace") as f:
        for line in f:
            if line.startswith(("cfn=", "cfi=", "fn=")):
                m = re.match(r"(cfn|cfi|fn)=\((\d+)\)(?: (.*))?", line.rstrip("\n"))
                if m and m.group(1) != "cfi":
                    if m.group(3):
                        names[m.group(2)] = m.group(3)
                    if m.group(1) == "cfn":
                        cfn = m.group(2)
            elif line.startswith("calls=") and cfn is not None:
                per_fn[cfn] += int(line[6:].split()[0])
    print(f"calls per input line ({lines:,} lines), most called first" + (f", matching {pattern}:" if pattern else ":"))
    shown = 0
    for fid, n in per_fn.most_common():
        name = tidy(names.get(fid, fid))
        if re.match(r"0x[0-9a-f]+$", name) or "_dl_" in name or "do_lookup" in name:
            continue
        if pattern and not re.search(pattern, name):
            continue
        print(f"{n / lines:9.2f}  {name[:140]}")
        shown += 1
        if shown == top:
            break


if __name__ == "__main__":
    if len(sys.argv) >= 2 and sys.argv[1] == "attribute":
        attribute(sys.stdin)
    elif len(sys.argv) >= 2 and sys.argv[1] == "short":
        short(sys.stdin)
    elif len(sys.argv) in (4, 5) and sys.argv[1] == "calls":
        calls(sys.argv[2], int(sys.argv[3]), sys.argv[4] if len(sys.argv) == 5 else None)
    else:
        sys.exit(__doc__)
