#!/usr/bin/python3
"""Writes the seed corpora and the dictionaries of the libFuzzer targets of tests/fuzz/.

Seeds come from the repository only: tests/data/identity/ (school.json, claims.jsonl), the specs'
examples (docs/spec/*.md: ```json blocks and `inline` examples), the hand-written documents of
tests/schemas/validate.py, and the string literals of the unit, C ABI and CLI tests
(tests/unit/*/*.cpp, tests/capi/*.cpp, tests/cli/*.sh). Each target gets the inputs in its own
format (a selector byte, a reference date...: see each target's header comment).

  tests/fuzz/make_corpus.py                      rewrites tests/fuzz/corpus/<target>/ and <target>.dict
  tests/fuzz/make_corpus.py --merge build-fuzz/fuzz
                                                 then keeps, per target, only the seeds that add
                                                 coverage (libFuzzer -merge=1 with that build)
  tests/fuzz/make_corpus.py --target fuzz_claim  one target only

File names are the SHA-1 of the contents, as libFuzzer names its own. Standard library only.
"""
from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import types
from pathlib import Path
from typing import Dict, Iterable, List, Optional

ROOT = Path(__file__).resolve().parents[2]
FUZZ = ROOT / "tests" / "fuzz"
# scripts/fuzz.sh's -max_len per target (a longer seed would be truncated).
MAX_LEN = {"fuzz_directory": 8192, "fuzz_candidates": 8192}
DEFAULT_MAX_LEN = 4096
# The findings reported and not yet fixed (relaxed while merging: coverage, not verdicts).
KNOWN_FINDINGS = ",".join(line.split("#")[0].strip() for line in (FUZZ / "known_findings").read_text().splitlines()
                          if line.split("#")[0].strip())

# ---- reading the repository ---------------------------------------------------------------------

_SIMPLE_ESCAPES = {"n": b"\n", "t": b"\t", "r": b"\r", "0": b"\0", "a": b"\a", "b": b"\b", "f": b"\f", "v": b"\v",
                   "\\": b"\\", '"': b'"', "'": b"'", "?": b"?"}


def _decode_c_string(body: str) -> bytes:
    out = bytearray()
    i = 0
    while i < len(body):
        c = body[i]
        if c != "\\":
            out += c.encode("utf-8")
            i += 1
            continue
        e = body[i + 1]
        if e == "x":
            m = re.match(r"[0-9a-fA-F]+", body[i + 2:])
            out.append(int(m.group(0), 16) & 0xFF)
            i += 2 + len(m.group(0))
        elif e in "01234567":
            m = re.match(r"[0-7]{1,3}", body[i + 1:])
            out.append(int(m.group(0), 8) & 0xFF)
            i += 1 + len(m.group(0))
        elif e in "uU":
            n = 4 if e == "u" else 8
            out += chr(int(body[i + 2:i + 2 + n], 16)).encode("utf-8", "surrogatepass")
            i += 2 + n
        else:
            out += _SIMPLE_ESCAPES.get(e, e.encode("utf-8"))
            i += 2
    return bytes(out)


_RAW = re.compile(r'(?:u8|u|U|L)?R"([^(\s]*)\(')
_STR = re.compile(r'(?:u8|u|U|L)?"((?:[^"\\\n]|\\.)*)"')


def c_literals(path: Path) -> List[bytes]:
    """The string literals of a C/C++ file, adjacent ones concatenated, escapes decoded."""
    src = path.read_text(encoding="utf-8")
    lits: List[bytes] = []
    pending: Optional[bytearray] = None
    i = 0
    n = len(src)
    while i < n:
        if src.startswith("//", i):
            i = src.find("\n", i)
            i = n if i < 0 else i
            continue
        if src.startswith("/*", i):
            i = src.find("*/", i + 2) + 2
            continue
        ident_before = i > 0 and (src[i - 1].isalnum() or src[i - 1] == "_")
        m = None if ident_before else _RAW.match(src, i)
        if m:
            end = src.find(")" + m.group(1) + '"', m.end())
            pending = (pending or bytearray()) + src[m.end():end].encode("utf-8")
            i = end + len(m.group(1)) + 2
            continue
        m = _STR.match(src, i) if src[i] == '"' or not ident_before else None
        if m:
            pending = (pending or bytearray()) + _decode_c_string(m.group(1))
            i = m.end()
            continue
        if src[i] == "'":  # a character literal (not a digit separator)
            m = re.compile(r"'(?:[^'\\\n]|\\.)+'").match(src, i)
            if m and not (i > 0 and src[i - 1].isalnum()):
                i = m.end()
                continue
        if not src[i].isspace() and pending is not None:
            lits.append(bytes(pending))
            pending = None
        i += 1
    if pending is not None:
        lits.append(bytes(pending))
    return lits


def shell_literals(path: Path) -> List[bytes]:
    """Quoted strings of a shell script (single quotes verbatim, double quotes without expansion)."""
    src = path.read_text(encoding="utf-8")
    out = [m.group(1).encode() for m in re.finditer(r"'([^']*)'", src)]
    out += [m.group(1).encode() for m in re.finditer(r'"((?:[^"\\$]|\\.)*)"', src)]
    out += [_decode_c_string(m.group(1)) for m in re.finditer(r"\$'((?:[^'\\]|\\.)*)'", src)]
    return out


def md_inline(path: Path) -> List[str]:
    """The `inline code` spans of a Markdown file."""
    return re.findall(r"`([^`\n]+)`", path.read_text(encoding="utf-8"))


def md_json_documents(path: Path) -> List[str]:
    """Every JSON document of the ```json blocks of a Markdown file (a block may hold several)."""
    docs: List[str] = []
    for block in re.findall(r"```json\n(.*?)```", path.read_text(encoding="utf-8"), re.S):
        text = "\n".join(line.strip() for line in block.splitlines())
        dec = json.JSONDecoder()
        i = 0
        while i < len(text):
            if text[i].isspace():
                i += 1
                continue
            obj, j = dec.raw_decode(text, i)
            docs.append(json.dumps(obj, ensure_ascii=False))
            i = j
    return docs


def validate_cases() -> List[object]:
    """The hand-written documents of tests/schemas/validate.py (HAND), imported without running it
    (jsonschema is only needed by its main(): a stand-in module when it is not installed)."""
    sys.modules.setdefault("jsonschema", types.ModuleType("jsonschema"))
    spec = importlib.util.spec_from_file_location("sesame_validate", ROOT / "tests" / "schemas" / "validate.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up
    argv, sys.argv = sys.argv, [sys.argv[0]]
    try:
        spec.loader.exec_module(mod)
    finally:
        sys.argv = argv
    return list(mod.HAND)


def literals(*globs: str) -> List[bytes]:
    out: List[bytes] = []
    for g in globs:
        for p in sorted(ROOT.glob(g)):
            out += shell_literals(p) if p.suffix == ".sh" else c_literals(p)
    return out


def as_json(b: bytes):
    try:
        return json.loads(b.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None


def J(v) -> str:
    return json.dumps(v, ensure_ascii=False)


SCHOOL_TEXT = (ROOT / "tests/data/identity/school.json").read_text(encoding="utf-8")
SCHOOL = json.loads(SCHOOL_TEXT)
CLAIM_LINES = (ROOT / "tests/data/identity/claims.jsonl").read_text(encoding="utf-8").splitlines()
SPEC = ROOT / "docs" / "spec"
HAND = validate_cases()


def hand(kind: str) -> List[str]:
    return [c.text for c in HAND if c.kind == kind]


def family_of(guardian_ids: Iterable[str]) -> dict:
    """The part of school.json about these guardians: them, their links, their pupils."""
    ids = set(guardian_ids)
    links = [l for l in SCHOOL["links"] if l["guardian"] in ids]
    pupils = {l["pupil"] for l in links}
    return {"guardians": [g for g in SCHOOL["guardians"] if g["id"] in ids],
            "pupils": [p for p in SCHOOL["pupils"] if p["id"] in pupils], "links": links}


def phone_groups() -> List[List[str]]:
    """Guardians grouped by the digits of their mobile number (the candidates of one decision)."""
    groups: Dict[str, List[str]] = {}
    for g in SCHOOL["guardians"]:
        digits = re.sub(r"\D", "", g["phone_mobile"] or "")[-9:]
        groups.setdefault(digits, []).append(g["id"])
    return list(groups.values())


def iso_to_typed(iso: str) -> List[str]:
    y, m, d = iso.split("-")
    return [f"{d} {m} {y}", f"{d}/{m}/{y}", f"{d}.{m}.{y}", f"{d}{m}{y}", iso, f"{int(d)}/{int(m)}/{y}"]


# ---- seeds per target ---------------------------------------------------------------------------

def seeds_utf8() -> List[bytes]:
    s = literals("tests/unit/text/utf8_test.cpp", "tests/unit/text/nfc_test.cpp")
    s += [b"\xc3\xa9", b"e\xcc\x81", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xc0\xaf", b"\xef\xbb\xbf",
          "Hélène LEFÈVRE".encode()]
    return s


def seeds_name_key() -> List[bytes]:
    s = literals("tests/unit/text/name_key_test.cpp", "tests/unit/identity/names_test.cpp")
    # record<TAB>typed pairs: two literals on one line of the names tests.
    for line in (ROOT / "tests/unit/identity/names_test.cpp").read_text(encoding="utf-8").splitlines():
        lits = re.findall(r'"((?:[^"\\]|\\.)*)"', line)
        if len(lits) >= 2:
            s.append(_decode_c_string(lits[0]) + b"\t" + _decode_c_string(lits[1]))
    for g in SCHOOL["guardians"]:
        for f in ("nom", "nom_naissance", "prenom"):
            if g.get(f):
                s.append(g[f].encode())
    s += [x.encode() for x in md_inline(SPEC / "identity.md") if re.search(r"[A-Za-zÀ-ÿ]", x) and len(x) < 40]
    s += [b"DURAND EP. LEROY\tLEROY", "FONTAINE (DE LA)\tDE LA FONTAINE".encode(), "Jean-Pierre Marie\tJean Pierre".encode()]
    return s


def seeds_phone() -> List[bytes]:
    s = literals("tests/unit/phone/phone_test.cpp", "tests/unit/phone/differential_test.cpp", "tests/capi/phone_test.cpp",
                 "tests/cli/cli_phone.sh")
    s += [x.encode() for x in md_inline(SPEC / "phone.md")]
    s += [g["phone_mobile"].encode() for g in SCHOOL["guardians"] if g["phone_mobile"]]
    s += ["06\u202f12\u202f34\u202f56\u202f78".encode(), "０６１２３４５６７８".encode(), "٠٦١٢٣٤٥٦٧٨".encode()]
    return [x for x in s if 0 < len(x) <= 250]


def seeds_phone_audit() -> List[bytes]:
    # First byte: bit 0x20 reads column "tel" (else the document's first 8 bytes name the column),
    # bits 0-1 the delimiter (1 ',', 2 ';', else detected), (byte >> 2) % 3 the encoding.
    csvs = [x for x in literals("tests/unit/audit/csv_test.cpp", "tests/unit/audit/phone_audit_test.cpp",
                                "tests/cli/cli_phone_audit.sh")
            if b"\n" in x and len(x) < 2000]
    s = [bytes([0x20]) + c for c in csvs]
    rows = [(g["id"], g["nom"], g["prenom"], g["phone_mobile"] or "") for g in SCHOOL["guardians"]]
    semi = "tel;id;nom;prenom\r\n" + "".join(f"{p};{i};{n};{f}\r\n" for i, n, f, p in rows)
    comma = 'portable,id,nom\n' + "".join(f'"{p}",{i},"{n}"\n' for i, n, f, p in rows)
    s.append(bytes([0x20 | 2]) + semi.encode())
    s.append(bytes([0x20 | 2 | 1 << 2]) + "\ufeff".encode() + semi.encode())
    s.append(bytes([0x20 | 2 | 2 << 2]) + semi.encode("cp1252", "replace"))
    s.append(bytes([1]) + comma.encode())
    s.append(bytes([0]) + comma.encode("cp1252", "replace"))
    return s


def seeds_birthdate() -> List[bytes]:
    # First two bytes: the reference date, as (b0 << 8 | b1) days in fuzz_birthdate's count
    # (0xB517: 2026-09-01, the tests' date; 0x8EEB: 2000-02-29).
    dates = [x for x in literals("tests/unit/identity/birthdate_test.cpp") if len(x) < 40]
    dates += [x.encode() for x in md_inline(SPEC / "identity.md") if re.search(r"\d", x) and len(x) < 20]
    for p in SCHOOL["pupils"]:
        dates += [t.encode() for t in iso_to_typed(p["birthdate"])]
    dates += ["１２/０３/２０１４".encode(), b" 29 / 02 / 2016 ", b"31/04/2014", b"29/02/1900", b"12/03/14"]
    return [b"\xb5\x17" + d for d in dates] + [b"\x8e\xeb" + d for d in dates[:20]]


def seeds_otp() -> List[bytes]:
    s = literals("tests/unit/otp/hotp_code_test.cpp", "tests/unit/otp/service_test.cpp", "tests/capi/otp_test.cpp")
    s += [x.encode() for x in md_inline(SPEC / "otp.md") if len(x) < 64]
    s += [b"GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", b"gezd gnbv gy3t qojq", b"JBSWY3DPEHPK3PXP====", b"123456",
          b" 12 34 56 ", "１２３４５６".encode(), b"+33612345678login123456", b"+33612345678activation000000"]
    return [x for x in s if 0 < len(x) <= 256]


def seeds_password() -> List[bytes]:
    # First byte: 0 the default policy, 2 the cnil2022 preset, 3 context words, NUL, the password.
    pws = [x for x in literals("tests/unit/password/rules_test.cpp", "tests/unit/password/meter_test.cpp",
                               "tests/capi/password_test.cpp", "tests/cli/cli_password.sh")
           if len(x) <= 300 and as_json(x) is None]
    pws += [x.encode() for x in md_inline(SPEC / "password.md") if len(x) < 60]
    s = [b"\x00" + p for p in pws] + [b"\x02" + p for p in pws[::4]]
    for g in SCHOOL["guardians"][:8]:
        s.append(b"\x03" + g["prenom"].encode() + b"\x00" + g["prenom"].encode() + b"2014!")
        s.append(b"\x03" + (g["phone_mobile"] or "").encode() + b"\x00" + b"Tel" + re.sub(r"\D", "", g["phone_mobile"] or "").encode())
    s.append(b"\x032014-03-12\x00Lucas12032014")
    return s


def seeds_claim() -> List[bytes]:
    s = [l.encode() for l in CLAIM_LINES]
    s += [d.encode() for d in md_json_documents(SPEC / "cli.md")]
    s += [t.encode() for t in hand("claim")]
    s += [x for x in literals("tests/unit/identity/*.cpp", "tests/capi/identity_test.cpp", "tests/cli/cli_identity.sh")
          if isinstance(as_json(x), dict) and "method" in as_json(x)]
    # Every guardian of the school through both paths, with each linked pupil's date in one format.
    for n, g in enumerate(SCHOOL["guardians"]):
        fam = family_of([g["id"]])
        dates = {p["id"]: p["birthdate"] for p in fam["pupils"]}
        confs = [{"pupil": l["pupil"], "legal_representative": True,
                  "birthdate": iso_to_typed(dates[l["pupil"]])[n % 6]} for l in fam["links"]]
        s.append(J({"method": "form", "phone": g["phone_mobile"], "family_name": g["nom"], "given_name": g["prenom"],
                    "pupils": confs}).encode())
        s.append(J({"method": "fc", "phone": None, "fc": {"given_name": g["prenom"], "family_name": g["nom_naissance"] or g["nom"],
                                                         "preferred_username": g["nom"]}, "pupils": confs}).encode())
    s.append(b'{"method": "form", "pupils": ' + b"[" * 17 + b"]" * 17 + b"}")  # one level too deep
    return s


def seeds_directory() -> List[bytes]:
    s = [SCHOOL_TEXT.encode()]
    s += [d.encode() for d in md_json_documents(SPEC / "identity.md")]
    s += [t.encode() for t in hand("directory")]
    s += [x for x in literals("tests/unit/identity/*.cpp", "tests/capi/identity_test.cpp")
          if x.lstrip().startswith(b'{"guardians') or x.lstrip().startswith(b'{"pupils') or x.lstrip().startswith(b'{"links')
          or x.lstrip().startswith(b'{"meta')]
    s += [J(family_of(ids)).encode() for ids in phone_groups()]
    half = {k: SCHOOL[k][: len(SCHOOL[k]) // 2] for k in ("guardians", "pupils")}
    half["links"] = [l for l in SCHOOL["links"] if l["guardian"] in {g["id"] for g in half["guardians"]}
                     and l["pupil"] in {p["id"] for p in half["pupils"]}]
    s.append(J(half).encode())
    s.append(J({"links": SCHOOL["links"][:3], "pupils": SCHOOL["pupils"][:2], "guardians": SCHOOL["guardians"][:2]}).encode())
    return s


def seeds_candidates() -> List[bytes]:
    s = [J(family_of(ids)).encode() for ids in phone_groups()]
    s += [J(family_of(ids)).encode() for ids in (["G01", "G17"], ["G01", "G02", "G17"], ["G13", "G12"])]
    s += [d.encode() for d in md_json_documents(SPEC / "identity.md")]
    s += [t.encode() for t in hand("directory")]
    return s


PORTAL_SPECIALS = "!?@#$()[]_.,;&=+-%*<>£µ/:"


def seeds_policy() -> List[bytes]:
    s = [t.encode() for t in hand("policy")]
    s += [d.encode() for d in md_json_documents(SPEC / "password.md") if "alternatives" in d]
    s += [x for x in literals("tests/unit/password/*.cpp", "tests/capi/password_test.cpp", "tests/cli/cli_password.sh")
          if isinstance(as_json(x), dict) and not {"names", "dates", "phones", "login"} & set(as_json(x))]
    four = ["upper", "lower", "digit", "special"]
    s.append(J({"alternatives": [{"min_length": 8, "classes": four, "min_classes": 0}], "max_length": 128,
                "specials": PORTAL_SPECIALS, "forbid_other": False, "min_score": None}).encode())  # portal
    s.append(J({"alternatives": [{"min_length": 12, "classes": four, "min_classes": 0},
                                 {"min_length": 14, "classes": four[:3], "min_classes": 0}], "max_length": 128,
                "specials": PORTAL_SPECIALS, "forbid_other": False, "min_score": None}).encode())  # cnil2022
    return s


def seeds_context() -> List[bytes]:
    s = [t.encode() for t in hand("context")]
    s += [d.encode() for d in md_json_documents(SPEC / "password.md") if "names" in d]
    s += [x for x in literals("tests/unit/password/*.cpp", "tests/capi/password_test.cpp", "tests/cli/cli_password.sh")
          if isinstance(as_json(x), dict) and {"names", "dates", "phones", "login"} & set(as_json(x))]
    for ids in phone_groups()[:10]:
        fam = family_of(ids)
        s.append(J({"names": [g["prenom"] + " " + g["nom"] for g in fam["guardians"]],
                    "dates": [p["birthdate"] for p in fam["pupils"]],
                    "phones": sorted({g["phone_mobile"] for g in fam["guardians"] if g["phone_mobile"]}),
                    "login": (fam["guardians"][0]["prenom"][:1] + "." + fam["guardians"][0]["nom"]).lower()}).encode())
    return s


SEEDS = {
    "fuzz_utf8": seeds_utf8, "fuzz_name_key": seeds_name_key, "fuzz_phone": seeds_phone,
    "fuzz_phone_audit": seeds_phone_audit, "fuzz_birthdate": seeds_birthdate, "fuzz_otp": seeds_otp,
    "fuzz_password": seeds_password, "fuzz_claim": seeds_claim, "fuzz_directory": seeds_directory,
    "fuzz_candidates": seeds_candidates, "fuzz_policy": seeds_policy, "fuzz_context": seeds_context,
}

# ---- dictionaries -------------------------------------------------------------------------------

JSON_SYNTAX = ['{', '}', '[', ']', ':', ',', '"', 'null', 'true', 'false', '-0', '1e308', '0.5', '\\u0000', '\\u00e9',
               '\\ud83d\\ude00', '\\"', '\\\\', ' ']
DIRECTORY_WORDS = ['"guardians"', '"pupils"', '"links"', '"id"', '"civilite"', '"nom"', '"nom_naissance"', '"prenom"',
                   '"phone_mobile"', '"birthdate"', '"guardian"', '"pupil"', '"relation"', '"responsabilite"',
                   '"legal_representative"', '"G01"', '"P01"', '"2014-03-12"', '"2016-02-29"', '"06 12 34 56 78"',
                   '"+33 6 12 34 56 78"', '"LEFEVRE"', '"Hélène"', '"DURAND EP. LEROY"', '"legal"', '"_comment"']
CLAIM_WORDS = ['"method"', '"form"', '"fc"', '"phone"', '"family_name"', '"given_name"', '"preferred_username"',
               '"pupils"', '"pupil"', '"legal_representative"', '"birthdate"', '"gender"', '"birthplace"',
               '"birthcountry"', '"P01"', '"P02"', '"LEFEVRE"', '"LEFÈVRE"', '"Hélène Marie"', '"06 12 34 56 78"',
               '"12 03 2014"', '"29/02/2016"', '"1985-04-02"', "/", ".", "-"]
POLICY_WORDS = ['"alternatives"', '"min_length"', '"classes"', '"min_classes"', '"upper"', '"lower"', '"digit"',
                '"special"', '"max_length"', '"specials"', '"forbid_other"', '"min_score"', '128', '8', '12', '4',
                '"' + PORTAL_SPECIALS + '"', '£', 'µ', '€', '\\t', '\\u0085', '\\u007f']
CONTEXT_WORDS = ['"names"', '"dates"', '"phones"', '"login"', '"Hélène LEFÈVRE"', '"Lucas"', '"2014-03-12"',
                 '"2016-02-29"', '"0000-01-01"', '"9999-12-31"', '"06 12 34 56 78"', '"h.lefevre42"']
PHONE_WORDS = ['poste', 'Poste', 'ext', 'extn', 'extension', ';ext=', 'p.', ' x ', '#', '+33', '0033', '+33 (0)', 'tel:',
               'TEL:', '+262', '+590', '+594', '+596', '+508', '+687', '+689', '+681', '+269', '+44', '0692', '0639',
               '0700', '070', '06', '07', '09', '\u202f', '\u00a0', '\u200b', '\ufeff', '\u2011', '\u2212', '＋', '０',
               '٠', '(', ')', '.', '-', '/', ' ']
AUDIT_WORDS = [';', ',', '\r\n', '\n', '"', '""', '\ufeff', 'tel', 'portable', 'nom;tel', '\xe9'] + PHONE_WORDS[:12]
DATE_WORDS = [' ', '/', '.', '-', ' / ', '29/02', '31/04', '2016', '2014', '1900', '2000', '1899', '00', '13', '１',
              '２０１４', '\u00a0', 'T00:00']
NAME_WORDS = ['EP.', 'EPOUSE', 'NÉE', 'NEE', 'VEUVE', 'VVE', 'ST', 'STE', '-', "'", '’', 'ʼ', '.', '(', ')', ',', ';',
              '\t', 'ß', 'ẞ', 'œ', 'Æ', 'ø', 'ł', 'İ', 'ı', 'ǅ', 'ﬁ', '\u0301', '\u00b7', '\u200b', '\u00ad', 'О', 'Ω',
              '中']
PASSWORD_WORDS = ['£', 'µ', '&é"\'(-è_çà', 'azerty', 'AZERTY', 'qwerty', 'motdepasse', 'soleil', 'marseille', 'lucas',
                  'LEFEVRE', '2014', '1985', '12032014', '0612345678', '\x00', '\u0301', '\u00a0', '\U0001f600', '!']
OTP_WORDS = ['GEZDGNBV', 'GY3TQOJQ', '====', '=', '-', ' ', 'activation', 'login', '+33612345678', '123456', '１２３',
             '\u00a0']

DICTS = {
    "fuzz_claim": JSON_SYNTAX + CLAIM_WORDS,
    "fuzz_directory": JSON_SYNTAX + DIRECTORY_WORDS + PHONE_WORDS[:20],
    "fuzz_candidates": JSON_SYNTAX + DIRECTORY_WORDS + PHONE_WORDS[:20],
    "fuzz_policy": JSON_SYNTAX + POLICY_WORDS,
    "fuzz_context": JSON_SYNTAX + CONTEXT_WORDS + PHONE_WORDS[:12] + DATE_WORDS[:5],
    "fuzz_phone": PHONE_WORDS,
    "fuzz_phone_audit": AUDIT_WORDS,
    "fuzz_birthdate": DATE_WORDS,
    "fuzz_name_key": NAME_WORDS,
    "fuzz_password": PASSWORD_WORDS,
    "fuzz_otp": OTP_WORDS,
}


def dict_entry(word: str) -> str:
    out = []
    for b in word.encode("utf-8"):
        if b in (0x22, 0x5C) or b < 0x20 or b >= 0x7F:
            out.append(f"\\x{b:02X}")
        else:
            out.append(chr(b))
    return '"' + "".join(out) + '"'


def write_dict(target: str) -> None:
    words = list(dict.fromkeys(DICTS[target]))
    lines = [f"# {target}: libFuzzer dictionary written by tests/fuzz/make_corpus.py (edit the lists there)."]
    lines += [dict_entry(w) for w in words]
    (FUZZ / f"{target}.dict").write_text("\n".join(lines) + "\n", encoding="ascii")


# ---- writing ------------------------------------------------------------------------------------

def write_corpus(target: str, seeds: List[bytes], merge_bin: Optional[Path]) -> int:
    out = FUZZ / "corpus" / target
    max_len = MAX_LEN.get(target, DEFAULT_MAX_LEN)
    unique = {hashlib.sha1(s).hexdigest(): s for s in seeds if 0 < len(s) <= max_len}
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "raw"
        raw.mkdir()
        for name, data in unique.items():
            (raw / name).write_bytes(data)
        src = raw
        if merge_bin is not None:
            merged = Path(tmp) / "merged"
            merged.mkdir()
            # Coverage only: the known findings are relaxed so that no seed is dropped for one.
            env = dict(os.environ, SESAME_FUZZ_ALLOW=KNOWN_FINDINGS)
            subprocess.run([str(merge_bin / target), "-merge=1", f"-max_len={max_len}", str(merged), str(raw)],
                           check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
            src = merged
        if out.exists():
            shutil.rmtree(out)
        out.mkdir(parents=True)
        for f in sorted(src.iterdir()):
            shutil.copyfile(f, out / f.name)
    return len(list(out.iterdir()))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--merge", type=Path, help="directory of the fuzz binaries (build-fuzz/fuzz): keep only seeds adding coverage")
    ap.add_argument("--target", action="append", help="only this target (repeatable)")
    args = ap.parse_args()
    targets = args.target or list(SEEDS)
    for t in targets:
        seeds = SEEDS[t]()
        n = write_corpus(t, seeds, args.merge)
        if t in DICTS:
            write_dict(t)
        print(f"{t}: {len(set(seeds))} seeds, {n} files in tests/fuzz/corpus/{t}" + (" (merged)" if args.merge else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
