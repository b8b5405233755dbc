#!/usr/bin/env python3
"""Generates src/core/password/generated/wordlists.inc: the strength meter's embedded data.

Run once by hand (never at build time); the output is committed:

    python3 tools/gen/gen_password_wordlists.py            # npm pack into a temporary directory
    python3 tools/gen/gen_password_wordlists.py --from DIR # DIR holds the two .tgz files already

Sources (npm registry, fetched with `npm pack` into a temporary directory, then deleted):
  @zxcvbn-ts/language-common  (MIT)  passwords.json, diceware.json, adjacencyGraphs.json
  @zxcvbn-ts/language-fr      (MIT; commonWords.json is ODC-BY, OpenSubtitles 2024 via OPUS)
                              commonWords.json, wikipedia.json, firstnames.json, lastnames.json,
                              wordSequences.json

Note: in @zxcvbn-ts/language-fr 4.x the lists exported as `firstnames-fr` and `lastnames-fr` are
swapped (firstnames.json holds family names such as "dupont", lastnames.json holds given names such
as "lucas"); this generator swaps them back (see docs/spec/password.md).

Output format (all entries of every list merged, folded, sorted by bytes, deduplicated):
  kWords: for each entry, the folded word (UTF-8, bytes >= 0x20), then one byte = dictionary id
  (1..7, see kDictionaries below), then the rank in three bytes 0x40 + 6 bits (big end first).
  When a folded word appears in several lists, the entry keeps the smallest rank (ties: the lower
  dictionary id). The runtime indexes the blob once (one linear scan).
  Keyboard graphs: for each key, the key code point then its neighbour slots as (unshifted,
  shifted) code point pairs, 0 for an empty slot.

Folding (must match src/core/password/meter.cpp `fold_cp`): a small letter table (oe, ae, ss, o,
l, d, th, i), then per code point NFKD + case folding with the combining marks removed.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
from pathlib import Path

PACKAGES = ["@zxcvbn-ts/language-common", "@zxcvbn-ts/language-fr"]
ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "src/core/password/generated/wordlists.inc"

# id, name, feedback kind. Order = priority when ranks tie.
DICTIONARIES = [
    (1, "passwords", "common_password"),
    (2, "commonWords-fr", "dictionary_word"),
    (3, "wikipedia-fr", "dictionary_word"),
    (4, "firstnames-fr", "name"),
    (5, "lastnames-fr", "name"),
    (6, "wordSequences-fr", "dictionary_word"),
    (7, "diceware-en", "dictionary_word"),
]
GRAPHS = ["qwerty", "azerty", "keypad"]
MAX_WORD_BYTES = 40

LETTER_TABLE = {
    "œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss", "ẞ": "ss", "ø": "o", "Ø": "o",
    "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "þ": "th", "Þ": "th", "ı": "i",
}


def fold(word: str) -> str:
    out = []
    for ch in unicodedata.normalize("NFC", word):
        if ch in LETTER_TABLE:
            out.append(LETTER_TABLE[ch])
            continue
        if ord(ch) < 0x80:
            out.append(ch.lower())
            continue
        d = unicodedata.normalize("NFKD", ch.casefold())
        d = "".join(c for c in d if not unicodedata.combining(c))
        out.append(unicodedata.normalize("NFKD", d).lower() if d else ch)
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


def fetch(tmp: Path, src: Path | None) -> dict:
    """Returns {package name: (version, extracted dir)}."""
    if src is None:
        subprocess.run(["npm", "pack", "--silent", *PACKAGES], cwd=tmp, check=True, stdout=subprocess.DEVNULL)
        src = tmp
    found = {}
    for tgz in sorted(src.glob("zxcvbn-ts-language-*.tgz")):
        dest = tmp / ("x-" + tgz.stem)
        with tarfile.open(tgz) as t:
            t.extractall(dest, filter="data") if hasattr(tarfile, "data_filter") else t.extractall(dest)
        meta = json.loads((dest / "package/package.json").read_text())
        found[meta["name"]] = (meta["version"], dest / "package")
    missing = [p for p in PACKAGES if p not in found]
    if missing:
        sys.exit(f"missing packages: {missing}")
    return found


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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--from", dest="src", type=Path, help="directory holding the npm pack .tgz files")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="sesame-gen-pw-") as tmpname:
        tmp = Path(tmpname)
        pk = fetch(tmp, args.src)
        common_v, common = pk["@zxcvbn-ts/language-common"]
        fr_v, fr = pk["@zxcvbn-ts/language-fr"]

        def load(p: Path):
            return json.loads(p.read_text(encoding="utf-8"))

        seqs = load(fr / "src/wordSequences.json")
        seq_words = [w for k in sorted(seqs) for w in seqs[k]]
        lists = {
            1: load(common / "src/passwords.json"),
            2: load(fr / "src/commonWords.json"),
            3: load(fr / "src/wikipedia.json"),
            4: load(fr / "src/lastnames.json"),   # swapped upstream: these are given names
            5: load(fr / "src/firstnames.json"),  # swapped upstream: these are family names
            6: seq_words,
            7: load(common / "src/diceware.json"),
        }
        graphs_json = fix_azerty(load(common / "src/adjacencyGraphs.json"))

    best: dict[bytes, tuple[int, int]] = {}
    for did, words in lists.items():
        for idx, w in enumerate(words):
            if not isinstance(w, str) or not w:
                continue
            f = fold(w)
            if not f or any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F for c in f):
                continue
            key = f.encode("utf-8")
            if len(key) > MAX_WORD_BYTES:
                continue
            # diceware is an alphabetical list: a flat rank (half the list) instead of the index.
            rank = len(words) // 2 if did == 7 else idx + 1
            cur = best.get(key)
            if cur is None or (rank, did) < (cur[0], cur[1]):
                best[key] = (rank, did)
    # The runtime trie keeps each node's children as a 64-bit set of byte classes, the last one
    # standing for the bytes no word holds.
    assert len({b for key in best for b in key}) <= 63
    blob = bytearray()
    for key in sorted(best):
        rank, did = best[key]
        assert rank < (1 << 18)
        blob += key + bytes([did, 0x40 + (rank >> 12), 0x40 + ((rank >> 6) & 63), 0x40 + (rank & 63)])

    out = []
    out.append("// GENERATED by tools/gen/gen_password_wordlists.py: do not edit.\n")
    out.append(f"// Sources: npm @zxcvbn-ts/language-common {common_v} (MIT), "
               f"@zxcvbn-ts/language-fr {fr_v} (MIT; commonWords ODC-BY,\n"
               "// OpenSubtitles 2024 via OPUS). firstnames-fr/lastnames-fr swapped back. See NOTICE.\n")
    out.append("// Included once, by src/core/password/wordlists.cpp.\n")
    out.append("namespace sesame::password::generated {\n\n")
    out.append(f'inline constexpr const char *kSourceVersions = "language-common {common_v}, language-fr {fr_v}";\n')
    out.append(f"inline constexpr std::size_t kWordCount = {len(best)};\n")
    counts = {did: len(v) for did, v in lists.items()}
    out.append("// Input list sizes: " + ", ".join(f"{n}={counts[i]}" for i, n, _ in DICTIONARIES) + "\n")
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
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("".join(out), encoding="utf-8")
    print(f"{args.out}: {len(best)} words, blob {len(blob)} bytes, file {args.out.stat().st_size} bytes "
          f"(language-common {common_v}, language-fr {fr_v})", file=sys.stderr)


if __name__ == "__main__":
    os.umask(0o022)
    main()
