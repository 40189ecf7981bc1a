"""What the agency, the Sở's approval queue and a task's record read about submissions.

These hold reporter names, the Sở's comments and evidence: pages for signed-in staff
only, never the public view. Evidence files are read through ``evidence_file``, which
checks the reader (the agency that sent it, or the Sở).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import ColumnElement
from sqlmodel import Session, col, select

from data_access.kinds import SubmissionState
from data_access.models import Account, Agency, EvidenceFile, Plan, Submission, Task
from data_access.permissions import Action, require
from data_access.submissions.current import COMPARED_FIELDS, current_reports, report_values
from data_access.submissions.form import NOTHING_CHANGED, SubmissionError
from data_access.submissions.review import evidence_files, submitted_evidence, task_label
from loaders.text import fold

NO_SUCH_FILE = "Không có tệp minh chứng số {file_id}; " + NOTHING_CHANGED


@dataclass(frozen=True)
class FieldChange:
    field: str  # a key of current.FIELD_LABELS
    current: str  # "" when the task has no report yet
    submitted: str


@dataclass(frozen=True)
class SubmissionView:
    """One submission with the names a page shows; ``submitted`` holds COMPARED_FIELDS."""

    submission: Submission
    agency: str
    task: str  # "92A/KH-UBND · I.1 “Xây dựng …”"
    submitted_by: str
    reviewed_by: str  # "" until reviewed (or reviewed from the server's shell)
    evidence_files: tuple[tuple[int, str], ...]  # (file id, file name)
    submitted: dict[str, str]
    before: dict[str, str] | None  # the task's report the approval replaced; None otherwise


@dataclass(frozen=True)
class QueueEntry:
    view: SubmissionView
    diff: tuple[FieldChange, ...]  # the fields that differ from the task's current record


def agency_submissions(session: Session, agency_id: int) -> list[SubmissionView]:
    """The agency's submissions, newest first, with their state and the Sở's comment."""
    return _views(session, col(Submission.agency_id) == agency_id, newest_first=True)


def approval_queue(session: Session) -> list[QueueEntry]:
    """Pending submissions by agency (by name), oldest first, each with its diff."""
    views = _views(session, col(Submission.state) == SubmissionState.PENDING, newest_first=False)
    views.sort(key=lambda view: fold(view.agency))  # stable: oldest first within an agency
    current = current_reports(session, {view.submission.task_id for view in views})
    entries = []
    for view in views:
        now = current.get(view.submission.task_id, {})
        diff = tuple(
            FieldChange(name, now.get(name, ""), view.submitted[name])
            for name in COMPARED_FIELDS
            if now.get(name, "") != view.submitted[name]
        )
        entries.append(QueueEntry(view, diff))
    return entries


def task_audit(session: Session, task_id: int) -> list[SubmissionView]:
    """Every submission on the task, oldest first: who sent and reviewed it, when, the
    outcome and comment, and the report before and after an approval."""
    return _views(session, col(Submission.task_id) == task_id, newest_first=False)


def evidence_file(session: Session, actor: Account | None, file_id: int) -> EvidenceFile:
    """The file, for the reporter of the agency that sent it or the Sở (editor, admin)."""
    require(actor, Action.READ_EVIDENCE, actor.agency_id if actor else None)
    stored = session.get(EvidenceFile, file_id)
    submission = session.get(Submission, stored.submission_id) if stored else None
    if stored is None or submission is None:
        raise SubmissionError(NO_SUCH_FILE.format(file_id=file_id))
    require(actor, Action.READ_EVIDENCE, submission.agency_id)
    return stored


def _views(
    session: Session, condition: ColumnElement[bool], *, newest_first: bool
) -> list[SubmissionView]:
    order = (col(Submission.submitted_at), col(Submission.id))
    statement = (
        select(Submission, Agency.name, Task, Plan.code)
        .join(Agency, col(Agency.id) == col(Submission.agency_id))
        .join(Task, col(Task.id) == col(Submission.task_id))
        .join(Plan, col(Plan.id) == col(Task.plan_id))
        .where(condition)
        .order_by(*(column.desc() for column in order) if newest_first else order)
    )
    rows = session.exec(statement).all()
    accounts: set[int | None] = {s.submitted_by for s, *_ in rows}
    people = _names(session, accounts | {s.reviewed_by for s, *_ in rows})
    files_of = evidence_files(session, {submission.id for submission, *_ in rows})
    views = []
    for submission, agency, task, plan_code in rows:
        files = files_of.get(submission.id, ())
        views.append(
            SubmissionView(
                submission=submission,
                agency=agency,
                task=task_label(task, plan_code),
                submitted_by=people.get(submission.submitted_by, ""),
                reviewed_by=people.get(submission.reviewed_by, ""),
                evidence_files=files,
                submitted=_submitted(submission, [name for _id, name in files]),
                before=json.loads(submission.before) if submission.before else None,
            )
        )
    return views


def _names(session: Session, account_ids: set[int | None]) -> dict[int | None, str]:
    """Each account's name as shown: its display name, else its user name."""
    statement = select(Account).where(col(Account.id).in_(account_ids - {None}))
    return {a.id: a.display_name or a.username for a in session.exec(statement).all()}


def _submitted(submission: Submission, file_names: list[str]) -> dict[str, str]:
    """The report the submission makes once approved, as the diff and the audit show it."""
    evidence = submitted_evidence(submission, file_names)
    return report_values(
        submission.status, submission.completion_date, evidence, submission.description
    )
