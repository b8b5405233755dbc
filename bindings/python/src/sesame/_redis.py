"""The Redis connection options shared by every object kept in Redis (sesame/redis.h): the OTP
store (:class:`sesame.RedisStore`) and the wrong-birth-date counter (:meth:`sesame.DateCounter.redis`).

Every keyword left to None keeps the default that sesame_redis_options_init() sets (host
"127.0.0.1", port 6379, 200 ms timeouts, db 0, one connection; the prefix is the object's own).

Redis Sentinel: ``sentinels`` (``[("127.0.0.1", 26379), ...]`` or ``"host:port"`` strings) and
``master`` (the master's name in the sentinels' configuration) replace host and port; the master
is found, and found again after a failover. ``wait_replicas=N`` grants a consumed code only once N
replicas have it (so no failover brings it back).
"""
from __future__ import annotations

from typing import Any, Iterable, List, Optional, Tuple, Union

from . import _args
from ._args import Text
from ._errors import check
from ._ffi import ffi, lib

__all__ = ["redis_options", "Sentinel"]

#: One sentinel: ("host", port) or "host:port".
Sentinel = Union[Tuple[str, int], str]


def _sentinels(sentinels: Iterable[Sentinel]) -> str:
    """The C form, "host:port,host:port" (IPv6 hosts in brackets); the library checks the rest."""
    if isinstance(sentinels, (str, bytes)):
        raise TypeError("sentinels must be a list of (host, port) or 'host:port', not a single string")
    items = []
    for i, s in enumerate(sentinels):
        if isinstance(s, str):
            items.append(s)
            continue
        if not isinstance(s, tuple) or len(s) != 2 or not isinstance(s[0], str):
            raise TypeError(f"sentinels[{i}] must be (host, port) or 'host:port'")
        port = _args.i32(s[1], f"sentinels[{i}] port")
        items.append(f"[{s[0]}]:{port}" if ":" in s[0] else f"{s[0]}:{port}")
    return ",".join(items)


def redis_options(*, host: Optional[Text] = None, port: Optional[int] = None, prefix: Optional[Text] = None,
                  unix_socket: Optional[Text] = None, timeout_ms: Optional[int] = None,
                  connect_timeout_ms: Optional[int] = None, username: Optional[Text] = None,
                  password: Optional[Text] = None, db: Optional[int] = None,
                  connections: Optional[int] = None, sentinels: Optional[Iterable[Sentinel]] = None,
                  master: Optional[Text] = None, sentinel_password: Optional[Text] = None,
                  wait_replicas: Optional[int] = None) -> Tuple[Any, List[Any]]:
    """A filled ``sesame_redis_options`` and the buffers its pointers refer to (keep both alive
    until the C call returns). Ranges of the C types are checked here, meanings by the library."""
    o = ffi.new("sesame_redis_options *")
    check(lib.sesame_redis_options_init(o))
    keep: List[Any] = []
    texts = (("host", host), ("unix_socket", unix_socket), ("prefix", prefix), ("username", username),
             ("password", password), ("sentinels", None if sentinels is None else _sentinels(sentinels)),
             ("master_name", master), ("sentinel_password", sentinel_password))
    for field, value in texts:
        if value is None:
            continue
        data = _args.text(value, field)
        buf = ffi.from_buffer(data)
        keep.append(buf)
        setattr(o, field, buf)
        setattr(o, field + "_len", len(data))
    for field, number in (("port", port), ("timeout_ms", timeout_ms), ("connect_timeout_ms", connect_timeout_ms),
                          ("db", db), ("connections", connections), ("wait_replicas", wait_replicas)):
        if number is not None:
            setattr(o, field, _args.i32(number, field))
    return o, keep
