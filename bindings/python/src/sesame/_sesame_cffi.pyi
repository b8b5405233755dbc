# Types of the generated _sesame_cffi.py (cffi's FFI object has no type information of its own).
from typing import Any

__all__ = ["ffi", "ABI_MAJOR", "SONAME"]

ffi: Any
ABI_MAJOR: int
SONAME: str
