"""What a page derives from a frame for display, remembered while the frame lives.

Cached loaders return the same frame object on every rerun (read-only), so
what is derived from it for display (a chart and its spec, a table's Arrow
form) is found by the frame's identity instead of being rebuilt, or its
content hashed, on each rerun. A frame built afresh on a rerun simply gets
its derived values built again; they are dropped with the frame.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable, Hashable
from functools import partial
from typing import Any, TypeVar

import pandas as pd

T = TypeVar("T")

_derived: dict[int, tuple[weakref.ref[pd.DataFrame], dict[Hashable, Any]]] = {}
_LOCK = threading.Lock()


def derived(frame: pd.DataFrame, key: Hashable, build: Callable[[], T]) -> T:
    """``build()``, once per ``frame`` object and ``key``; do not mutate ``frame`` after."""
    with _LOCK:
        known = _derived.get(id(frame))
        if known is not None and known[0]() is frame and key in known[1]:
            value: T = known[1][key]
            return value
    value = build()
    with _LOCK:
        known = _derived.get(id(frame))
        if known is None or known[0]() is not frame:
            known = (weakref.ref(frame, partial(_forget, id(frame))), {})
            _derived[id(frame)] = known
        known[1][key] = value
    return value


def _forget(frame_id: int, _: object) -> None:
    """A frame is gone: drop what was derived from it (its id may be reused).

    No lock: the garbage collector may call this anywhere, even inside the locked
    blocks above; single dictionary operations are atomic.
    """
    known = _derived.get(frame_id)
    if known is not None and known[0]() is None:
        _derived.pop(frame_id, None)
