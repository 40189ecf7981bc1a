"""Write a new plan (a plan code not stored yet) as one ImportBatch; batch.py calls it.

The batch counts the file's task rows (``task_count``) and KPI rows
(``kpi_count``), and what it added as progress (``progress_count``: progress
updates plus KPI actuals).

``import_plan`` checks everything first and raises ``ImportRefused`` before
writing anything; the caller's ``session_scope`` then commits the whole import
at once or rolls all of it back.

A plan that itself says a task is done (``TaskRecord.completed``, from notes
such as "Đã hoàn thành") is stored as ``Task.completed_in_source``, not as an
invented ProgressUpdate: the plan gives no completion date or evidence, and the
progress history keeps only what was actually reported. The status engine reads
both.
"""

from __future__ import annotations

import hashlib
from datetime import date

from sqlmodel import Session, select

from data_access import models
from data_access.clock import vietnam_today
from data_access.imports.change_log import insert_rows
from data_access.imports.rows import (
    add_kpi,
    add_tasks,
    flushed_id,
    period_end,
    progress_values,
    reports_progress,
)
from data_access.kinds import ImportKind
from data_access.models import ImportBatch
from errors import UserFacingError
from loaders.records import KpiRecord, LoadResult, ProblemLevel, TaskRecord

MISSING_ISSUE_DATE = (
    "Tệp {file} có nhiệm vụ được kế hoạch ghi là đã hoàn thành nhưng chưa có ngày ban hành kế "
    "hoạch (dd/mm/yyyy), ngày các nhiệm vụ đó được tính là hoàn thành; hãy nhập ngày ban hành "
    "rồi nạp lại."
)


class ImportRefused(UserFacingError):
    """The file was not imported and nothing was written; the message is Vietnamese."""


def has_done_marks(result: LoadResult) -> bool:
    """Whether the plan itself says some of its tasks are done ("Đã hoàn thành")."""
    return any(task.completed for task in result.tasks)


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
    imported_by: str = "",
    today: date | None = None,
) -> ImportBatch:
    """Add a new plan with its sections, tasks, agencies, milestones, KPIs and actuals."""
    check_plan(session=session, result=result, plan_code=plan_code, issued_on=issued_on)
    plan = models.Plan(
        code=plan_code,
        title=title or result.title,
        issuing_body=issuing_body,
        issued_on=issued_on,
        source_file=file_name,
    )
    session.add(plan)
    session.flush()
    batch = _new_batch(result, file_name, content_hash, imported_by)
    batch.plan_id = plan.id
    session.add(batch)
    session.flush()
    plan_id = flushed_id(plan)
    _add_tasks(session, plan_id, result.tasks, batch, issued_on or today or vietnam_today())
    for kpi_record in result.kpis:
        batch.progress_count += add_kpi(
            session=session, plan_id=plan_id, record=kpi_record, batch=batch
        )
    batch.task_count, batch.kpi_count = len(result.tasks), len(result.kpis)
    session.flush()
    return batch


def check_plan(
    *, session: Session, result: LoadResult, plan_code: str, issued_on: date | None = None
) -> None:
    """Raise ImportRefused when ``result`` cannot become plan ``plan_code``.

    A plan that marks tasks done needs ``issued_on``: they are done from that day.
    """
    _refuse_if_errors(result)
    if issued_on is None and has_done_marks(result):
        raise ImportRefused(MISSING_ISSUE_DATE.format(file=result.file_name))
    if not plan_code.strip():
        raise ImportRefused("Chưa có mã kế hoạch; hãy nhập mã trước khi nạp.")
    if not result.tasks and not result.kpis:
        raise ImportRefused(f"Tệp {result.file_name} không có nhiệm vụ hay chỉ tiêu nào để nạp.")
    if session.exec(select(models.Plan).where(models.Plan.code == plan_code)).first():
        raise ImportRefused(f"Kế hoạch mã {plan_code} đã có trong cơ sở dữ liệu.")
    _refuse_duplicates([(t.section, t.number) for t in result.tasks], "Nhiệm vụ")
    _refuse_duplicates([("", k.number) for k in result.kpis], "Chỉ tiêu")
    _check_periods(result.kpis)


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
    result: LoadResult, file_name: str, content_hash: str, imported_by: str
) -> ImportBatch:
    return ImportBatch(
        file_name=file_name,
        content_hash=content_hash,
        kind=ImportKind.PLAN,
        imported_by=imported_by,
        problem_count=len(result.problems),
    )


def _add_tasks(
    session: Session, plan_id: int, tasks: list[TaskRecord], batch: ImportBatch, report_day: date
) -> None:
    """Add a new plan's sections and tasks, and the progress its rows already report."""
    sections = _add_sections(session, plan_id, tasks)
    ids = add_tasks(
        session=session,
        plan_id=plan_id,
        tasks=[(sections.get(record.section), record) for record in tasks],
        first_position=1,
    )
    reports = [
        progress_values(record=record, task_id=task_id, batch=batch, default_day=report_day)
        for task_id, record in zip(ids, tasks, strict=True)
        if reports_progress(record)
    ]
    insert_rows(session, models.ProgressUpdate, reports)
    batch.progress_count += len(reports)


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
    return {code: flushed_id(section) for code, section in sections.items()}
