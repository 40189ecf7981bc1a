"""Turn loaded records into database rows: tasks, agency links, KPIs, actuals, reports.

Shared by ``new_plan`` (a whole new plan) and ``batch`` (the
confirmed rows of a change set). Tasks, their milestones and agency links go in
with one INSERT per table (``bulk.insert_rows``); KPIs through the session, which
is flushed where an id is needed. Committing is the caller's ``session_scope``'s job.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlmodel import Session, SQLModel

from data_access import models
from data_access.agency_store import agency_in_plan
from data_access.imports.change_log import insert_rows
from data_access.kinds import AgencyRole
from data_access.models import ImportBatch
from loaders.records import KpiRecord, TaskRecord

COMPLETED_STATUS = "Đã hoàn thành"

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


def flushed_id(row: SQLModel) -> int:
    """The primary key of a flushed row."""
    value = getattr(row, "id", None)
    if value is None:
        raise RuntimeError("row has no id; flush the session first")
    return int(value)


def task_values(
    *, plan_id: int, section_id: int | None, record: TaskRecord, position: int
) -> dict[str, Any]:
    """The Task row of ``record``: every column but the id."""
    return {
        "plan_id": plan_id,
        "section_id": section_id,
        "section_code": record.section,
        "number": record.number,
        "position": position,
        "name": record.name,
        "deadline_text": record.deadline_text,
        "due_date": record.due_date,
        "deadline_kind": record.deadline_kind,
        "deadline_indicative": record.deadline_indicative,
        "reporting_cadence": record.reporting_cadence,
        "expected_output": record.expected_output,
        "basis": record.basis,
        "notes": record.notes,
        "leader": record.leader,
        "report_to_central": record.report_to_central,
        "evaluation": record.evaluation,
        "description": record.description,
        "adjustment": record.adjustment,
        "reference_number": record.reference_number,
        "reference_document": record.reference_document,
        "completed_in_source": record.completed,
        "source_row": record.source_row,
    }


def add_tasks(
    *,
    session: Session,
    plan_id: int,
    tasks: Sequence[tuple[int | None, TaskRecord]],
    first_position: int,
) -> list[int]:
    """Add (section id, record) tasks with their milestones and lead and coordinating
    agencies, numbered on from ``first_position``; returns the tasks' ids in order."""
    rows = [
        task_values(plan_id=plan_id, section_id=section, record=record, position=position)
        for position, (section, record) in enumerate(tasks, start=first_position)
    ]
    ids = insert_rows(session, models.Task, rows)
    milestones = [
        {"task_id": task_id, "due_date": m.due_date, "label": m.label, "position": index}
        for task_id, (_, record) in zip(ids, tasks, strict=True)
        for index, m in enumerate(record.milestones)
    ]
    insert_rows(session, models.TaskMilestone, milestones)
    plan = session.get(models.Plan, plan_id)
    assert plan is not None  # tasks are added to a stored plan
    links = [
        link
        for task_id, (_, record) in zip(ids, tasks, strict=True)
        for role, names in (
            (AgencyRole.LEAD, record.lead_agencies),
            (AgencyRole.COORDINATING, record.coordinating_agencies),
        )
        for link in agency_links(
            session=session, plan=plan, task_id=task_id, role=role, names=names
        )
    ]
    insert_rows(session, models.TaskAgency, links)
    return ids


def add_task(
    *, session: Session, plan_id: int, section_id: int | None, record: TaskRecord, position: int
) -> int:
    """Add one task with its milestones and agencies; returns its id."""
    tasks = [(section_id, record)]
    return add_tasks(session=session, plan_id=plan_id, tasks=tasks, first_position=position)[0]


AGENCY_IDS = "agency_ids_by_plan_and_name"  # session.info key of agency_links' lookups


def link_agencies(
    *, session: Session, task: models.Task, role: AgencyRole, names: list[str]
) -> None:
    """Link each named agency to a stored ``task`` once per role (see ``agency_links``)."""
    plan = session.get(models.Plan, task.plan_id)
    assert plan is not None  # tasks are added to a stored plan
    links = agency_links(
        session=session, plan=plan, task_id=flushed_id(task), role=role, names=names
    )
    insert_rows(session, models.TaskAgency, links)


def agency_links(
    *, session: Session, plan: models.Plan, task_id: int, role: AgencyRole, names: list[str]
) -> list[dict[str, Any]]:
    """TaskAgency rows linking each named agency once in ``role``, as ``agency_in_plan``
    reads it in ``plan``.

    Unknown names become agencies of kind "other"; internal units, units of the
    plan's issuing body. An "A (B)" cell's A and B are both linked in its role.
    """
    # A plan names the same few agencies on every row: each name is looked up once per
    # write transaction (the session's), not about three times a task. Writing a new
    # 2,000-task plan took 7.2 s with a lookup per name, 5.0 s with this (measured).
    known: dict[tuple[int, str], int] = session.info.setdefault(AGENCY_IDS, {})
    links: list[dict[str, Any]] = []
    linked: set[int] = set()
    for name in names:
        key = (flushed_id(plan), name)
        if key not in known:
            known[key] = flushed_id(agency_in_plan(session=session, name=name, plan=plan))
        agency_id = known[key]
        if agency_id in linked:
            continue
        linked.add(agency_id)
        links.append(
            {"task_id": task_id, "agency_id": agency_id, "role": role, "position": len(links)}
        )
    return links


def add_kpi(*, session: Session, plan_id: int, record: KpiRecord, batch: ImportBatch) -> int:
    """Add one KPI with its actuals; returns the number of actuals added."""
    owner = record.owner.strip()
    plan = session.get(models.Plan, plan_id)
    assert plan is not None  # KPIs are added to a stored plan
    owner_agency = agency_in_plan(session=session, name=owner, plan=plan) if owner else None
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
    return add_actuals(session=session, kpi_id=flushed_id(kpi), record=record, batch=batch)


def add_actuals(*, session: Session, kpi_id: int, record: KpiRecord, batch: ImportBatch) -> int:
    """Add every actual of ``record`` to KPI ``kpi_id``; returns how many were added."""
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


def reports_progress(record: TaskRecord) -> bool:
    """Whether a row reports progress: a status, completion date or evidence.

    A progress workbook's "Đã hoàn thành" note also counts (see
    ``batch.commit_changes``); in a plan it only sets ``completed_in_source``.
    """
    return bool(record.status or record.completion_date or record.evidence)


def new_progress_update(
    *, record: TaskRecord, task_id: int, batch: ImportBatch, default_day: date
) -> models.ProgressUpdate:
    """The report a row makes on task ``task_id``, dated ``default_day`` unless it says when."""
    return models.ProgressUpdate(
        **progress_values(record=record, task_id=task_id, batch=batch, default_day=default_day)
    )


def progress_values(
    *, record: TaskRecord, task_id: int, batch: ImportBatch, default_day: date
) -> dict[str, Any]:
    """``new_progress_update``'s row as column values, for ``bulk.insert_rows``."""
    return {
        "task_id": task_id,
        "reported_on": record.reported_on or default_day,
        "status": record.status or (COMPLETED_STATUS if record.completed else ""),
        "completion_date": record.completion_date,
        "evidence": record.evidence,
        "description": record.description,
        "evaluation": record.evaluation,
        "source": batch.file_name,
        "import_batch_id": batch.id,
        "is_illustrative": batch.is_illustrative,
    }
