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

import pandas as pd
import pytest

from data_access.db import get_engine, session_scope
from data_access.queries.status import compute_statuses, summary_metrics
from data_access.queries.statuses import TaskStatus
from data_access.queries.tasks import task_frame

MID_YEAR = date(2026, 7, 1)
LATE_YEAR = date(2026, 11, 23)
DECEMBER = date(2026, 12, 6)
ON_TIME, LATE, IN_PROGRESS = TaskStatus.DONE_ON_TIME, TaskStatus.DONE_LATE, TaskStatus.IN_PROGRESS
OVERDUE, NO_EVIDENCE = TaskStatus.OVERDUE, TaskStatus.DONE_NO_EVIDENCE
MILESTONE_LATE = TaskStatus.MILESTONE_LATE
REPORTED, NOT_REPORTED = TaskStatus.RECURRING_REPORTED, TaskStatus.RECURRING_NOT_REPORTED


@pytest.fixture(scope="module")
def statuses(sample_url: str) -> dict[date, pd.DataFrame]:
    frames = {}
    for as_of in (MID_YEAR, LATE_YEAR, DECEMBER):
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
    # sent 2/7, counts from the completion date) on time, 6 late -> 16 overdue; 7, 23, 26,
    # 27, 29 in progress; 1 is late on its first milestone (31/5/2026 passed; its reports,
    # 21/8 and 8/11/2026, say "Đang thực hiện").
    (MID_YEAR, "PL-II-2026", ON_TIME, 6),
    (MID_YEAR, "PL-II-2026", LATE, 1),
    (MID_YEAR, "PL-II-2026", OVERDUE, 16),
    (MID_YEAR, "PL-II-2026", IN_PROGRESS, 5),
    (MID_YEAR, "PL-II-2026", MILESTONE_LATE, 1),
    # At 23/11: 25 due (7 and 23 too); on time + 28, 29; late + 10, 25; in progress 26, 27;
    # 1 still late on its milestone.
    (LATE_YEAR, "PL-II-2026", ON_TIME, 7),
    (LATE_YEAR, "PL-II-2026", LATE, 3),
    (LATE_YEAR, "PL-II-2026", OVERDUE, 16),
    (LATE_YEAR, "PL-II-2026", IN_PROGRESS, 2),
    (LATE_YEAR, "PL-II-2026", MILESTONE_LATE, 1),
    # --- KH-92A-UBND (seed 001): 35 tasks; I.1–3, II.30, III.1 "Thường xuyên", and six
    # whose name says so (dated 01/01/2026, their first due date): II.9 "Thường xuyên
    # triển khai …", II.10, II.11, II.21, II.26, II.28 "(nhiệm vụ thường xuyên)". The other
    # 24 were due 20/9/2025..31/12/2025, so all are due on both dates. Done by reports
    # sent before 2026-04: on time II.13, II.16, II.19, II.20, II.23, II.25 (II.16/19/20
    # are also "Đã hoàn thành" in the plan); late II.4, II.7, II.22, II.27, III.2 (II.9's
    # "Đã hoàn thành" report does not end a recurring task).
    # Recurring reports: only I.3's 15/06/2026 falls after 20/05 by 01/07; none after
    # 20/10 (I.1's last is 11/09/2026, I.3's 15/06, II.9's 20/02, II.10's 27/01 …).
    (MID_YEAR, "KH-92A-UBND", REPORTED, 1),
    (MID_YEAR, "KH-92A-UBND", NOT_REPORTED, 10),
    (LATE_YEAR, "KH-92A-UBND", REPORTED, 0),
    (LATE_YEAR, "KH-92A-UBND", NOT_REPORTED, 11),
    (MID_YEAR, "KH-92A-UBND", ON_TIME, 6),
    (MID_YEAR, "KH-92A-UBND", LATE, 5),
    (MID_YEAR, "KH-92A-UBND", OVERDUE, 13),
    (MID_YEAR, "KH-92A-UBND", IN_PROGRESS, 0),
    (LATE_YEAR, "KH-92A-UBND", OVERDUE, 13),
    # --- KH-SKHCN-2025 (seed 002): 20 tasks; 1–7, 10, 20 "Thường xuyên" and 11, 13, 14
    # "(nhiệm vụ thường xuyên)" (dated 31/12/2025) recurring; 8 due by 31/12/2025 (15, 16, 19
    # indicative). Reported done: 18 (25/11/2025), 19 (23/12/2025) in time; 15 (26/12 for
    # 31/10) late. Nothing changes during 2026.
    # Recurring, reported by the 12th: after 12/05 by 01/07: 1 (14/06), 4 (18/06), 5 (18/06),
    # 7 (18/06), 10 (14/06); not 2 (20/04, then 17/07), 6 (13/04), 13 (19/02), 14 (06/01),
    # nor 3, 11, 20 (no report). After 12/10 by 23/11: 1 (13/11), 2 (19/11), 4 (16/11),
    # 5 (14/11), 7 (18/11), 10 (18/11); not 6 (09/09) nor the five above.
    (MID_YEAR, "KH-SKHCN-2025", REPORTED, 5),
    (MID_YEAR, "KH-SKHCN-2025", NOT_REPORTED, 7),
    (LATE_YEAR, "KH-SKHCN-2025", REPORTED, 6),
    (LATE_YEAR, "KH-SKHCN-2025", NOT_REPORTED, 6),
    # BC BCĐTW (11–14, 18): 18's report "Đã hoàn thành" (25/11/2025, sent 02/12/2025) has
    # an empty "Minh chứng": not done; 19's (23/12/2025) cites Văn bản số 2936: on time.
    (MID_YEAR, "KH-SKHCN-2025", ON_TIME, 1),
    (MID_YEAR, "KH-SKHCN-2025", NO_EVIDENCE, 1),
    (LATE_YEAR, "KH-SKHCN-2025", NO_EVIDENCE, 1),
    (MID_YEAR, "KH-SKHCN-2025", LATE, 1),
    (MID_YEAR, "KH-SKHCN-2025", OVERDUE, 5),
    (LATE_YEAR, "KH-SKHCN-2025", OVERDUE, 5),
    # --- DM-BS-2026 (seed 003): 14 tasks; I.1, III.5, III.6 recurring. Due 30/4: II.2;
    # 15/5: IX.14; 30/6: III.4, IV.7, V.11, VII.12; 31/12/2026: III.3, V.8–10, VIII.13.
    # Done on time: II.2 (29/4, sent 22/5), VIII.13 (21/6, sent 25/6), V.8 (2/7, sent 8/7),
    # V.10 (18/10, sent 29/10).
    # At 01/07: 6 due, II.2 done -> 5 overdue; III.3, V.8, V.9, V.10 in progress.
    # Recurring: I.1 (10/06), III.5 (10/06), III.6 (15/06) reported June; their last
    # reports (10/06, 19/09, 12/09) are before 20/10, so none has reported November.
    (MID_YEAR, "DM-BS-2026", REPORTED, 3),
    (LATE_YEAR, "DM-BS-2026", NOT_REPORTED, 3),
    (MID_YEAR, "DM-BS-2026", ON_TIME, 2),
    (MID_YEAR, "DM-BS-2026", OVERDUE, 5),
    (MID_YEAR, "DM-BS-2026", IN_PROGRESS, 4),
    (LATE_YEAR, "DM-BS-2026", ON_TIME, 4),
    (LATE_YEAR, "DM-BS-2026", OVERDUE, 5),
    (LATE_YEAR, "DM-BS-2026", IN_PROGRESS, 2),
    # --- DC-CT-NV-2026 (seed 004, a Sở Giáo dục và Đào tạo plan: its units report by the
    # 20th): 21 tasks, 11 recurring. Due 31/3: III.7, IV.10; 30/4:
    # VII.17, VII.19, VII.20; 30/6: II.3, II.4, III.5; 30/9: IV.11; 31/12: VI.14.
    # Done: III.7 (30/3), II.3 (7/6) on time; VII.19 (12/5), VII.17 (28/6) late;
    # later IV.11 (4/9, sent 11/9) and VI.14 (17/8, sent 26/8) on time.
    # At 01/07: 8 due, 4 done -> II.4, III.5, IV.10, VII.20 overdue; IV.11, VI.14 in progress.
    # Recurring, June (after 20/05): I.1 (09/06), III.6 (19/06), III.8 (17/06), V.13
    # (20/06), VI.15 (17/06), VII.16 (18/06), VII.18 (20/06), VII.21 (09/06); not I.2
    # (09/03, then 20/09), III.9, V.12 (no report). November (after 20/10): only VI.15
    # (13/11); VII.16's 19/10 is October's report.
    (MID_YEAR, "DC-CT-NV-2026", REPORTED, 8),
    (MID_YEAR, "DC-CT-NV-2026", NOT_REPORTED, 3),
    (LATE_YEAR, "DC-CT-NV-2026", REPORTED, 1),
    (LATE_YEAR, "DC-CT-NV-2026", NOT_REPORTED, 10),
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
        (
            MID_YEAR,
            {ON_TIME: 17, NO_EVIDENCE: 1, LATE: 9, IN_PROGRESS: 11, MILESTONE_LATE: 1}
            | {OVERDUE: 43}
            | {REPORTED: 17, NOT_REPORTED: 20},
        ),
        (
            LATE_YEAR,
            {ON_TIME: 22, NO_EVIDENCE: 1, LATE: 11, IN_PROGRESS: 4, MILESTONE_LATE: 1}
            | {OVERDUE: 43}
            | {REPORTED: 7, NOT_REPORTED: 30},
        ),
        # nothing was reported or completed between 23/11 and 06/12, and November stays
        # the period judged (December's report is due 20/12)
        (
            DECEMBER,
            {ON_TIME: 22, NO_EVIDENCE: 1, LATE: 11, IN_PROGRESS: 4, MILESTONE_LATE: 1}
            | {OVERDUE: 43}
            | {REPORTED: 7, NOT_REPORTED: 30},
        ),
    ],
)
def test_status_totals(
    statuses: dict[date, pd.DataFrame], as_of: date, expected: dict[str, int]
) -> None:
    assert statuses[as_of]["status"].value_counts().to_dict() == expected


# --- Headline numbers. Due by 01/07: 23 + 24 + 8 + 6 + 8 = 69 tasks; done on time
# among them: 6 + 6 + 1 (KH-SKHCN 19; 18 lacks evidence) + 1 (DM-BS II.2; VIII.13 is due
# in December) + 2 = 16. By 23/11: 25 + 24 + 8 + 6 + 9 = 72 due; on time among them 6
# (PL-II 29 is due 2028) + 6 + 1 + 1 + 3 (VI.14 is due in December) = 17. Done: the
# status totals' on time + late (KH-SKHCN 18 without evidence is neither).


@pytest.mark.parametrize(
    ("as_of", "completed", "completed_on_time", "due_by_as_of", "overdue"),
    [
        (MID_YEAR, 26, 16, 69, 43),
        (LATE_YEAR, 33, 17, 72, 43),
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
    assert (metrics.total, metrics.with_due_date, metrics.recurring) == (119, 82, 37)
    assert (
        metrics.recurring_reported + metrics.recurring_not_reported == 37
    )  # none before its first due
    assert metrics.completed == completed
    assert metrics.completed_on_time == completed_on_time
    assert metrics.due_by_as_of == due_by_as_of
    assert metrics.overdue == overdue
    assert metrics.completion_rate == pytest.approx(completed / 82)
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
        # two milestones, due at the last (31/10/2027); reports say "Đang thực hiện", so the
        # first (31/5/2026) has passed unmet: late on it by 31 days on 01/07, 176 on 23/11
        ("PL-II-2026", "", "1", MID_YEAR, MILESTONE_LATE, 31),
        ("PL-II-2026", "", "1", LATE_YEAR, MILESTONE_LATE, 176),
        # "Thường xuyên", never reported: June's report was due 20/06 (11 days before
        # 01/07), November's 20/11 (3 days before 23/11)
        ("KH-92A-UBND", "III", "1", MID_YEAR, NOT_REPORTED, 11),
        ("KH-92A-UBND", "III", "1", LATE_YEAR, NOT_REPORTED, 3),
        # "(nhiệm vụ thường xuyên)": 01/01/2026 is its first due date, not a deadline it is
        # 326 days past on 23/11; its last report (27/01/2026) is not November's
        ("KH-92A-UBND", "II", "10", LATE_YEAR, NOT_REPORTED, 3),
        # the Sở's #2 reports by the 12th: nothing between 12/05 and 01/07 (20/04, then
        # 17/07), so June's report is 19 days late; 19/11 is November's report
        ("KH-SKHCN-2025", "", "2", MID_YEAR, NOT_REPORTED, 19),
        ("KH-SKHCN-2025", "", "2", LATE_YEAR, REPORTED, 0),
        # BC BCĐTW, reported done on 25/11/2025 (due 31/12/2025) with no evidence
        ("KH-SKHCN-2025", "", "18", LATE_YEAR, NO_EVIDENCE, 0),
        # "định kỳ hằng tháng": its 19/10 report is October's (due 20/10), 13/11 November's
        ("DC-CT-NV-2026", "VII", "16", LATE_YEAR, NOT_REPORTED, 3),
        ("DC-CT-NV-2026", "VI", "15", DECEMBER, REPORTED, 0),
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
