"""Every exported symbol of abi/symbols.txt is reachable from Python: declared by the generated cffi
module, present in the loaded library, and used by the binding's source."""
import re
from pathlib import Path

import pytest

from sesame import _ffi

ROOT = Path(__file__).resolve().parents[3]
PACKAGE = Path(_ffi.__file__).resolve().parent
SYMBOLS = [line.split("@")[0] for line in (ROOT / "abi" / "symbols.txt").read_text().split() if line]

#: Symbols the binding may leave unused, each with the reason. Empty today: every _init function
#: is called (options and result structs are initialised by the library, not by ffi.sizeof), the
#: one struct without an _init function (sesame_phone_audit_summary) takes sizeof as its header says.
ALLOWLIST: dict = {}


def binding_source() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(PACKAGE.glob("*.py")) if p.name != "_sesame_cffi.py")


def test_the_symbol_list_is_read():
    assert len(SYMBOLS) > 80 and "sesame_phone_normalize" in SYMBOLS


def test_the_generated_module_declares_exactly_the_exported_functions():
    declared = {n for n in dir(_ffi.raw_lib) if n.startswith("sesame_")}
    assert declared == set(SYMBOLS)


@pytest.mark.parametrize("symbol", SYMBOLS)
def test_symbol_exists_in_the_loaded_library(symbol):
    assert callable(getattr(_ffi.raw_lib, symbol))
    assert getattr(_ffi.lib, symbol) is getattr(_ffi.raw_lib, symbol) or callable(getattr(_ffi.lib, symbol))


def test_every_symbol_is_used_by_the_binding():
    source = binding_source()
    unused = [s for s in SYMBOLS if s not in ALLOWLIST and not re.search(rf"\b{s}\b", source)]
    assert unused == [], f"symbols of abi/symbols.txt no Python code calls: {unused}"
    stale = [s for s in ALLOWLIST if s not in SYMBOLS or re.search(rf"\b{s}\b", source)]
    assert stale == [], f"allowlist entries no longer needed: {stale}"
