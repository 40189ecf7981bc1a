"""The undo log: one entry per bulk insert, deleted in chunks, and per-row logs of earlier
releases still undone."""

from __future__ import annotations

import json
import re
from collections import Counter
from typing import Any

from sqlalchemy import Engine, event
from sqlmodel import col, select

from data_access.accounts import SHELL_ADMIN
from data_access.db import session_scope
from data_access.imports.change_log import inserted_keys, replay_backwards
from data_access.imports.history import undo_latest_import
from data_access.models import ImportBatch, ImportChange, Plan, Task
from tests.backends import ON_BOTH_DATABASES
from tests.upload_db import (
    HOME,
    SKHCN,
    TASKS,
    dump,
    import_file,
    plan_file,
    planned_engine,
    progress_file,
    report,
)

pytestmark = ON_BOTH_DATABASES

NEW_PLAN = "KH-02"
TWO_MILESTONES = "31/5/2026 (Khởi động) Tháng 10/2026 (Hoàn thành)"


def _tasks(count: int, section: str = "I", first: int = 1) -> list[tuple[str, ...]]:
    """``count`` tasks led by SKHCN with HOME coordinating, each with two milestones."""
    return [
        (section, str(n), f"Nhiệm vụ chuyển đổi số thứ {n} của tỉnh", SKHCN, HOME, TWO_MILESTONES)
        for n in range(first, first + count)
    ]


def _log(engine: Engine, batch_id: int) -> list[ImportChange]:
    with session_scope(engine) as session:
        statement = (
            select(ImportChange)
            .where(ImportChange.import_batch_id == batch_id)
            .order_by(col(ImportChange.position))
        )
        return list(session.exec(statement).all())


def _entries(engine: Engine, batch_id: int) -> list[tuple[str, str, int]]:
    """(table, action, rows it stands for) of each log entry, in order."""
    entries = []
    for change in _log(engine, batch_id):
        key = json.loads(change.row_key)
        entries.append((change.table_name, change.action, len(key) if isinstance(key, list) else 1))
    return entries


def _new_plan_task_ids(engine: Engine) -> set[int]:
    with session_scope(engine) as session:
        statement = select(Task.id).join(Plan).where(Plan.code == NEW_PLAN)
        return {task_id for task_id in session.exec(statement).all() if task_id is not None}


def _task_keys_logged(engine: Engine, batch_id: int) -> set[Any]:
    with session_scope(engine) as session:
        return inserted_keys(session=session, batch_id=batch_id, table="task")


def _rewrite_as_per_row_entries(engine: Engine, batch_id: int) -> None:
    """Store the batch's log as the previous release did: an "insert" entry per row, its
    key a JSON object (``{"id": 7}``, or the columns of a composite key)."""
    entries = []
    for change in _log(engine, batch_id):
        if change.action != "inserts":
            entries.append((change.table_name, change.action, change.row_key, change.before))
            continue
        for key in json.loads(change.row_key):
            old_key = key if isinstance(key, dict) else {"id": key}
            entries.append(
                (change.table_name, "insert", json.dumps(old_key, ensure_ascii=False), "")
            )
    with session_scope(engine) as session:
        for change in session.exec(
            select(ImportChange).where(ImportChange.import_batch_id == batch_id)
        ):
            session.delete(change)
        session.flush()
        for position, (table, action, key, before) in enumerate(entries):
            session.add(
                ImportChange(
                    import_batch_id=batch_id,
                    position=position,
                    table_name=table,
                    action=action,
                    row_key=key,
                    before=before,
                )
            )


def _import_new_plan(engine: Engine, task_count: int) -> ImportBatch:
    batch = import_file(engine, plan_file(_tasks(task_count)), "moi.xlsx", plan_code=NEW_PLAN)
    assert batch.id is not None
    return batch


def _undo(engine: Engine) -> None:
    with session_scope(engine) as session:
        undo_latest_import(session=session, actor=SHELL_ADMIN)


# --- A new plan: a handful of entries, undone exactly ---


def test_a_new_plan_is_logged_in_one_entry_per_table_of_bulk_inserts() -> None:
    engine = planned_engine()
    batch = _import_new_plan(engine, 30)
    assert batch.id is not None
    # The plan, its section and its two KPIs through the session; 30 tasks, each with two
    # milestones and two agency links (lead and coordinating), inserted table by table.
    assert _entries(engine, batch.id) == [
        ("plan", "insert", 1),
        ("section", "insert", 1),
        ("task", "inserts", 30),
        ("taskmilestone", "inserts", 60),
        ("taskagency", "inserts", 60),
        ("kpi", "insert", 1),
        ("kpi", "insert", 1),
    ]
    assert _task_keys_logged(engine, batch.id) == _new_plan_task_ids(engine)


def test_undo_of_a_new_plan_restores_every_table() -> None:
    engine = planned_engine()
    before = dump(engine)
    _import_new_plan(engine, 30)
    assert len(dump(engine)["task"]) == len(TASKS) + 30
    _undo(engine)
    assert dump(engine) == before


def test_a_per_row_log_of_the_previous_release_is_still_undone() -> None:
    engine = planned_engine()
    before = dump(engine)
    batch = _import_new_plan(engine, 30)
    assert batch.id is not None
    tasks = _new_plan_task_ids(engine)
    _rewrite_as_per_row_entries(engine, batch.id)
    actions = Counter(action for _, action, _ in _entries(engine, batch.id))
    assert actions == {"insert": 1 + 1 + 30 + 60 + 60 + 2}
    assert _task_keys_logged(engine, batch.id) == tasks
    _undo(engine)
    assert dump(engine) == before


# --- Inserted rows deleted a chunk at a time ---


def _replay_counting_deletes(engine: Engine, batch_id: int, chunk: int) -> Counter[str]:
    """Undo the batch's log with ``chunk`` keys per DELETE; the DELETEs sent, by table."""
    deletes: Counter[str] = Counter()

    def count(_connection: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        found = re.match(r"DELETE FROM (\w+)", statement)
        if found:
            deletes[found.group(1)] += 1

    event.listen(engine, "before_cursor_execute", count)
    try:
        with session_scope(engine) as session:
            replay_backwards(session=session, batch_id=batch_id, chunk=chunk)
    finally:
        event.remove(engine, "before_cursor_execute", count)
    return deletes


def test_ids_are_deleted_a_chunk_per_statement() -> None:
    engine = planned_engine()
    before = dump(engine)
    reports = [report(section, number, "Đang thực hiện") for section, number, *_ in TASKS]
    batch = import_file(engine, progress_file(reports))
    assert batch.id is not None
    # One entry listing the 4 new reports: three, then the last one.
    assert _replay_counting_deletes(engine, batch.id, chunk=3) == {"progressupdate": 2}
    assert dump(engine) == before


def test_composite_keys_are_deleted_a_chunk_per_statement() -> None:
    engine = planned_engine()
    before = dump(engine)
    added = [*TASKS, *_tasks(3, section="II", first=3)]  # three new tasks after II.2
    batch = import_file(engine, plan_file(added), "sua_doi.xlsx")
    assert batch.id is not None
    # A revision adds its tasks one by one: per task an entry for the task, one for its two
    # milestones and one for its two agency links (task, agency, role); one key per DELETE.
    deletes = _replay_counting_deletes(engine, batch.id, chunk=1)
    assert deletes == {"task": 3, "taskmilestone": 6, "taskagency": 6}
    assert dump(engine) == before
