"""The status engine on the bundled sample data, counted by hand at two fixed dates.

Expected numbers come from the seed plans (deadlines) and the illustrative
progress workbook (sample_data/progress/tien_do_MINH_HOA_illustrative.xlsx,
sheet "Tiến độ": one row per report with "Ngày báo cáo", "Tình trạng",
"Ngày hoàn thành"), read row by row. Rules applied by hand: a completion counts
from its completion date, even when its report was sent after the as-of day;
otherwise the latest report sent on or before the as-of day counts; "Đã hoàn
thành" with a completion date on or before the due date is on time, after it
late; not completed and due before the as-of day is overdue. No count depends
on the day the test runs: every task the plans mark "Đã hoàn thành" also has a
dated report.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from data_access.dashboard import task_frame
from data_access.db import get_engine, session_scope
from data_access.status import compute_statuses, summary_metrics
from data_access.statuses import TaskStatus

MID_YEAR = date(2026, 7, 1)
LATE_YEAR = date(2026, 11, 23)
ON_TIME, LATE, IN_PROGRESS = TaskStatus.DONE_ON_TIME, TaskStatus.DONE_LATE, TaskStatus.IN_PROGRESS
OVERDUE, RECURRING = TaskStatus.OVERDUE, TaskStatus.RECURRING


@pytest.fixture(scope="module")
def statuses(sample_url: str) -> dict[date, pd.DataFrame]:
    frames = {}
    for as_of in (MID_YEAR, LATE_YEAR):
        with session_scope(get_engine(sample_url)) as session:
            frames[as_of] = compute_statuses(task_frame(session=session, as_of=as_of), as_of)
    return frames


def count(frame: pd.DataFrame, plan: str, status: str) -> int:
    return int(((frame["plan_code"] == plan) & (frame["status"] == status)).sum())


def task(frame: pd.DataFrame, plan: str, section: str, number: str) -> pd.Series:
    sections = frame["section_code"].fillna("")
    rows = frame[(frame["plan_code"] == plan) & (sections == section) & (frame["number"] == number)]
    assert len(rows) == 1
    return rows.iloc[0]


# (as_of, plan, status, expected count)
CASES = [
    # --- PL-II-2026 (seed 000): 29 dated tasks, none recurring. Due 30/4/2026: 4, 5, 6,
    # 8, 11; 15/6: 24; 30/6: 2, 3, 9, 10, 12–22, 25, 28; 30/9: 7, 23; 31/12/2026: 27;
    # 30/6/2028: 26, 29; task 1 has milestones 31/5/2026 and 10/2027 (due 31/10/2027).
    # Reports "Đã hoàn thành" (completion / sent): 3 (21/5, 28/5), 6 (16/6, 21/6: late),
    # 10 (3/8, 5/8: late), 14 (29/6, 30/6), 18 (5/6, 7/6), 19 (21/6, 21/6), 22 (6/6, 14/6),
    # 25 (7/9, 13/9: late), 28 (30/6, sent 2/7), 29 (21/9, 3/10).
    # At 01/07: 23 tasks due; done: 3, 14, 18, 19, 22, and 28 (completed 30/6; its report,
    # sent 2/7, counts from the completion date) on time, 6 late -> 16 overdue; 1, 7, 23,
    # 26, 27, 29 in progress.
    (MID_YEAR, "PL-II-2026", ON_TIME, 6),
    (MID_YEAR, "PL-II-2026", LATE, 1),
    (MID_YEAR, "PL-II-2026", OVERDUE, 16),
    (MID_YEAR, "PL-II-2026", IN_PROGRESS, 6),
    # At 23/11: 25 due (7 and 23 too); on time + 28, 29; late + 10, 25; in progress 1, 26, 27.
    (LATE_YEAR, "PL-II-2026", ON_TIME, 7),
    (LATE_YEAR, "PL-II-2026", LATE, 3),
    (LATE_YEAR, "PL-II-2026", OVERDUE, 16),
    (LATE_YEAR, "PL-II-2026", IN_PROGRESS, 3),
    # --- KH-92A-UBND (seed 001): 35 tasks; I.1–3, II.30, III.1 "Thường xuyên". The other
    # 30 were due 20/9/2025..01/01/2026, so all are due on both dates. Done by reports
    # sent before 2026-04: on time II.13, II.16, II.19, II.20, II.23, II.25 (II.16/19/20
    # are also "Đã hoàn thành" in the plan); late II.4, II.7, II.9, II.22, II.27, III.2.
    (MID_YEAR, "KH-92A-UBND", RECURRING, 5),
    (MID_YEAR, "KH-92A-UBND", ON_TIME, 6),
    (MID_YEAR, "KH-92A-UBND", LATE, 6),
    (MID_YEAR, "KH-92A-UBND", OVERDUE, 18),
    (MID_YEAR, "KH-92A-UBND", IN_PROGRESS, 0),
    (LATE_YEAR, "KH-92A-UBND", OVERDUE, 18),
    # --- KH-SKHCN-2025 (seed 002): 20 tasks; 1–7, 10, 20 recurring; 11 due by 31/12/2025
    # (15, 16, 19 indicative). Done: 18 (25/11/2025), 19 (23/12/2025) on time; 14 (5/1/2026
    # for 31/12) and 15 (26/12 for 31/10) late. Nothing changes during 2026.
    (MID_YEAR, "KH-SKHCN-2025", RECURRING, 9),
    (MID_YEAR, "KH-SKHCN-2025", ON_TIME, 2),
    (MID_YEAR, "KH-SKHCN-2025", LATE, 2),
    (MID_YEAR, "KH-SKHCN-2025", OVERDUE, 7),
    (LATE_YEAR, "KH-SKHCN-2025", OVERDUE, 7),
    # --- DM-BS-2026 (seed 003): 14 tasks; I.1, III.5, III.6 recurring. Due 30/4: II.2;
    # 15/5: IX.14; 30/6: III.4, IV.7, V.11, VII.12; 31/12/2026: III.3, V.8–10, VIII.13.
    # Done on time: II.2 (29/4, sent 22/5), VIII.13 (21/6, sent 25/6), V.8 (2/7, sent 8/7),
    # V.10 (18/10, sent 29/10).
    # At 01/07: 6 due, II.2 done -> 5 overdue; III.3, V.8, V.9, V.10 in progress.
    (MID_YEAR, "DM-BS-2026", RECURRING, 3),
    (MID_YEAR, "DM-BS-2026", ON_TIME, 2),
    (MID_YEAR, "DM-BS-2026", OVERDUE, 5),
    (MID_YEAR, "DM-BS-2026", IN_PROGRESS, 4),
    (LATE_YEAR, "DM-BS-2026", ON_TIME, 4),
    (LATE_YEAR, "DM-BS-2026", OVERDUE, 5),
    (LATE_YEAR, "DM-BS-2026", IN_PROGRESS, 2),
    # --- DC-CT-NV-2026 (seed 004): 21 tasks, 11 recurring. Due 31/3: III.7, IV.10; 30/4:
    # VII.17, VII.19, VII.20; 30/6: II.3, II.4, III.5; 30/9: IV.11; 31/12: VI.14.
    # Done: III.7 (30/3), II.3 (7/6) on time; VII.19 (12/5), VII.17 (28/6) late;
    # later IV.11 (4/9, sent 11/9) and VI.14 (17/8, sent 26/8) on time.
    # At 01/07: 8 due, 4 done -> II.4, III.5, IV.10, VII.20 overdue; IV.11, VI.14 in progress.
    (MID_YEAR, "DC-CT-NV-2026", RECURRING, 11),
    (MID_YEAR, "DC-CT-NV-2026", ON_TIME, 2),
    (MID_YEAR, "DC-CT-NV-2026", LATE, 2),
    (MID_YEAR, "DC-CT-NV-2026", OVERDUE, 4),
    (MID_YEAR, "DC-CT-NV-2026", IN_PROGRESS, 2),
    (LATE_YEAR, "DC-CT-NV-2026", ON_TIME, 4),
    (LATE_YEAR, "DC-CT-NV-2026", IN_PROGRESS, 0),
]


@pytest.mark.parametrize(("as_of", "plan", "status", "expected"), CASES)
def test_counts_per_plan_and_status(
    statuses: dict[date, pd.DataFrame], as_of: date, plan: str, status: str, expected: int
) -> None:
    assert count(statuses[as_of], plan, status) == expected


# --- Every status of the whole sample: the sums of the cases above ---


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        (MID_YEAR, {ON_TIME: 18, LATE: 11, IN_PROGRESS: 12, OVERDUE: 50, RECURRING: 28}),
        (LATE_YEAR, {ON_TIME: 23, LATE: 13, IN_PROGRESS: 5, OVERDUE: 50, RECURRING: 28}),
    ],
)
def test_status_totals(
    statuses: dict[date, pd.DataFrame], as_of: date, expected: dict[str, int]
) -> None:
    assert statuses[as_of]["status"].value_counts().to_dict() == expected


# --- Headline numbers. Due by 01/07: 23 + 30 + 11 + 6 + 8 = 78 tasks; done on time
# among them: 6 + 6 + 2 + 1 (DM-BS II.2; VIII.13 is due in December) + 2 = 17.
# By 23/11: 25 + 30 + 11 + 6 + 9 = 81 due; on time among them 6 (PL-II 29 is due 2028)
# + 6 + 2 + 1 + 3 (VI.14 is due in December) = 18.


@pytest.mark.parametrize(
    ("as_of", "completed", "completed_on_time", "due_by_as_of", "overdue"),
    [
        (MID_YEAR, 29, 17, 78, 50),
        (LATE_YEAR, 36, 18, 81, 50),
    ],
)
def test_summary_metrics(
    statuses: dict[date, pd.DataFrame],
    as_of: date,
    completed: int,
    completed_on_time: int,
    due_by_as_of: int,
    overdue: int,
) -> None:
    metrics = summary_metrics(statuses[as_of], as_of)
    assert (metrics.total, metrics.with_due_date, metrics.recurring) == (119, 91, 28)
    assert metrics.completed == completed
    assert metrics.completed_on_time == completed_on_time
    assert metrics.due_by_as_of == due_by_as_of
    assert metrics.overdue == overdue
    assert metrics.completion_rate == pytest.approx(completed / 91)
    assert metrics.on_time_rate == pytest.approx(completed_on_time / due_by_as_of)


@pytest.mark.parametrize(
    ("as_of", "window_days", "due_soon"),
    [
        (MID_YEAR, 30, 0),  # nothing open falls due in July 2026
        (LATE_YEAR, 30, 0),  # 31/12/2026 is 38 days after 23/11
        (LATE_YEAR, 45, 3),  # PL-II 27, DM-BS III.3 and V.9 (VI.14 is done)
    ],
)
def test_due_soon_window(
    statuses: dict[date, pd.DataFrame], as_of: date, window_days: int, due_soon: int
) -> None:
    assert summary_metrics(statuses[as_of], as_of, window_days).due_soon == due_soon


# --- Single tasks ---


@pytest.mark.parametrize(
    ("plan", "section", "number", "as_of", "status", "days_overdue"),
    [
        # two milestones, due at the last (31/10/2027); reports say "Đang thực hiện"
        ("PL-II-2026", "", "1", MID_YEAR, IN_PROGRESS, 0),
        ("PL-II-2026", "", "1", LATE_YEAR, IN_PROGRESS, 0),
        # "Thường xuyên"
        ("KH-92A-UBND", "III", "1", MID_YEAR, RECURRING, 0),
        ("KH-92A-UBND", "III", "1", LATE_YEAR, RECURRING, 0),
        # done 23/10/2025 for 15/10/2025: 8 days late
        ("KH-92A-UBND", "III", "2", LATE_YEAR, LATE, 8),
        # due 30/6, done 30/6 but reported 2/7: on time from 30/6, whenever it was reported
        ("PL-II-2026", "", "28", MID_YEAR, ON_TIME, 0),
        ("PL-II-2026", "", "28", LATE_YEAR, ON_TIME, 0),
        # "Đã hoàn thành" in the plan; the report dates it 9/9/2025, before 30/9/2025
        ("KH-92A-UBND", "II", "16", MID_YEAR, ON_TIME, 0),
        # due 30/4, done 28/6: 59 days late
        ("DC-CT-NV-2026", "VII", "17", LATE_YEAR, LATE, 59),
        # due 30/4, never reported done: 207 days overdue on 23/11
        ("DC-CT-NV-2026", "VII", "20", LATE_YEAR, OVERDUE, 207),
    ],
)
def test_single_tasks(
    statuses: dict[date, pd.DataFrame],
    plan: str,
    section: str,
    number: str,
    as_of: date,
    status: str,
    days_overdue: int,
) -> None:
    row = task(statuses[as_of], plan, section, number)
    assert row["status"] == status
    assert row["days_overdue"] == days_overdue
