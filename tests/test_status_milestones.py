"""Several milestones: late on one before the due date ("Chậm mốc")."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from data_access.queries.statuses import TaskStatus
from tests.status_rows import AS_OF, metrics_of, one, task

S = TaskStatus


def staged(**fields: Any) -> dict[str, Any]:
    """Milestones 31/05/2026 and 31/12/2026 (its due date), with ``fields``."""
    return task(due_date=date(2026, 12, 31), first_milestone=date(2026, 5, 31)) | fields


MILESTONE_CASES = [
    ("the first milestone passed, task not done", staged(), S.MILESTONE_LATE, 30),
    ("a milestone on the as-of day has not passed", staged(first_milestone=AS_OF),
     S.IN_PROGRESS, 0),
    ("an in-progress report does not meet a milestone",
     staged(reported_status="Đang thực hiện", reported_on=date(2026, 5, 30)),
     S.MILESTONE_LATE, 30),
    ("done before the milestone", staged(reported_status="Đã hoàn thành",
     completion_date=date(2026, 5, 20), reported_on=date(2026, 5, 21)), S.DONE_ON_TIME, 0),
    ("done after the milestone, before the due date: on time", staged(
     reported_status="Đã hoàn thành", completion_date=date(2026, 6, 20),
     reported_on=date(2026, 6, 21)), S.DONE_ON_TIME, 0),
    ("the due date passed too: overdue", staged(due_date=date(2026, 6, 29)), S.OVERDUE, 1),
]  # fmt: skip


@pytest.mark.parametrize(
    ("row", "status", "days_overdue"),
    [c[1:] for c in MILESTONE_CASES],
    ids=[c[0] for c in MILESTONE_CASES],
)
def test_milestone_rule(row: dict[str, Any], status: TaskStatus, days_overdue: int) -> None:
    result = one(row)
    assert result["status"] == status
    assert result["days_overdue"] == days_overdue


def test_late_on_a_milestone_is_open_and_can_fall_due_soon() -> None:
    metrics = metrics_of([staged(due_date=date(2026, 7, 20))])
    assert (metrics.milestone_late, metrics.overdue, metrics.due_soon) == (1, 0, 1)
    assert (metrics.with_due_date, metrics.completed, metrics.due_by_as_of) == (1, 0, 0)
