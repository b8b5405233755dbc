"""The identity binding: names, dates, the directory and decisions, login identifiers."""
import datetime
import json
import os
import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
import sesame  # noqa: E402
from sesame import identity  # noqa: E402

ROOT = Path(__file__).resolve().parents[3]
SCHOOL = ROOT / "tests" / "data" / "identity" / "school.json"
TODAY = "2026-09-01"
NOW = 1788220800000


def form(phone, family, given, pupils):
    return {"method": "form", "phone": phone, "family_name": family, "given_name": given, "pupils": pupils}


def p(pupil, date, box=True):
    return {"pupil": pupil, "legal_representative": box, "birthdate": date}


def test_name_key():
    k = identity.name_key("Jean-Pierre Marie")
    assert (k.input, k.valid, k.key, k.compact) == ("Jean-Pierre Marie", True, "jean pierre|marie", "jeanpierremarie")
    bad = identity.name_key("ИВАНОВ")
    assert bad.valid is False and bad.key is None and bad.compact is None
    assert identity.name_key(b"DUP\xffONT").valid is False
    assert identity.name_key("SØRENSEN").compact == "sorensen"


@pytest.mark.parametrize("record,typed", [("D'ALEMBERT", "DALEMBERT"), ("FONTAINE (DE LA)", "DE LA FONTAINE"),
                                          ("MÜLLER", "MULLER"), ("SØRENSEN", "SORENSEN"),
                                          ("DURAND EP. LEROY", "LEROY")])
def test_family_match(record, typed):
    assert identity.name_match(record, typed, field="family").match is True


@pytest.mark.parametrize("record,typed", [("DUPONT", "DUPOND"), ("MARTIN", "MARTINE"), ("DE GAULLE", "GAULLE"),
                                          ("DUPONT", "DUPОNT")])
def test_family_mismatch(record, typed):
    assert not identity.name_match(record, typed, field="family")


def test_given_match():
    assert identity.name_match("Jean-Pierre", "JEAN PIERRE", field="given")
    assert not identity.name_match("Michel", "Michèle", field="given")
    assert not identity.name_match("Jean-Pierre", "Jean", field="given")
    with pytest.raises(ValueError):
        identity.name_match("a", "b", field="middle")
    assert identity.fc_tier("Nathalie", "Anne Nathalie") == 2
    assert identity.fc_tier("Anne", "Anne Nathalie") == 1
    assert identity.fc_tier("Paul", "Anne Nathalie") == 0


def test_parse_date():
    d = identity.parse_date("29 02 2016", today=TODAY)
    assert (d.valid, d.iso, d.error, d.flags) == (True, "2016-02-29", None, [])
    assert d.date == datetime.date(2016, 2, 29)
    assert identity.parse_date("29/02/2015", today=TODAY).error == "not_leap"
    assert identity.parse_date("07/21/2013", today=TODAY).error == "month_range"
    assert identity.parse_date("12/03/14", today=TODAY).error == "two_digit_year"
    assert identity.parse_date("", today=TODAY).error == "empty"
    assert identity.parse_date("02/09/2026", today=TODAY).error == "future"
    assert identity.parse_date("01/09/2000", today=datetime.date(2026, 9, 1)).flags == ["age_over_25"]
    assert identity.parse_date("02/09/2000", today=TODAY).flags == []
    assert identity.parse_date("02/09/2024", today=TODAY).flags == ["age_under_2"]
    with pytest.raises(ValueError):
        identity.parse_date("1/1/2000", today="2026-02-30")


def test_directory_match_cli_keys():
    d = sesame.Directory.load_json(SCHOOL)
    r = d.match(form("06 12 34 56 78", "LEFEVRE", "Hélène", [p("P01", "12 03 2014"), p("P02", "29/02/2016")]),
                today=TODAY, now_ms=NOW)
    assert r.status == "activated" and r.reason == "ok" and r.guardian == "G01"
    assert r.pupils == ["P01", "P02"] and r.pupil_results == {"P01": "ok", "P02": "ok"}
    assert r.detail is None and r.user_message == "ok_all"
    r = d.match(json.dumps(form("06 33 44 55 66", "DUPONT", "Jean", [])), today=TODAY, now_ms=NOW)
    assert (r.status, r.reason, r.detail, r.guardian) == ("rejected", "ambiguous", "candidates:G05,G06", None)
    r = d.match(form("06 55 66 77 88", "ROUSSEAU", "Odette", [p("P03", "04/07/2015")]), today=TODAY, now_ms=NOW)
    assert (r.reason, r.detail, r.guardian) == ("not_legal_guardian", "no_legal_link", "G08")
    fc = {"method": "fc", "phone": None,
          "fc": {"given_name": "Anne Nathalie", "family_name": "DE LA FONTAINE", "preferred_username": ""},
          "pupils": [p("P12", "28/02/2018")]}
    assert d.match(fc, today=TODAY, now_ms=NOW).detail == "fc_secondary_given_name:G13"
    fc["phone"] = "07 83 44 55 66"
    assert d.match(fc, today=TODAY, now_ms=NOW).status == "activated"
    report = d.report()
    assert report["guardians"] == 18
    assert {"guardian": "G14", "field": "phone_mobile", "reason": "not_mobile"} in report["unreachable"]


def test_claim_errors():
    d = sesame.Directory.load_json(SCHOOL)
    with pytest.raises(sesame.ParseError, match="invalid_json"):
        d.match("{", today=TODAY)
    with pytest.raises(sesame.ParseError, match="bad_claim:method"):
        d.match({"method": "sms"}, today=TODAY)
    with pytest.raises(sesame.DuplicateError, match="duplicate_pupil"):
        d.match(form("06", "A", "B", [p("P01", "x"), p("P01", "y")]), today=TODAY)


def test_wrong_dates_capped():
    d = sesame.Directory.load_json(SCHOOL)
    c = sesame.DateCounter(2, 86400000)
    claim = form("07 86 77 88 99", "LEFEVRE", "Hélène", [p("P17", "01/01/2019")])
    details = [d.match(claim, today=TODAY, now_ms=NOW + i, counter=c).detail for i in range(3)]
    assert details == ["date_differs", "date_differs", "too_many_attempts"]
    ok = form("07 86 77 88 99", "LEFEVRE", "Hélène", [p("P17", "08/08/2019")])
    assert d.match(ok, today=TODAY, now_ms=NOW + 86400000 + 10, counter=c).status == "activated"


def test_redis_counter_is_shared_by_processes(redis_port, in_processes):
    """PHP-FPM workers or servers: every process sees one cap (two here), whatever it forked from."""
    d = sesame.Directory.load_json(SCHOOL)
    prefix = f"sesame-py-dates:{os.getpid()}:"
    wrong = form("07 86 77 88 99", "LEFEVRE", "Hélène", [p("P17", "01/01/2019")])

    def worker(i):
        c = sesame.DateCounter.redis(2, 86400000, port=redis_port, prefix=prefix, timeout_ms=2000)
        return d.match(wrong, today=TODAY, now_ms=NOW + i, counter=c).detail

    assert in_processes(4, worker) == ["date_differs"] * 2 + ["too_many_attempts"] * 2
    c = sesame.DateCounter.redis(2, 86400000, port=redis_port, prefix=prefix)
    right = form("07 86 77 88 99", "LEFEVRE", "Hélène", [p("P17", "08/08/2019")])
    assert d.match(right, today=TODAY, now_ms=NOW + 10, counter=c).detail == "too_many_attempts"
    assert d.match(right, today=TODAY, now_ms=NOW + 86400000 + 10, counter=c).status == "activated"


def test_redis_counter_fails_closed_and_checks_options(unused_port):
    d = sesame.Directory.load_json(SCHOOL)
    c = sesame.DateCounter.redis(port=unused_port, timeout_ms=100, connect_timeout_ms=100)
    right = form("07 86 77 88 99", "LEFEVRE", "Hélène", [p("P17", "08/08/2019")])
    with pytest.raises(sesame.StoreUnavailableError):
        d.match(right, today=TODAY, now_ms=NOW, counter=c)
    with pytest.raises(sesame.InvalidArgumentError):
        sesame.DateCounter.redis(0)
    with pytest.raises(sesame.InvalidArgumentError):
        sesame.DateCounter.redis(port=0)
    with pytest.raises(sesame.InvalidArgumentError):
        sesame.DateCounter.redis(prefix="p" * 129)
    with pytest.raises(TypeError):
        sesame.DateCounter.redis(hots="typo")


def test_directory_record_by_record_and_candidates():
    d = sesame.Directory()
    d.add_guardian("G1", "DURAND EP. LEROY", "Marie-Claire", "07 81 23 45 67", birth_name="DURAND")
    d.add_pupil("P1", datetime.date(2013, 1, 15))
    d.add_link("G1", "P1", True)
    with pytest.raises(sesame.DuplicateError):
        d.add_guardian("G1", "X", "Y")
    with pytest.raises(sesame.NotFoundError):
        d.add_link("G1", "P9", True)
    with pytest.raises(sesame.ParseError):
        d.add_pupil("P2", "2015-02-29")
    r = d.match(form("0781234567", "durand", "marie claire", [p("P1", "15.01.2013")]), today=TODAY, now_ms=NOW)
    assert r.status == "activated" and r.guardian == "G1"
    d.add_guardian("G2", family_name="MARTIN", given_name="Paul", phone=None)  # no phone: unreachable by phone
    d.add_guardian(b"G3", b"BERNARD", b"Luc", b"06 98 76 54 32", birth_name=None)
    report = d.report()
    assert report["guardians"] == 3
    assert {"guardian": "G2", "field": "phone_mobile", "reason": "missing"} in report["unreachable"]
    cand = {"guardians": [{"id": "G1", "nom": "LEROY", "prenom": "Anne", "phone_mobile": "0612345678"}],
            "pupils": [{"id": "P1", "birthdate": "2013-01-15"}],
            "links": [{"guardian": "G1", "pupil": "P1", "legal_representative": True}]}
    r = identity.match_candidates(cand, form("06 12 34 56 78", "Leroy", "Anne", [p("P1", "15/01/2013")]),
                                  today=TODAY, now_ms=NOW, counter=sesame.DateCounter())
    assert r.status == "activated"


def test_load_errors_name_the_record(tmp_path):
    f = tmp_path / "d.json"
    f.write_text('{"guardians": [{"id": "G1"}, {"id": "G1"}]}')
    with pytest.raises(sesame.DuplicateError, match=r"guardians\[1\] \(id G1\)"):
        sesame.Directory.load_json(f)
    with pytest.raises(sesame.IoError):
        sesame.Directory.load_json(tmp_path / "missing.json")
    with pytest.raises(sesame.ParseError):
        sesame.Directory.from_json("{")


def test_login_id():
    assert re.fullmatch(r"h\.lefevre\d\d", identity.login_id("LEFÈVRE", "Hélène").login)
    assert re.fullmatch(r"o\.ivanov\d\d", str(identity.login_id("ИВАНОВ", "Ольга")))
    assert re.fullmatch(r"dupont\d\d", identity.login_id("DUPONT", "").login)
    taken = [f"H.LEFEVRE{i:02d}" for i in range(100)]
    assert re.fullmatch(r"h\.lefevre\d{3}", identity.login_id("LEFEVRE", "Hélène", taken=taken).login)
    with pytest.raises(sesame.ExhaustedError):
        identity.login_id("LEFEVRE", "Hélène", taken=lambda s: True)
    with pytest.raises(sesame.InvalidNameError):
        identity.login_id("", "Jean")

    def boom(_):
        raise RuntimeError("store down")
    with pytest.raises(RuntimeError, match="store down"):
        identity.login_id("LEFEVRE", "Hélène", taken=boom)
