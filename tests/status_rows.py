"""Task rows for the status engine's rule tests: one task, due on DUE, judged on AS_OF."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd

from data_access.queries.status import SummaryMetrics, compute_statuses, summary_metrics

AS_OF = date(2026, 6, 30)
DUE = date(2026, 6, 30)


def task(**fields: Any) -> dict[str, Any]:
    """One task row with no report, due on DUE, overridden by ``fields``."""
    row: dict[str, Any] = {
        "due_date": DUE,
        "deadline_kind": "date",
        "reported_status": "",
        "completion_date": None,
        "reported_on": None,
        "completed_in_source": False,
        "plan_issued_on": None,
        "plan_imported_on": None,
    }
    return row | fields


def one(row: dict[str, Any], as_of: date = AS_OF) -> pd.Series:
    return compute_statuses(pd.DataFrame([row]), as_of).iloc[0]


def recurring(**fields: Any) -> dict[str, Any]:
    """A recurring task ("Thường xuyên", no cadence stated: monthly) with ``fields``."""
    return task(due_date=None, deadline_kind="recurring") | fields


def metrics_of(rows: list[dict[str, Any]], window_days: int = 30) -> SummaryMetrics:
    return summary_metrics(compute_statuses(pd.DataFrame(rows), AS_OF), AS_OF, window_days)
