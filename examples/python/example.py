"""Sesame from Python: version, build information, the error model."""
import sesame

print("Python example:", sesame.build_info())
try:
    sesame.check(sesame._ffi.lib().sesame_build_info(None, 0, None))
except sesame.InvalidArgumentError as e:
    print(f"Python example: a NULL out_len raises {type(e).__name__} (code {e.code}): {e.detail}")
