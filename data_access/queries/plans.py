"""Read queries for the overview: plans with their counts, deadline kinds, sample flags."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import ColumnElement, Executable, case, or_
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, func, select

from data_access.models import ImportBatch, Kpi, Plan, ProgressUpdate, Task

PLAN_COLUMNS = ["code", "title", "issued_on", "tasks", "kpis", "completed"]
DEADLINE_COLUMNS = ["deadline_kind", "tasks", "completed"]


def plan_overview(*, session: Session) -> pd.DataFrame:
    """One row per plan, in import order: its tasks, KPIs and tasks recorded as completed."""
    tasks = sa_select(func.count(col(Task.id))).where(col(Task.plan_id) == col(Plan.id))
    kpis = sa_select(func.count(col(Kpi.id))).where(col(Kpi.plan_id) == col(Plan.id))
    completed = tasks.where(_is_completed())
    statement = sa_select(
        col(Plan.code),
        col(Plan.title),
        col(Plan.issued_on),
        tasks.scalar_subquery(),
        kpis.scalar_subquery(),
        completed.scalar_subquery(),
    ).order_by(col(Plan.id))
    return _frame(session, statement, PLAN_COLUMNS)


def deadline_kind_counts(*, session: Session) -> pd.DataFrame:
    """Tasks and completed tasks per deadline kind, most common kind first."""
    task_count = func.count(col(Task.id))
    statement = (
        sa_select(
            col(Task.deadline_kind), task_count, func.sum(case((_is_completed(), 1), else_=0))
        )
        .group_by(col(Task.deadline_kind))
        .order_by(task_count.desc(), col(Task.deadline_kind))
    )
    return _frame(session, statement, DEADLINE_COLUMNS)


def has_illustrative_data(*, session: Session) -> bool:
    """Whether any data still in force came from an illustrative (made-up) batch."""
    statement = select(ImportBatch.id).where(
        col(ImportBatch.is_illustrative), col(ImportBatch.undone_at).is_(None)
    )
    return session.exec(statement.limit(1)).first() is not None


def _is_completed() -> ColumnElement[bool]:
    """The plan says done, or a report in force gives a completion date."""
    reported_done = (
        sa_select(col(ProgressUpdate.task_id))
        .outerjoin(ImportBatch, col(ProgressUpdate.import_batch_id) == col(ImportBatch.id))
        .where(
            col(ProgressUpdate.completion_date).is_not(None),
            col(ImportBatch.undone_at).is_(None),
        )
    )
    return or_(col(Task.completed_in_source), col(Task.id).in_(reported_done))


def _frame(session: Session, statement: Executable, columns: list[str]) -> pd.DataFrame:
    rows = session.connection().execute(statement).all()
    return pd.DataFrame([tuple(row) for row in rows], columns=columns)
