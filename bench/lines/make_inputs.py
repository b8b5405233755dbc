#!/usr/bin/python3
"""Inputs of bench/cli_bench.sh: phones.txt and passwords.txt, one input per line, deterministic.

    /usr/bin/python3 bench/lines/make_inputs.py OUTDIR [--lines N]   (N defaults to 100,000)

Standard library only. Both generators draw from MT19937 written out below (the same sequence as
C++'s std::mt19937 for a given seed), never from Python's `random`, so the files are the same
bytes on any Python 3.

- passwords.txt: bench/password_corpus.hpp's corpus (seed 20261128), the one password_bench and
  meter_dump use, translated line for line; cli_bench.sh compiles the header and checks the bytes
  are identical. Some lines are deliberately bad: a TAB, a Latin-1 byte (not UTF-8), NFD accents.
- phones.txt: the mix of bench/README.md's phone section (seed 42): 60 % metropolitan French
  mobiles and landlines, 20 % overseas (0692, 0690, 0696, 0262, 0590), each in one of eight typings
  (0612345678, spaces, dots, dashes, U+202F narrow no-break spaces, +33 6 .., +33 (0)6 .., 0033..),
  and 20 % foreign numbers of GB, US, CA, CH, DE, BE, ES, IT, MA, DZ, PT, TR, TN and NC, from
  per-country templates with random digits (mostly +CC, some 00CC, one 0044 (0) typing).
"""
import os
import sys


class MT19937:
    """std::mt19937: init_genrand(seed), 32-bit tempered outputs."""

    def __init__(self, seed):
        self.mt = [0] * 624
        self.mt[0] = seed & 0xFFFFFFFF
        for i in range(1, 624):
            prev = self.mt[i - 1]
            self.mt[i] = (1812433253 * (prev ^ (prev >> 30)) + i) & 0xFFFFFFFF
        self.i = 624

    def __call__(self):
        mt = self.mt
        if self.i >= 624:
            for k in range(624):
                y = (mt[k] & 0x80000000) | (mt[(k + 1) % 624] & 0x7FFFFFFF)
                mt[k] = mt[(k + 397) % 624] ^ (y >> 1) ^ (0x9908B0DF if y & 1 else 0)
            self.i = 0
        y = mt[self.i]
        self.i += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9D2C5680
        y ^= (y << 15) & 0xEFC60000
        return y ^ (y >> 18)


def num(n):
    return str(n).encode()


def passwords(count):
    """bench/password_corpus.hpp, same draws in the same order. The header's `a + f() + g()` chains
    draw their operands right to left (GCC's order for these operator+ calls; C++ leaves it
    unspecified), so the draws below go from the last operand to the first; the byte check in
    cli_bench.sh guards it."""
    words = [w.encode() for w in (
        "soleil", "chocolat", "bonjour", "maison", "papillon", "liberté", "été", "école",
        "lucas", "emma", "hélène", "françois", "léa", "chloé", "jérôme", "noël",
        "marseille", "paris", "dupont", "lefèvre", "motdepasse", "famille", "vacances",
        "cœur", "garçon", "éléphant", "printemps", "azerty", "doudou", "nounours")]
    rows = [r.encode() for r in (
        "azerty", "qwerty", "&é\"'(-è_çà", "azertyuiop", "qsdfghjklm", "wxcvbn", "123456",
        "1234567890", "aqwzsx", "poiuytreza")]
    specials = [s.encode() for s in ("!", "?", "@", "#", "$", ".", "*", "&", "-", "_", "€", "£", "µ", "%")]
    alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!?@#$()[]_.,;&=+-%*<>/:"
    rng = MT19937(20261128)

    def pick(n):
        return rng() % n

    def cap(s):
        return bytes([s[0] - 32]) + s[1:] if s and 0x61 <= s[0] <= 0x7A else s

    out = []
    while len(out) < count:
        c = pick(10)
        if c <= 2:  # Word + year + special
            z = specials[pick(len(specials))]
            y = num(1970 + pick(56))
            s = cap(words[pick(len(words))]) + y + z
        elif c == 3:  # word + 2 digits + Word
            w = cap(words[pick(len(words))])
            d = num(10 + pick(90))
            s = words[pick(len(words))] + d + w
        elif c == 4:  # keyboard row with a suffix
            s = rows[pick(len(rows))]
            z = specials[pick(len(specials))]
            s += num(pick(100)) + z
        elif c == 5:  # a date
            y = num(1980 + pick(40))
            m = num(1 + pick(12))
            s = "Né le ".encode() + num(1 + pick(28)) + b"/" + m + b"/" + y
        elif c == 6:  # passphrase
            s = b" ".join(words[pick(len(words))] for _ in range(4))
        elif c <= 8:  # random 8-20 characters
            n = 8 + pick(13)
            s = bytes(alphabet[pick(len(alphabet))] for _ in range(n))
        else:  # NFD accents, emoji, or an error (control character / ill-formed UTF-8)
            v = pick(4)
            if v == 0:
                s = b"E\xcc\x81cole" + num(pick(10000)) + b"!"
            elif v == 1:
                s = cap(words[pick(len(words))]) + b"\xf0\x9f\x98\x807#"
            elif v == 2:
                s = b"Tab\t" + num(pick(1000)) + b"x!"
            else:
                s = b"Caf\xe9" + num(pick(1000)) + b"!"  # Latin-1 byte
        out.append(s)
    return out


# Foreign numbers: X is a random digit; the fixed digits keep them in ranges libphonenumber accepts.
FOREIGN = [
    ("GB", "+44 20 7XXX XXXX"), ("GB", "+44 7400 XXXXXX"), ("GB", "0044 (0)20 7XXX XXXX"),
    ("US", "+1 202-2XX-XXXX"), ("US", "+1 (415) 5XX-XXXX"),
    ("CA", "+1 514 5XX XXXX"), ("CA", "+1 604 3XX XXXX"),
    ("CH", "+41 79 XXX XX XX"), ("CH", "+41 22 3XX XX XX"),
    ("DE", "+49 151 2XXXXXXX"), ("DE", "+49 30 2XXXXXXX"),
    ("BE", "+32 470 XX XX XX"), ("BE", "+32 2 5XX XX XX"),
    ("ES", "+34 6XX XX XX XX"), ("ES", "+34 91 XXX XX XX"),
    ("IT", "+39 347 XXX XXXX"), ("IT", "+39 06 XXXX XXXX"),
    ("MA", "+212 6 6X XX XX XX"), ("DZ", "+213 5 5X XX XX XX"),
    ("PT", "+351 91X XXX XXX"), ("TR", "+90 532 XXX XX XX"),
    ("TN", "+216 2X XXX XXX"), ("NC", "+687 7X XX XX"),
]


def phones(count):
    rng = MT19937(42)

    def digits(n):
        return "".join(chr(0x30 + rng() % 10) for _ in range(n))

    def pairs(d, sep):
        return sep.join(d[k:k + 2] for k in range(0, len(d), 2))

    metro = ["06", "07", "01", "02", "03", "04", "05", "09"]
    overseas = ["0692", "0690", "0696", "0262", "0590"]
    out = []
    for _ in range(count):
        p = rng() % 10
        if p < 8:  # French: 6 in 8 metropolitan, 2 in 8 overseas
            prefix = metro[rng() % 8] if p < 6 else overseas[rng() % 5]
            national = prefix + digits(10 - len(prefix))
            nsn = national[1:]
            t = rng() % 8
            if t == 0:
                s = national
            elif t == 1:
                s = pairs(national, " ")
            elif t == 2:
                s = pairs(national, ".")
            elif t == 3:
                s = "+33 " + nsn[0] + " " + pairs(nsn[1:], " ")
            elif t == 4:
                s = "+33 (0)" + nsn[0] + " " + pairs(nsn[1:], " ")
            elif t == 5:
                s = "0033" + nsn
            elif t == 6:
                s = pairs(national, "\u202f")  # narrow no-break space
            else:
                s = pairs(national, "-")
        else:
            _, template = FOREIGN[rng() % len(FOREIGN)]
            s = "".join(chr(0x30 + rng() % 10) if ch == "X" else ch for ch in template)
            if s.startswith("+") and rng() % 5 == 0:
                s = "00" + s[1:]
        out.append(s.encode())
    return out


def main(argv):
    if len(argv) not in (2, 4) or (len(argv) == 4 and argv[2] != "--lines"):
        sys.exit("usage: make_inputs.py OUTDIR [--lines N]")
    outdir = argv[1]
    count = int(argv[3]) if len(argv) == 4 else 100000
    os.makedirs(outdir, exist_ok=True)
    for name, lines in (("phones.txt", phones(count)), ("passwords.txt", passwords(count))):
        with open(os.path.join(outdir, name), "wb") as f:
            f.write(b"".join(line + b"\n" for line in lines))


if __name__ == "__main__":
    main(sys.argv)
