"""Waiting for something to happen without a fixed sleep: ask again until a deadline."""

from __future__ import annotations

import time
from collections.abc import Callable


def poll(condition: Callable[[], bool], seconds: float = 30) -> bool:
    """Whether ``condition`` holds within ``seconds`` (asked every 0.1 s)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return condition()
