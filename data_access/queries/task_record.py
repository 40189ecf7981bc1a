"""Everything known about one task: its fields, agencies by role, milestones, report history,
the imports that touched it and its lineage."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from sqlalchemy import or_
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from data_access.kinds import AgencyRole
from data_access.models import (
    Agency,
    ImportBatch,
    Plan,
    ProgressUpdate,
    Section,
    Task,
    TaskAgency,
    TaskMilestone,
)
from data_access.queries.latest_reports import in_force
from data_access.queries.lineage import Lineage, task_lineage
from data_access.queries.tasks import read_frame
from loaders.records import Milestone

PROGRESS_COLUMNS = [
    "reported_on",
    "status",
    "completion_date",
    "evidence",
    "description",
    "evaluation",
    "source",
    "is_illustrative",
    "imported_by",
]
IMPORT_COLUMNS = ["batch_id", "imported_at", "file_name", "kind", "imported_by", "undone_at"]


@dataclass(frozen=True)
class TaskDetail:
    task: Task  # every stored field
    plan_code: str
    plan_title: str
    plan_issuer: str  # "" when the plan's document does not state it
    section_title: str
    lead_agencies: tuple[str, ...]
    coordinating_agencies: tuple[str, ...]
    milestones: tuple[Milestone, ...]
    progress: pd.DataFrame  # PROGRESS_COLUMNS, oldest first; undone imports left out
    imports: pd.DataFrame  # IMPORT_COLUMNS: its plan's imports and its reports', oldest first
    lineage: Lineage


def task_detail(*, session: Session, task_id: int) -> TaskDetail | None:
    """The full record of task ``task_id``, or None when there is no such task."""
    task = session.get(Task, task_id)
    if task is None:
        return None
    plan = session.get(Plan, task.plan_id)
    section = session.get(Section, task.section_id) if task.section_id is not None else None
    return TaskDetail(
        task=task,
        plan_code=plan.code if plan else "",
        plan_title=plan.title if plan else "",
        plan_issuer=plan.issuing_body if plan else "",
        section_title=section.title if section else "",
        lead_agencies=_agencies(session, task_id, AgencyRole.LEAD),
        coordinating_agencies=_agencies(session, task_id, AgencyRole.COORDINATING),
        milestones=_milestones(session, task_id),
        progress=_progress(session, task_id),
        imports=_imports(session, task),
        lineage=task_lineage(session=session, task=task),
    )


def _agencies(session: Session, task_id: int, role: AgencyRole) -> tuple[str, ...]:
    statement = (
        select(Agency.name)
        .join(TaskAgency, col(TaskAgency.agency_id) == col(Agency.id))
        .where(col(TaskAgency.task_id) == task_id, col(TaskAgency.role) == str(role))
        .order_by(col(TaskAgency.position))
    )
    return tuple(session.exec(statement).all())


def _milestones(session: Session, task_id: int) -> tuple[Milestone, ...]:
    statement = (
        select(TaskMilestone)
        .where(col(TaskMilestone.task_id) == task_id)
        .order_by(col(TaskMilestone.position))
    )
    return tuple(Milestone(m.due_date, m.label) for m in session.exec(statement).all())


def _progress(session: Session, task_id: int) -> pd.DataFrame:
    update = ProgressUpdate
    fields = [col(getattr(update, name)) for name in PROGRESS_COLUMNS[:-1]]
    statement = (
        sa_select(*fields, col(ImportBatch.imported_by))
        .outerjoin(ImportBatch, col(ImportBatch.id) == col(update.import_batch_id))
        .where(col(update.task_id) == task_id, in_force(col(update.import_batch_id)))
        .order_by(col(update.reported_on), col(update.id))
    )
    frame = read_frame(session, statement, PROGRESS_COLUMNS)
    return frame.assign(is_illustrative=frame["is_illustrative"].astype(bool))


def _imports(session: Session, task: Task) -> pd.DataFrame:
    """The imports of the task's plan and of its reports, undone ones included."""
    reports = sa_select(col(ProgressUpdate.import_batch_id)).where(
        col(ProgressUpdate.task_id) == task.id
    )
    batch = ImportBatch
    statement = (
        sa_select(*(col(getattr(batch, name)) for name in ["id", *IMPORT_COLUMNS[1:]]))
        .where(or_(col(batch.plan_id) == task.plan_id, col(batch.id).in_(reports)))
        .order_by(col(batch.id))
    )
    return read_frame(session, statement, IMPORT_COLUMNS)
