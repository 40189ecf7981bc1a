"""The deadline calendar: due dates, earlier milestones (met, pending or missed), no recurring."""

from __future__ import annotations

from datetime import date

import pandas as pd

from data_access.queries.calendar import (
    CALENDAR_COLUMNS,
    TIMELINE_COLUMNS,
    deadline_calendar,
    timeline_segments,
)
from data_access.queries.statuses import TaskStatus
from labels import CALENDAR_KIND_DUE, CALENDAR_KIND_MILESTONE, CALENDAR_KIND_MISSED

AS_OF = date(2026, 6, 15)
DAY = pd.Timestamp


def statuses() -> pd.DataFrame:
    """Four tasks: 1 open with three milestones, 2 done early with two, 3 recurring, 4 undated."""
    return pd.DataFrame(
        {
            "task_id": [1, 2, 3, 4],
            "name": ["Số hóa hồ sơ", "Đào tạo cán bộ", "Báo cáo quý", "Rà soát quy chế"],
            "status": [
                TaskStatus.MILESTONE_LATE,
                TaskStatus.DONE_ON_TIME,
                TaskStatus.RECURRING_NOT_DUE,
                TaskStatus.NO_DEADLINE,
            ],
            "due_date": [DAY("2026-12-31"), DAY("2026-09-30"), DAY("2026-06-30"), pd.NaT],
            "completed": [False, True, False, False],
            "completed_on": [pd.NaT, DAY("2026-04-01"), pd.NaT, pd.NaT],
        }
    )


def milestones() -> pd.DataFrame:
    """Task 1: 31/03 (passed, not done), 30/09 (to come), 31/12 (its due date);
    task 2: 30/06 (done on 01/04, before it), 30/09 (its due date)."""
    return pd.DataFrame(
        {
            "task_id": [1, 1, 1, 2, 2],
            "due_date": [DAY(d) for d in ("2026-03-31", "2026-09-30", "2026-12-31")]
            + [DAY("2026-06-30"), DAY("2026-09-30")],
            "label": ["Mốc 1", "Mốc 2", "Mốc 3", "Giai đoạn 1", "Giai đoạn 2"],
            "position": [1, 2, 3, 1, 2],
        }
    )


def test_due_dates_and_earlier_milestones_are_rows_of_their_own() -> None:
    calendar = deadline_calendar(statuses(), milestones(), AS_OF)
    columns = [calendar[c] for c in ("task_id", "due_date", "kind", "label")]
    rows = sorted(zip(*columns, strict=True), key=lambda row: (row[0], row[1]))
    assert rows == [
        (1, DAY("2026-03-31"), CALENDAR_KIND_MISSED, "Mốc 1 — Số hóa hồ sơ"),  # passed, not done
        (1, DAY("2026-09-30"), CALENDAR_KIND_MILESTONE, "Mốc 2 — Số hóa hồ sơ"),  # to come
        (1, DAY("2026-12-31"), CALENDAR_KIND_DUE, "Số hóa hồ sơ"),  # the last milestone is the due
        (2, DAY("2026-06-30"), CALENDAR_KIND_MILESTONE, "Giai đoạn 1 — Đào tạo cán bộ"),  # met
        (2, DAY("2026-09-30"), CALENDAR_KIND_DUE, "Đào tạo cán bộ"),
    ]  # task 3 is recurring, task 4 has no date: neither falls due on a day


def test_each_row_counts_one_and_names_its_milestone() -> None:
    calendar = deadline_calendar(statuses(), milestones(), AS_OF)
    assert list(calendar.columns) == CALENDAR_COLUMNS
    assert calendar["count"].tolist() == [1] * 5
    due = calendar[calendar["kind"] == CALENDAR_KIND_DUE]
    assert due["milestone"].tolist() == ["", ""]
    assert sorted(calendar.loc[calendar["kind"] != CALENDAR_KIND_DUE, "milestone"]) == [
        "Giai đoạn 1",
        "Mốc 1",
        "Mốc 2",
    ]


def test_a_milestone_is_missed_only_once_its_day_has_passed() -> None:
    before = deadline_calendar(statuses(), milestones(), date(2026, 3, 31))
    first = before[(before["task_id"] == 1) & (before["due_date"] == DAY("2026-03-31"))]
    assert first["kind"].tolist() == [CALENDAR_KIND_MILESTONE]  # on its day it is still open


# --- The timeline's bars ---
def test_timeline_bars_run_from_the_plans_issue_or_the_previous_milestone() -> None:
    tasks = statuses().assign(
        plan_code="KH-01",
        number=["1", "2", "3", "4"],
        plan_issued_on=[DAY("2026-01-10"), DAY("2026-01-10"), DAY("2026-01-10"), pd.NaT],
    )
    calendar = deadline_calendar(tasks, milestones(), AS_OF)
    leads = pd.Series({1: "Sở B", 2: "Sở A"})
    bars = timeline_segments(calendar, tasks, leads)
    assert list(bars.columns) == TIMELINE_COLUMNS
    shown = bars[["task_id", "agency", "row", "start", "end"]].itertuples(index=False, name=None)
    assert list(shown) == [
        # Sở A first; each bar starts where the task's previous one ended
        (2, "Sở A", "KH-01 · 2", DAY("2026-01-10"), DAY("2026-06-30")),
        (2, "Sở A", "KH-01 · 2", DAY("2026-06-30"), DAY("2026-09-30")),
        (1, "Sở B", "KH-01 · 1", DAY("2026-01-10"), DAY("2026-03-31")),
        (1, "Sở B", "KH-01 · 1", DAY("2026-03-31"), DAY("2026-09-30")),
        (1, "Sở B", "KH-01 · 1", DAY("2026-09-30"), DAY("2026-12-31")),
    ]


def test_a_timeline_bar_without_an_earlier_issue_date_is_thirty_days_long() -> None:
    tasks = statuses().assign(plan_code="KH-01", number="2", plan_issued_on=DAY("2026-10-01"))
    calendar = deadline_calendar(tasks[tasks["task_id"] == 2], milestones().iloc[:0], AS_OF)
    (bar,) = timeline_segments(calendar, tasks, pd.Series(dtype=str)).itertuples()
    assert (bar.start, bar.end, bar.agency) == (DAY("2026-08-31"), DAY("2026-09-30"), "")
