"""sesame.phone: the behaviour of the spec (docs/spec/phone.md) through the Python binding."""
import pytest

import sesame
from sesame import phone

BULLET = "\u2022"


def test_overseas_mobile_is_folded():
    n = phone.normalize("0692 12 34 56")
    assert n.ok and bool(n)
    assert n.input == "0692 12 34 56"
    assert n.e164 == "+262692123456"
    assert n.country_code == 262
    assert n.region == "RE"
    assert n.type == "mobile"
    assert n.is_mobile is True
    assert n.national == "06 92 12 34 56"
    assert n.international == "+262 692 12 34 56"
    assert n.masked == "+262 6" + BULLET * 2 + " " + BULLET * 2 + " " + BULLET * 2 + " 56"
    assert n.error is None


@pytest.mark.parametrize("raw", ["06 12 34 56 78", "+33 (0)6 12 34 56 78", "0033 6 12 34 56 78", "612345678",
                                 "tel:+33612345678", "06\u202f12\u202f34\u202f56\u202f78", "\uff10\uff16 12 34 56 78",
                                 "\u0660\u0666\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668"])
def test_typings_of_one_mobile(raw):
    n = phone.normalize(raw)
    assert n.e164 == "+33612345678"
    assert n.masked == "+33 6 " + " ".join([BULLET * 2] * 3) + " 78"


@pytest.mark.parametrize("raw,error", [
    ("1" * 251, "too_long"),
    (b"06 12 34 56 7\xff", "invalid_utf8"),
    ("06 12 34 56 78 poste 12", "extension"),
    ("06 12 34 56 78;ext=1", "extension"),
    ("T\u00e9l : 06 12 34 56 78", "invalid_character"),
    ("06\x0012345678", "invalid_character"),
    ("++33612345678", "invalid_character"),
    ("", "no_digits"),
    ("   ", "no_digits"),
    ("0612", "invalid_length"),
    ("+590 692 12 34 56", "invalid_number"),
    ("+269 639 12 34 56", "invalid_number"),
    ("\ud800", "invalid_utf8"),
])
def test_refusals(raw, error):
    n = phone.normalize(raw)
    assert n.ok is False and not n
    assert n.error == error
    assert n.e164 is None and n.country_code is None and n.is_mobile is None
    assert error in phone.ERRORS


def test_foreign_numbers():
    n = phone.normalize("+44 (0)20 7946 0958")
    assert (n.e164, n.region, n.type, n.is_mobile) == ("+442079460958", "GB", "fixed_line", False)
    assert n.national == "+44 20 7946 0958"  # read back as French otherwise: the international form
    assert n.international == "+44 20 7946 0958"
    us = phone.normalize("+1 202 555 0123")
    assert us.type == "fixed_line_or_mobile" and us.is_mobile
    assert phone.normalize("+800 1234 5678").region == "001"


def test_every_overseas_row():
    rows = {"0262": ("+262", "RE", False), "0263": ("+262", "RE", False), "0269": ("+262", "YT", False),
            "0590": ("+590", "GP", False), "0594": ("+594", "GF", False), "0596": ("+596", "MQ", False),
            "0639": ("+262", "YT", True), "0690": ("+590", "GP", True), "0691": ("+590", "GP", True),
            "0692": ("+262", "RE", True), "0693": ("+262", "RE", True), "0694": ("+594", "GF", True),
            "0696": ("+596", "MQ", True), "0697": ("+596", "MQ", True)}
    for prefix, (cc, region, mobile) in rows.items():
        n = phone.normalize(prefix + "123456")
        assert n.e164 == cc + prefix[1:] + "123456", prefix
        assert (n.region, n.is_mobile) == (region, mobile), prefix
    assert phone.normalize("0709 20 12 34").e164 == "+262709201234"
    assert phone.normalize("0708 40 12 34").region == "PM"


def test_round_trip():
    for raw in ["0692 12 34 56", "01 23 45 67 89", "+44 20 7946 0958", "+1 242 359 1234", "+687 75 12 34"]:
        n = phone.normalize(raw)
        assert phone.normalize(n.international).e164 == n.e164
        assert phone.normalize(n.e164).e164 == n.e164


def test_same_number():
    assert phone.same_number("06 92 12 34 56", "+262 692 12 34 56")
    assert phone.same_number(b"0612345678", "+33 6 12 34 56 78")
    assert not phone.same_number("079 123 45 67", "+41 79 123 45 67")  # documented ambiguity
    assert not phone.same_number("abc", "abc")
    assert not phone.same_number("", "")


def test_type_errors():
    with pytest.raises(TypeError):
        phone.normalize(612345678)
    with pytest.raises(TypeError):
        phone.same_number(None, "06")


def test_package_exports_module():
    assert sesame.phone is phone
