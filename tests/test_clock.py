"""Vietnam time (UTC+7, no daylight saving), whatever the server's time zone."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pandas as pd
import pytest

from data_access import clock
from tests.frozen_clock import freeze_clock


def test_today_is_the_day_in_vietnam(monkeypatch: pytest.MonkeyPatch) -> None:
    freeze_clock(monkeypatch, datetime(2026, 12, 5, 18, 30, tzinfo=UTC))  # 01:30 on 06/12 in VN
    assert clock.vietnam_today() == date(2026, 12, 6)


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (pd.Timestamp("2026-12-05T18:30Z"), "06/12/2026 01:30"),
        (datetime(2026, 6, 30, 9, 5, tzinfo=UTC), "30/06/2026 16:05"),
    ],
)
def test_local_time_text(moment: datetime, expected: str) -> None:
    assert clock.local_time_text(moment) == expected
