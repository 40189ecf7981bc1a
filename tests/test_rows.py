"""Records becoming rows: periods, agency links, progress reports."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import create_engine
from sqlalchemy.pool import StaticPool
from sqlmodel import Session, select

from data_access.imports.rows import (
    COMPLETED_STATUS,
    flushed_id,
    link_agencies,
    new_progress_update,
    period_end,
    reports_progress,
)
from data_access.kinds import AgencyRole
from data_access.models import ImportBatch, Plan, Task, TaskAgency
from data_access.schema import upgrade_schema
from loaders.records import TaskRecord

REPORT_DAY = date(2026, 6, 30)

# --- period_end ---


@pytest.mark.parametrize(
    ("period", "expected"),
    [
        ("2026", date(2026, 12, 31)),
        ("2026-H1", date(2026, 6, 30)),
        ("2026-H2", date(2026, 12, 31)),
        ("2026-Q1", date(2026, 3, 31)),
        ("2026-Q3", date(2026, 9, 30)),
        ("2024-02", date(2024, 2, 29)),
        ("2026-12", date(2026, 12, 31)),
        # not canonical: refused rather than guessed
        ("2026-13", None),
        ("2026-00", None),
        ("Q3/2026", None),
        ("", None),
    ],
)
def test_period_end(period: str, expected: date | None) -> None:
    assert period_end(period) == expected


# --- reports_progress: a plan's own columns are not a report ---


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        (TaskRecord(number="1", name="x"), False),
        (TaskRecord(number="1", name="x", evaluation="Tốt", description="Đang làm"), False),
        (TaskRecord(number="1", name="x", completed=True), False),  # completed_in_source instead
        (TaskRecord(number="1", name="x", status="Đang thực hiện"), True),
        (TaskRecord(number="1", name="x", completion_date=date(2026, 5, 1)), True),
        (TaskRecord(number="1", name="x", evidence="Văn bản số 1"), True),
    ],
)
def test_reports_progress(record: TaskRecord, expected: bool) -> None:
    assert reports_progress(record) is expected


# --- new_progress_update ---


@pytest.mark.parametrize(
    ("record", "status", "reported_on"),
    [
        (TaskRecord(number="1", name="x", status="Đang thực hiện"), "Đang thực hiện", REPORT_DAY),
        (TaskRecord(number="1", name="x", completed=True), COMPLETED_STATUS, REPORT_DAY),
        # the row's own report date wins
        (TaskRecord(number="1", name="x", reported_on=date(2026, 4, 1)), "", date(2026, 4, 1)),
    ],
)
def test_new_progress_update(record: TaskRecord, status: str, reported_on: date) -> None:
    batch = ImportBatch(
        id=7, file_name="tien_do.xlsx", content_hash="", kind="progress", is_illustrative=True
    )
    update = new_progress_update(record=record, task_id=3, batch=batch, default_day=REPORT_DAY)
    assert (update.task_id, update.status, update.reported_on) == (3, status, reported_on)
    assert (update.source, update.import_batch_id, update.is_illustrative) == (
        "tien_do.xlsx",
        7,
        True,
    )


# --- link_agencies ---


def test_link_agencies_links_each_agency_once_per_role_in_order() -> None:
    engine = create_engine("sqlite://", poolclass=StaticPool)
    upgrade_schema(engine)
    with Session(engine) as session:
        plan = Plan(code="92A/KH-UBND", title="Kế hoạch")
        session.add(plan)
        session.flush()
        task = Task(plan_id=flushed_id(plan), number="1", name="x", position=1)
        session.add(task)
        session.flush()
        names = ["Công an tỉnh", "Sở Tài chính", "Công an tỉnh"]
        link_agencies(session=session, task=task, role=AgencyRole.LEAD, names=names)
        session.flush()
        links = session.exec(select(TaskAgency).order_by(TaskAgency.position)).all()
        assert [(link.role, link.position) for link in links] == [("lead", 0), ("lead", 1)]
        assert links[0].agency_id != links[1].agency_id


def test_flushed_id_refuses_a_row_not_yet_flushed() -> None:
    with pytest.raises(RuntimeError, match="flush"):
        flushed_id(Plan(code="92A/KH-UBND", title="Kế hoạch"))
