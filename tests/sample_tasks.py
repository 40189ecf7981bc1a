"""Tasks of the sample database found by plan code and number, as the documents name them."""

from __future__ import annotations

from sqlmodel import col, select

from data_access.db import get_engine, session_scope
from data_access.models import Plan, Task

# Seed 003 (DM-BS-2026), row 1: "Nhiệm vụ số 03 Phụ lục II cập nhật lại tên theo Kế hoạch
# số 07-KH/BCĐ": seed 000 (Phụ lục II, PL-II-2026) task 3, renamed.
ADJUSTING = ("DM-BS-2026", "1")
ADJUSTED = ("PL-II-2026", "3")
# Seed 003, row 14: "Nhiệm vụ số 122 phụ lục II …": seed 000 stops at 29, so no link.
NAMES_AN_UNLOADED_TASK = ("DM-BS-2026", "14")


def task_id(url: str, plan_code: str, number: str) -> int:
    """The id of task ``number`` of plan ``plan_code`` (one of them, numbers being unique)."""
    with session_scope(get_engine(url)) as session:
        statement = (
            select(Task.id)
            .join(Plan, col(Plan.id) == col(Task.plan_id))
            .where(col(Plan.code) == plan_code, col(Task.number) == number)
        )
        found = session.exec(statement).one()
    assert found is not None
    return found
