#!/usr/bin/env python3
"""The public headers are the manual (STYLE 2.8): every exported function has a doc comment that
states its thread safety and the version it appeared in, and nothing cites a document outside the
repository. Usage: check_headers.py INCLUDE_DIR"""
import re
import sys
from pathlib import Path

DECL = re.compile(r"SESAME_API\b[^;]*?\b(sesame_\w+)\s*\(", re.S)


def problems(path: Path):
    text = path.read_text(encoding="utf-8")
    if "shared/" in text:
        yield f"{path.name}: cites a document outside the repository (shared/...)"
    for m in DECL.finditer(text):
        name = m.group(1)
        before = text[: m.start()]
        end = before.rfind("*/")
        start = before.rfind("/**", 0, end)
        # The comment must end right before the declaration (only attributes between them).
        between = before[end + 2:].strip()
        if end < 0 or start < 0 or between not in ("", "SESAME_NODISCARD"):
            yield f"{path.name}: {name} has no doc comment"
            continue
        doc = before[start:end]
        if "Thread safety:" not in doc:
            yield f"{path.name}: {name}: no 'Thread safety:' line"
        if "@since" not in doc:
            yield f"{path.name}: {name}: no @since"


def main() -> int:
    headers = sorted(Path(sys.argv[1]).glob("sesame/*.h*"))
    found = [p for h in headers for p in problems(h)]
    for p in found:
        print(p)
    count = sum(len(DECL.findall(h.read_text(encoding="utf-8"))) for h in headers)
    print(f"{count} declarations in {len(headers)} headers, {len(found)} problems")
    return 1 if found or count == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
