"""Tests choose the moment instead of reading the wall clock (``data_access.clock`` is the one
clock of the product, so freezing it freezes "today" everywhere, pages run by AppTest included)."""

from __future__ import annotations

from datetime import datetime, tzinfo

import pytest

from data_access import clock


def freeze_clock(monkeypatch: pytest.MonkeyPatch, moment: datetime) -> None:
    """Make ``moment`` (timezone-aware) the current time."""

    class Frozen(datetime):
        @classmethod
        def now(cls, tz: tzinfo | None = None) -> datetime:  # type: ignore[override]
            return moment.astimezone(tz)

    monkeypatch.setattr(clock, "datetime", Frozen)
