"""The Redis connection options shared by every object kept in Redis (sesame/redis.h): the OTP
store (:class:`sesame.RedisStore`) and the wrong-birth-date counter (:meth:`sesame.DateCounter.redis`).

Every keyword left to None keeps the default that sesame_redis_options_init() sets (host
"127.0.0.1", port 6379, 200 ms timeouts, db 0, one connection; the prefix is the object's own).
"""
from __future__ import annotations

from typing import Any, List, Optional, Tuple

from . import _args
from ._args import Text
from ._errors import check
from ._ffi import ffi, lib

__all__ = ["redis_options"]


def redis_options(*, host: Optional[Text] = None, port: Optional[int] = None, prefix: Optional[Text] = None,
                  unix_socket: Optional[Text] = None, timeout_ms: Optional[int] = None,
                  connect_timeout_ms: Optional[int] = None, username: Optional[Text] = None,
                  password: Optional[Text] = None, db: Optional[int] = None,
                  connections: Optional[int] = None) -> Tuple[Any, List[Any]]:
    """A filled ``sesame_redis_options`` and the buffers its pointers refer to (keep both alive
    until the C call returns). Ranges of the C types are checked here, meanings by the library."""
    o = ffi.new("sesame_redis_options *")
    check(lib.sesame_redis_options_init(o))
    keep: List[Any] = []
    for field, value in (("host", host), ("unix_socket", unix_socket), ("prefix", prefix), ("username", username),
                         ("password", password)):
        if value is None:
            continue
        data = _args.text(value, field)
        buf = ffi.from_buffer(data)
        keep.append(buf)
        setattr(o, field, buf)
        setattr(o, field + "_len", len(data))
    for field, number in (("port", port), ("timeout_ms", timeout_ms), ("connect_timeout_ms", connect_timeout_ms),
                          ("db", db), ("connections", connections)):
        if number is not None:
            setattr(o, field, _args.i32(number, field))
    return o, keep
