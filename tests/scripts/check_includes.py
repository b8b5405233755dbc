#!/usr/bin/env python3
"""What may include what (docs/architecture.md, "What may include what"): reads the document's two
tables and checks every #include of the folders they name.

  check_includes.py ROOT              checks the tree; prints each violation, exit 1 if any
  check_includes.py --self-test ROOT  checks that a module reaching into another is caught

An include is named by its unit: "core/<module>/..." -> core/<module>, "capi/..." -> capi,
"sesame/x.h" -> sesame/x.h, "sesame.h" -> sesame.h. A quoted include without a folder must be a
file of the including folder. Standard and system headers (<...> other than Sesame's) are free."""
import fnmatch
import re
import sys
import tempfile
from pathlib import Path

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]', re.M)
SOURCES = {".c", ".h", ".cpp", ".hpp", ".inc"}


def table(doc: str, name: str):
    """The rows (first cell, second cell) of the table between <!-- name: begin/end -->."""
    m = re.search(rf"<!-- {name}: begin -->(.*?)<!-- {name}: end -->", doc, re.S)
    if not m:
        raise SystemExit(f"docs/architecture.md: no '{name}' table")
    rows = []
    for line in m.group(1).splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 2 or not cells[0].startswith("`"):
            continue  # header, separator
        rows.append((cells[0].strip("`"), re.findall(r"`([^`]+)`", cells[1])))
    return rows


def own_module(folder: str) -> str:
    """src/core/password -> core/password, src/capi -> capi; other folders include their own files
    without a prefix."""
    return folder[len("src/"):] if folder.startswith("src/") else ""


def unit(path: str) -> str:
    parts = path.split("/")
    if parts[0] == "core" and len(parts) > 2:
        return "core/" + parts[1]
    if parts[0] == "capi":
        return "capi"
    return path


def violations(root: Path):
    doc = (root / "docs/architecture.md").read_text(encoding="utf-8")
    rules = table(doc, "include-rules")
    private = [p for p, _ in table(doc, "private-headers")]
    for folder, allowed in rules:
        base = root / folder
        if not base.is_dir():
            yield f"{folder}: named in docs/architecture.md but not in the tree"
            continue
        mine = own_module(folder)
        for f in sorted(base.rglob("*")):
            if f.suffix not in SOURCES or "generated" in f.parts:
                continue
            rel = f.relative_to(root)
            for m in INCLUDE.finditer(f.read_text(encoding="utf-8", errors="replace")):
                kind, inc = m.group(1), m.group(2)
                if kind == "<" and not (inc == "sesame.h" or inc.startswith("sesame/")):
                    continue  # standard or system header
                if kind == '"' and "/" not in inc and inc != "sesame.h":
                    if not (f.parent / inc).is_file():
                        yield f"{rel}: \"{inc}\" is not a file of its folder"
                    continue
                u = unit(inc)
                if mine and u == mine:
                    continue
                if not any(fnmatch.fnmatchcase(u, a) or fnmatch.fnmatchcase(inc, a) for a in allowed):
                    yield f"{rel}: includes {inc} ({folder} may include: {', '.join(allowed) or 'nothing'})"
                    continue
                for p in private:
                    if (inc == p or (p.endswith("/") and inc.startswith(p))) and not (mine and p.startswith(mine + "/")):
                        yield f"{rel}: includes {inc}, private to {unit(p)}"


def self_test(root: Path) -> int:
    """A copy of the document and two offending files: both must be reported."""
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        (t / "docs").mkdir()
        (t / "docs/architecture.md").write_text((root / "docs/architecture.md").read_text(encoding="utf-8"))
        doc = (t / "docs/architecture.md").read_text()
        for folder, _ in table(doc, "include-rules"):
            (t / folder).mkdir(parents=True, exist_ok=True)
        (t / "src/core/text/bad.cpp").write_text('#include "core/phone/phone.hpp"\n#include <vector>\n')
        (t / "src/capi/bad.cpp").write_text('#include "core/password/meter/matchers.hpp"\n')
        (t / "src/core/phone/ok.cpp").write_text('#include "core/text/utf8.hpp"\n#include "core/phone/metadata.hpp"\n')
        found = list(violations(t))
        expected = ["src/core/text/bad.cpp: includes core/phone/phone.hpp", "src/capi/bad.cpp: includes core/password/meter/"]
        missing = [e for e in expected if not any(v.startswith(e) for v in found)]
        extra = [v for v in found if not any(v.startswith(e) for e in expected)]
        for e in missing:
            print(f"self-test: not reported: {e}")
        for v in extra:
            print(f"self-test: reported wrongly: {v}")
        return 1 if missing or extra else 0


def main(argv) -> int:
    if len(argv) == 3 and argv[1] == "--self-test":
        return self_test(Path(argv[2]))
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    found = list(violations(Path(argv[1])))
    for v in found:
        print(v)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
