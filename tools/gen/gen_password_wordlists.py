#!/usr/bin/env python3
"""Generates the strength meter's embedded data, src/core/password/generated/:

  wordlists.inc     the folded words of every list with their ranks, and the keyboard graphs
  dictionaries.inc  the C++ descriptor of the lists (Dict ids, names, feedback kinds)

and the word lists' section of NOTICE. Run by hand (never at build time); the output is committed.

    python3 tools/gen/gen_password_wordlists.py              # writes the files
    python3 tools/gen/gen_password_wordlists.py --check      # regenerates into a temporary folder
                                                             # and compares byte for byte (ctest
                                                             # Data.PasswordWordlistsReproducible)

Inputs are pinned: each npm package by version and the SHA-256 of its .tgz (PACKAGES below). The
tarballs are read (tools/gen/pinned_npm.py), in this order, from --from DIR, from $SESAME_GEN_CACHE (a folder holding the
.tgz files), or from npm's cache (`npm pack --offline`, which never touches the network); without
--offline-only, `npm pack` may then fetch them from the registry. A tarball whose SHA-256 differs
is refused. With --check, a tarball not available offline makes the script exit with 77 (ctest's
SKIP_RETURN_CODE) and a message saying how to make it available.

Adding a word list is one row of LISTS (and its package in PACKAGES when new): the generator
writes its Dict enumerator, name and feedback kind into dictionaries.inc and its attribution into
NOTICE.

Folding: every word is taken to NFC, then folded code point by code point exactly as the meter
folds passwords (password::fold_cp): ASCII letters to lowercase, any other code point by
src/core/password/generated/fold.tsv, which lists the meter's fold of the Unicode blocks words
use, is written from the C++ code and checked against it by ctest (PasswordFoldData.*). A word
holding a code point outside those blocks is an error: extend the blocks (see fold.tsv's header).

Output format (all entries of every list merged, folded, sorted by bytes, deduplicated):
  kWords: for each entry, the folded word (UTF-8, bytes >= 0x20), then one byte = dictionary id
  (LISTS), then the rank in three bytes 0x40 + 6 bits (big end first). When a folded word appears
  in several lists, the entry keeps the smallest rank (ties: the lower dictionary id). The runtime
  indexes the blob once (one linear scan).
  Keyboard graphs: for each key, the key code point then its neighbour slots as (unshifted,
  shifted) code point pairs, 0 for an empty slot.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tarfile
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pinned_npm
from pinned_npm import SKIP, Unavailable

ROOT = Path(__file__).resolve().parents[2]
OUT_DIR = ROOT / "src/core/password/generated"
FOLD_TSV = OUT_DIR / "fold.tsv"
NOTICE = ROOT / "NOTICE"


@dataclass(frozen=True)
class Package:
    version: str
    sha256: str  # of the .tgz that `npm pack` writes
    attribution: str  # its licence and copyright, for NOTICE


@dataclass(frozen=True)
class WordList:
    id: int  # the blob's dictionary byte, 1..15; the order breaks rank ties
    enumerator: str  # data::Dict::<enumerator>
    label: str  # its name in the generated comments
    package: str
    file: str  # inside the package
    feedback: str  # common_password, dictionary_word or name
    rank: str = "index"  # "index": position + 1; "half": len / 2 for every word (an unordered list)
    notice: str = ""  # what NOTICE adds for this list (besides its package's attribution)


# ---- the one table: packages and lists ----------------------------------------------------------

PACKAGES = {
    "@zxcvbn-ts/language-common": Package(
        "4.1.3", "bf3027c16c069d7877e25dc8751bc819e10e479afcc5ee1a323eb2ab73129ca9",
        "MIT License, Copyright (c) 2012-2016 Dan Wheeler and Dropbox, Inc., Copyright (c) 2021 @zxcvbn-ts."),
    "@zxcvbn-ts/language-fr": Package(
        "4.1.2", "0102842dd0fcd3501807c37e14a37de9614a34d71f5dcfc23e80f67a6b0fbe16",
        "MIT License, Copyright (c) 2021 @zxcvbn-ts."),
}
COMMON, FR = "@zxcvbn-ts/language-common", "@zxcvbn-ts/language-fr"

LISTS = [
    WordList(1, "passwords", "passwords", COMMON, "src/passwords.json", "common_password"),
    WordList(2, "common_fr", "commonWords-fr", FR, "src/commonWords.json", "dictionary_word",
             notice="Derived from the OpenSubtitles 2024 dataset provided via OPUS (https://opus.nlpl.eu/,\n"
                    "Helsinki-NLP), licensed under ODC-BY (Open Data Commons Attribution License); original data\n"
                    "is attributed to subtitle contributors and rights holders. The package's derivative\n"
                    "(tokenized, frequency-aggregated, normalized, filtered) is further folded (lowercase, accents\n"
                    "removed) and merged here."),
    WordList(3, "wikipedia_fr", "wikipedia-fr", FR, "src/wikipedia.json", "dictionary_word"),
    # language-fr 4.x swaps its two name lists (firstnames.json holds family names such as
    # "dupont", lastnames.json given names such as "lucas"): read each from the other file.
    WordList(4, "firstnames", "firstnames-fr", FR, "src/lastnames.json", "name",
             notice="Read from lastnames.json: the package swaps its first and last name lists."),
    WordList(5, "lastnames", "lastnames-fr", FR, "src/firstnames.json", "name",
             notice="Read from firstnames.json: the package swaps its first and last name lists."),
    WordList(6, "sequences_fr", "wordSequences-fr", FR, "src/wordSequences.json", "dictionary_word"),
    # diceware is an alphabetical list: a flat rank (half the list) instead of the index.
    WordList(7, "diceware_en", "diceware-en", COMMON, "src/diceware.json", "dictionary_word", rank="half"),
]
GRAPHS_PACKAGE, GRAPHS_FILE = COMMON, "src/adjacencyGraphs.json"
GRAPHS = ["qwerty", "azerty", "keypad"]
FEEDBACK_KINDS = ["common_password", "dictionary_word", "name"]
MAX_WORD_BYTES = 40

NOTICE_BEGIN = "---- begin: word lists, written by tools/gen/gen_password_wordlists.py ----\n"
NOTICE_END = "---- end: word lists ----\n"


# ---- inputs ------------------------------------------------------------------------------------

def obtain(tmp: Path, src: Path | None, offline_only: bool) -> dict[str, Path]:
    """The verified .tgz of every pinned package: {package: path}."""
    cache = Path(os.environ["SESAME_GEN_CACHE"]) if os.environ.get("SESAME_GEN_CACHE") else None
    found = {}
    for name, pkg in PACKAGES.items():
        try:
            found[name], _ = pinned_npm.tarball(tmp, name, pkg.version, pkg.sha256, offline=offline_only,
                                                folders=(src, cache))
        except Unavailable as e:
            tgz = pinned_npm.tgz_name(name, pkg.version)
            raise Unavailable(f"{name}@{pkg.version} ({tgz}) is not available offline ({e}): warm npm's cache with "
                              f"`npm cache add {name}@{pkg.version}`, or put {tgz} in $SESAME_GEN_CACHE") from e
    return found


def extract(tmp: Path, tgzs: dict[str, Path]) -> dict[str, Path]:
    dirs = {}
    for name, tgz in tgzs.items():
        dest = tmp / ("x-" + tgz.stem)
        with tarfile.open(tgz) as t:
            t.extractall(dest, filter="data") if hasattr(tarfile, "data_filter") else t.extractall(dest)
        dirs[name] = dest / "package"
    return dirs


def load_fold(path: Path) -> dict[int, str]:
    """fold.tsv: code point -> its fold, for every code point of the listed blocks."""
    fold = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        cp, _, folded = line.partition("\t")
        fold[int(cp, 16)] = "".join(chr(int(x, 16)) for x in folded.split())
    return fold


def fold_word(word: str, table: dict[int, str]) -> str:
    out = []
    for ch in unicodedata.normalize("NFC", word):
        c = ord(ch)
        if c < 0x80:
            out.append(ch.lower())
        elif c in table:
            out.append(table[c])
        else:
            raise SystemExit(f"U+{c:04X} in {word!r} is outside the blocks of {FOLD_TSV.name}: add its block there "
                             f"(tests/unit/password/fold_data_test.cpp) and rewrite the file")
    return "".join(out)


def fix_azerty(graphs: dict) -> dict:
    """Upstream bug (language-common 4.1.x): the AZERTY dead key ^/¨ is written as the pair '^"', so
    the row of '"' (the number-row key '"3', part of the unshifted row &é"'(-è_çà) was overwritten
    by the row of the ^ key. Spell that key '^¨' and give '"' the row of its shifted twin '3'."""
    g = graphs["azerty"]
    if g.get("^") == g.get('"') and g.get("3") is not None:
        for key, row in g.items():
            g[key] = [("^\u00a8" if a == '^"' else a) for a in row]
        g['"'] = list(g["3"])
        g["\u00a8"] = list(g["^"])
    for key, row in g.items():  # every pair now names one physical key
        for a in row:
            if a and key in a:
                raise SystemExit(f"azerty: {key!r} lists itself")
    return graphs


# ---- outputs -----------------------------------------------------------------------------------

def c_bytes(data: bytes, width: int = 110) -> str:
    lines, cur = [], []
    size = 0
    for b in data:
        if b in (0x22, 0x5C):
            tok = "\\" + chr(b)
        elif 0x20 <= b < 0x7F and b != 0x3F:
            tok = chr(b)
        else:
            tok = "\\%03o" % b
        cur.append(tok)
        size += len(tok)
        if size >= width:
            lines.append('"' + "".join(cur) + '"')
            cur, size = [], 0
    if cur:
        lines.append('"' + "".join(cur) + '"')
    return "\n    ".join(lines)


def versions() -> tuple[str, str]:
    return PACKAGES[COMMON].version, PACKAGES[FR].version


def wordlists_inc(dirs: dict[str, Path], fold: dict[int, str]) -> str:
    def load(p: Path):
        return json.loads(p.read_text(encoding="utf-8"))

    lists = {}
    for wl in LISTS:
        data = load(dirs[wl.package] / wl.file)
        if isinstance(data, dict):  # groups of words (wordSequences): the groups in key order
            data = [w for k in sorted(data) for w in data[k]]
        lists[wl.id] = data
    graphs_json = fix_azerty(load(dirs[GRAPHS_PACKAGE] / GRAPHS_FILE))

    best: dict[bytes, tuple[int, int]] = {}
    for wl in LISTS:
        words = lists[wl.id]
        for idx, w in enumerate(words):
            if not isinstance(w, str) or not w:
                continue
            f = fold_word(w, fold)
            if not f or any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F for c in f):
                continue
            key = f.encode("utf-8")
            if len(key) > MAX_WORD_BYTES:
                continue
            rank = len(words) // 2 if wl.rank == "half" else idx + 1
            cur = best.get(key)
            if cur is None or (rank, wl.id) < (cur[0], cur[1]):
                best[key] = (rank, wl.id)
    # The runtime trie keeps each node's children as a 64-bit set of byte classes, the last one
    # standing for the bytes no word holds.
    assert len({b for key in best for b in key}) <= 63
    blob = bytearray()
    for key in sorted(best):
        rank, did = best[key]
        assert rank < (1 << 18)
        blob += key + bytes([did, 0x40 + (rank >> 12), 0x40 + ((rank >> 6) & 63), 0x40 + (rank & 63)])

    common_v, fr_v = versions()
    out = []
    out.append("// GENERATED by tools/gen/gen_password_wordlists.py: do not edit.\n")
    out.append(f"// Sources: npm @zxcvbn-ts/language-common {common_v} (MIT), "
               f"@zxcvbn-ts/language-fr {fr_v} (MIT; commonWords ODC-BY,\n"
               "// OpenSubtitles 2024 via OPUS). firstnames-fr/lastnames-fr swapped back. See NOTICE.\n")
    out.append("// Included once, by src/core/password/wordlists.cpp.\n")
    out.append("namespace sesame::password::generated {\n\n")
    out.append(f'inline constexpr const char *kSourceVersions = "language-common {common_v}, language-fr {fr_v}";\n')
    out.append(f"inline constexpr std::size_t kWordCount = {len(best)};\n")
    out.append("// Input list sizes: " + ", ".join(f"{wl.label}={len(lists[wl.id])}" for wl in LISTS) + "\n")
    out.append("inline constexpr char kWords[] =\n    " + c_bytes(bytes(blob)) + ";\n\n")
    for g in GRAPHS:
        graph = graphs_json[g]
        slots = max(len(v) for v in graph.values())
        rows = []
        for key, adj in graph.items():
            assert len(key) == 1
            row = [ord(key)]
            for i in range(slots):
                a = adj[i] if i < len(adj) else None
                row += [ord(a[0]) if a else 0, ord(a[1]) if a and len(a) > 1 else 0]
            rows.append(", ".join(f"0x{x:X}" for x in row))
        out.append(f"inline constexpr std::size_t k{g.capitalize()}Slots = {slots};\n")
        out.append(f"inline constexpr std::size_t k{g.capitalize()}Keys = {len(graph)};\n")
        out.append(f"inline constexpr char32_t k{g.capitalize()}[] = {{\n    " + ",\n    ".join(rows) + "};\n\n")
    out.append("}  // namespace sesame::password::generated\n")
    return "".join(out)


def dictionaries_inc() -> str:
    ids = [wl.id for wl in LISTS]
    assert sorted(ids) == list(range(1, len(LISTS) + 1)) and len(LISTS) <= 15, "ids 1..n, at most 15 (the trie's 4 bits)"
    out = ["// GENERATED by tools/gen/gen_password_wordlists.py (its LISTS table): do not edit.\n",
           "// Included by src/core/password/wordlists.hpp, inside namespace sesame::password::data.\n\n",
           "// The word lists, by the id the blob stores (the order breaks rank ties).\n",
           "enum class Dict : std::uint8_t {\n"]
    for wl in sorted(LISTS, key=lambda w: w.id):
        out.append(f"    {wl.enumerator} = {wl.id},  // {wl.package} {wl.file}\n")
    out.append("};\n")
    out.append(f"inline constexpr std::size_t kDictCount = {len(LISTS)};\n\n")
    out.append("// What a word of each list is reported as (meter feedback).\n")
    out.append("enum class DictKind : std::uint8_t { none, " + ", ".join(FEEDBACK_KINDS) + " };\n\n")
    out.append("struct DictInfo {\n    const char *name;\n    DictKind kind;\n};\n")
    out.append("// Per id, [0] unused.\n")
    out.append("inline constexpr DictInfo kDicts[kDictCount + 1] = {\n    {\"\", DictKind::none},\n")
    for wl in sorted(LISTS, key=lambda w: w.id):
        assert wl.feedback in FEEDBACK_KINDS
        out.append(f"    {{\"{wl.label}\", DictKind::{wl.feedback}}},\n")
    out.append("};\n")
    return "".join(out)


def notice_section() -> str:
    common_v, fr_v = versions()
    out = [NOTICE_BEGIN,
           "src/core/password/generated/wordlists.inc and dictionaries.inc (the password strength meter's word\n"
           "lists and keyboard graphs), generated by tools/gen/gen_password_wordlists.py from the npm packages\n"
           "(version, SHA-256 of the .tgz):\n"]
    for name, pkg in PACKAGES.items():
        out.append(f"- {name} {pkg.version} (sha256 {pkg.sha256}).\n  {pkg.attribution}\n")
    out.append("The lists, each folded (lowercase, accents removed) and merged:\n")
    for wl in sorted(LISTS, key=lambda w: w.id):
        out.append(f"- {wl.label}: {wl.package} {PACKAGES[wl.package].version}, {wl.file}.")
        out.append(("\n  " + wl.notice.replace("\n", "\n  ")) if wl.notice else "")
        out.append("\n")
    out.append(f"- keyboard graphs ({', '.join(GRAPHS)}): {GRAPHS_PACKAGE} {PACKAGES[GRAPHS_PACKAGE].version}, "
               f"{GRAPHS_FILE}.\n  The AZERTY graph's '^\"' key is respelled '^¨' and the '\"' key row restored (see the\n"
               "  generator).\n")
    out.append(NOTICE_END)
    return "".join(out)


def notice_with(section: str, current: str) -> str:
    if NOTICE_BEGIN in current and NOTICE_END in current:
        a = current.index(NOTICE_BEGIN)
        b = current.index(NOTICE_END) + len(NOTICE_END)
        return current[:a] + section + current[b:]
    return current.rstrip("\n") + "\n\n" + section


def generate(dirs: dict[str, Path]) -> dict[str, str]:
    fold = load_fold(FOLD_TSV)
    return {"wordlists.inc": wordlists_inc(dirs, fold), "dictionaries.inc": dictionaries_inc()}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--from", dest="src", type=Path, help="a folder holding the pinned .tgz files")
    ap.add_argument("--check", action="store_true",
                    help="regenerate into a temporary folder and compare with the committed files (offline only)")
    ap.add_argument("--offline-only", action="store_true", help="never let npm reach the registry")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="sesame-gen-pw-") as tmpname:
        tmp = Path(tmpname)
        try:
            tgzs = obtain(tmp, args.src, args.offline_only or args.check)
        except Unavailable as e:
            if args.check:
                print(f"SKIP: {e}", file=sys.stderr)
                return SKIP
            sys.exit(str(e))
        files = generate(extract(tmp, tgzs))
        notice = notice_with(notice_section(), NOTICE.read_text(encoding="utf-8"))
        if args.check:
            out = tmp / "generated"
            out.mkdir()
            bad = []
            for name, text in files.items():
                (out / name).write_text(text, encoding="utf-8")
                committed = OUT_DIR / name
                if not committed.is_file() or committed.read_bytes() != (out / name).read_bytes():
                    bad.append(str(committed.relative_to(ROOT)))
            if NOTICE.read_text(encoding="utf-8") != notice:
                bad.append("NOTICE (word lists section)")
            if bad:
                print("not reproduced from the pinned inputs: " + ", ".join(bad) +
                      " (run tools/gen/gen_password_wordlists.py and commit)", file=sys.stderr)
                return 1
            print(f"reproduced byte for byte: {', '.join(files)} and NOTICE's section "
                  f"({', '.join(f'{n} {p.version}' for n, p in PACKAGES.items())})")
            return 0
        for name, text in files.items():
            (OUT_DIR / name).write_text(text, encoding="utf-8")
        NOTICE.write_text(notice, encoding="utf-8")
        print(f"wrote {', '.join(files)} and NOTICE ({', '.join(f'{n} {p.version}' for n, p in PACKAGES.items())})",
              file=sys.stderr)
        return 0


if __name__ == "__main__":
    os.umask(0o022)
    sys.exit(main())
