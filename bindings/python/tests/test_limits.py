"""Every input has a bound (sesame/limits.h), through the Python binding: the same refusals as the
C ABI, as LimitError (a ValueError) or IoError, never a hang or a memory blow-up."""
from __future__ import annotations

import os

import pytest

import sesame
from sesame import password

TODAY = "2026-09-01"


def test_a_claim_above_its_bounds_is_a_limit_error():
    d = sesame.Directory.from_json({"guardians": []})
    with pytest.raises(sesame.LimitError, match="SESAME_JSON_MAX_DEPTH"):
        d.match("[" * 1000, today=TODAY, now_ms=0)
    with pytest.raises(sesame.LimitError, match="SESAME_CLAIM_MAX_BYTES"):
        d.match({"method": "form", "family_name": "A" * 70_000}, today=TODAY, now_ms=0)
    assert isinstance(sesame.LimitError("x"), ValueError)


def test_directory_files_must_be_regular_and_within_the_bound(tmp_path):
    for path in ("/dev/zero", "/tmp"):
        with pytest.raises(sesame.IoError, match="not a regular file"):
            sesame.Directory.load_json(path)
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    with pytest.raises(sesame.IoError, match="not a regular file"):  # returns at once: no writer awaited
        sesame.Directory.load_json(fifo)
    school = tmp_path / "school.json"
    school.write_text('{"guardians": [], "pupils": [], "links": []}')
    with pytest.raises(sesame.LimitError, match="max_bytes"):
        sesame.Directory.load_json(school, max_bytes=10)
    assert sesame.Directory.load_json(school).report()["guardians"] == 0
    with pytest.raises(OverflowError, match="max_bytes"):
        sesame.Directory.load_json(school, max_bytes=-1)


def test_policies_and_contexts_have_bounds():
    with pytest.raises(sesame.LimitError, match="SESAME_POLICY_MAX_BYTES"):
        password.Policy.from_json('{"specials": "' + "!" * 70_000 + '"}')
    with pytest.raises(sesame.LimitError, match="SESAME_JSON_MAX_DEPTH"):
        password.Policy.from_json("[" * 1000)


def test_a_stored_hash_cannot_ask_for_more_than_hashing_accepts():
    h = password.hash("Lucas2014!")
    assert password.verify(h, "Lucas2014!")
    costly = h.replace("m=65536", "m=4194304")
    with pytest.raises(sesame.LimitError, match="m=4194304"):
        password.verify(costly, "Lucas2014!")
    assert password.needs_rehash(h.replace("$argon2id$", "$argon2i$"))  # an Argon2i import
    assert password.needs_rehash(h.replace(",p=1$", ",p=4$"))
    assert not password.needs_rehash(h)
    assert password.verify(password.hash(""), "")  # the empty password, without undefined behaviour
