"""Dashboard queries: tasks with their latest report as of a date, agency links, milestones.

Everything is selected in the database in a few set-based queries (never one
query per task), so pages can cache the frames and filter them in pandas.
Reports and actuals from an undone import batch are left out everywhere.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta, timezone

import pandas as pd
from sqlalchemy import ColumnElement, Executable, Subquery, and_, func, or_
from sqlalchemy import select as sa_select
from sqlalchemy.orm import Mapped
from sqlmodel import Session, col

from data_access.filters import TaskFilters
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
from data_access.plans import has_illustrative_data as has_illustrative_data
from data_access.status import compute_statuses
from data_access.statuses import TaskStatus

LOCAL_TIME = timezone(timedelta(hours=7), "ICT")  # Vietnam; no daylight saving
TASK_COLUMNS = [
    "task_id",
    "plan_code",
    "plan_title",
    "section_code",
    "section_title",
    "number",
    "position",
    "name",
    "due_date",
    "deadline_kind",
    "deadline_text",
    "deadline_indicative",
    "completed_in_source",
    "plan_issued_on",
    "plan_imported_on",
    "reported_status",
    "completion_date",
    "reported_on",
    "evidence",
    "is_illustrative",
]
AGENCY_LINK_COLUMNS = ["task_id", "agency", "agency_kind", "is_collective", "role", "position"]
MILESTONE_COLUMNS = ["task_id", "due_date", "label", "position"]


def task_frame(*, session: Session, as_of: date) -> pd.DataFrame:
    """One row per task (plan order) with its plan, section and latest report as of ``as_of``.

    The report columns (``reported_status``, ``completion_date``, ``reported_on``,
    ``evidence``, ``is_illustrative``) are empty for a task with no report yet;
    ``plan_imported_on`` is the day (Vietnam time) the plan was imported.
    """
    latest = _latest_update_ids(as_of)
    update = ProgressUpdate
    statement = (
        sa_select(
            col(Task.id),
            col(Plan.code),
            col(Plan.title),
            col(Task.section_code),
            col(Section.title),
            col(Task.number),
            col(Task.position),
            col(Task.name),
            col(Task.due_date),
            col(Task.deadline_kind),
            col(Task.deadline_text),
            col(Task.deadline_indicative),
            col(Task.completed_in_source),
            col(Plan.issued_on),
            col(Plan.created_at),
            col(update.status),
            col(update.completion_date),
            col(update.reported_on),
            col(update.evidence),
            col(update.is_illustrative),
        )
        .join(Plan, col(Plan.id) == col(Task.plan_id))
        .outerjoin(Section, col(Section.id) == col(Task.section_id))
        .outerjoin(latest, latest.c.task_id == col(Task.id))
        .outerjoin(update, col(update.id) == latest.c.update_id)
        .order_by(col(Plan.id), col(Task.position), col(Task.id))
    )
    frame = read_frame(session, statement, TASK_COLUMNS)
    imported = pd.to_datetime(frame["plan_imported_on"], utc=True).dt.tz_convert(LOCAL_TIME)
    return frame.assign(
        plan_imported_on=imported.dt.tz_localize(None).dt.normalize().astype("datetime64[s]"),
        is_illustrative=frame["is_illustrative"].fillna(False).astype(bool),
    )


def task_agency_frame(*, session: Session) -> pd.DataFrame:
    """Every task-agency link: agency name, kind, collective flag and role (lead/coordinating)."""
    statement = (
        sa_select(
            col(TaskAgency.task_id),
            col(Agency.name),
            col(Agency.kind),
            col(Agency.is_collective),
            col(TaskAgency.role),
            col(TaskAgency.position),
        )
        .join(Agency, col(Agency.id) == col(TaskAgency.agency_id))
        .order_by(col(TaskAgency.task_id), col(TaskAgency.role), col(TaskAgency.position))
    )
    frame = read_frame(session, statement, AGENCY_LINK_COLUMNS)
    return frame.assign(is_collective=frame["is_collective"].astype(bool))


def milestone_frame(*, session: Session) -> pd.DataFrame:
    """The milestones of tasks that have more than one, in order."""
    several = (
        sa_select(col(TaskMilestone.task_id))
        .group_by(col(TaskMilestone.task_id))
        .having(func.count(col(TaskMilestone.id)) > 1)
    )
    statement = (
        sa_select(
            col(TaskMilestone.task_id),
            col(TaskMilestone.due_date),
            col(TaskMilestone.label),
            col(TaskMilestone.position),
        )
        .where(col(TaskMilestone.task_id).in_(several))
        .order_by(col(TaskMilestone.task_id), col(TaskMilestone.position))
    )
    frame = read_frame(session, statement, MILESTONE_COLUMNS)
    return frame.assign(due_date=pd.to_datetime(frame["due_date"]).astype("datetime64[s]"))


def filtered_statuses(*, session: Session, filters: TaskFilters) -> pd.DataFrame:
    """Statuses as of ``filters.as_of`` for the tasks the filters keep."""
    statuses = compute_statuses(task_frame(session=session, as_of=filters.as_of), filters.as_of)
    links = task_agency_frame(session=session) if filters.agencies else None
    return apply_filters(statuses, links, filters)


def apply_filters(
    statuses: pd.DataFrame, agency_links: pd.DataFrame | None, filters: TaskFilters
) -> pd.DataFrame:
    """Keep the rows of a status frame that pass ``filters`` (``as_of`` aside).

    A due-date window drops tasks without a due date. ``agency_links`` is
    needed only when ``filters.agencies`` is set.
    """
    keep = pd.Series(True, index=statuses.index)
    for column, wanted in (
        ("plan_code", filters.plan_codes),
        ("section_code", filters.sections),
        ("status", filters.statuses),
    ):
        if wanted:
            keep &= statuses[column].isin(list(wanted))
    if filters.due_from is not None:
        keep &= (statuses["due_date"] >= pd.Timestamp(filters.due_from)).fillna(False)
    if filters.due_to is not None:
        keep &= (statuses["due_date"] <= pd.Timestamp(filters.due_to)).fillna(False)
    if not filters.include_recurring:
        keep &= statuses["status"] != TaskStatus.RECURRING
    if filters.agencies:
        if agency_links is None:
            raise ValueError("agency_links is needed to filter by agency")
        links = links_for_role(agency_links, filters.role)
        chosen = links.loc[links["agency"].isin(list(filters.agencies)), "task_id"]
        keep &= statuses["task_id"].isin(chosen)
    return statuses[keep]


def links_for_role(agency_links: pd.DataFrame, role: str) -> pd.DataFrame:
    """Links of one role ("lead", "coordinating"), or both ("any") with one row per pair."""
    if role == "any":
        return agency_links.drop_duplicates(["task_id", "agency"])
    return agency_links[agency_links["role"] == role]


def read_frame(session: Session, statement: Executable, columns: Sequence[str]) -> pd.DataFrame:
    """Run a Core statement on the session's connection and name its columns."""
    rows = session.connection().execute(statement).all()
    return pd.DataFrame.from_records([tuple(row) for row in rows], columns=list(columns))


def in_force(batch_id: Mapped[int | None]) -> ColumnElement[bool]:
    """A row with no batch, or from a batch that has not been undone."""
    undone = sa_select(col(ImportBatch.id)).where(col(ImportBatch.undone_at).is_not(None))
    return or_(batch_id.is_(None), batch_id.not_in(undone))


def _latest_update_ids(as_of: date) -> Subquery:
    """(task_id, update_id) of each task's latest report on or before ``as_of``.

    Latest = greatest ``reported_on``; among reports of that day, the greatest id.
    """
    update = ProgressUpdate
    usable = and_(col(update.reported_on) <= as_of, in_force(col(update.import_batch_id)))
    last_day = (
        sa_select(col(update.task_id), func.max(col(update.reported_on)).label("reported_on"))
        .where(usable)
        .group_by(col(update.task_id))
        .subquery("last_day")
    )
    return (
        sa_select(col(update.task_id), func.max(col(update.id)).label("update_id"))
        .join(
            last_day,
            and_(
                last_day.c.task_id == col(update.task_id),
                last_day.c.reported_on == col(update.reported_on),
            ),
        )
        .where(in_force(col(update.import_batch_id)))
        .group_by(col(update.task_id))
        .subquery("latest")
    )
