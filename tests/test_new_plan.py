"""Importing a loaded plan into the database: the batch, every field, milestones, agency
links, completion, KPIs and progress columns land."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import Engine
from sqlmodel import Session, select

from data_access.imports.new_plan import content_hash_of
from data_access.models import (
    Agency,
    ImportBatch,
    Kpi,
    KpiActual,
    ProgressUpdate,
    Section,
    Task,
    TaskAgency,
    TaskMilestone,
)
from tests.plan_records import KPI_NAME, first_task, import_result, plan_result, seeded_engine


@pytest.fixture
def engine() -> Iterator[Engine]:
    engine = seeded_engine()
    yield engine
    engine.dispose()


# --- content_hash_of ---


def test_content_hash_is_the_sha256_hex_digest() -> None:
    assert content_hash_of(b"abc") == (
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    )


# --- import_plan: every field lands ---


def test_plan_batch_records_the_file_and_counts(engine: Engine) -> None:
    batch = import_result(engine)
    with Session(engine) as session:
        stored = session.get(ImportBatch, batch.id)
        assert stored is not None
        assert (stored.kind, stored.file_name, stored.content_hash) == (
            "plan",
            "ke_hoach_92A.xlsx",
            content_hash_of(b"plan"),
        )
        assert (stored.task_count, stored.kpi_count, stored.progress_count) == (2, 1, 1)
        assert stored.plan_id is not None
        assert not stored.is_illustrative


def test_every_task_field_is_stored(engine: Engine) -> None:
    import_result(engine)
    record = first_task()
    with Session(engine) as session:
        task = session.exec(select(Task).where(Task.number == "1")).one()
        section = session.get(Section, task.section_id)
    assert section is not None
    assert (section.code, section.title, section.position) == ("I", record.section_title, 0)
    for name in (
        "number", "name", "deadline_text", "due_date", "deadline_indicative",
        "reporting_cadence", "expected_output", "basis", "notes", "leader",
        "report_to_central", "evaluation", "description", "adjustment",
        "reference_number", "reference_document", "source_row",
    ):  # fmt: skip
        assert getattr(task, name) == getattr(record, name), name
    assert task.section_code == "I"
    assert task.deadline_kind == "milestones"
    assert task.position == 1
    assert not task.completed_in_source


def test_milestones_are_stored_in_order(engine: Engine) -> None:
    import_result(engine)
    with Session(engine) as session:
        rows = session.exec(select(TaskMilestone).order_by(TaskMilestone.position)).all()
    assert [(m.due_date, m.label, m.position) for m in rows] == [
        (date(2026, 5, 31), "Triển khai giám sát", 0),
        (date(2027, 10, 31), "Xây dựng Trung tâm", 1),
    ]


def test_agency_links_carry_roles_and_spellings_resolve_to_one_agency(engine: Engine) -> None:
    import_result(engine)
    with Session(engine) as session:
        rows = session.exec(
            select(Task.number, Agency.name, Agency.kind, TaskAgency.role, TaskAgency.position)
            .join(TaskAgency, TaskAgency.task_id == Task.id)
            .join(Agency, Agency.id == TaskAgency.agency_id)
            .order_by(Task.number, TaskAgency.role, TaskAgency.position)
        ).all()
    assert [tuple(row) for row in rows] == [
        ("1", "Sở Khoa học và Công nghệ", "department", "coordinating", 0),
        ("1", "Các sở, ban, ngành, địa phương", "other", "coordinating", 1),
        ("1", "Công an tỉnh", "other", "lead", 0),
        # "Sở KH&CN" and the full name are one agency, linked once
        ("2", "Sở Khoa học và Công nghệ", "department", "lead", 0),
        ("2", "Phòng Mới Thành Lập", "other", "lead", 1),
    ]


def test_completion_stated_in_the_plan_is_kept_on_the_task(engine: Engine) -> None:
    import_result(engine)
    with Session(engine) as session:
        task = session.exec(select(Task).where(Task.number == "2")).one()
        updates = session.exec(select(ProgressUpdate)).all()
    assert task.completed_in_source
    assert updates == []


def test_kpi_with_owner_and_actuals_is_stored(engine: Engine) -> None:
    batch = import_result(engine)
    with Session(engine) as session:
        kpi = session.exec(select(Kpi)).one()
        owner = session.get(Agency, kpi.owner_agency_id)
        actual = session.exec(select(KpiActual)).one()
    assert (kpi.number, kpi.name, kpi.target_text) == ("1", KPI_NAME, ">80%")
    assert (kpi.target_operator, kpi.target_value, kpi.unit, kpi.year) == (">", 80.0, "%", 2026)
    assert (kpi.owner_text, kpi.notes) == ("Sở KH&CN", "Chỉ tiêu bổ sung")
    assert owner is not None and owner.name == "Sở Khoa học và Công nghệ"
    assert (actual.kpi_id, actual.period, actual.period_end, actual.value) == (
        kpi.id,
        "2026-H1",
        date(2026, 6, 30),
        75.5,
    )
    assert actual.import_batch_id == batch.id
    assert not actual.is_illustrative


def test_progress_columns_in_a_plan_become_an_update_on_the_plan_date(engine: Engine) -> None:
    result = plan_result()
    result.tasks[0].status = "Đang thực hiện"
    result.tasks[0].evidence = "Công văn 123"
    batch = import_result(engine, result)
    with Session(engine) as session:
        update = session.exec(select(ProgressUpdate)).one()
    assert (update.status, update.evidence, update.reported_on) == (
        "Đang thực hiện",
        "Công văn 123",
        date(2025, 11, 1),
    )
    assert (update.source, update.import_batch_id) == ("ke_hoach_92A.xlsx", batch.id)
    assert batch.progress_count == 2  # the update and the plan's KPI actual
