"""The province's calendar: "today", a day's end and a moment's local time, in Vietnam time.

A server may run on UTC; between 00:00 and 07:00 in Vietnam its own date is
still yesterday. Every "today" and every "by the end of that day" in the app
comes from here.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone

import pandas as pd

from labels import DATE_FORMAT_PY

LOCAL_TIME = timezone(timedelta(hours=7), "ICT")  # Vietnam; no daylight saving


def vietnam_today() -> date:
    """Today's date in Vietnam."""
    return datetime.now(LOCAL_TIME).date()


def end_of_day_utc(day: date) -> datetime:
    """The first moment after ``day`` ends in Vietnam, in UTC: "known by ``day``" is before it."""
    return datetime.combine(day + timedelta(days=1), time(), LOCAL_TIME).astimezone(UTC)


def local_time_text(moment: datetime | pd.Timestamp) -> str:
    """dd/mm/yyyy HH:MM in Vietnam time."""
    return str(pd.Timestamp(moment).tz_convert(LOCAL_TIME).strftime(f"{DATE_FORMAT_PY} %H:%M"))
