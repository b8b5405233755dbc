#!/usr/bin/env python3
"""Docs.SchemasValidateExamples: the JSON Schemas of docs/schema/ against the repository's documents.

Checked, each with the verdict it must get from the schema (JSON Schema draft 2020-12, Debian's
python3-jsonschema):
- the four schemas themselves (valid 2020-12 schemas with $id, title and description);
- tests/data/identity/school.json (directory) and every line of tests/data/identity/claims.jsonl
  (claims; the lines the tests keep malformed on purpose are listed below with their reason);
- every JSON document in a ```json block of docs/spec/*.md;
- the documents embedded in examples/ (Python dicts, PHP arrays, C and C++ string literals);
- hand-written edge cases per schema, valid and deliberately wrong;
- the two date patterns, against the calendar.

With SESAME_LIBRARY set (ctest sets it), every document also goes through the library itself
(through the Python binding of bindings/python/src) and the library's verdict must be the expected
one too: the schema and the parser may only differ on the documents of KNOWN_GAPS, which JSON
Schema cannot express (duplicates, cross references, byte lengths, number spelling). The portal and
cnil2022 presets, as the library writes them, are validated as policies.

Usage: validate.py [REPO_ROOT]   (exit status 0 when everything holds)
"""
from __future__ import annotations

import ast
import calendar
import codecs
import json
import os
import re
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional

import jsonschema

ROOT = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else Path(__file__).resolve().parents[2]
KINDS = ("claim", "directory", "policy", "context")
NOT_JSON = object()

# claims.jsonl: the lines the library must refuse (1-based), and why. Every other line is valid.
CLAIMS_REFUSED = {
    23: "method 'sms' is neither 'form' nor 'fc' (bad_claim:method)",
    24: "not JSON at all (invalid_json)",
}
# claims.jsonl lines the library refuses but the schema cannot (see KNOWN_GAPS).
CLAIMS_GAPS = {
    22: "pupil P01 confirmed twice (duplicate_pupil): uniqueness of a member across items",
}


@dataclass
class Case:
    kind: str
    name: str
    text: str
    valid: bool                      # the schema's expected verdict
    library: Optional[bool] = None   # the library's, when it differs (a known gap)
    why: str = ""


# ---- hand-written cases -----------------------------------------------------------------------

def J(v: Any) -> str:
    return json.dumps(v, ensure_ascii=False)


BASE_DIR = {"guardians": [{"id": "G1", "nom": "LEFEVRE", "prenom": "Hélène", "phone_mobile": "06 12 34 56 78"}],
            "pupils": [{"id": "P1", "birthdate": "2014-03-12"}],
            "links": [{"guardian": "G1", "pupil": "P1", "legal_representative": True}]}


def dir_with(section: str, index: int, **changes: Any) -> str:
    d = json.loads(json.dumps(BASE_DIR))
    rec = d[section][index]
    for k, v in changes.items():
        if v is DROP:
            rec.pop(k, None)
        else:
            rec[k] = v
    return J(d)


DROP = object()

HAND: List[Case] = []


def ok(kind: str, name: str, text: str) -> None:
    HAND.append(Case(kind, name, text, True))


def bad(kind: str, name: str, text: str) -> None:
    HAND.append(Case(kind, name, text, False))


def gap(kind: str, name: str, text: str, schema: bool, library: bool, why: str) -> None:
    HAND.append(Case(kind, name, text, schema, library, why))


# claim
ok("claim", "minimal form claim", '{"method": "form"}')
ok("claim", "minimal fc claim", '{"method": "fc", "fc": {}}')
ok("claim", "nulls everywhere, unknown members", '{"method": "fc", "phone": null, "fc": {"given_name": null, '
   '"family_name": null, "preferred_username": null, "gender": 3}, "pupils": null, "channel": ["web"]}')
ok("claim", "form path ignores fc", '{"method": "form", "family_name": null, "given_name": null, "fc": 42, '
   '"pupils": [{"pupil": "P01"}]}')
ok("claim", "fc path ignores the typed names", '{"method": "fc", "fc": {"given_name": "Hélène"}, "family_name": 42}')
ok("claim", "confirmation with nulls", '{"method": "form", "pupils": [{"pupil": "P01", "legal_representative": null, '
   '"birthdate": null, "note": {}}]}')
ok("claim", "unknown pupil and bad date are decisions", '{"method": "form", "pupils": [{"pupil": "P99", '
   '"legal_representative": true, "birthdate": "31/02/2014"}]}')
bad("claim", "not an object", '["form"]')
bad("claim", "no method", '{"phone": "06 12 34 56 78"}')
bad("claim", "method in capitals", '{"method": "FORM"}')
bad("claim", "method null", '{"method": null}')
bad("claim", "phone as a number", '{"method": "form", "phone": 612345678}')
bad("claim", "family_name as a list", '{"method": "form", "family_name": ["LEFEVRE"]}')
bad("claim", "given_name as a number", '{"method": "form", "given_name": 1}')
bad("claim", "fc claim without fc", '{"method": "fc", "phone": null}')
bad("claim", "fc as a string", '{"method": "fc", "fc": "Hélène LEFEVRE"}')
bad("claim", "fc null", '{"method": "fc", "fc": null}')
bad("claim", "fc.preferred_username as a boolean", '{"method": "fc", "fc": {"preferred_username": false}}')
bad("claim", "fc.given_name as a list", '{"method": "fc", "fc": {"given_name": ["Hélène", "Marie"]}}')
bad("claim", "pupils as an object", '{"method": "form", "pupils": {"pupil": "P01"}}')
bad("claim", "pupils of strings", '{"method": "form", "pupils": ["P01"]}')
bad("claim", "empty pupil id", '{"method": "form", "pupils": [{"pupil": ""}]}')
bad("claim", "pupil id missing", '{"method": "form", "pupils": [{"legal_representative": true}]}')
bad("claim", "pupil id as a number", '{"method": "form", "pupils": [{"pupil": 1}]}')
bad("claim", "box as a string", '{"method": "form", "pupils": [{"pupil": "P01", "legal_representative": "true"}]}')
bad("claim", "typed date as a number", '{"method": "form", "pupils": [{"pupil": "P01", "birthdate": 20140312}]}')
gap("claim", "a pupil confirmed twice", '{"method": "form", "pupils": [{"pupil": "P01"}, {"pupil": "P01"}]}',
    True, False, "duplicate_pupil: uniqueness of a member across array items")

# directory
ok("directory", "empty object", "{}")
ok("directory", "null arrays, unknown members", '{"guardians": null, "pupils": null, "links": null, "_comment": 1}')
ok("directory", "the base document", J(BASE_DIR))
ok("directory", "guardian with an id only (kept, unreachable)", '{"guardians": [{"id": "G1"}]}')
ok("directory", "unusable phone and name (kept, reported)",
   dir_with("guardians", 0, phone_mobile="not a number", nom="ИВАНОВ", nom_naissance=None, civilite=3))
ok("directory", "leap days", '{"pupils": [{"id": "P1", "birthdate": "2016-02-29"}, {"id": "P2", "birthdate": "2000-02-29"}, '
   '{"id": "P3", "birthdate": "1900-01-01"}, {"id": "P4", "birthdate": "9999-12-31"}]}')
ok("directory", "link without legal_representative", dir_with("links", 0, legal_representative=DROP, relation=None))
ok("directory", "link with legal_representative null", dir_with("links", 0, legal_representative=None))
ok("directory", "128-character ASCII id", J({"guardians": [{"id": "G" * 128}]}))
bad("directory", "an array", "[]")
bad("directory", "guardians as an object", '{"guardians": {"id": "G1"}}')
bad("directory", "guardians as a string", '{"guardians": "G1"}')
bad("directory", "links as a number", '{"links": 0}')
bad("directory", "guardian as an array", '{"guardians": [["G1", "LEFEVRE"]]}')
bad("directory", "guardian without id", dir_with("guardians", 0, id=DROP))
bad("directory", "guardian with an empty id", dir_with("guardians", 0, id=""))
bad("directory", "guardian id as a number", dir_with("guardians", 0, id=1))
bad("directory", "guardian id of 129 characters", J({"guardians": [{"id": "G" * 129}]}))
bad("directory", "phone_mobile as a number", dir_with("guardians", 0, phone_mobile=612345678))
bad("directory", "nom_naissance as a boolean", dir_with("guardians", 0, nom_naissance=False))
bad("directory", "prenom as a list", dir_with("guardians", 0, prenom=["Hélène"]))
bad("directory", "nom as an object", dir_with("guardians", 0, nom={"usage": "LEFEVRE"}))
bad("directory", "pupil without birthdate", dir_with("pupils", 0, birthdate=DROP))
bad("directory", "pupil birthdate null", dir_with("pupils", 0, birthdate=None))
bad("directory", "pupil birthdate empty", dir_with("pupils", 0, birthdate=""))
bad("directory", "pupil birthdate in French order", dir_with("pupils", 0, birthdate="12/03/2014"))
bad("directory", "pupil birthdate 29 February of 2015", dir_with("pupils", 0, birthdate="2015-02-29"))
bad("directory", "pupil birthdate 29 February of 1900", dir_with("pupils", 0, birthdate="1900-02-29"))
bad("directory", "pupil birthdate 31 April", dir_with("pupils", 0, birthdate="2014-04-31"))
bad("directory", "pupil birthdate before 1900", dir_with("pupils", 0, birthdate="1899-12-31"))
bad("directory", "pupil birthdate without padding", dir_with("pupils", 0, birthdate="2014-3-12"))
bad("directory", "pupil birthdate with a time", dir_with("pupils", 0, birthdate="2014-03-12T00:00:00"))
bad("directory", "pupil without id", dir_with("pupils", 0, id=DROP))
bad("directory", "link without pupil", dir_with("links", 0, pupil=DROP))
bad("directory", "link guardian as a number", dir_with("links", 0, guardian=1))
bad("directory", "link to an empty id", dir_with("links", 0, pupil=""))
bad("directory", "legal_representative as a string", dir_with("links", 0, legal_representative="oui"))
bad("directory", "legal_representative as a number", dir_with("links", 0, legal_representative=1))
gap("directory", "two guardians with one id", '{"guardians": [{"id": "G1"}, {"id": "G1"}]}', True, False,
    "duplicate ids: uniqueness of a member across array items")
gap("directory", "two pupils with one id",
    '{"pupils": [{"id": "P1", "birthdate": "2014-03-12"}, {"id": "P1", "birthdate": "2015-03-12"}]}', True, False,
    "duplicate ids: uniqueness of a member across array items")
gap("directory", "a link to an unknown pupil", dir_with("links", 0, pupil="P2"), True, False,
    "dangling link: a reference between arrays")
gap("directory", "the same link twice",
    J(dict(BASE_DIR, links=BASE_DIR["links"] * 2)), True, False, "duplicate link: uniqueness of a member pair")
gap("directory", "an id of 43 three-byte characters (129 bytes)", J({"guardians": [{"id": "€" * 43}]}), True, False,
    "the library bounds ids in bytes of UTF-8, JSON Schema can only count characters")

# policy
PORTAL_SPECIALS = "!?@#$()[]_.,;&=+-%*<>£µ/:"
ok("policy", "empty object (the portal policy)", "{}")
ok("policy", "min_score null", '{"min_score": null}')
ok("policy", "min_score -1", '{"min_score": -1}')
ok("policy", "min_score 4", '{"min_score": 4}')
ok("policy", "an empty alternative", '{"alternatives": [{}]}')
ok("policy", "every member", J({"alternatives": [{"min_length": 1, "classes": [], "min_classes": 4}], "max_length": 1,
                                "specials": PORTAL_SPECIALS, "forbid_other": True, "min_score": 0}))
ok("policy", "a class twice", '{"alternatives": [{"classes": ["upper", "upper", "digit"]}]}')
ok("policy", "eight alternatives", J({"alternatives": [{"min_length": 8 + i} for i in range(8)]}))
ok("policy", "no specials", '{"specials": ""}')
ok("policy", "specials beyond ASCII, space included", '{"specials": "€~ ’…😀"}')
ok("policy", "256 specials", J({"specials": "".join(chr(0x100 + i) for i in range(256))}))
bad("policy", "an array", "[]")
bad("policy", "unknown member", '{"min_len": 8}')
bad("policy", "no alternative", '{"alternatives": []}')
bad("policy", "nine alternatives", J({"alternatives": [{"min_length": 8}] * 9}))
bad("policy", "alternatives as an object", '{"alternatives": {"min_length": 8}}')
bad("policy", "alternatives null", '{"alternatives": null}')
bad("policy", "an alternative as a number", '{"alternatives": [12]}')
bad("policy", "min_length 0", '{"alternatives": [{"min_length": 0}]}')
bad("policy", "min_length 129", '{"alternatives": [{"min_length": 129}]}')
bad("policy", "min_length negative", '{"alternatives": [{"min_length": -8}]}')
bad("policy", "min_length as a string", '{"alternatives": [{"min_length": "8"}]}')
bad("policy", "min_length null", '{"alternatives": [{"min_length": null}]}')
bad("policy", "unknown class", '{"alternatives": [{"classes": ["symbol"]}]}')
bad("policy", "classes as a string", '{"alternatives": [{"classes": "upper"}]}')
bad("policy", "a class as a number", '{"alternatives": [{"classes": [1]}]}')
bad("policy", "min_classes 5", '{"alternatives": [{"min_classes": 5}]}')
bad("policy", "unknown alternative member", '{"alternatives": [{"length": 12}]}')
bad("policy", "max_length 0", '{"max_length": 0}')
bad("policy", "max_length 129", '{"max_length": 129}')
bad("policy", "max_length null", '{"max_length": null}')
bad("policy", "max_length 12.5", '{"max_length": 12.5}')
bad("policy", "specials as a list", '{"specials": ["!", "?"]}')
bad("policy", "specials null", '{"specials": null}')
bad("policy", "a TAB in specials", '{"specials": "!\\t?"}')
bad("policy", "a C1 control in specials", '{"specials": "!\\u0085"}')
bad("policy", "DEL in specials", '{"specials": "\\u007f"}')
bad("policy", "257 specials", J({"specials": "".join(chr(0x100 + i) for i in range(257))}))
bad("policy", "forbid_other as a string", '{"forbid_other": "yes"}')
bad("policy", "forbid_other null", '{"forbid_other": null}')
bad("policy", "min_score 5", '{"min_score": 5}')
bad("policy", "min_score -2", '{"min_score": -2}')
bad("policy", "min_score as a string", '{"min_score": "2"}')
bad("policy", "min_score 2.5", '{"min_score": 2.5}')
gap("policy", "min_length above max_length", '{"alternatives": [{"min_length": 20}], "max_length": 16}', True, False,
    "a comparison between two members")
gap("policy", "max_length below the default min_length 8", '{"max_length": 7}', True, False,
    "a comparison between two members (and a default)")
gap("policy", "max_length written 12.0", '{"max_length": 12.0}', True, False,
    "JSON Schema's integer is a value (12.0 is 12); the library wants an integer token")
gap("policy", "min_classes written -0", '{"alternatives": [{"min_classes": -0}]}', True, False,
    "JSON Schema's integer is a value (-0 is 0); the library wants an unsigned integer token")

# context
ok("context", "empty object", "{}")
ok("context", "every member null", '{"names": null, "dates": null, "phones": null, "login": null}')
ok("context", "empty members", '{"names": [], "dates": [], "phones": [], "login": ""}')
ok("context", "unusable names and phones add nothing", '{"names": ["ИВАНОВ", "", "😀"], "phones": ["not a phone", ""]}')
ok("context", "edge dates", '{"dates": ["2000-02-29", "0001-01-01", "9999-12-31", "1900-02-28"]}')
bad("context", "an array", '["Hélène"]')
bad("context", "unknown member", '{"name": ["Hélène"]}')
bad("context", "names as a string", '{"names": "Hélène"}')
bad("context", "a name as a number", '{"names": [1]}')
bad("context", "a name null", '{"names": [null]}')
bad("context", "a date in French order", '{"dates": ["12/03/2014"]}')
bad("context", "29 February of 2015", '{"dates": ["2015-02-29"]}')
bad("context", "29 February of 1900", '{"dates": ["1900-02-29"]}')
bad("context", "year 0000", '{"dates": ["0000-01-01"]}')
bad("context", "month 13", '{"dates": ["2014-13-01"]}')
bad("context", "a date null", '{"dates": [null]}')
bad("context", "dates as a string", '{"dates": "2014-03-12"}')
bad("context", "a phone as a number", '{"phones": [612345678]}')
bad("context", "login as a number", '{"login": 42}')
bad("context", "login as a list", '{"login": ["h.lefevre42"]}')
bad("context", "an unknown member set to null", '{"nickname": null}')


# ---- documents of the repository ----------------------------------------------------------------

def classify(doc: Any) -> Optional[str]:
    if not isinstance(doc, dict):
        return None
    keys = set(doc)
    if "method" in keys:
        return "claim"
    if keys & {"guardians", "pupils", "links"}:
        return "directory"
    if keys & {"alternatives", "max_length", "specials", "forbid_other", "min_score"}:
        return "policy"
    if keys & {"names", "dates", "phones", "login"}:
        return "context"
    return None


def spec_documents(errors: List[str]) -> List[Case]:
    out = []
    fence = re.compile(r"^([ \t]*)```json[ \t]*\n(.*?)^\1```[ \t]*$", re.M | re.S)
    for md in sorted((ROOT / "docs" / "spec").glob("*.md")):
        rel = md.relative_to(ROOT)
        for b, m in enumerate(fence.finditer(md.read_text(encoding="utf-8")), 1):
            block = textwrap.dedent(m.group(2))
            dec, pos, n = json.JSONDecoder(), 0, 0
            while True:
                while pos < len(block) and block[pos].isspace():
                    pos += 1
                if pos == len(block):
                    break
                try:
                    doc, end = dec.raw_decode(block, pos)
                except json.JSONDecodeError as e:
                    errors.append(f"{rel}: json block {b} is not JSON: {e}")
                    break
                n += 1
                kind = classify(doc)
                if kind is None:
                    errors.append(f"{rel}: json block {b}, document {n}: not a claim, directory, policy or context")
                else:
                    out.append(Case(kind, f"{rel} block {b} document {n}", block[pos:end], True))
                pos = end
    return out


def php_literal(s: str, i: int):
    """A PHP literal (array, string, number, null/true/false) at s[i:] -> (value, end)."""
    def ws(j: int) -> int:
        while j < len(s) and s[j].isspace():
            j += 1
        return j
    i = ws(i)
    c = s[i]
    if c == "[":
        items, keyed, j = [], False, ws(i + 1)
        while s[j] != "]":
            v, j = php_literal(s, j)
            j = ws(j)
            if s.startswith("=>", j):
                keyed = True
                k, (v, j) = v, php_literal(s, j + 2)
                items.append((k, v))
            else:
                items.append((None, v))
            j = ws(j)
            if s[j] == ",":
                j = ws(j + 1)
        if keyed:
            return {k: v for k, v in items}, j + 1
        return [v for _, v in items], j + 1
    if c in "'\"":
        j, buf = i + 1, []
        while s[j] != c:
            if s[j] == "\\" and s[j + 1] in (c, "\\"):
                j += 1
            buf.append(s[j])
            j += 1
        return "".join(buf), j + 1
    m = re.compile(r"null|true|false|-?[0-9][0-9_]*(?:\.[0-9]+)?", re.I).match(s, i)
    if not m:
        raise ValueError(f"unsupported PHP literal at offset {i}: {s[i:i + 20]!r}")
    t = m.group(0).lower()
    v = {"null": None, "true": True, "false": False}.get(t, None)
    if t not in ("null", "true", "false"):
        v = float(t) if "." in t else int(t.replace("_", ""))
    return v, m.end()


def example_documents(errors: List[str]) -> List[Case]:
    found: List[tuple] = []  # (file, value or text)
    ex = ROOT / "examples"
    # examples/web/ is a site, not a snippet: its records live in SQL and its directory document is
    # the school the tests import (a file, checked here as such).
    web = ex / "web"
    school = web / "tests" / "school.json"
    found.append((school, school.read_text(encoding="utf-8")))

    def snippets(pattern: str) -> List[Path]:
        return sorted(p for p in ex.rglob(pattern) if web not in p.parents)

    for f in snippets("*.py"):
        env: Dict[str, Any] = {}
        for node in ast.parse(f.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                try:
                    v = eval(compile(ast.Expression(node.value), str(f), "eval"), {"__builtins__": {}}, dict(env))
                except Exception:
                    continue
                env[node.targets[0].id] = v
                found.append((f, v))
    for f in snippets("*.php"):
        s = f.read_text(encoding="utf-8")
        for m in re.finditer(r"(?:\$\w+\s*=|\bcontext:)\s*(?=\[)", s):
            try:
                found.append((f, php_literal(s, m.end())[0]))
            except (ValueError, IndexError) as e:
                errors.append(f"{f.relative_to(ROOT)}: cannot read the PHP array at offset {m.end()}: {e}")
    for f in snippets("*.cpp") + snippets("*.hpp"):
        for m in re.finditer(r'R"([^(\s]*)\((.*?)\)\1"', f.read_text(encoding="utf-8"), re.S):
            found.append((f, m.group(2)))
    for f in snippets("*.c") + snippets("*.h"):
        s = f.read_text(encoding="utf-8")
        for m in re.finditer(r'=\s*((?:"(?:[^"\\\n]|\\.)*"\s*)+);', s):
            pieces = re.findall(r'"((?:[^"\\\n]|\\.)*)"', m.group(1))
            raw = b"".join(codecs.escape_decode(p.encode("utf-8"))[0] for p in pieces)
            found.append((f, raw.decode("utf-8")))
    out, per_file = [], {}
    for f, v in found:
        if isinstance(v, str):
            try:
                text, v = v, json.loads(v)
            except json.JSONDecodeError:
                continue  # a string literal that is not a document
        else:
            text = J(v)
        kind = classify(v)
        if kind is None:
            continue
        rel = f.relative_to(ROOT)
        per_file[rel] = per_file.get(rel, 0) + 1
        out.append(Case(kind, f"{rel} document {per_file[rel]} ({kind})", text, True))
    for f in sorted(p for p in ex.rglob("*") if p.suffix in (".py", ".php", ".c", ".cpp") and web not in p.parents):
        if f.relative_to(ROOT) not in per_file:
            errors.append(f"{f.relative_to(ROOT)}: no document found (the extraction no longer fits the example?)")
    return out


def data_documents(errors: List[str]) -> List[Case]:
    data = ROOT / "tests" / "data" / "identity"
    out = [Case("directory", "tests/data/identity/school.json", (data / "school.json").read_text(encoding="utf-8"), True)]
    lines = (data / "claims.jsonl").read_text(encoding="utf-8").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    for n in sorted(set(CLAIMS_REFUSED) | set(CLAIMS_GAPS)):
        if n > len(lines):
            errors.append(f"claims.jsonl: line {n} is listed as malformed but the file has {len(lines)} lines")
    for n, line in enumerate(lines, 1):
        name = f"tests/data/identity/claims.jsonl line {n}"
        if n in CLAIMS_REFUSED:
            out.append(Case("claim", name, line, False, why=CLAIMS_REFUSED[n]))
        elif n in CLAIMS_GAPS:
            out.append(Case("claim", name, line, True, False, CLAIMS_GAPS[n]))
        else:
            out.append(Case("claim", name, line, True))
    return out


# ---- the library ----------------------------------------------------------------------------------

def library_verdicts() -> Optional[Dict[str, Callable[[str], bool]]]:
    if not os.environ.get("SESAME_LIBRARY"):
        return None
    sys.path.insert(0, str(ROOT / "bindings" / "python" / "src"))
    import sesame  # noqa: F401  (loads SESAME_LIBRARY)
    from sesame import SesameError
    from sesame.identity import Directory
    from sesame.password import Context, Policy

    school = Directory.load_json(ROOT / "tests" / "data" / "identity" / "school.json")

    def accepted(fn: Callable[[], Any]) -> bool:
        try:
            fn()
            return True
        except SesameError:
            return False

    return {
        "claim": lambda t: accepted(lambda: school.match(t, today="2026-09-01", now_ms=1_788_220_800_000).close()),
        "directory": lambda t: accepted(lambda: Directory.from_json(t).close()),
        "policy": lambda t: accepted(lambda: Policy.from_json(t).close()),
        "context": lambda t: accepted(lambda: Context.from_json(t).close()),
        "_presets": lambda: [(n, Policy.preset(n).to_json()) for n in ("portal", "cnil2022")],
    }


# ---- the date patterns against the calendar --------------------------------------------------------

def check_date_patterns(schemas: Dict[str, dict], errors: List[str]) -> int:
    pats = {
        "directory pupil birthdate (1900-9999)":
            (schemas["directory"]["$defs"]["pupil"]["properties"]["birthdate"]["pattern"], 1900),
        "context dates (0001-9999)": (schemas["context"]["properties"]["dates"]["items"]["pattern"], 1),
    }
    full_years = {0, 1, 4, 100, 400, 1899, 1900, 1999, 2000, 2015, 2016, 2100, 9999}
    n = 0
    for what, (pat, first_year) in pats.items():
        rx = re.compile(pat)
        for y in range(0, 10000):
            cells = [(m, d) for m in range(0, 14) for d in range(0, 33)] if y in full_years else \
                [(2, 28), (2, 29), (2, 30), (4, 30), (4, 31), (12, 31), (1, 1), (13, 1), (0, 1), (1, 0)]
            for m, d in cells:
                s = f"{y:04d}-{m:02d}-{d:02d}"
                want = y >= first_year and 1 <= m <= 12 and 1 <= d <= calendar.monthrange(y, m)[1]
                n += 1
                if bool(rx.search(s)) != want:
                    errors.append(f"date pattern of {what}: {s} should be {'accepted' if want else 'refused'}")
    return n


# ---- main -----------------------------------------------------------------------------------------

def main() -> int:
    errors: List[str] = []
    schemas, validators = {}, {}
    for kind in KINDS:
        path = ROOT / "docs" / "schema" / f"{kind}.schema.json"
        s = json.loads(path.read_text(encoding="utf-8"))
        if s.get("$schema") != "https://json-schema.org/draft/2020-12/schema":
            errors.append(f"{path.name}: $schema is not draft 2020-12")
        for key in ("$id", "title", "description"):
            if not s.get(key):
                errors.append(f"{path.name}: no {key}")
        jsonschema.Draft202012Validator.check_schema(s)
        schemas[kind], validators[kind] = s, jsonschema.Draft202012Validator(s)

    cases = data_documents(errors) + spec_documents(errors) + example_documents(errors) + HAND
    counts = {k: sum(1 for c in cases if c.kind == k and c.name.startswith("docs/spec/")) for k in KINDS}
    for k, n in counts.items():
        if n == 0:
            errors.append(f"docs/spec: no {k} example found in a ```json block")

    lib = library_verdicts()
    if lib is not None:
        for name, doc in lib["_presets"]():
            cases.append(Case("policy", f"the {name} preset as the library writes it", json.dumps(doc), True))

    def schema_verdict(c: Case) -> tuple:
        try:
            doc = json.loads(c.text)
        except json.JSONDecodeError:
            return False, "not JSON"
        errs = sorted(validators[c.kind].iter_errors(doc), key=lambda e: list(e.absolute_path))
        return not errs, "; ".join(f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}" for e in errs[:3])

    tally = {k: [0, 0] for k in KINDS}
    gaps = 0
    for c in cases:
        got, why = schema_verdict(c)
        tally[c.kind][0 if got else 1] += 1
        if got != c.valid:
            errors.append(f"{c.kind} schema: {c.name}: expected {'valid' if c.valid else 'invalid'}, got "
                          f"{'valid' if got else 'invalid'}" + (f" ({why})" if why else "") + f"\n    {c.text[:200]}")
        if lib is not None:
            want = c.valid if c.library is None else c.library
            gaps += c.library is not None
            got_lib = lib[c.kind](c.text)
            if got_lib != want:
                errors.append(f"{c.kind} library: {c.name}: expected the library to {'accept' if want else 'refuse'} it, "
                              f"it {'accepts' if got_lib else 'refuses'} it" + (f" [{c.why}]" if c.why else "")
                              + f"\n    {c.text[:200]}")

    n_dates = check_date_patterns(schemas, errors)

    for k in KINDS:
        print(f"{k:9} {tally[k][0]:3} valid, {tally[k][1]:3} invalid, as expected unless listed below")
    print(f"date patterns: {n_dates} dates checked against the calendar")
    if lib is None:
        print("SESAME_LIBRARY not set: the library's own verdicts were not compared")
    else:
        print(f"library: same verdict as the schema on every document but the {gaps} known gaps, which it refuses or accepts as listed")
    if errors:
        print(f"\n{len(errors)} problem(s):", file=sys.stderr)
        for e in errors:
            print("  " + e, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
