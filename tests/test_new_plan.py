"""Importing loaded plans and progress workbooks into the database."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import Engine, create_engine
from sqlalchemy.pool import StaticPool
from sqlmodel import Session, SQLModel, func, select

from data_access.agency_store import add_alias, get_or_create_agency
from data_access.db import create_schema, session_scope
from data_access.imports.new_plan import (
    ImportRefused,
    content_hash_of,
    import_plan,
)
from data_access.models import (
    Agency,
    AgencyKind,
    ImportBatch,
    Kpi,
    KpiActual,
    ProgressUpdate,
    Section,
    Task,
    TaskAgency,
    TaskMilestone,
)
from loaders.records import (
    DeadlineKind,
    KpiRecord,
    LoadResult,
    Milestone,
    Problem,
    ProblemCode,
    ProblemLevel,
    TaskRecord,
)
from loaders.records import KpiActual as KpiActualRecord

PLAN_CODE = "92A/KH-UBND"
KPI_NAME = "Tỉ lệ TTHC cung cấp DVCTT toàn trình"


@pytest.fixture
def engine() -> Iterator[Engine]:
    engine = create_engine("sqlite://", poolclass=StaticPool)
    create_schema(engine)
    with session_scope(engine) as session:
        agency = get_or_create_agency(
            session=session, name="Sở Khoa học và Công nghệ", kind=AgencyKind.DEPARTMENT
        )
        add_alias(session=session, agency=agency, alias="Sở KH&CN")
    yield engine
    engine.dispose()


def _first_task() -> TaskRecord:
    return TaskRecord(
        number="1",
        name="Xây dựng Trung tâm giám sát an ninh mạng tập trung",
        section="I",
        section_title="Công tác chỉ đạo, điều hành",
        lead_agencies=["Công an tỉnh"],
        coordinating_agencies=["Sở Khoa học và Công nghệ", "Các sở, ban, ngành, địa phương"],
        deadline_text="31/5/2026 (Triển khai giám sát) Tháng 10/2027 (Xây dựng Trung tâm)",
        due_date=date(2027, 10, 31),
        deadline_kind=DeadlineKind.MILESTONES,
        milestones=[
            Milestone(date(2026, 5, 31), "Triển khai giám sát"),
            Milestone(date(2027, 10, 31), "Xây dựng Trung tâm"),
        ],
        expected_output="Trung tâm giám sát đi vào hoạt động",
        basis="Kế hoạch số 04-KH/BCĐTW, ngày 05/01/2026",
        notes="Nhiệm vụ trọng tâm",
        leader="Phó Giám đốc Nguyễn Văn A",
        report_to_central=True,
        evaluation="Đúng tiến độ",
        description="Đã khảo sát địa điểm",
        adjustment="Nhiệm vụ số 03 Phụ lục II cập nhật lại tên",
        reference_number="15",
        source_row=8,
    )


def _plan_result() -> LoadResult:
    second = TaskRecord(
        number="2",
        name="Tập huấn kỹ năng số cho cán bộ",
        section="II",
        section_title="Về hoàn thiện thể chế",
        lead_agencies=["Sở KH&CN", "Sở Khoa học và Công nghệ", "Phòng Mới Thành Lập"],
        deadline_text="Nhiệm vụ thường xuyên; định kỳ hằng tháng báo cáo kết quả",
        deadline_kind=DeadlineKind.RECURRING,
        reporting_cadence="hằng tháng",
        notes="Đã hoàn thành",
        completed=True,
        source_row=9,
    )
    kpi = KpiRecord(
        number="1",
        name=KPI_NAME,
        target_text=">80%",
        target_operator=">",
        target_value=80.0,
        unit="%",
        year=2026,
        owner="Sở KH&CN",
        notes="Chỉ tiêu bổ sung",
        actuals=[KpiActualRecord("2026-H1", 75.5, "6 tháng đầu năm 2026")],
        source_row=4,
    )
    return LoadResult(file_name="ke_hoach_92A.xlsx", tasks=[_first_task(), second], kpis=[kpi])


def _import(engine: Engine, result: LoadResult | None = None) -> ImportBatch:
    with session_scope(engine) as session:
        return import_plan(
            session=session,
            result=result or _plan_result(),
            plan_code=PLAN_CODE,
            title="Kế hoạch 92A",
            issuing_body="UBND tỉnh",
            issued_on=date(2025, 11, 1),
            file_name="ke_hoach_92A.xlsx",
            content_hash=content_hash_of(b"plan"),
        )


def _table_counts(engine: Engine) -> dict[str, int]:
    with Session(engine) as session:
        return {
            table.name: session.exec(select(func.count()).select_from(table)).one()
            for table in SQLModel.metadata.sorted_tables
        }


def _error(message: str = "Thiếu cột Tên nhiệm vụ.") -> Problem:
    return Problem(ProblemLevel.ERROR, ProblemCode.MISSING_COLUMN, message)


# --- content_hash_of ---


def test_content_hash_is_the_sha256_hex_digest() -> None:
    assert content_hash_of(b"abc") == (
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    )


# --- import_plan: every field lands ---


def test_plan_batch_records_the_file_and_counts(engine: Engine) -> None:
    batch = _import(engine)
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
    _import(engine)
    record = _first_task()
    with Session(engine) as session:
        task = session.exec(select(Task).where(Task.number == "1")).one()
        section = session.get(Section, task.section_id)
    assert section is not None
    assert (section.code, section.title, section.position) == ("I", record.section_title, 0)
    for name in (
        "number", "name", "deadline_text", "due_date", "deadline_indicative",
        "reporting_cadence", "expected_output", "basis", "notes", "leader",
        "report_to_central", "evaluation", "description", "adjustment",
        "reference_number", "source_row",
    ):  # fmt: skip
        assert getattr(task, name) == getattr(record, name), name
    assert task.section_code == "I"
    assert task.deadline_kind == "milestones"
    assert task.position == 1
    assert not task.completed_in_source


def test_milestones_are_stored_in_order(engine: Engine) -> None:
    _import(engine)
    with Session(engine) as session:
        rows = session.exec(select(TaskMilestone).order_by(TaskMilestone.position)).all()
    assert [(m.due_date, m.label, m.position) for m in rows] == [
        (date(2026, 5, 31), "Triển khai giám sát", 0),
        (date(2027, 10, 31), "Xây dựng Trung tâm", 1),
    ]


def test_agency_links_carry_roles_and_spellings_resolve_to_one_agency(engine: Engine) -> None:
    _import(engine)
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
    _import(engine)
    with Session(engine) as session:
        task = session.exec(select(Task).where(Task.number == "2")).one()
        updates = session.exec(select(ProgressUpdate)).all()
    assert task.completed_in_source
    assert updates == []


def test_kpi_with_owner_and_actuals_is_stored(engine: Engine) -> None:
    batch = _import(engine)
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
    result = _plan_result()
    result.tasks[0].status = "Đang thực hiện"
    result.tasks[0].evidence = "Công văn 123"
    batch = _import(engine, result)
    with Session(engine) as session:
        update = session.exec(select(ProgressUpdate)).one()
    assert (update.status, update.evidence, update.reported_on) == (
        "Đang thực hiện",
        "Công văn 123",
        date(2025, 11, 1),
    )
    assert (update.source, update.import_batch_id) == ("ke_hoach_92A.xlsx", batch.id)
    assert batch.progress_count == 2  # the update and the plan's KPI actual


# --- import_plan: refusals write nothing ---


def _with_duplicate_task() -> LoadResult:
    result = _plan_result()
    result.tasks.append(_first_task())
    return result


def _with_bad_period() -> LoadResult:
    result = _plan_result()
    result.kpis[0].actuals.append(KpiActualRecord("Quý 3", 1.0))
    return result


@pytest.mark.parametrize(
    ("result", "message_part"),
    [
        (LoadResult(file_name="x.xlsx", tasks=[_first_task()], problems=[_error()]), "1 lỗi"),
        (LoadResult(file_name="rỗng.xlsx"), "không có nhiệm vụ"),
        (_with_duplicate_task(), "Nhiệm vụ số 1 trong mục I bị trùng"),
        (_with_bad_period(), "Kỳ báo cáo “Quý 3”"),
    ],
)
def test_refused_plan_writes_nothing(engine: Engine, result: LoadResult, message_part: str) -> None:
    before = _table_counts(engine)
    with pytest.raises(ImportRefused, match=message_part):
        _import(engine, result)
    assert _table_counts(engine) == before


def test_a_plan_code_can_only_be_imported_once(engine: Engine) -> None:
    _import(engine)
    before = _table_counts(engine)
    with pytest.raises(ImportRefused, match="đã có"):
        _import(engine)
    assert _table_counts(engine) == before
