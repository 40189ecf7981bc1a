"""A task's current record as a submission is compared with it: its newest report in force.

The newest report is the last of the task's record (``queries.task_record``: reports of
imports not undone, by report day then id). Values are kept as shown (dates dd/mm/yyyy),
under English keys; ``FIELD_LABELS`` names them on screen.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import select as sa_select
from sqlmodel import Session, col

from data_access.models import ProgressUpdate
from data_access.queries.latest_reports import in_force
from data_access.submissions.form import (
    COMPLETION_DATE_LABEL,
    DESCRIPTION_LABEL,
    STATUS_LABEL,
)
from labels import format_date

REPORTED_ON = "reported_on"
COMPARED_FIELDS = ("status", "completion_date", "evidence", "description")
FIELD_LABELS = {
    "status": STATUS_LABEL,
    "completion_date": COMPLETION_DATE_LABEL,
    "evidence": "Minh chứng",
    "description": DESCRIPTION_LABEL,
    REPORTED_ON: "Ngày báo cáo",
}


def report_values(
    status: str, completion_date: date | None, evidence: str, description: str
) -> dict[str, str]:
    """A report's COMPARED_FIELDS as shown."""
    values = (status, format_date(completion_date), evidence, description)
    return dict(zip(COMPARED_FIELDS, values, strict=True))


def current_reports(session: Session, task_ids: Iterable[int]) -> dict[int, dict[str, str]]:
    """Each task's newest report in force (COMPARED_FIELDS and its report day); none without."""
    update = ProgressUpdate
    statement = (
        sa_select(
            col(update.task_id),
            col(update.reported_on),
            col(update.status),
            col(update.completion_date),
            col(update.evidence),
            col(update.description),
        )
        .where(col(update.task_id).in_(list(task_ids)), in_force(col(update.import_batch_id)))
        .order_by(col(update.task_id), col(update.reported_on), col(update.id))
    )
    newest: dict[int, dict[str, str]] = {}
    for task_id, reported_on, status, done_on, evidence, description in (
        session.connection().execute(statement).all()
    ):
        values = report_values(status, done_on, evidence, description)
        newest[task_id] = values | {REPORTED_ON: format_date(reported_on)}
    return newest
