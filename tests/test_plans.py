"""Overview queries: plans with counts, deadline kinds, the illustrative flag."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import Engine, create_engine
from sqlalchemy.pool import StaticPool
from sqlmodel import select

from data_access.db import session_scope
from data_access.imports.batch import commit_changes
from data_access.imports.new_plan import import_plan
from data_access.imports.report_preview import preview_reports
from data_access.models import ImportBatch, utc_now
from data_access.queries.plans import deadline_kind_counts, has_illustrative_data, plan_overview
from data_access.schema import upgrade_schema
from loaders.records import DeadlineKind, KpiRecord, LoadResult, TaskRecord


def _task(number: str, kind: DeadlineKind, *, completed: bool = False) -> TaskRecord:
    return TaskRecord(
        number=number, name=f"Nhiệm vụ {number}", deadline_kind=kind, completed=completed
    )


@pytest.fixture
def engine() -> Iterator[Engine]:
    engine = create_engine("sqlite://", poolclass=StaticPool)
    upgrade_schema(engine)
    plans = {
        "KH-A": LoadResult(
            file_name="a.xlsx",
            tasks=[
                _task("1", DeadlineKind.DATE),
                _task("2", DeadlineKind.DATE, completed=True),
                _task("3", DeadlineKind.RECURRING),
            ],
        ),
        "KH-B": LoadResult(
            file_name="b.xlsx",
            tasks=[_task("1", DeadlineKind.QUARTER)],
            kpis=[KpiRecord(number="1", name="Tỉ lệ"), KpiRecord(number="2", name="Số lượng")],
        ),
    }
    with session_scope(engine) as session:
        for code, result in plans.items():
            import_plan(
                session=session,
                result=result,
                plan_code=code,
                title=f"Kế hoạch {code}",
                issued_on=date(2026, 1, 5) if code == "KH-A" else None,
                file_name=result.file_name,
                content_hash=code,
            )
    yield engine
    engine.dispose()


def _report_done(engine: Engine, *, is_illustrative: bool) -> None:
    """Task 1 of KH-A reported done, through the upload's preview and write."""
    row = TaskRecord(number="1", name="", plan_code="KH-A", completion_date=date(2026, 3, 1))
    title = "Tiến độ (SỐ LIỆU MINH HỌA)" if is_illustrative else "Tiến độ"
    result = LoadResult(file_name="tien_do.xlsx", title=title, tasks=[row])
    with session_scope(engine) as session:
        changes = preview_reports(session=session, result=result, today=date(2026, 3, 2))
        commit_changes(
            session=session,
            changes=changes,
            result=result,
            file_name="tien_do.xlsx",
            content_hash="p",
        )


def _undo_all(engine: Engine) -> None:
    with session_scope(engine) as session:
        for batch in session.exec(select(ImportBatch).where(ImportBatch.kind == "progress")):
            batch.undone_at = utc_now()


# --- plan_overview ---


def test_plan_overview_counts_tasks_kpis_and_completed(engine: Engine) -> None:
    with session_scope(engine) as session:
        frame = plan_overview(session=session)
    assert frame.to_dict("records") == [
        {"code": "KH-A", "title": "Kế hoạch KH-A", "issued_on": date(2026, 1, 5),
         "tasks": 3, "kpis": 0, "completed": 1},
        {"code": "KH-B", "title": "Kế hoạch KH-B", "issued_on": None,
         "tasks": 1, "kpis": 2, "completed": 0},
    ]  # fmt: skip


def test_a_reported_completion_counts_until_its_batch_is_undone(engine: Engine) -> None:
    _report_done(engine, is_illustrative=False)
    with session_scope(engine) as session:
        assert plan_overview(session=session)["completed"].tolist() == [2, 0]
    _undo_all(engine)
    with session_scope(engine) as session:
        assert plan_overview(session=session)["completed"].tolist() == [1, 0]


def test_an_empty_database_gives_an_empty_frame_with_the_columns() -> None:
    engine = create_engine("sqlite://", poolclass=StaticPool)
    upgrade_schema(engine)
    with session_scope(engine) as session:
        assert plan_overview(session=session).empty
        assert list(deadline_kind_counts(session=session).columns) == [
            "deadline_kind", "tasks", "completed",
        ]  # fmt: skip


# --- deadline_kind_counts ---


def test_deadline_kinds_are_counted_most_common_first(engine: Engine) -> None:
    with session_scope(engine) as session:
        frame = deadline_kind_counts(session=session)
    assert [tuple(row) for row in frame.itertuples(index=False)] == [
        ("date", 2, 1),
        ("quarter", 1, 0),
        ("recurring", 1, 0),
    ]


# --- has_illustrative_data ---


def test_illustrative_flag_follows_batches_in_force(engine: Engine) -> None:
    with session_scope(engine) as session:
        assert not has_illustrative_data(session=session)
    _report_done(engine, is_illustrative=True)
    with session_scope(engine) as session:
        assert has_illustrative_data(session=session)
    _undo_all(engine)
    with session_scope(engine) as session:
        assert not has_illustrative_data(session=session)
