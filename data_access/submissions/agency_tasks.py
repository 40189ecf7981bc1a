""" "Nhiệm vụ của đơn vị": the tasks an agency leads and, apart, those it coordinates.

Each with its status as every page computes it (``queries.status``), its deadline and
milestones, and the next report it owes (``reporting_calendar``): the period, the day
it is due, and whether the task's deadline or a milestone falls in that period.
Every task reports monthly (by the 20th; inside the Sở by the 12th), a recurring one by
its own cadence.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd
from sqlmodel import Session, col, select

from data_access.kinds import AgencyRole
from data_access.models import TaskAgency
from data_access.queries.reporting_calendar import (
    CADENCE_PERIODS,
    DEFAULT_PERIOD,
    PeriodKind,
    ReportingPeriod,
)
from data_access.queries.status import compute_statuses
from data_access.queries.tasks import milestone_frame, task_frame
from labels import format_date
from loaders.records import DeadlineKind

AGENCY_TASK_COLUMNS = [
    "task_id",
    "plan_code",
    "section_code",
    "number",
    "name",
    "status",
    "due_date",
    "deadline_text",
    "days_overdue",
    "milestones",  # "30/06/2026: Trình UBND tỉnh; 31/12/2026: Ban hành" ("" with one or none)
    "report_period",  # "Tháng 12/2026"
    "report_due",  # the day that report is due (datetime64)
    "due_in_period",  # the deadline or a milestone falls in that period
]


@dataclass(frozen=True)
class AgencyTasks:
    lead: pd.DataFrame  # AGENCY_TASK_COLUMNS, plan order
    coordinating: pd.DataFrame


def agency_tasks(session: Session, agency_id: int, as_of: date) -> AgencyTasks:
    """The agency's tasks by role, with their status as of ``as_of`` and the next report due."""
    links = session.exec(
        select(TaskAgency.task_id, TaskAgency.role).where(col(TaskAgency.agency_id) == agency_id)
    ).all()
    ids = {role: {task for task, linked in links if linked == role} for role in AgencyRole}
    tasks = task_frame(session=session, as_of=as_of)
    tasks = tasks[tasks["task_id"].isin(ids[AgencyRole.LEAD] | ids[AgencyRole.COORDINATING])]
    statuses = compute_statuses(tasks.reset_index(drop=True), as_of)
    milestones = milestone_frame(session=session)
    rows = _with_next_report(_with_milestones(statuses, milestones), milestones, as_of)
    frame = rows[AGENCY_TASK_COLUMNS]
    return AgencyTasks(
        lead=frame[frame["task_id"].isin(ids[AgencyRole.LEAD])].reset_index(drop=True),
        coordinating=frame[frame["task_id"].isin(ids[AgencyRole.COORDINATING])].reset_index(
            drop=True
        ),
    )


def next_report(kind: PeriodKind, as_of: date, *, internal: bool) -> ReportingPeriod:
    """The first period whose report is due on or after ``as_of``."""
    period = ReportingPeriod.containing(kind, as_of)
    while period.report_due(internal=internal) < as_of:
        period = period.following()
    return period


def _with_milestones(statuses: pd.DataFrame, milestones: pd.DataFrame) -> pd.DataFrame:
    text = (
        milestones.assign(
            item=[
                f"{format_date(day.date())}: {label}" if label else format_date(day.date())
                for day, label in zip(milestones["due_date"], milestones["label"], strict=True)
            ]
        )
        .groupby("task_id")["item"]
        .agg("; ".join)
    )
    return statuses.assign(milestones=statuses["task_id"].map(text).fillna(""))


def _with_next_report(
    statuses: pd.DataFrame, milestones: pd.DataFrame, as_of: date
) -> pd.DataFrame:
    """The next report per task, worked out once per (period kind, internal) pair."""
    recurring = statuses["deadline_kind"] == DeadlineKind.RECURRING
    cadence = statuses["reporting_cadence"].map(CADENCE_PERIODS).fillna(DEFAULT_PERIOD)
    kinds = cadence.where(recurring, DEFAULT_PERIOD)
    internal = statuses["internal_reporting"].astype(bool)
    periods = {
        (kind, inside): next_report(kind, as_of, internal=inside)
        for kind, inside in set(zip(kinds, internal, strict=True))
    }
    chosen = [periods[pair] for pair in zip(kinds, internal, strict=True)]
    starts = pd.Series([pd.Timestamp(p.start) for p in chosen], index=statuses.index)
    ends = pd.Series([pd.Timestamp(p.end) for p in chosen], index=statuses.index)
    due = statuses["due_date"]
    in_period = ((due >= starts) & (due <= ends)).fillna(False).astype(bool)
    days = milestones.merge(
        pd.DataFrame({"task_id": statuses["task_id"], "start": starts, "end": ends}),
        on="task_id",
    )
    hit = days.loc[(days["due_date"] >= days["start"]) & (days["due_date"] <= days["end"])]
    in_period |= statuses["task_id"].isin(hit["task_id"])
    return statuses.assign(
        report_period=[p.label_vi() for p in chosen],
        report_due=pd.Series(
            [pd.Timestamp(p.report_due(internal=i)) for p, i in zip(chosen, internal, strict=True)],
            index=statuses.index,
            dtype="datetime64[s]",
        ),
        due_in_period=in_period,
    )
