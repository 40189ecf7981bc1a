"""Dashboard queries: tasks with their latest report as of a date, agency links, milestones.

Everything is selected in the database in a few queries (never one query per
task from Python), so pages can cache the frames and filter them in pandas.
Which reports count on a day is ``data_access.queries.latest_reports``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pandas as pd
from sqlalchemy import Executable, func, or_
from sqlalchemy import select as sa_select
from sqlalchemy.orm import aliased
from sqlmodel import Session, col

from data_access.clock import LOCAL_TIME
from data_access.kinds import ANY_ROLE
from data_access.models import Agency, AgencyUnit, Plan, Section, Task, TaskAgency, TaskMilestone
from data_access.queries.filters import TaskFilters
from data_access.queries.latest_reports import REPORT_COLUMNS, latest_report_frame
from data_access.queries.packed import Kind, read_packed_frame
from data_access.queries.plan_facts import with_plan_facts
from data_access.queries.plans import has_illustrative_data as has_illustrative_data
from data_access.queries.status import compute_statuses
from data_access.queries.statuses import RECURRING_STATUSES

TASK_COLUMNS = [
    "task_id",
    "plan_id",
    "section_id",
    "section_code",
    "number",
    "position",
    "name",
    "due_date",
    "deadline_kind",
    "deadline_text",
    "deadline_indicative",
    "reporting_cadence",
    "report_to_central",
    "completed_in_source",
    "reported_status",
    "completion_date",
    "reported_on",
    "evidence",
    "is_illustrative",
]
BASE_TASK_COLUMNS = [c for c in TASK_COLUMNS if c not in REPORT_COLUMNS[1:]]
_TASK_FIELDS = ["id", *BASE_TASK_COLUMNS[1:]]  # Task's attribute names
SECTION_COLUMNS = ["section_id", "section_title"]
PLAN_COLUMNS = ["plan_id", "plan_code", "plan_title", "plan_issued_on", "plan_imported_on"]
AGENCY_LINK_COLUMNS = [
    "task_id",
    "agency",
    "agency_kind",
    "is_collective",
    "role",
    "position",
    "parent",  # the body an internal unit belongs to ("" for any other agency)
]
MILESTONE_COLUMNS = ["task_id", "due_date", "label", "position"]
LINK_KEYS = ["task_id", "agency_id", "position"]
_TASK_KINDS = dict.fromkeys(BASE_TASK_COLUMNS, Kind.TEXT) | {
    "task_id": Kind.INT,
    "plan_id": Kind.INT,
    "section_id": Kind.INT,
    "position": Kind.INT,
    "due_date": Kind.DATE,
    "deadline_indicative": Kind.FLAG,
    "report_to_central": Kind.FLAG,
    "completed_in_source": Kind.FLAG,
}
_LINK_KINDS = dict.fromkeys(LINK_KEYS, Kind.INT)


def task_frame(*, session: Session, as_of: date, known_by: date | None = None) -> pd.DataFrame:
    """One row per task (plan order) with its plan, section and latest report as of ``as_of``.

    ``task_base_frame`` joined with ``latest_report_frame`` (see ``with_reports``);
    with ``known_by``, only what had been imported by the end of that day.
    """
    tasks = known_tasks(task_base_frame(session=session), known_by)
    reports = latest_report_frame(session=session, as_of=as_of, known_by=known_by)
    return with_reports(tasks, reports)


def task_base_frame(*, session: Session) -> pd.DataFrame:
    """One row per task (plan order) with its plan and section; the part that needs no as-of day.

    Plan columns: plan_code, plan_title, plan_issued_on, plan_imported_on (the
    day, Vietnam time, the plan was imported); section_title; ``internal_reporting``
    and ``first_milestone`` (``plan_facts``). Dates are datetime64.
    """
    statement = sa_select(*(col(getattr(Task, name)) for name in _TASK_FIELDS))
    tasks = read_packed_frame(session, statement, _TASK_KINDS)
    order = ["plan_id", "position", "task_id"]  # sorted here: 3x quicker than SQLite's temp B-tree
    tasks = tasks.sort_values(order, ignore_index=True)
    section_statement = sa_select(col(Section.id), col(Section.title))
    sections = read_frame(session, section_statement, SECTION_COLUMNS)
    merged = tasks.merge(_plan_frame(session), on="plan_id", how="left")
    return with_plan_facts(merged.merge(sections, on="section_id", how="left"), session=session)


def known_tasks(tasks: pd.DataFrame, known_by: date | None) -> pd.DataFrame:
    """The rows of a task frame whose plan had been imported by the end of ``known_by``."""
    if known_by is None:
        return tasks
    return tasks[tasks["plan_imported_on"] <= pd.Timestamp(known_by)]


def with_reports(tasks: pd.DataFrame, reports: pd.DataFrame) -> pd.DataFrame:
    """``task_base_frame`` with each task's report columns (empty for a task without a report)."""
    merged = tasks.merge(reports, on="task_id", how="left")
    merged = merged.assign(is_illustrative=merged["is_illustrative"].fillna(False).astype(bool))
    plan_and_section = [c for c in tasks if c not in BASE_TASK_COLUMNS]
    return merged[[*TASK_COLUMNS, *plan_and_section]]


def task_agency_frame(*, session: Session, role: str = ANY_ROLE) -> pd.DataFrame:
    """Task-agency links (by task, role, position): agency name, kind, collective flag, role.

    ``role`` "lead" or "coordinating" reads only the links of that role; "any" all of them.
    Each role is read on its own, as integers only: a third of the time a read
    with the role's text takes.
    """
    link = TaskAgency
    stored_roles = sa_select(col(link.role)).distinct()
    roles = (
        [role] if role != ANY_ROLE else list(session.connection().execute(stored_roles).scalars())
    )
    parts = []
    for one in roles:
        of_role = sa_select(col(link.task_id), col(link.agency_id), col(link.position)).where(
            col(link.role) == one
        )
        parts.append(read_packed_frame(session, of_role, _LINK_KINDS).assign(role=one))
    if not parts:  # no link stored
        parts.append(
            pd.DataFrame({key: pd.Series(dtype="int64") for key in LINK_KEYS}).assign(role="")
        )
    links = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]
    links = links.sort_values(["task_id", "role", "position"], kind="stable", ignore_index=True)
    parent = aliased(Agency)
    agency_statement = (
        sa_select(
            col(Agency.id),
            col(Agency.name),
            col(Agency.kind),
            col(Agency.is_collective),
            func.coalesce(parent.name, ""),
        )
        .outerjoin(AgencyUnit, col(AgencyUnit.agency_id) == col(Agency.id))
        .outerjoin(parent, col(parent.id) == col(AgencyUnit.parent_id))
    )
    agency_columns = ["agency_id", *AGENCY_LINK_COLUMNS[1:4], "parent"]
    agencies = read_frame(session, agency_statement, agency_columns)
    merged = links.merge(agencies.astype({"is_collective": bool}), on="agency_id", how="left")
    return merged[AGENCY_LINK_COLUMNS]


def linked_agency_names(*, session: Session) -> list[str]:
    """Agencies linked to a task (any role), and the bodies of linked units; unordered."""
    linked = sa_select(col(TaskAgency.agency_id))
    bodies = sa_select(col(AgencyUnit.parent_id)).where(col(AgencyUnit.agency_id).in_(linked))
    statement = sa_select(col(Agency.name)).where(
        or_(col(Agency.id).in_(linked), col(Agency.id).in_(bodies))
    )
    return list(session.connection().execute(statement).scalars())


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
    """Statuses as of ``filters.as_of`` (known by ``filters.known_by``) of the tasks they keep."""
    tasks = task_frame(session=session, as_of=filters.as_of, known_by=filters.known_by)
    statuses = compute_statuses(tasks, filters.as_of)
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
        keep &= ~statuses["status"].isin([str(s) for s in RECURRING_STATUSES])
    if not filters.include_indicative:
        keep &= ~statuses["deadline_indicative"].astype(bool)
    if filters.agencies:
        if agency_links is None:
            raise ValueError("agency_links is needed to filter by agency")
        links = links_for_role(agency_links, filters.role)
        chosen = links["agency"].isin(list(filters.agencies))
        if filters.include_units:
            chosen |= links["parent"].isin(list(filters.agencies))
        keep &= statuses["task_id"].isin(links.loc[chosen, "task_id"])
    return statuses[keep]


def links_for_role(agency_links: pd.DataFrame, role: str) -> pd.DataFrame:
    """Links of one role ("lead", "coordinating"), or both ("any") with one row per pair."""
    if role == ANY_ROLE:
        return agency_links.drop_duplicates(["task_id", "agency"])
    return agency_links[agency_links["role"] == role]


def read_frame(session: Session, statement: Executable, columns: Sequence[str]) -> pd.DataFrame:
    """Run a Core statement on the session's connection and name its columns."""
    rows = session.connection().execute(statement).all()
    values = list(zip(*rows, strict=True)) if rows else [() for _ in columns]
    return pd.DataFrame(dict(zip(columns, values, strict=True)), columns=list(columns))


def _plan_frame(session: Session) -> pd.DataFrame:
    """Plans with their issue day and the day (Vietnam time) they were imported."""
    statement = sa_select(
        col(Plan.id), col(Plan.code), col(Plan.title), col(Plan.issued_on), col(Plan.created_at)
    )
    plans = read_frame(session, statement, PLAN_COLUMNS)
    imported = pd.to_datetime(plans["plan_imported_on"], utc=True).dt.tz_convert(LOCAL_TIME)
    day = imported.dt.tz_localize(None).dt.normalize().astype("datetime64[s]")
    return plans.assign(plan_imported_on=day)
