"""Recurring tasks: judged by whether the report of the period ("kỳ này") arrived."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from data_access.queries.statuses import TaskStatus
from tests.status_rows import AS_OF, one, recurring

S = TaskStatus


# (name, row, as_of, status, days_overdue): "kỳ này" is the latest period whose report
# day (the 20th; the 12th inside the Sở) is before the as-of day; a report counts for it
# when sent after the report day before.
RECURRING_CASES = [
    # --- the 20th is the report day ---
    ("sent 21/05: June's report", recurring(reported_on=date(2026, 5, 21)), AS_OF,
     S.RECURRING_REPORTED, 0),
    ("sent 20/05: May's report, June's is 10 days late", recurring(reported_on=date(2026, 5, 20)),
     AS_OF, S.RECURRING_NOT_REPORTED, 10),
    ("June's report sent on the 20th itself", recurring(reported_on=date(2026, 6, 20)),
     date(2026, 6, 21), S.RECURRING_REPORTED, 0),
    ("on the 20th May is judged: a report of 25/04 is May's",
     recurring(reported_on=date(2026, 4, 25)), date(2026, 6, 20), S.RECURRING_REPORTED, 0),
    ("on the 21st June is judged: 25/04 is not June's",
     recurring(reported_on=date(2026, 4, 25)), date(2026, 6, 21), S.RECURRING_NOT_REPORTED, 1),
    ("never reported", recurring(), AS_OF, S.RECURRING_NOT_REPORTED, 10),
    ("a report after the as-of day is not known yet", recurring(reported_on=date(2026, 7, 1)),
     AS_OF, S.RECURRING_NOT_REPORTED, 10),
    ("a done report does not end a recurring task",
     recurring(reported_status="Đã hoàn thành", reported_on=date(2026, 6, 1)), AS_OF,
     S.RECURRING_REPORTED, 0),
    # --- inside the Sở the day is the 12th ---
    ("inside the Sở, sent 12/05: May's report; June's was due 12/06",
     recurring(reported_on=date(2026, 5, 12), internal_reporting=True), date(2026, 6, 13),
     S.RECURRING_NOT_REPORTED, 1),
    ("the same report outside the Sở: May is judged until the 20th",
     recurring(reported_on=date(2026, 5, 12)), date(2026, 6, 13), S.RECURRING_REPORTED, 0),
    # --- a stated cadence ---
    ("quarterly: 15/07 is Q3's report (due 10/09)",
     recurring(reporting_cadence="hằng quý", reported_on=date(2026, 7, 15)), date(2026, 11, 23),
     S.RECURRING_REPORTED, 0),
    ("quarterly: 10/06 is Q2's; Q3's is 74 days late",
     recurring(reporting_cadence="hằng quý", reported_on=date(2026, 6, 10)), date(2026, 11, 23),
     S.RECURRING_NOT_REPORTED, 74),
    ("yearly: 2025's report (due 30/11/2025) sent 15/12/2025",
     recurring(reporting_cadence="hằng năm", reported_on=date(2025, 12, 15)),
     date(2026, 11, 23), S.RECURRING_REPORTED, 0),
    # --- a first due date (the date the plan gives a task it calls recurring) ---
    ("first due date not reached: nothing to report yet",
     recurring(due_date=date(2026, 12, 31)), AS_OF, S.RECURRING_NOT_DUE, 0),
    ("first due 25/06: the first report is July's (20/07)", recurring(due_date=date(2026, 6, 25)),
     AS_OF, S.RECURRING_NOT_DUE, 0),
    ("first due 01/06: June's report (20/06) is owed", recurring(due_date=date(2026, 6, 1)),
     AS_OF, S.RECURRING_NOT_REPORTED, 10),
    ("no date of its own: reports are owed from its plan's issue (25/06): July's first",
     recurring(plan_issued_on=date(2026, 6, 25)), AS_OF, S.RECURRING_NOT_DUE, 0),
    ("plan issued 01/06: June's report (20/06) is owed", recurring(plan_issued_on=date(2026, 6, 1)),
     AS_OF, S.RECURRING_NOT_REPORTED, 10),
    ("first due long past: judged like any recurring task, never overdue by its date",
     recurring(due_date=date(2025, 12, 31), reported_on=date(2026, 6, 2)), AS_OF,
     S.RECURRING_REPORTED, 0),
]  # fmt: skip


@pytest.mark.parametrize(
    ("row", "as_of", "status", "days_overdue"),
    [c[1:] for c in RECURRING_CASES],
    ids=[c[0] for c in RECURRING_CASES],
)
def test_recurring_rules(
    row: dict[str, Any], as_of: date, status: TaskStatus, days_overdue: int
) -> None:
    result = one(row, as_of)
    assert result["status"] == status
    assert result["days_overdue"] == days_overdue
