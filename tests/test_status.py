"""Status engine: every category of a dated task, its boundaries, and the days counted."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd
import pytest

from data_access.queries.status import compute_statuses, report_says_completed
from data_access.queries.statuses import TaskStatus
from tests.status_rows import AS_OF, DUE, one, task

S = TaskStatus
CASES = [
    # --- not completed ---
    ("due today is in progress", task(), S.IN_PROGRESS, 0),
    ("due tomorrow", task(due_date=date(2026, 7, 1)), S.IN_PROGRESS, 0),
    ("due yesterday is overdue by 1", task(due_date=date(2026, 6, 29)), S.OVERDUE, 1),
    ("overdue 30 days", task(due_date=date(2026, 5, 31)), S.OVERDUE, 30),
    (
        "report in progress",
        task(reported_status="Đang thực hiện", reported_on=date(2026, 6, 1)),
        S.IN_PROGRESS,
        0,
    ),
    (
        "chưa hoàn thành is not done",
        task(due_date=date(2026, 6, 1), reported_status="Chưa hoàn thành", reported_on=DUE),
        S.OVERDUE,
        29,
    ),
    # --- completed by a report ---
    (
        "done exactly on the due date is on time",
        task(reported_status="Đã hoàn thành", completion_date=DUE, reported_on=DUE),
        S.DONE_ON_TIME,
        0,
    ),
    (
        "done a day late",
        task(
            due_date=date(2026, 6, 1),
            reported_status="Hoàn thành",
            completion_date=date(2026, 6, 2),
            reported_on=date(2026, 6, 5),
        ),
        S.DONE_LATE,
        1,
    ),
    (
        "no completion date: the report date is used",
        task(
            due_date=date(2026, 6, 1),
            reported_status="Đã hoàn thành",
            reported_on=date(2026, 6, 10),
        ),
        S.DONE_LATE,
        9,
    ),
    (
        "blank status with a completion date counts as done",
        task(completion_date=date(2026, 6, 20), reported_on=date(2026, 6, 20)),
        S.DONE_ON_TIME,
        0,
    ),
    (
        "completion note wording",
        task(reported_status="(Đã thực hiện)", reported_on=date(2026, 6, 20)),
        S.DONE_ON_TIME,
        0,
    ),
    # --- as-of boundaries ---
    (
        "completion date after as-of: not completed yet",
        task(
            due_date=date(2026, 6, 1),
            reported_status="Đã hoàn thành",
            completion_date=date(2026, 7, 15),
            reported_on=date(2026, 6, 25),
        ),
        S.OVERDUE,
        29,
    ),
    (
        # DOMAIN.md: "a completion counts from its completion date, whenever the report arrived".
        "completion reported after as-of counts from its completion date",
        task(reported_status="Đã hoàn thành", completion_date=DUE, reported_on=date(2026, 7, 1)),
        S.DONE_ON_TIME,
        0,
    ),
    (
        "completion reported after as-of, completed after as-of too: not yet",
        task(
            due_date=date(2026, 6, 1),
            reported_status="Đã hoàn thành",
            completion_date=date(2026, 7, 1),
            reported_on=date(2026, 7, 2),
        ),
        S.OVERDUE,
        29,
    ),
    (
        "done without a completion date, reported after as-of: done from its report day only",
        task(reported_status="Đã hoàn thành", reported_on=date(2026, 7, 1)),
        S.IN_PROGRESS,
        0,
    ),
    # --- completed in the plan itself ---
    (
        "plan says done: on time from its issue date, even after the due date",
        task(
            due_date=date(2026, 1, 1),
            completed_in_source=True,
            plan_issued_on=date(2026, 3, 1),
        ),
        S.DONE_ON_TIME,
        0,
    ),
    (
        "plan says done, issued after as-of: not yet",
        task(due_date=date(2026, 6, 1), completed_in_source=True, plan_issued_on=date(2026, 7, 1)),
        S.OVERDUE,
        29,
    ),
    (
        # Never the import day (issue 10): imports refuse such a plan without an issue date,
        # so only data stored before that rule lacks it; it counts as done on every day.
        "plan says done, no issue date: done, the import day is not used",
        task(
            due_date=date(2026, 6, 1),
            completed_in_source=True,
            plan_imported_on=date(2026, 7, 15),
        ),
        S.DONE_ON_TIME,
        0,
    ),
    (
        "a report's explicit completion date wins over the plan's mark",
        task(
            due_date=date(2026, 6, 1),
            completed_in_source=True,
            plan_issued_on=date(2026, 5, 1),
            reported_status="Hoàn thành",
            completion_date=date(2026, 6, 11),
            reported_on=date(2026, 6, 12),
        ),
        S.DONE_LATE,
        10,
    ),
    # --- no deadline (recurring tasks: test_recurring_rules) ---
    ("unparsed deadline", task(due_date=None, deadline_kind="unparsed"), S.NO_DEADLINE, 0),
    ("missing deadline", task(due_date=None, deadline_kind="missing"), S.NO_DEADLINE, 0),
    (
        "completed without a deadline stays no-deadline",
        task(
            due_date=None,
            deadline_kind="unparsed",
            reported_status="Đã hoàn thành",
            reported_on=date(2026, 6, 1),
        ),
        S.NO_DEADLINE,
        0,
    ),
]


@pytest.mark.parametrize(
    ("row", "status", "days_overdue"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_status_rules(row: dict[str, Any], status: TaskStatus, days_overdue: int) -> None:
    result = one(row)
    assert result["status"] == status
    assert result["days_overdue"] == days_overdue


def test_completed_flag_and_date_for_a_task_without_deadline() -> None:
    result = one(
        task(
            due_date=None,
            deadline_kind="missing",
            reported_status="Hoàn thành",
            reported_on=date(2026, 6, 1),
        )
    )
    assert bool(result["completed"]) is True
    assert result["completed_on"] == pd.Timestamp(2026, 6, 1)


def test_plan_completion_without_any_date_is_completed_on_unknown_day() -> None:
    result = one(task(completed_in_source=True))
    assert result["status"] == TaskStatus.DONE_ON_TIME
    assert pd.isna(result["completed_on"])


@pytest.mark.parametrize(
    ("due", "days_to_due"),
    [(date(2026, 7, 10), 10), (AS_OF, 0), (date(2026, 6, 20), -10), (None, None)],
)
def test_days_to_due(due: date | None, days_to_due: int | None) -> None:
    value = one(task(due_date=due, deadline_kind="date" if due else "missing"))["days_to_due"]
    assert pd.isna(value) if days_to_due is None else value == days_to_due


def test_same_task_changes_status_with_the_as_of_date() -> None:
    row = task(
        due_date=date(2026, 6, 1),
        reported_status="Đã hoàn thành",
        completion_date=date(2026, 6, 10),
        reported_on=date(2026, 6, 12),
    )
    assert one(row, date(2026, 5, 1))["status"] == TaskStatus.IN_PROGRESS
    assert one(row, date(2026, 6, 5))["status"] == TaskStatus.OVERDUE
    # Completed on 10/6, reported on 12/6: on 11/6 it was already done, late.
    assert one(row, date(2026, 6, 11))["status"] == TaskStatus.DONE_LATE
    assert one(row, date(2026, 6, 12))["status"] == TaskStatus.DONE_LATE


def test_only_due_date_and_kind_are_required() -> None:
    frame = pd.DataFrame({"due_date": [date(2026, 1, 1)], "deadline_kind": ["date"]})
    assert compute_statuses(frame, AS_OF)["status"].tolist() == [TaskStatus.OVERDUE]


def test_empty_frame_keeps_the_output_columns() -> None:
    result = compute_statuses(pd.DataFrame([task()]).iloc[:0], AS_OF)
    assert {"status", "completed", "completed_on", "days_overdue", "days_to_due"} <= set(result)
    assert result.empty


@pytest.mark.parametrize(
    ("text", "done"),
    [
        ("Đã hoàn thành", True),
        ("Hoàn thành", True),
        ("HOÀN THÀNH QUÁ HẠN", True),
        ("hoa\u0300n tha\u0300nh", True),  # NFD
        ("Đã thực hiện", True),
        ("Chưa hoàn thành", False),
        ("Không hoàn thành", False),
        ("Đang thực hiện", False),
        ("Hoàn thiện dự thảo", False),
        ("", False),
    ],
)
def test_report_says_completed(text: str, done: bool) -> None:
    assert report_says_completed(pd.Series([text])).tolist() == [done]
