"""The status engine on the whole sample: status totals, headline numbers, the due-soon
window and single tasks, counted by hand (the rules applied: tests/status_sample.py)."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from data_access.queries.status import summary_metrics
from tests.status_sample import (
    DECEMBER,
    IN_PROGRESS,
    LATE,
    LATE_YEAR,
    MID_YEAR,
    MILESTONE_LATE,
    NO_EVIDENCE,
    NOT_REPORTED,
    ON_TIME,
    OVERDUE,
    REPORTED,
    sample_statuses,
    task,
)


@pytest.fixture(scope="module")
def statuses(sample_url: str) -> dict[date, pd.DataFrame]:
    return sample_statuses(sample_url)


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
