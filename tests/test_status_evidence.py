"""BC BCĐTW tasks count as done only with evidence (a document number or a proof)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from data_access.queries.statuses import TaskStatus
from tests.status_rows import metrics_of, one, task

S = TaskStatus


REPORTED_DONE = {
    "reported_status": "Đã hoàn thành",
    "completion_date": date(2026, 6, 10),
    "reported_on": date(2026, 6, 12),
}
EVIDENCE_CASES = [
    ("a document number is evidence",
     task(report_to_central=True, evidence="Văn bản số 123/BC-SKHCN ngày 10/6/2026",
          **REPORTED_DONE), S.DONE_ON_TIME, 0),
    ("blank evidence: not done", task(report_to_central=True, evidence="", **REPORTED_DONE),
     S.DONE_NO_EVIDENCE, 0),
    ("spaces are blank", task(report_to_central=True, evidence="  ", **REPORTED_DONE),
     S.DONE_NO_EVIDENCE, 0),
    ("'Không có' says there is none",
     task(report_to_central=True, evidence="Không có.", **REPORTED_DONE), S.DONE_NO_EVIDENCE, 0),
    ("'-' says there is none", task(report_to_central=True, evidence="-", **REPORTED_DONE),
     S.DONE_NO_EVIDENCE, 0),
    ("late and without evidence keeps its days late",
     task(due_date=date(2026, 6, 1), report_to_central=True, **REPORTED_DONE),
     S.DONE_NO_EVIDENCE, 9),
    ("a task not reported to the centre needs none", task(**REPORTED_DONE), S.DONE_ON_TIME, 0),
    ("the plan's own 'Đã hoàn thành' is no evidence",
     task(report_to_central=True, completed_in_source=True, plan_issued_on=date(2026, 3, 1)),
     S.DONE_NO_EVIDENCE, 0),
    ("not completed: overdue as usual",
     task(due_date=date(2026, 6, 1), report_to_central=True), S.OVERDUE, 29),
]  # fmt: skip


@pytest.mark.parametrize(
    ("row", "status", "days_overdue"),
    [c[1:] for c in EVIDENCE_CASES],
    ids=[c[0] for c in EVIDENCE_CASES],
)
def test_evidence_rule(row: dict[str, Any], status: TaskStatus, days_overdue: int) -> None:
    result = one(row)
    assert result["status"] == status
    assert result["days_overdue"] == days_overdue


def test_done_without_evidence_counts_as_due_but_not_done() -> None:
    unproven = task(report_to_central=True, **REPORTED_DONE)
    proven = task(report_to_central=True, evidence="QĐ 12/QĐ-UBND", **REPORTED_DONE)
    metrics = metrics_of([unproven, proven])
    assert (metrics.with_due_date, metrics.due_by_as_of) == (2, 2)
    assert (metrics.completed, metrics.completed_on_time, metrics.missing_evidence) == (1, 1, 1)
    assert (metrics.completion_rate, metrics.on_time_rate) == (0.5, 0.5)
