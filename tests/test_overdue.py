"""The Quá hạn lists: one status, most days late first, with ageing bucket and agencies."""

from __future__ import annotations

import pandas as pd

from data_access.queries.overdue import overdue_list
from data_access.queries.statuses import TaskStatus


def statuses() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "task_id": [1, 2, 3, 4, 5],
            "plan_code": ["KH-02", "KH-01", "KH-01", "KH-01", "KH-01"],
            "position": [1, 7, 3, 2, 9],
            "status": [TaskStatus.OVERDUE] * 4 + [TaskStatus.IN_PROGRESS],
            "days_overdue": [45, 45, 200, 10, 0],
        }
    )


def links() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "task_id": [1, 2, 2, 3, 3],
            "agency": ["Sở Y tế", "Sở Nội vụ", "Sở Tài chính", "Sở Tư pháp", "Sở Công Thương"],
            "agency_kind": ["department"] * 5,
            "is_collective": [False] * 5,
            "role": ["lead", "lead", "lead", "coordinating", "lead"],
            "position": [1, 2, 1, 1, 1],
            "parent": [""] * 5,
        }
    )


def test_most_days_late_first_then_plan_order() -> None:
    listed = overdue_list(statuses(), links(), TaskStatus.OVERDUE, "lead")
    # 200 days first; the two 45-day tasks by plan code (KH-01 before KH-02); 10 days last.
    assert listed["task_id"].tolist() == [3, 2, 1, 4]


def test_each_task_gets_its_ageing_bucket() -> None:
    listed = overdue_list(statuses(), links(), TaskStatus.OVERDUE, "lead")
    assert listed["bucket"].tolist() == [">180", "31–90", "31–90", "1–30"]


def test_agencies_of_the_role_in_document_order() -> None:
    lead = overdue_list(statuses(), links(), TaskStatus.OVERDUE, "lead")
    # task 2's lead agencies by position (Sở Tài chính is 1st); task 3's only lead is
    # Sở Công Thương (Sở Tư pháp coordinates); task 4 has no agency.
    assert lead["agencies"].tolist() == ["Sở Công Thương", "Sở Tài chính; Sở Nội vụ", "Sở Y tế", ""]
    coordinating = overdue_list(statuses(), links(), TaskStatus.OVERDUE, "coordinating")
    assert coordinating["agencies"].tolist() == ["Sở Tư pháp", "", "", ""]


def test_only_the_status_asked_for() -> None:
    listed = overdue_list(statuses(), links(), TaskStatus.IN_PROGRESS, "lead")
    assert listed["task_id"].tolist() == [5]
