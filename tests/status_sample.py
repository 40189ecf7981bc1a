"""The status engine on the bundled sample data, counted by hand at fixed dates.

Expected numbers come from the seed plans (deadlines) and the illustrative
progress workbook (sample_data/progress/tien_do_MINH_HOA_illustrative.xlsx,
sheet "Tiến độ": one row per report with "Ngày báo cáo", "Tình trạng",
"Ngày hoàn thành"), read row by row. Rules applied by hand: a completion counts
from its completion date, even when its report was sent after the as-of day;
otherwise the latest report sent on or before the as-of day counts; "Đã hoàn
thành" with a completion date on or before the due date is on time, after it
late; not completed and due before the as-of day is overdue; a task flagged BC
BCĐTW (seed 002's column) is done only when the completing report's "Minh chứng"
is filled. No count depends on the day the test runs: every task the plans mark
"Đã hoàn thành" also has a dated report.

Recurring tasks (status_rules): no plan states a cadence except 004 VI.15 and
VII.16 ("định kỳ hằng tháng"), so all are monthly. "Kỳ này" on 01/07/2026 is June,
on 23/11 and 06/12/2026 November: its report is due the 20th, the 12th for the
Sở KH&CN's own plan (seed 002). A task has reported when its latest report was
sent after the previous month's report day: on 01/07 after 20/05 (12/05 in the
Sở), on 23/11 and 06/12 after 20/10 (12/10). The first due dates the plans give
recurring tasks (01/01/2026, 31/12/2025) are all past on those days.
"""

from __future__ import annotations

from datetime import date
from functools import cache

import pandas as pd

from data_access.db import get_engine, session_scope
from data_access.queries.status import compute_statuses
from data_access.queries.statuses import TaskStatus
from data_access.queries.tasks import task_frame

MID_YEAR = date(2026, 7, 1)
LATE_YEAR = date(2026, 11, 23)
DECEMBER = date(2026, 12, 6)
ON_TIME, LATE, IN_PROGRESS = TaskStatus.DONE_ON_TIME, TaskStatus.DONE_LATE, TaskStatus.IN_PROGRESS
OVERDUE, NO_EVIDENCE = TaskStatus.OVERDUE, TaskStatus.DONE_NO_EVIDENCE
MILESTONE_LATE = TaskStatus.MILESTONE_LATE
REPORTED, NOT_REPORTED = TaskStatus.RECURRING_REPORTED, TaskStatus.RECURRING_NOT_REPORTED


@cache
def sample_statuses(url: str) -> dict[date, pd.DataFrame]:
    """The sample's statuses on each day counted by hand (read only)."""
    frames = {}
    for as_of in (MID_YEAR, LATE_YEAR, DECEMBER):
        with session_scope(get_engine(url)) as session:
            frames[as_of] = compute_statuses(task_frame(session=session, as_of=as_of), as_of)
    return frames


def count(frame: pd.DataFrame, plan: str, status: str) -> int:
    return int(((frame["plan_code"] == plan) & (frame["status"] == status)).sum())


def task(frame: pd.DataFrame, plan: str, section: str, number: str) -> pd.Series:
    sections = frame["section_code"].fillna("")
    rows = frame[(frame["plan_code"] == plan) & (sections == section) & (frame["number"] == number)]
    assert len(rows) == 1
    return rows.iloc[0]
