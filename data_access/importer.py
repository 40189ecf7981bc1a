"""Write a loaded file into the database as one ImportBatch.

The batch counts the file's task rows (``task_count``) and KPI rows
(``kpi_count``), and what it added as progress (``progress_count``: progress
updates plus KPI actuals).

Each function checks everything first and raises ``ImportRefused`` before
writing anything; the caller's ``session_scope`` then commits the whole import
at once or rolls all of it back.

A plan that itself says a task is done (``TaskRecord.completed``, from notes
such as "Đã hoàn thành") is stored as ``Task.completed_in_source``, not as an
invented ProgressUpdate: the plan gives no completion date or evidence, and the
progress history keeps only what was actually reported. The status engine reads
both.
"""

from __future__ import annotations

import calendar
import hashlib
import re
from datetime import date

from sqlmodel import Session, SQLModel, select

from data_access import models
from data_access.agency_store import get_or_create_agency
from data_access.models import AgencyKind, AgencyRole, ImportBatch, ImportKind
from data_access.progress_match import ProgressMatch, match_progress
from loaders.records import KpiRecord, LoadResult, ProblemLevel, TaskRecord

COMPLETED_STATUS = "Đã hoàn thành"


class ImportRefused(Exception):
    """The file was not imported and nothing was written; the message is Vietnamese."""


def content_hash_of(data: bytes) -> str:
    """The SHA-256 of a file's bytes, to recognise a file uploaded twice."""
    return hashlib.sha256(data).hexdigest()


def import_plan(
    *,
    session: Session,
    result: LoadResult,
    plan_code: str,
    title: str,
    issuing_body: str = "",
    issued_on: date | None = None,
    file_name: str,
    content_hash: str,
    kind: ImportKind = ImportKind.PLAN,
    imported_by: str = "",
    today: date | None = None,
) -> ImportBatch:
    """Add a new plan with its sections, tasks, agencies, milestones, KPIs and actuals."""
    check_plan(session=session, result=result, plan_code=plan_code)
    plan = models.Plan(
        code=plan_code,
        title=title or result.title,
        issuing_body=issuing_body,
        issued_on=issued_on,
        source_file=file_name,
    )
    session.add(plan)
    session.flush()
    batch = _new_batch(result, file_name, content_hash, kind, imported_by, is_illustrative=False)
    batch.plan_id = plan.id
    session.add(batch)
    session.flush()
    report_day = issued_on or today or date.today()
    sections = _add_sections(session, _id(plan), result.tasks)
    for position, record in enumerate(result.tasks, start=1):
        task = _add_task(session, _id(plan), sections.get(record.section), record, position)
        if _carries_progress(record):
            session.add(_progress_update(record, _id(task), batch, report_day))
            batch.progress_count += 1
    for kpi_record in result.kpis:
        batch.progress_count += _add_kpi(session, _id(plan), kpi_record, batch)
    batch.task_count, batch.kpi_count = len(result.tasks), len(result.kpis)
    session.flush()
    return batch


def import_progress(
    *,
    session: Session,
    result: LoadResult,
    file_name: str,
    content_hash: str,
    is_illustrative: bool,
    imported_by: str = "",
    today: date | None = None,
) -> ImportBatch:
    """Add progress updates and KPI actuals to existing tasks and KPIs; never overwrite."""
    match = check_progress(session=session, result=result)
    kind = ImportKind.PROGRESS if result.tasks else ImportKind.KPI_ACTUALS
    batch = _new_batch(result, file_name, content_hash, kind, imported_by, is_illustrative)
    batch.plan_id = match.single_plan_id()
    session.add(batch)
    session.flush()
    report_day = today or date.today()
    for record, task in match.tasks:
        if record.completed or _carries_progress(record):
            session.add(_progress_update(record, _id(task), batch, report_day))
            batch.progress_count += 1
    for kpi_record, kpi in match.kpis:
        batch.progress_count += _add_actuals(session, _id(kpi), kpi_record, batch)
    batch.task_count, batch.kpi_count = len(match.tasks), len(match.kpis)
    session.flush()
    return batch


_PERIOD = re.compile(r"(\d{4})(?:-(H[12]|Q[1-4]|\d{2}))?")


def period_end(period: str) -> date | None:
    """The last day of a canonical period ("2026", "2026-H1", "2026-Q3", "2026-06")."""
    found = _PERIOD.fullmatch(period.strip())
    if found is None:
        return None
    year, part = int(found[1]), found[2] or "12"
    month = {"H": 6, "Q": 3}.get(part[0], 1) * int(part.lstrip("HQ"))
    if not 1 <= month <= 12:
        return None
    return date(year, month, calendar.monthrange(year, month)[1])


def check_plan(*, session: Session, result: LoadResult, plan_code: str) -> None:
    """Raise ImportRefused when ``result`` cannot become plan ``plan_code``."""
    _refuse_if_errors(result)
    if not plan_code.strip():
        raise ImportRefused("Chưa có mã kế hoạch; hãy nhập mã trước khi nạp.")
    if not result.tasks and not result.kpis:
        raise ImportRefused(f"Tệp {result.file_name} không có nhiệm vụ hay chỉ tiêu nào để nạp.")
    if session.exec(select(models.Plan).where(models.Plan.code == plan_code)).first():
        raise ImportRefused(f"Kế hoạch mã {plan_code} đã có trong cơ sở dữ liệu.")
    _refuse_duplicates([(t.section, t.number) for t in result.tasks], "Nhiệm vụ")
    _refuse_duplicates([("", k.number) for k in result.kpis], "Chỉ tiêu")
    _check_periods(result.kpis)


def check_progress(*, session: Session, result: LoadResult) -> ProgressMatch:
    """Pair every row with its task or KPI, or raise ImportRefused naming the rows that fail."""
    _refuse_if_errors(result)
    _check_periods(result.kpis)
    match = match_progress(session=session, result=result)
    if match.unmatched:
        rows = ", ".join(match.unmatched[:5]) + ("…" if len(match.unmatched) > 5 else "")
        raise ImportRefused(
            f"Không tìm thấy nhiệm vụ hoặc chỉ tiêu tương ứng cho {rows}; chưa nạp dữ liệu nào."
        )
    return match


def _refuse_if_errors(result: LoadResult) -> None:
    errors = sum(1 for p in result.problems if p.level is ProblemLevel.ERROR)
    if errors:
        raise ImportRefused(
            f"Tệp {result.file_name} còn {errors} lỗi cần sửa; chưa nạp dữ liệu nào."
        )


def _refuse_duplicates(keys: list[tuple[str, str]], what: str) -> None:
    seen: set[tuple[str, str]] = set()
    for section, number in keys:
        if (section, number) in seen:
            where = f" trong mục {section}" if section else ""
            raise ImportRefused(f"{what} số {number}{where} bị trùng; chưa nạp dữ liệu nào.")
        seen.add((section, number))


def _check_periods(kpis: list[KpiRecord]) -> None:
    for kpi in kpis:
        for actual in kpi.actuals:
            if period_end(actual.period) is None:
                raise ImportRefused(
                    f"Kỳ báo cáo “{actual.period}” của chỉ tiêu số {kpi.number} không hợp lệ."
                )


def _new_batch(
    result: LoadResult,
    file_name: str,
    content_hash: str,
    kind: ImportKind,
    imported_by: str,
    is_illustrative: bool,
) -> ImportBatch:
    return ImportBatch(
        file_name=file_name,
        content_hash=content_hash,
        kind=str(kind),
        imported_by=imported_by,
        problem_count=len(result.problems),
        is_illustrative=is_illustrative,
    )


def _add_sections(session: Session, plan_id: int, tasks: list[TaskRecord]) -> dict[str, int]:
    """One Section per section code, in order of first appearance; returns code -> id."""
    sections: dict[str, models.Section] = {}
    for record in tasks:
        if not record.section:
            continue
        section = sections.get(record.section)
        if section is None:
            section = models.Section(plan_id=plan_id, code=record.section, position=len(sections))
            sections[record.section] = section
            session.add(section)
        if not section.title and record.section_title:
            section.title = record.section_title
    session.flush()
    return {code: _id(section) for code, section in sections.items()}


def _add_task(
    session: Session, plan_id: int, section_id: int | None, record: TaskRecord, position: int
) -> models.Task:
    task = models.Task(
        plan_id=plan_id,
        section_id=section_id,
        section_code=record.section,
        number=record.number,
        position=position,
        name=record.name,
        deadline_text=record.deadline_text,
        due_date=record.due_date,
        deadline_kind=str(record.deadline_kind),
        deadline_indicative=record.deadline_indicative,
        reporting_cadence=record.reporting_cadence,
        expected_output=record.expected_output,
        basis=record.basis,
        notes=record.notes,
        leader=record.leader,
        report_to_central=record.report_to_central,
        evaluation=record.evaluation,
        description=record.description,
        adjustment=record.adjustment,
        reference_number=record.reference_number,
        completed_in_source=record.completed,
        source_row=record.source_row,
    )
    session.add(task)
    session.flush()
    for index, milestone in enumerate(record.milestones):
        session.add(
            models.TaskMilestone(
                task_id=_id(task),
                due_date=milestone.due_date,
                label=milestone.label,
                position=index,
            )
        )
    _link_agencies(session, _id(task), AgencyRole.LEAD, record.lead_agencies)
    _link_agencies(session, _id(task), AgencyRole.COORDINATING, record.coordinating_agencies)
    return task


def _link_agencies(session: Session, task_id: int, role: AgencyRole, names: list[str]) -> None:
    """Link each named agency once per role, creating unknown ones as kind "other"."""
    linked: set[int] = set()
    for name in names:
        agency = get_or_create_agency(session=session, name=name, kind=AgencyKind.OTHER)
        agency_id = _id(agency)
        if agency_id in linked:
            continue
        linked.add(agency_id)
        session.add(
            models.TaskAgency(
                task_id=task_id, agency_id=agency_id, role=str(role), position=len(linked) - 1
            )
        )


def _add_kpi(session: Session, plan_id: int, record: KpiRecord, batch: ImportBatch) -> int:
    """Add one KPI with its actuals; returns the number of actuals added."""
    owner = record.owner.strip()
    owner_agency = (
        get_or_create_agency(session=session, name=owner, kind=AgencyKind.OTHER) if owner else None
    )
    kpi = models.Kpi(
        plan_id=plan_id,
        number=record.number,
        name=record.name,
        target_text=record.target_text,
        target_operator=record.target_operator,
        target_value=record.target_value,
        unit=record.unit,
        year=record.year,
        owner_agency_id=owner_agency.id if owner_agency else None,
        owner_text=record.owner,
        notes=record.notes,
    )
    session.add(kpi)
    session.flush()
    return _add_actuals(session, _id(kpi), record, batch)


def _add_actuals(session: Session, kpi_id: int, record: KpiRecord, batch: ImportBatch) -> int:
    for actual in record.actuals:
        end = period_end(actual.period)
        assert end is not None  # checked before writing
        session.add(
            models.KpiActual(
                kpi_id=kpi_id,
                period=actual.period,
                period_end=end,
                value=actual.value,
                import_batch_id=batch.id,
                is_illustrative=batch.is_illustrative,
            )
        )
    return len(record.actuals)


def _carries_progress(record: TaskRecord) -> bool:
    """Whether a row reports progress: a status, completion date or evidence.

    A progress workbook's "Đã hoàn thành" note also counts (see import_progress); in
    a plan it only sets ``completed_in_source``.
    """
    return bool(record.status or record.completion_date or record.evidence)


def _progress_update(
    record: TaskRecord, task_id: int, batch: ImportBatch, default_day: date
) -> models.ProgressUpdate:
    status = record.status or (COMPLETED_STATUS if record.completed else "")
    return models.ProgressUpdate(
        task_id=task_id,
        reported_on=record.reported_on or default_day,
        status=status,
        completion_date=record.completion_date,
        evidence=record.evidence,
        description=record.description,
        evaluation=record.evaluation,
        source=batch.file_name,
        import_batch_id=batch.id,
        is_illustrative=batch.is_illustrative,
    )


def _id(row: SQLModel) -> int:
    """The primary key of a flushed row."""
    value = getattr(row, "id", None)
    if value is None:
        raise RuntimeError("row has no id; flush the session first")
    return int(value)
