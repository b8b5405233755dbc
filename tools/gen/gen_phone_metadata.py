#!/usr/bin/python3
"""Generates the phone module's tables (spec: docs/spec/phone.md) and the differential test's corpus.

One command refreshes everything and shows what changed:

    /usr/bin/python3 tools/gen/gen_phone_metadata.py              # the pinned version (below)
    /usr/bin/python3 tools/gen/gen_phone_metadata.py --refresh    # newest version on npm (or
                                                                  # --refresh VERSION): re-pins it in
                                                                  # this file, regenerates, and prints
                                                                  # the changed ranges per calling code
                                                                  # (add --libphonenumber X.Y.Z: the
                                                                  # release the package carries)
    /usr/bin/python3 tools/gen/gen_phone_metadata.py --show-diff  # regenerate + the same summary
    /usr/bin/python3 tools/gen/gen_phone_metadata.py --check      # regenerate into a temporary folder and
                                                                  # compare byte for byte (ctest
                                                                  # Data.PhoneMetadataReproducible)

Options: --offline (npm's cache only, no registry), --tarball FILE (a copy of the pinned .tgz; its
SHA-256 is still checked). Needs node and npm (the npm registry or npm's cache), and Debian's
libutf8proc2. Exit status 77 when a pinned input cannot be had offline (ctest SKIP_RETURN_CODE).

Sources, pinned (PIN below: version + SHA-256 of the registry's .tgz, checked before use):
- libphonenumber's metadata and libphonenumber's own JavaScript, from the npm package
  google-libphonenumber (the Closure build of google/libphonenumber's javascript/ directory with its
  metadata; Apache-2.0, wrapper MIT). 3.2.47 carries libphonenumber 9.0.40's metadata: the package
  does not state the version; its per-type patterns of every region are those of libphonenumber-js
  1.13.14, whose changelog names 9.0.40, and differ from 1.13.13's (9.0.39) and 1.13.15's (9.0.41).
  Why this package rather than libphonenumber-js (newer, 9.0.45 today): libphonenumber-js is a
  rewrite whose metadata is its own re-encoding (formats without international variants, mobile
  patterns left out when equal to the fixed line...), while google-libphonenumber ships
  libphonenumber's own build of the metadata (every field: possible lengths local only,
  intlNumberFormat, sameMobileAndFixedLinePattern, transform rules) and libphonenumber's own code,
  so the differential test compares with libphonenumber itself on the very same metadata.
  Read through tools/gen/phone_metadata_dump.js (node), with the metadata's own getters.
- The Unicode decimal digits (Nd) from utf8proc (Debian libutf8proc2, Unicode UNICODE_VERSION below)
  through ctypes, so the table is exactly what utf8proc_category() says.

Outputs:
- src/core/phone/generated/unicode_digits.inc: the first code point of every run of ten Nd digits.
- src/core/phone/generated/metadata_tables.inc: libphonenumber's metadata compiled ahead of time:
  for every country calling code, one acyclic DFA over the digits of the national significant number
  whose final state tells validity, type and region (libphonenumber's GetRegionCodeForNumber and
  GetNumberTypeHelper), whether the main region's general pattern matches (for national-prefix
  stripping), and which NATIONAL / INTERNATIONAL format applies (ChooseFormattingPatternForNumber);
  plus a small DFA per code for the national prefix typed after the code (national_prefix_for_parsing).
  No regular expression is run at run time.
- tests/data/phone/differential.tsv: a corpus of ~40,000 typed numbers (libphonenumber's example
  numbers per region and type, mutated; the whole French plan by its first three digits; the
  overseas codes by theirs) with libphonenumber's answers (Parse(raw, "FR"), IsValidNumber, E164,
  GetNumberType, GetRegionCodeForNumber, NATIONAL, INTERNATIONAL) from the same package, for
  tests/unit/phone/differential_test.cpp. Deterministic (a fixed-seed SplitMix64).
"""
import argparse
import ctypes
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

import pinned_npm

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
DUMP_JS = os.path.join(HERE, "phone_metadata_dump.js")

# The pin. `--refresh` rewrites these three lines (and LIBPHONENUMBER_VERSION, see --libphonenumber).
PACKAGE = "google-libphonenumber"
VERSION = "3.2.47"
SHA256 = "7c82afda114ade1d8b89290062d1d80aa8814bb06711ed35b522d50d3ee998b8"
LIBPHONENUMBER_VERSION = "9.0.40"
UNICODE_VERSION = "15.0.0"  # utf8proc 2.8 (Debian 12 libutf8proc2)

OUTPUTS = {
    "digits": os.path.join("src", "core", "phone", "generated", "unicode_digits.inc"),
    "metadata": os.path.join("src", "core", "phone", "generated", "metadata_tables.inc"),
    "corpus": os.path.join("tests", "data", "phone", "differential.tsv"),
}
SKIP = pinned_npm.SKIP
Unavailable = pinned_npm.Unavailable


# ---- inputs -------------------------------------------------------------------------------------------
def fetch(workdir, version, sha256, offline, tarball):
    """The pinned .tgz (--tarball, npm's cache, or the registry unless offline), checked, extracted:
    returns the package dir and the tarball's SHA-256."""
    path, actual = pinned_npm.tarball(Path(workdir), PACKAGE, version, sha256, offline=offline,
                                      file=Path(tarball) if tarball else None)
    dest = os.path.join(workdir, "pkg")
    with tarfile.open(path, "r:gz") as t:
        for name in ("package/package.json", "package/dist/libphonenumber.js"):
            member = t.getmember(name)
            t.extract(member, dest, set_attrs=False)
    return os.path.join(dest, "package"), actual


def node(pkg, mode, stdin=None):
    if shutil.which("node") is None:
        raise Unavailable("node is not installed")
    r = subprocess.run(["node", DUMP_JS, pkg, mode], input=stdin, capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit("error: node %s %s failed:\n%s" % (DUMP_JS, mode, r.stderr))
    return r.stdout


# ---- Unicode digits -----------------------------------------------------------------------------------
def gen_unicode_digits():
    try:
        u = ctypes.CDLL("libutf8proc.so.2")
    except OSError:
        raise Unavailable("libutf8proc.so.2 is not installed")
    u.utf8proc_category.restype = ctypes.c_int
    u.utf8proc_category.argtypes = [ctypes.c_int32]
    u.utf8proc_unicode_version.restype = ctypes.c_char_p
    version = u.utf8proc_unicode_version().decode()
    if version != UNICODE_VERSION:
        raise Unavailable("utf8proc here has Unicode %s, the pin says %s" % (version, UNICODE_VERSION))
    zeros = []
    cp = 0
    while cp < 0x110000:
        if u.utf8proc_category(cp) == 9:  # UTF8PROC_CATEGORY_ND
            for k in range(10):
                assert u.utf8proc_category(cp + k) == 9, hex(cp)
            zeros.append(cp)
            cp += 10
        else:
            cp += 1
    lines = [
        "// Generated by tools/gen/gen_phone_metadata.py from utf8proc (Unicode %s): do not edit." % version,
        "// The first code point (digit zero) of every run of ten Unicode Nd characters, ascending.",
        "#pragma once",
        "#include <cstdint>",
        "namespace sesame::phone::generated {",
        "inline constexpr char32_t kNdZeros[] = {",
    ]
    for i in range(0, len(zeros), 8):
        lines.append("    " + ", ".join("0x%05X" % z for z in zeros[i:i + 8]) + ",")
    lines += ["};", "}  // namespace sesame::phone::generated", ""]
    return "\n".join(lines)


# ---- a regular-expression compiler for libphonenumber's digit patterns ------------------------------
DIGITS = "0123456789"


class Parser:
    """Parses the subset of regex syntax the metadata uses into an AST."""

    def __init__(self, pattern, capture_fails=False):
        self.p = pattern
        self.i = 0
        self.capture_fails = capture_fails

    def parse(self):
        node = self.alt()
        if self.i != len(self.p):
            raise ValueError("trailing input in %r at %d" % (self.p, self.i))
        return node

    def peek(self):
        return self.p[self.i] if self.i < len(self.p) else None

    def alt(self):
        branches = [self.cat()]
        while self.peek() == "|":
            self.i += 1
            branches.append(self.cat())
        return ("alt", branches) if len(branches) > 1 else branches[0]

    def cat(self):
        items = []
        while self.peek() is not None and self.peek() not in "|)":
            items.append(self.repeat())
        return ("cat", items)

    def repeat(self):
        node = self.atom()
        while True:
            c = self.peek()
            if c == "?":
                self.i += 1
                node = ("rep", node, 0, 1)
            elif c == "*":
                self.i += 1
                node = ("rep", node, 0, None)
            elif c == "+":
                self.i += 1
                node = ("rep", node, 1, None)
            elif c == "{":
                j = self.p.index("}", self.i)
                body = self.p[self.i + 1:j]
                self.i = j + 1
                if "," in body:
                    lo, hi = body.split(",")
                    node = ("rep", node, int(lo), int(hi) if hi else None)
                else:
                    node = ("rep", node, int(body), int(body))
            else:
                return node

    def atom(self):
        c = self.peek()
        if c == "(":
            self.i += 1
            capture = True
            if self.p.startswith("?:", self.i):
                self.i += 2
                capture = False
            node = self.alt()
            if self.peek() != ")":
                raise ValueError("missing ) in %r" % self.p)
            self.i += 1
            if capture and self.capture_fails:
                return ("fail",)
            return node
        if c == "[":
            j = self.i + 1
            chars = set()
            while self.p[j] != "]":
                if self.p[j] == "\\" and self.p[j + 1] == "d":
                    chars |= set(DIGITS)
                    j += 2
                elif j + 2 < len(self.p) and self.p[j + 1] == "-" and self.p[j + 2] != "]":
                    lo, hi = self.p[j], self.p[j + 2]
                    chars |= {chr(k) for k in range(ord(lo), ord(hi) + 1)}
                    j += 3
                else:
                    chars.add(self.p[j])
                    j += 1
            self.i = j + 1
            return ("chars", frozenset(chars & set(DIGITS)))
        if c == "\\":
            if self.p[self.i + 1] != "d":
                raise ValueError("escape in %r" % self.p)
            self.i += 2
            return ("chars", frozenset(DIGITS))
        if c == "$":
            # End anchor: only met in national_prefix_for_parsing branches that capture; such a
            # branch never strips a prefix here (see strip semantics below).
            self.i += 1
            return ("fail",)
        if c is not None and c in DIGITS:
            self.i += 1
            return ("chars", frozenset(c))
        raise ValueError("unsupported %r in %r" % (c, self.p))


class NFA:
    def __init__(self):
        self.eps = []
        self.trans = []  # list of (charset, target)

    def state(self):
        self.eps.append([])
        self.trans.append([])
        return len(self.eps) - 1

    def build(self, node):
        """Returns (start, end) of a fragment."""
        kind = node[0]
        if kind == "chars":
            a, b = self.state(), self.state()
            self.trans[a].append((node[1], b))
            return a, b
        if kind == "fail":
            return self.state(), self.state()
        if kind == "cat":
            a = b = self.state()
            for item in node[1]:
                s, e = self.build(item)
                self.eps[b].append(s)
                b = e
            return a, b
        if kind == "alt":
            a, b = self.state(), self.state()
            for br in node[1]:
                s, e = self.build(br)
                self.eps[a].append(s)
                self.eps[e].append(b)
            return a, b
        if kind == "rep":
            _, sub, lo, hi = node
            a = b = self.state()
            for _ in range(lo):
                s, e = self.build(sub)
                self.eps[b].append(s)
                b = e
            if hi is None:
                s, e = self.build(sub)
                self.eps[b].append(s)
                self.eps[e].append(b)
                return a, b
            end = self.state()
            self.eps[b].append(end)
            for _ in range(hi - lo):
                s, e = self.build(sub)
                self.eps[b].append(s)
                self.eps[e].append(end)
                b = e
            return a, end
        raise ValueError(kind)

    def closure(self, states):
        stack = list(states)
        seen = set(states)
        while stack:
            s = stack.pop()
            for t in self.eps[s]:
                if t not in seen:
                    seen.add(t)
                    stack.append(t)
        return frozenset(seen)


class DFA:
    """A minimal DFA over the ten digits: next[s][d] (-1 = dead), accept[s]; state 0 is the start."""

    def __init__(self, pattern, capture_fails=False):
        nfa = NFA()
        start, end = nfa.build(Parser(pattern, capture_fails).parse())
        init = nfa.closure([start])
        ids = {init: 0}
        sets = [init]
        nxt = []
        k = 0
        while k < len(sets):
            cur = sets[k]
            row = []
            for d in DIGITS:
                tgt = set()
                for s in cur:
                    for cs, t in nfa.trans[s]:
                        if d in cs:
                            tgt.add(t)
                if not tgt:
                    row.append(-1)
                    continue
                c = nfa.closure(tgt)
                if c not in ids:
                    ids[c] = len(sets)
                    sets.append(c)
                row.append(ids[c])
            nxt.append(row)
            k += 1
        accept = [end in st for st in sets]
        self.next, self.accept = self._minimize(nxt, accept)

    @staticmethod
    def _minimize(nxt, accept):
        n = len(nxt)
        # Moore partition refinement; a "live" check removes states that cannot reach acceptance.
        live = [a for a in accept]
        changed = True
        while changed:
            changed = False
            for s in range(n):
                if not live[s] and any(t >= 0 and live[t] for t in nxt[s]):
                    live[s] = True
                    changed = True
        cls = [(1 if accept[s] else 0) if live[s] else -1 for s in range(n)]
        while True:
            sig = {}
            new = []
            for s in range(n):
                if cls[s] == -1:
                    new.append(-1)
                    continue
                key = (cls[s], tuple(cls[t] if t >= 0 else -1 for t in nxt[s]))
                new.append(sig.setdefault(key, len(sig)))
            if len(sig) == len(set(c for c in cls if c != -1)):
                cls = new
                break
            cls = new
        if cls[0] == -1:
            return [[-1] * 10], [False]
        # Renumber with the start state first.
        order = {cls[0]: 0}
        for s in range(n):
            if cls[s] != -1 and cls[s] not in order:
                order[cls[s]] = len(order)
        m = len(order)
        rnxt = [None] * m
        racc = [False] * m
        for s in range(n):
            if cls[s] == -1:
                continue
            c = order[cls[s]]
            if rnxt[c] is None:
                rnxt[c] = [order[cls[t]] if t >= 0 and cls[t] != -1 else -1 for t in nxt[s]]
                racc[c] = accept[s]
        return rnxt, racc

    def fullmatch(self, digits):
        s = 0
        for d in digits:
            s = self.next[s][int(d)]
            if s < 0:
                return False
        return self.accept[s]


# ---- libphonenumber semantics, compiled --------------------------------------------------------------
TYPE_IDS = {"unknown": 0, "mobile": 1, "fixed_line": 2, "fixed_line_or_mobile": 3, "voip": 4, "toll_free": 5,
            "premium_rate": 6, "shared_cost": 7, "uan": 8, "pager": 9, "personal_number": 10, "voicemail": 11}
TYPE_NAMES = {v: k for k, v in TYPE_IDS.items()}
# GetNumberTypeHelper's order.
TYPE_ORDER = ["premium_rate", "toll_free", "shared_cost", "voip", "personal_number", "pager", "uan", "voicemail"]
MAX_NSN = 17
ACC = -2  # sticky state of a prefix (leading-digits) component once it has matched

_dfa_cache = {}


def dfa(pattern, capture_fails=False):
    key = (pattern, capture_fails)
    if key not in _dfa_cache:
        _dfa_cache[key] = DFA(pattern, capture_fails)
    return _dfa_cache[key]


class Metadata:
    """The dump of tools/gen/phone_metadata_dump.js."""

    def __init__(self, dump):
        self.calling_codes = [(cc, list(regions)) for cc, regions in dump["calling_codes"]]
        self.regions = dump["regions"]
        self.examples = [(cc, nsn) for cc, nsn in dump["examples"]]

    def region(self, cc, region):
        return self.regions["001/%d" % cc if region == "001" else region]


def desc_lengths(desc):
    pl = tuple(desc["possible_length"])
    return None if not pl else frozenset(pl)


class Country:
    """The components of one calling code's DFA and how its final states are labelled."""

    def __init__(self, meta, cc, regions):
        self.cc = cc
        self.regions = regions
        self.comps = []  # (dfa, is_prefix)
        self.region_info = []
        for r in regions:
            md = meta.region(cc, r)
            info = {"region": r, "leading": None, "types": {}, "general": None,
                    "same_fm": md["same_mobile_and_fixed_line_pattern"]}
            if md["leading_digits"]:
                info["leading"] = self.comp(md["leading_digits"], True)
            g = md["general_desc"]
            info["general"] = (self.comp(g["pattern"]), desc_lengths(g))
            for t in TYPE_ORDER + ["fixed_line", "mobile"]:
                desc = md[t]
                if desc is None or not desc["pattern"] or desc["possible_length"] == [-1]:
                    continue
                info["types"][t] = (self.comp(desc["pattern"]), desc_lengths(desc))
            self.region_info.append(info)
        main = meta.region(cc, regions[0])
        self.main = main
        self.gen_main = self.comp(main["general_desc"]["pattern"])
        self.nat_formats = [self.fmt(f, True) for f in main["number_format"]]
        intl = main["intl_number_format"] if main["intl_number_format"] else main["number_format"]
        self.intl_formats = [self.fmt(f, False) for f in intl if f["format"] != "NA"]
        gd = main["general_desc"]
        self.possible = frozenset(gd["possible_length"])
        self.local = frozenset(gd["possible_length_local_only"])

    def comp(self, pattern, prefix=False):
        self.comps.append((dfa(pattern), prefix))
        return len(self.comps) - 1

    def fmt(self, f, national):
        ld = self.comp(f["leading_digits_pattern"][-1], True) if f["leading_digits_pattern"] else None
        full = self.comp(f["pattern"])
        template = f["format"]
        rule = f["national_prefix_formatting_rule"]
        if national and rule:
            # As libphonenumber (formatNsnUsingPattern): the first group reference of the format,
            # FIRST_GROUP_PATTERN = (\$\d), is replaced by the rule, whose $1 stands for that reference.
            template = re.sub(r"(\$\d)", lambda m: rule.replace("$1", m.group(1)), template, count=1)
        return (ld, full, f["pattern"], template)

    # -- labels
    def label(self, states, length):
        def full(ci, lengths=None):
            s = states.get(ci)
            if s is None or s == ACC:
                return False
            if lengths is not None and length not in lengths:
                return False
            return self.comps[ci][0].accept[s]

        def prefix(ci):
            return states.get(ci) == ACC

        def type_helper(info):
            gci, glen = info["general"]
            if not full(gci, glen):
                return "unknown"
            for t in TYPE_ORDER:
                if t in info["types"] and full(*info["types"][t]):
                    return t
            fixed = "fixed_line" in info["types"] and full(*info["types"]["fixed_line"])
            mobile = "mobile" in info["types"] and full(*info["types"]["mobile"])
            if fixed:
                if info["same_fm"] or mobile:
                    return "fixed_line_or_mobile"
                return "fixed_line"
            if mobile and not info["same_fm"]:
                return "mobile"
            return "unknown"

        chosen = None
        for info in self.region_info:
            if info["leading"] is not None:
                if prefix(info["leading"]):
                    chosen = info
                    break
            elif type_helper(info) != "unknown":
                chosen = info
                break
        t = type_helper(chosen) if chosen is not None else "unknown"
        valid = t != "unknown"
        gen = full(self.gen_main)
        nat = intl = -1
        for k, (ld, fullci, _, _) in enumerate(self.nat_formats):
            if (ld is None or prefix(ld)) and full(fullci):
                nat = k
                break
        for k, (ld, fullci, _, _) in enumerate(self.intl_formats):
            if (ld is None or prefix(ld)) and full(fullci):
                intl = k
                break
        return (valid, TYPE_IDS[t] if valid else 0, chosen["region"] if valid else "", gen, nat, intl)


class Builder:
    """Builds the shared, merged state table of every country's DFA."""

    def __init__(self):
        self.sig = {(0, (0,) * 10): 0}  # state 0: dead (label 0)
        self.rows = [((0,) * 10, 0)]
        self.labels = {(False, 0, "", False, None, None): 0}
        self.formats = {}

    def label_id(self, lab):
        if lab not in self.labels:
            self.labels[lab] = len(self.labels)
        return self.labels[lab]

    def format_id(self, f):
        if f is None:
            return 0
        if f not in self.formats:
            self.formats[f] = len(self.formats) + 1
        return self.formats[f]

    def country(self, c):
        memo = {}
        sys.setrecursionlimit(10000)

        def step(key, d):
            out = []
            for ci, s in key:
                if s == ACC:
                    out.append((ci, ACC))
                    continue
                dd, is_prefix = c.comps[ci]
                t = dd.next[s][d]
                if t < 0:
                    continue
                if is_prefix and dd.accept[t]:
                    out.append((ci, ACC))
                else:
                    out.append((ci, t))
            return tuple(out)

        def alive(key):
            return any(s != ACC and not c.comps[ci][1] for ci, s in key)

        def visit(key, depth):
            mk = (key, depth)
            if mk in memo:
                return memo[mk]
            if not alive(key):
                memo[mk] = 0
                return 0
            lab = c.label(dict(key), depth)
            valid, t, region, gen, nat, intl = lab
            natf = intlf = None
            if nat >= 0:
                natf = (c.nat_formats[nat][2], c.nat_formats[nat][3])
            if intl >= 0:
                intlf = (c.intl_formats[intl][2], c.intl_formats[intl][3])
            lid = self.label_id((valid, t, region, gen, self.format_id(natf), self.format_id(intlf)))
            if depth < MAX_NSN:
                children = tuple(visit(step(key, d), depth + 1) for d in range(10))
            else:
                children = (0,) * 10
            sg = (lid, children)
            if sg not in self.sig:
                self.sig[sg] = len(self.rows)
                self.rows.append((children, lid))
            memo[mk] = self.sig[sg]
            return memo[mk]

        root = []
        for ci, (dd, is_prefix) in enumerate(c.comps):
            root.append((ci, ACC if is_prefix and dd.accept[0] else 0))
        return visit(tuple(root), 0)


class PrefixBuilder:
    """National-prefix DFAs (longest match of national_prefix_for_parsing at the start)."""

    def __init__(self):
        self.rows = [((0,) * 10, False)]  # state 0: dead

    def add(self, d):
        base = len(self.rows)
        for s in range(len(d.next)):
            self.rows.append((tuple(base + t if t >= 0 else 0 for t in d.next[s]), d.accept[s]))
        return base


# national_prefix_transform_rule: the main regions that have one, decomposed by hand into
# [pre][kept group][post]($) -> literal + kept group (+ the rest of the number). The generator checks
# that the metadata still says exactly this (a new rule stops it: decompose it here).
# (shape of national_prefix_for_parsing, transform rule, pre, post, anchored, literal)
TRANSFORMS = {
    "AR": (r"0\?\(\?:\((?P<g>.*)\)15\)\?", "9$1", "0?", "15", False, "9"),
    "BR": (r"\(\?:0\|90\)\(\?:\((?P<c>1\[245\]\|2\[1-35\]\|31\|4\[13\]\|\[56\]5\|99)\)\((?P<g>\\d\{10,11\})\)\)\?",
           "$2", "(?:0|90)(?:%(c)s)", "", False, ""),
    "GA": (r"0\((?P<g>[^()]*)\)", "$1", "0", "", False, ""),
    "MG": (r"\((?P<g>\[24-9\]\\d\{6\})\)\$\|0", "20$1", "", "", True, "20"),
    "SM": (r"\((?P<g>\[89\]\\d\{5\})\)\$", "0549$1", "", "", True, "0549"),
    "NF": (r"\((?P<g>\[0-258\]\\d\{4\})\)\$", "3$1", "", "", True, "3"),
    # (000[2569]\d{4,6})$ is tried first and rewrites the number to itself: such a number keeps its
    # leading 0s; the other branches are plain prefixes.
    "JP": (r"\((?P<g>000\[2569\]\\d\{4,6\})\)\$\|\(\?:\(\?:003768\)0\?\)\|0", "$1", "", "", True, ""),
}


def parse_format(pattern):
    groups = []
    for m in re.finditer(r"\(\\d(?:\{(\d+)(?:,(\d+))?\})?\)", pattern):
        if m.group(1) is None:
            groups.append((1, 1))
        else:
            lo = int(m.group(1))
            hi = int(m.group(2)) if m.group(2) else lo
            groups.append((lo, hi))
    # The format patterns are all sequences of (\d{n}) / (\d{n,m}) groups (checked).
    rebuilt = "".join(m.group(0) for m in re.finditer(r"\(\\d(?:\{(\d+)(?:,(\d+))?\})?\)", pattern))
    assert rebuilt == pattern, pattern
    return groups


def c_string(s):
    out = []
    for ch in s:
        if ch == "\\":
            raise ValueError(s)
        if ch == '"':
            out.append('\\"')
        elif 32 <= ord(ch) < 127:
            out.append(ch)
        else:
            for b in ch.encode("utf-8"):
                out.append("\\x%02X\"\"" % b)
    return "".join(out)


def format_template(t):
    # $N group references become the bytes 0x01..0x09.
    out = []
    i = 0
    while i < len(t):
        if t[i] == "$" and i + 1 < len(t) and t[i + 1].isdigit():
            out.append('\\x0%d""' % int(t[i + 1]))
            i += 2
        else:
            out.append(c_string(t[i]))
            i += 1
    return "".join(out)


def gen_metadata(meta, source):
    b = Builder()
    pb = PrefixBuilder()
    countries = []
    transforms = []
    for cc, regions in meta.calling_codes:
        c = Country(meta, cc, regions)
        root = b.country(c)
        main = c.main
        np_root = 0
        npp = main["national_prefix_for_parsing"]
        if npp:
            has_transform = bool(main["national_prefix_transform_rule"])
            np_root = pb.add(dfa(npp, capture_fails=has_transform))
            if has_transform:
                assert regions[0] in TRANSFORMS, ("new national_prefix_transform_rule: decompose it in TRANSFORMS",
                                                  regions[0], npp, main["national_prefix_transform_rule"])
                shape, rule, pre, post, anchored, lit = TRANSFORMS[regions[0]]
                m = re.fullmatch(shape, npp)
                assert m is not None and main["national_prefix_transform_rule"] == rule, (regions[0], npp)
                pre = pre % m.groupdict()
                transforms.append((cc, pb.add(dfa(pre)), pb.add(dfa(m.group("g"))), pb.add(dfa(post)), anchored, lit,
                                   regions[0]))
        poss = sum(1 << n for n in c.possible if n > 0)
        local = sum(1 << n for n in c.local if n > 0)
        countries.append((cc, root, np_root, poss, local, regions[0]))
    regions = sorted(set(lab[2] for lab in b.labels))
    region_ix = {r: k for k, r in enumerate(regions)}
    assert len(b.rows) < 65536 and len(pb.rows) < 65536
    print("states %d, labels %d, formats %d, prefix states %d" % (len(b.rows), len(b.labels), len(b.formats),
                                                                   len(pb.rows)), file=sys.stderr)
    L = []
    w = L.append
    w("// Generated by tools/gen/gen_phone_metadata.py from libphonenumber %s's metadata" % LIBPHONENUMBER_VERSION)
    w("// (%s, Apache-2.0, see NOTICE): do not edit." % source)
    w("#pragma once")
    w("#include <cstdint>")
    w("namespace sesame::phone::generated {")
    w('inline constexpr char kMetadataVersion[] = "%s";' % LIBPHONENUMBER_VERSION)
    w('inline constexpr char kMetadataSource[] = "npm %s %s";' % (PACKAGE, VERSION))
    w("inline constexpr char kRegions[][4] = {")
    w("    " + ", ".join('"%s"' % r for r in regions))
    w("};")
    w("// flags: 1 valid, 2 the main region's general pattern matches.")
    w("struct Label { std::uint8_t flags, type, region; std::uint16_t nat_fmt, intl_fmt; };")
    w("inline constexpr Label kLabels[] = {")
    for lab, k in sorted(b.labels.items(), key=lambda kv: kv[1]):
        valid, t, region, gen, natf, intlf = lab
        w("    {%d, %d, %d, %d, %d}," % ((1 if valid else 0) | (2 if gen else 0), t, region_ix[region], natf or 0,
                                         intlf or 0))
    w("};")
    w("// A format: groups of (min, max) digits, and a template where bytes 1-9 stand for the groups.")
    w("struct NumberFormat { std::uint8_t groups; std::uint8_t min[8]; std::uint8_t max[8]; const char *tmpl; };")
    w("inline constexpr NumberFormat kFormats[] = {")
    w('    {0, {}, {}, ""},')
    for (pattern, template), k in sorted(b.formats.items(), key=lambda kv: kv[1]):
        gs = parse_format(pattern)
        assert 0 < len(gs) <= 8, pattern
        w('    {%d, {%s}, {%s}, "%s"},  // %s' % (len(gs), ", ".join(str(g[0]) for g in gs),
                                                 ", ".join(str(g[1]) for g in gs), format_template(template), pattern))
    w("};")
    w("// State table shared by every calling code; state 0 is dead. Row: next state per digit 0-9.")
    w("inline constexpr std::uint16_t kNext[][10] = {")
    for children, _ in b.rows:
        w("    {%s}," % ",".join(str(x) for x in children))
    w("};")
    w("// Label of the number when it ends in that state.")
    w("inline constexpr std::uint16_t kStateLabel[] = {")
    lab_ids = [lid for _, lid in b.rows]
    for i in range(0, len(lab_ids), 20):
        w("    " + ",".join(str(x) for x in lab_ids[i:i + 20]) + ",")
    w("};")
    w("// National prefixes typed after the code: DFA rows (state 0 dead) and accepting states.")
    w("inline constexpr std::uint16_t kPrefixNext[][10] = {")
    for children, _ in pb.rows:
        w("    {%s}," % ",".join(str(x) for x in children))
    w("};")
    w("inline constexpr bool kPrefixAccept[] = {")
    w("    " + ",".join("true" if a else "false" for _, a in pb.rows))
    w("};")
    w("// national_prefix_transform_rule: [pre][kept][post]($) at the start becomes lit + kept.")
    w("struct Transform { std::uint16_t cc, pre, kept, post; bool anchored; const char *lit; };")
    w("inline constexpr Transform kTransforms[] = {")
    for cc, pre, kept, post, anchored, lit, r in transforms:
        w('    {%d, %d, %d, %d, %s, "%s"},  // %s' % (cc, pre, kept, post, "true" if anchored else "false", lit, r))
    w("};")
    w("// possible / local_only: bit n set when a national number of n digits is possible for the")
    w("// main region (libphonenumber TestNumberLength).")
    w("struct CountryCode { std::uint16_t cc; std::uint16_t root; std::uint16_t prefix_root; std::uint32_t possible; "
      "std::uint32_t local_only; };")
    w("inline constexpr CountryCode kCountryCodes[] = {")
    for cc, root, npr, poss, local, r in countries:
        w("    {%d, %d, %d, 0x%X, 0x%X},  // %s" % (cc, root, npr, poss, local, r))
    w("};")
    w("}  // namespace sesame::phone::generated")
    w("")
    return "\n".join(L)


# ---- the differential corpus --------------------------------------------------------------------------
class SplitMix64:
    def __init__(self, seed):
        self.x = seed

    def next(self):
        self.x = (self.x + 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF
        z = self.x
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & 0xFFFFFFFFFFFFFFFF
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & 0xFFFFFFFFFFFFFFFF
        return z ^ (z >> 31)

    def below(self, n):
        return self.next() % n


FRENCH_PLAN_CODES = (33, 262, 590, 594, 596, 508)
OVERSEAS_CODES = (262, 590, 594, 596, 508)


def corpus_inputs(meta):
    """(raw, cc, nsn, national, trunk): what was typed and the number it meant."""
    rng = SplitMix64(20261128)
    out = {}

    def add(raw, cc, nsn, national, trunk):
        out.setdefault(raw, (raw, cc, nsn, national, trunk))

    def digit():
        return str(rng.below(10))

    def typed(cc, nsn, trunk):
        body = ("0" if trunk else "") + nsn
        spaced = ""
        for k, ch in enumerate(body):
            if k > 0 and k % 2 == 0:
                spaced += "-" if rng.below(3) == 0 else " "
            spaced += ch
        v = rng.below(4)
        if v == 0:
            return "+%d%s" % (cc, body)
        if v == 1:
            return "+%d %s" % (cc, spaced)
        if v == 2:
            return "00%d %s" % (cc, spaced)
        return "+%d (%s)%s" % (cc, body[:1], body[1:])

    for cc, nsn0 in meta.examples:
        for v in range(16):
            nsn = list(nsn0)
            k = v % 6
            if k == 1:
                for i in range(max(0, len(nsn) - 4), len(nsn)):
                    nsn[i] = digit()
            elif k == 2:
                nsn[rng.below(len(nsn))] = digit()
            elif k == 3:
                nsn.pop()
            elif k == 4:
                nsn.append(digit())
            elif k == 5:
                for i in range(max(0, len(nsn) - 6), len(nsn)):
                    nsn[i] = digit()
            nsn = "".join(nsn)
            if not nsn:
                continue
            trunk = v % 5 == 4
            add(typed(cc, nsn, trunk), cc, nsn, False, trunk)
            if cc == 33 or (cc in FRENCH_PLAN_CODES and len(nsn) == 9):
                add("0" + nsn[:1] + " " + nsn[1:], cc, nsn, True, False)
    # The whole French plan by its first three digits, nationally and after +33.
    for p in range(100, 1000):
        for _ in range(4):
            nsn = str(p) + "".join(digit() for _ in range(6))
            add("0" + nsn, 33, nsn, True, False)
            add("+33" + nsn, 33, nsn, False, False)
    # The overseas codes by the first three digits of a 9-digit NSN (+590 800..., +262 976...), and
    # +508's own 6-digit plan.
    for cc in OVERSEAS_CODES:
        for p in range(100, 1000):
            nsn = str(p) + "".join(digit() for _ in range(6))
            add("+%d %s" % (cc, nsn), cc, nsn, False, False)
    for p in range(100, 1000):
        nsn = str(p) + "".join(digit() for _ in range(3))
        add("+508 " + nsn, 508, nsn, False, False)
    return list(out.values())


def gen_corpus(meta, pkg, source):
    samples = corpus_inputs(meta)
    answers = node(pkg, "answer", "".join(s[0] + "\n" for s in samples)).splitlines()
    assert len(answers) == len(samples), (len(answers), len(samples))
    lines = [
        "# Generated by tools/gen/gen_phone_metadata.py: libphonenumber %s's answers (%s, its own" % (
            LIBPHONENUMBER_VERSION, source),
        "# JavaScript) for tests/unit/phone/differential_test.cpp: do not edit.",
        "# raw \\t cc \\t nsn \\t typed nationally (N/I) \\t trunk 0 after the code (T/-) \\t then \"-\" (refused or",
        "# invalid) or e164 \\t type \\t region \\t NATIONAL \\t INTERNATIONAL for Parse(raw, \"FR\").",
    ]
    for (raw, cc, nsn, national, trunk), ans in zip(samples, answers):
        assert "\t" not in raw and "\n" not in raw
        lines.append("\t".join([raw, str(cc), nsn, "N" if national else "I", "T" if trunk else "-", ans]))
    print("corpus: %d samples, %d valid for libphonenumber" % (len(samples), sum(a != "-" for a in answers)),
          file=sys.stderr)
    return "\n".join(lines) + "\n"


# ---- what changed: the compiled tables, old against new, per calling code -----------------------------
def parse_tables(text):
    """The parts of metadata_tables.inc that decide validity, type and region."""
    def block(name):
        m = re.search(r"%s(?:\[\d*\])+ = \{\n(.*?)\n\};" % re.escape(name), text, re.S)
        return m.group(1)
    regions = re.findall(r'"([^"]*)"', block("kRegions"))
    labels = [tuple(int(x) for x in row) for row in re.findall(r"\{(\d+), (\d+), (\d+), \d+, \d+\}", block("kLabels"))]
    nxt = [tuple(int(x) for x in row.split(",")) for row in re.findall(r"\{([\d,]+)\}", block("kNext"))]
    state_label = [int(x) for x in re.findall(r"\d+", block("kStateLabel"))]
    roots = {int(cc): int(root) for cc, root in re.findall(r"\{(\d+), (\d+), \d+, 0x", block("kCountryCodes"))}
    version = re.search(r'kMetadataVersion\[\] = "([^"]*)"', text).group(1)

    def label(s):
        flags, t, r = labels[state_label[s]]
        return (TYPE_NAMES[t], regions[r]) if flags & 1 else None
    return {"next": nxt, "label": label, "roots": roots, "version": version}


def describe(lab):
    return "invalid" if lab is None else "%s %s" % lab


def diff_tables(old_text, new_text, limit=12):
    """Lines summarising, per calling code, the national numbers whose validity, type or region changed."""
    old, new = parse_tables(old_text), parse_tables(new_text)
    lines = ["metadata %s -> %s" % (old["version"], new["version"])]
    for cc in sorted(set(old["roots"]) | set(new["roots"])):
        if cc not in old["roots"] or cc not in new["roots"]:
            lines.append("+%d: calling code %s" % (cc, "added" if cc in new["roots"] else "removed"))
            continue
        memo = {}

        def walk(so, sn, depth):
            """{(old label, new label): [count, example suffix]} for the numbers below (so, sn)."""
            key = (so, sn, depth)
            if key in memo:
                return memo[key]
            res = {}
            if so == 0 and sn == 0:
                memo[key] = res
                return res
            lo, ln = old["label"](so), new["label"](sn)
            if lo != ln:
                res[(lo, ln)] = [1, ""]
            if depth < MAX_NSN:
                for d in range(10):
                    sub = walk(old["next"][so][d], new["next"][sn][d], depth + 1)
                    for change, (count, example) in sub.items():
                        entry = res.setdefault(change, [0, str(d) + example])
                        entry[0] += count
            memo[key] = res
            return res

        changes = walk(old["roots"][cc], new["roots"][cc], 0)
        if not changes:
            continue
        items = sorted(changes.items(), key=lambda kv: (-kv[1][0], kv[1][1]))
        parts = ["%s -> %s: %s numbers (e.g. %s)" % (describe(a), describe(b), "{:,}".format(n), ex)
                 for (a, b), (n, ex) in items[:limit]]
        lines.append("+%d: %s%s" % (cc, "; ".join(parts), "; ..." if len(items) > limit else ""))
    return lines


# ---- main ---------------------------------------------------------------------------------------------
def generate(workdir, version, sha256, offline, tarball):
    pkg, actual = fetch(workdir, version, sha256, offline, tarball)
    source = "npm %s %s, sha256 %s" % (PACKAGE, version, actual[:16])
    meta = Metadata(json.loads(node(pkg, "metadata")))
    return {
        "digits": gen_unicode_digits(),
        "metadata": gen_metadata(meta, source),
        "corpus": gen_corpus(meta, pkg, source),
    }, actual


def rewrite_pin(version, sha256, lpn_version):
    path = os.path.abspath(__file__)
    with open(path) as f:
        text = f.read()
    text = re.sub(r'^VERSION = ".*"$', 'VERSION = "%s"' % version, text, count=1, flags=re.M)
    text = re.sub(r'^SHA256 = ".*"$', 'SHA256 = "%s"' % sha256, text, count=1, flags=re.M)
    text = re.sub(r'^LIBPHONENUMBER_VERSION = ".*"$', 'LIBPHONENUMBER_VERSION = "%s"' % lpn_version, text, count=1,
                  flags=re.M)
    with open(path, "w") as f:
        f.write(text)


def main():
    global VERSION, SHA256, LIBPHONENUMBER_VERSION
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="regenerate into a temporary folder, compare byte for byte")
    ap.add_argument("--show-diff", action="store_true", help="print the changed ranges per calling code")
    ap.add_argument("--refresh", nargs="?", const="latest", metavar="VERSION",
                    help="pin the newest version on npm (or VERSION), regenerate, show the diff")
    ap.add_argument("--libphonenumber", metavar="X.Y.Z",
                    help="with --refresh: the libphonenumber version the new package carries (its release notes "
                         "name it; default: unknown)")
    ap.add_argument("--offline", action="store_true", help="npm's cache only")
    ap.add_argument("--tarball", help="the pinned .tgz, already downloaded (its SHA-256 is checked)")
    args = ap.parse_args()
    try:
        with tempfile.TemporaryDirectory(prefix="sesame-phone-gen-") as tmp:
            if args.refresh:
                latest = args.refresh
                if latest == "latest":
                    r = subprocess.run(["npm", "view", PACKAGE, "version"], capture_output=True, text=True, check=True)
                    latest = r.stdout.strip()
                print("%s: pinned %s, now %s" % (PACKAGE, VERSION, latest), file=sys.stderr)
                same = latest == VERSION
                VERSION, SHA256 = latest, (SHA256 if same else None)  # a new package: pinned as fetched
                LIBPHONENUMBER_VERSION = args.libphonenumber or (LIBPHONENUMBER_VERSION if same else "unknown")
                if LIBPHONENUMBER_VERSION == "unknown":
                    print("note: say which libphonenumber release %s %s carries with --libphonenumber X.Y.Z (its "
                          "release notes name it)" % (PACKAGE, latest), file=sys.stderr)
            outputs, actual = generate(tmp, VERSION, SHA256, args.offline, args.tarball)
            if args.check:
                same = True
                for key, rel in OUTPUTS.items():
                    path = os.path.join(ROOT, rel)
                    with open(path, "rb") as f:
                        committed = f.read()
                    fresh = outputs[key].encode()
                    if committed == fresh:
                        print("same: %s (%d bytes)" % (rel, len(fresh)))
                        continue
                    same = False
                    a, b = committed.decode(errors="replace").splitlines(), outputs[key].splitlines()
                    k = next((i for i in range(min(len(a), len(b))) if a[i] != b[i]), min(len(a), len(b)))
                    print("DIFFERS: %s (committed %d bytes, regenerated %d), first at line %d:\n  committed:   %s\n"
                          "  regenerated: %s" % (rel, len(committed), len(fresh), k + 1, a[k][:200] if k < len(a) else
                                                 "<end>", b[k][:200] if k < len(b) else "<end>"))
                return 0 if same else 1
            meta_path = os.path.join(ROOT, OUTPUTS["metadata"])
            old = open(meta_path).read() if os.path.exists(meta_path) else None
            for key, rel in OUTPUTS.items():
                path = os.path.join(ROOT, rel)
                os.makedirs(os.path.dirname(path), exist_ok=True)
                with open(path, "w") as f:
                    f.write(outputs[key])
                print("wrote %s" % rel, file=sys.stderr)
            if args.refresh:
                rewrite_pin(VERSION, actual, LIBPHONENUMBER_VERSION)
                print("pinned %s %s sha256 %s (libphonenumber %s) in %s" % (
                    PACKAGE, VERSION, actual, LIBPHONENUMBER_VERSION, os.path.relpath(__file__, ROOT)), file=sys.stderr)
            if (args.show_diff or args.refresh) and old is not None:
                for line in diff_tables(old, outputs["metadata"]):
                    print(line)
    except Unavailable as e:
        print("SKIP: the pinned input is not available here: %s. Pinned: npm %s@%s (sha256 %s), utf8proc with "
              "Unicode %s. Fetch it once with `npm cache add %s@%s` (or run this generator online)." % (
                  e, PACKAGE, VERSION, SHA256, UNICODE_VERSION, PACKAGE, VERSION))
        return SKIP
    return 0


if __name__ == "__main__":
    sys.exit(main())
