"""Which stored reports count on a day, and each task's latest report as of that day.

A report counts when its import has not been undone (undo normally deletes its
rows; ``in_force`` guards against any that remain) and, for "what we knew
then", when it was imported by the end of the chosen day (``known_by_end_of``).
A completion counts from the day it happened, whenever its report arrived.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
from sqlalchemy import ColumnElement, ScalarSelect, or_
from sqlalchemy import select as sa_select
from sqlalchemy.orm import Mapped, aliased
from sqlmodel import Session, col

from data_access.clock import end_of_day_utc
from data_access.models import ImportBatch, ProgressUpdate, Task
from data_access.queries.packed import Kind, read_packed_frame

REPORT_COLUMNS = [
    "task_id",
    "reported_status",
    "completion_date",
    "reported_on",
    "evidence",
    "is_illustrative",
]
# ProgressUpdate's names of REPORT_COLUMNS
_REPORT_FIELDS = [
    "task_id",
    "status",
    "completion_date",
    "reported_on",
    "evidence",
    "is_illustrative",
]
_REPORT_KINDS = dict.fromkeys(REPORT_COLUMNS, Kind.TEXT) | {
    "task_id": Kind.INT,
    "completion_date": Kind.DATE,
    "reported_on": Kind.DATE,
    "is_illustrative": Kind.FLAG,
}


def latest_report_frame(
    *, session: Session, as_of: date, known_by: date | None = None
) -> pd.DataFrame:
    """Each task's latest report in force on ``as_of`` (REPORT_COLUMNS); none for tasks without.

    A report is in force from its ``reported_on``, or from its
    ``completion_date`` when that is earlier: a completion counts from the day
    it happened, whenever its report arrived. Latest = greatest
    ``reported_on``, then greatest id. With ``known_by``, only reports imported
    by the end of that day (Vietnam time) count: what was known then.
    """
    update = ProgressUpdate
    skip_undone = _undone_reports_exist(session)
    latest = sa_select(_latest_update_id(as_of, known_by, skip_undone=skip_undone))
    columns = [col(getattr(update, name)) for name in _REPORT_FIELDS]
    reported = sa_select(*columns).where(col(update.id).in_(latest.select_from(Task)))
    sent_by_then = read_packed_frame(session, reported, _REPORT_KINDS)
    # Reports sent after ``as_of`` saying the task was completed by then: later than any
    # report sent by ``as_of``, so each task's latest of them wins. Few rows, read at once.
    completed_then = sa_select(col(update.id), *columns).where(
        col(update.reported_on) > as_of,
        col(update.completion_date) <= as_of,
        *_report_conditions(update, known_by, skip_undone=skip_undone),
    )
    sent_later = read_packed_frame(session, completed_then, {"id": Kind.INT} | _REPORT_KINDS)
    if sent_later.empty:
        return sent_by_then
    sent_later = sent_later.sort_values(["task_id", "reported_on", "id"])
    sent_later = sent_later.drop_duplicates("task_id", keep="last").drop(columns="id")
    kept = sent_by_then[~sent_by_then["task_id"].isin(sent_later["task_id"])]
    return pd.concat([kept, sent_later], ignore_index=True)


def in_force(batch_id: Mapped[int | None]) -> ColumnElement[bool]:
    """A row with no batch, or from a batch that has not been undone."""
    undone = sa_select(col(ImportBatch.id)).where(col(ImportBatch.undone_at).is_not(None))
    return or_(batch_id.is_(None), batch_id.not_in(undone))


def known_by_end_of(batch_id: Mapped[int | None], day: date) -> ColumnElement[bool]:
    """A row with no batch, or from a batch imported by the end of ``day`` (Vietnam time)."""
    known = sa_select(col(ImportBatch.id)).where(col(ImportBatch.imported_at) < end_of_day_utc(day))
    return or_(batch_id.is_(None), batch_id.in_(known))


def _report_conditions(
    update: type[ProgressUpdate], known_by: date | None, *, skip_undone: bool
) -> list[ColumnElement[bool]]:
    """Reports that count: not from an undone import; imported by the end of ``known_by``."""
    conditions = []
    if skip_undone:
        conditions.append(in_force(col(update.import_batch_id)))
    if known_by is not None:
        conditions.append(known_by_end_of(col(update.import_batch_id), known_by))
    return conditions


def _latest_update_id(
    as_of: date, known_by: date | None, *, skip_undone: bool
) -> ScalarSelect[int]:
    """The id of the task's latest report sent on or before ``as_of`` (correlated to Task).

    Latest = greatest ``reported_on``, then greatest id: one probe per task of
    the index (task_id, reported_on), whose entries carry the id.
    """
    update = aliased(ProgressUpdate)
    conditions = [col(update.task_id) == col(Task.id), col(update.reported_on) <= as_of]
    conditions += _report_conditions(update, known_by, skip_undone=skip_undone)
    return (
        sa_select(col(update.id))
        .where(*conditions)
        .order_by(col(update.reported_on).desc(), col(update.id).desc())
        .limit(1)
        .correlate(Task)
        .scalar_subquery()
    )


def _undone_reports_exist(session: Session) -> bool:
    """Whether reports of an undone import are still stored (undo normally deletes them)."""
    undone = sa_select(col(ImportBatch.id)).where(col(ImportBatch.undone_at).is_not(None))
    statement = sa_select(col(ProgressUpdate.id)).where(
        col(ProgressUpdate.import_batch_id).in_(undone)
    )
    return session.connection().execute(statement.limit(1)).first() is not None
