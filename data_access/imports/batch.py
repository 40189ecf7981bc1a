"""Write a confirmed change set as one import batch, logging every row for undo.

Run inside ``session_scope``: the whole import is one transaction, so either all
of it is stored or, on any error, none of it. Reports and KPI results are only
ever added; plan fields are updated only for a plan file staff confirmed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from typing import Any

from sqlmodel import Session, select

from data_access.agency_store import agency_in_plan, seed_agencies
from data_access.clock import vietnam_today
from data_access.imports.change_log import insert_rows, tracking_changes
from data_access.imports.change_set import ChangeKind, ChangeSet, RowChange
from data_access.imports.new_plan import ImportRefused, import_plan
from data_access.imports.number_clash import number_clash
from data_access.imports.report_preview import new_actuals, stored_actuals
from data_access.imports.rows import (
    add_actuals,
    add_kpi,
    add_task,
    flushed_id,
    progress_values,
    reports_progress,
)
from data_access.imports.task_update import next_position, renumber, section_id, update_task
from data_access.kinds import ImportKind
from data_access.models import Agency, ImportBatch, Kpi, Plan, ProgressUpdate
from loaders.agencies import AgencyDirectory
from loaders.records import KpiRecord, LoadResult, TaskRecord
from loaders.text import fold

ILLUSTRATIVE_MARK = "so lieu minh hoa"
NOTHING_TO_WRITE = "Tệp không có thay đổi nào so với dữ liệu đang có; chưa nạp gì."


def commit_changes(
    *,
    session: Session,
    changes: ChangeSet,
    result: LoadResult,
    file_name: str,
    content_hash: str,
    confirmed: Iterable[int] = (),
    imported_by: str = "",
    plan_title: str = "",
    issuing_body: str = "",
    problem_count: int = 0,
    report_day: date | None = None,
    issued_on: date | None = None,
) -> ImportBatch:
    """Store what ``changes`` says; suggested matches only when their index is ``confirmed``.

    ``report_day`` dates the reports of rows that give no date of their own
    (default: today in Vietnam); ``issued_on`` and ``issuing_body`` ("" when the
    document does not state it) are a new plan's issue date and issuing body.
    """
    day = report_day or vietnam_today()
    rows = changes.to_write(confirmed)
    if not rows and not changes.new_plan:
        raise ImportRefused(NOTHING_TO_WRITE)
    clash = number_clash(session=session, changes=changes, confirmed=confirmed)
    if clash is not None:
        raise ImportRefused(clash)
    with tracking_changes(session) as log:
        if session.exec(select(Agency.id).limit(1)).first() is None:
            seed_agencies(session=session, directory=AgencyDirectory.load_default())
        if changes.new_plan:
            batch = import_plan(
                session=session,
                result=result,
                plan_code=changes.plan_code,
                title=plan_title,
                issuing_body=issuing_body,
                file_name=file_name,
                content_hash=content_hash,
                imported_by=imported_by,
                issued_on=issued_on,
                today=day,
            )
        else:
            batch = _new_batch(
                session, changes, file_name, content_hash, imported_by, is_illustrative(result)
            )
            _write_rows(session, changes, rows, batch, day)
        batch.problem_count = problem_count
        session.add(batch)
        session.flush()
    assert batch.id is not None
    log.write(session=session, batch_id=batch.id)
    return batch


def _new_batch(
    session: Session,
    changes: ChangeSet,
    file_name: str,
    content_hash: str,
    imported_by: str,
    is_illustrative: bool,
) -> ImportBatch:
    plan_id = session.exec(select(Plan.id).where(Plan.code == changes.plan_code)).first()
    batch = ImportBatch(
        file_name=file_name,
        content_hash=content_hash,
        kind=changes.kind,
        plan_id=plan_id,
        imported_by=imported_by,
        is_illustrative=is_illustrative,
    )
    session.add(batch)
    session.flush()
    return batch


def is_illustrative(result: LoadResult) -> bool:
    """The file says its figures are made up (the sample workbook's "SỐ LIỆU MINH HỌA")."""
    return ILLUSTRATIVE_MARK in fold(result.title)


def _write_rows(
    session: Session, changes: ChangeSet, rows: list[RowChange], batch: ImportBatch, today: date
) -> None:
    if changes.kind is ImportKind.PLAN:
        renumber(session, [row for row in rows if row.kind is ChangeKind.CHANGED and row.task])
    plan_id = batch.plan_id or 0
    if changes.kind is not ImportKind.PLAN:  # tasks reported on, each counted once
        batch.task_count = len({row.stored_id for row in rows if row.task is not None})
    reports: list[dict[str, Any]] = []  # the new ProgressUpdate rows, inserted at once
    for row in rows:
        if row.task is not None:
            _write_task(session, changes.kind, plan_id, row, row.task, batch, today, reports)
        elif row.kpi is not None:
            _write_kpi(session, changes.kind, plan_id, row, row.kpi, batch)
    insert_rows(session, ProgressUpdate, reports)
    batch.progress_count += len(reports)
    session.flush()


def _write_task(
    session: Session,
    kind: ImportKind,
    plan_id: int,
    row: RowChange,
    record: TaskRecord,
    batch: ImportBatch,
    today: date,
    reports: list[dict[str, Any]],
) -> None:
    """Write one task row; the report it makes, if any, is appended to ``reports``."""
    if kind is not ImportKind.PLAN:
        assert row.stored_id is not None
        day = row.report_on or today
        reports.append(
            progress_values(record=record, task_id=row.stored_id, batch=batch, default_day=day)
        )
        return
    if row.kind is ChangeKind.NEW:
        task_id = add_task(
            session=session,
            plan_id=plan_id,
            section_id=section_id(session, plan_id, record),
            record=record,
            position=next_position(session, plan_id),
        )
    else:
        task_id = flushed_id(update_task(session, plan_id, row, record))
    batch.task_count += 1
    if reports_progress(record):
        reports.append(
            progress_values(record=record, task_id=task_id, batch=batch, default_day=today)
        )


def _write_kpi(
    session: Session,
    kind: ImportKind,
    plan_id: int,
    row: RowChange,
    record: KpiRecord,
    batch: ImportBatch,
) -> None:
    batch.kpi_count += 1
    if row.kind is ChangeKind.NEW:
        batch.progress_count += add_kpi(
            session=session, plan_id=plan_id, record=record, batch=batch
        )
        return
    kpi = session.get(Kpi, row.stored_id)
    assert kpi is not None and kpi.id is not None
    if kind is ImportKind.PLAN:
        _update_kpi(session, kpi, record)
    periods = set(new_actuals(record, stored_actuals(session, [kpi.id])[kpi.id]))
    fresh = replace(record, actuals=[a for a in record.actuals if a.period in periods])
    batch.progress_count += add_actuals(session=session, kpi_id=kpi.id, record=fresh, batch=batch)


def _update_kpi(session: Session, kpi: Kpi, record: KpiRecord) -> None:
    kpi.name = record.name or kpi.name
    kpi.notes = record.notes or kpi.notes
    if record.owner and record.owner != kpi.owner_text:
        plan = session.get(Plan, kpi.plan_id)
        assert plan is not None
        owner = agency_in_plan(session=session, name=record.owner, plan=plan)
        kpi.owner_text, kpi.owner_agency_id = record.owner, owner.id
    if record.target_text and record.target_text != kpi.target_text:
        kpi.target_text, kpi.unit = record.target_text, record.unit
        kpi.target_operator, kpi.target_value = record.target_operator, record.target_value
    session.add(kpi)
