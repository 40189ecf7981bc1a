"""A loaded plan as records (92A's first task, a KPI with actuals) imported into an
in-memory database that already knows the Sở KH&CN."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine, create_engine
from sqlalchemy.pool import StaticPool
from sqlmodel import Session, SQLModel, func, select

from data_access.agency_store import add_alias, get_or_create_agency
from data_access.db import session_scope
from data_access.imports.new_plan import content_hash_of, import_plan
from data_access.kinds import AgencyKind
from data_access.models import ImportBatch
from data_access.schema import upgrade_schema
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


def seeded_engine() -> Engine:
    """An in-memory database knowing the Sở KH&CN, also spelled "Sở KH&CN"."""
    engine = create_engine("sqlite://", poolclass=StaticPool)
    upgrade_schema(engine)
    with session_scope(engine) as session:
        agency = get_or_create_agency(
            session=session, name="Sở Khoa học và Công nghệ", kind=AgencyKind.DEPARTMENT
        )
        add_alias(session=session, agency=agency, alias="Sở KH&CN")
    return engine


def first_task() -> TaskRecord:
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
        reference_document="TB02",
        source_row=8,
    )


def plan_result() -> LoadResult:
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
    return LoadResult(file_name="ke_hoach_92A.xlsx", tasks=[first_task(), second], kpis=[kpi])


def import_result(engine: Engine, result: LoadResult | None = None) -> ImportBatch:
    with session_scope(engine) as session:
        return import_plan(
            session=session,
            result=result or plan_result(),
            plan_code=PLAN_CODE,
            title="Kế hoạch 92A",
            issuing_body="UBND tỉnh",
            issued_on=date(2025, 11, 1),
            file_name="ke_hoach_92A.xlsx",
            content_hash=content_hash_of(b"plan"),
        )


def count_rows(engine: Engine) -> dict[str, int]:
    with Session(engine) as session:
        return {
            table.name: session.exec(select(func.count()).select_from(table)).one()
            for table in SQLModel.metadata.sorted_tables
        }


def plan_error(message: str = "Thiếu cột Tên nhiệm vụ.") -> Problem:
    return Problem(ProblemLevel.ERROR, ProblemCode.MISSING_COLUMN, message)
