"""Vietnam time: the one "today" of the product and the way a moment is shown.

The as-of date's default, the periods a report is offered for, the day given to
an upload and the times in the import history all read the clock here, whatever
the server's own time zone.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pandas as pd

LOCAL_TIME = timezone(timedelta(hours=7), "ICT")  # Vietnam; no daylight saving


def today() -> date:
    """Today in Vietnam."""
    return datetime.now(LOCAL_TIME).date()


def local_time(moment: datetime | pd.Timestamp | None) -> str:
    """dd/mm/yyyy HH:MM in Vietnam time, "" for none."""
    if moment is None or pd.isna(moment):
        return ""
    return str(pd.Timestamp(moment).tz_convert(LOCAL_TIME).strftime("%d/%m/%Y %H:%M"))
