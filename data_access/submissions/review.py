"""An agency's report on a task: sent by its reporter, approved or returned by a Sở editor.

Each function takes the acting account and checks its role first (permissions.require),
runs in the caller's write session, and refuses with one sentence, changing nothing.

A reporter reports on the tasks its agency leads (chủ trì): the plans make the lead agency
answerable for the task's result, and the coordinating agencies report their part to it.
Tasks it only coordinates are listed for it (``agency_tasks``) but not reported on.

Approving writes the report exactly as an import would: one ProgressUpdate under a new
ImportBatch of kind SUBMISSION (imported by the approver, with its change log), so it
counts on every page from its completion date, shows in the import history, is left out
of "what was known" before the approval's day, and undoing that batch takes it back out
and puts the submission back in the queue.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime

from sqlmodel import Session, col, select

from data_access.clock import LOCAL_TIME
from data_access.imports.change_log import tracking_changes
from data_access.kinds import AgencyRole, ImportKind, SubmissionState
from data_access.models import (
    Account,
    Agency,
    EvidenceFile,
    ImportBatch,
    ProgressUpdate,
    Submission,
    Task,
    TaskAgency,
    utc_now,
)
from data_access.permissions import Action, NotAllowedError, account_label, require
from data_access.submissions.current import current_reports, report_values
from data_access.submissions.form import (
    COMMENT_LABEL,
    NOTHING_CHANGED,
    EvidenceUpload,
    SubmissionError,
    SubmissionForm,
    checked_evidence,
    checked_form,
    evidence_text,
    refuse_long_text,
)
from loaders.limits import MAX_TEXT_CHARS
from loaders.text import typed_text

NO_SUCH_TASK = "Không có nhiệm vụ mã số {task_id}; " + NOTHING_CHANGED
NOT_LEAD = (
    "Nhiệm vụ {task} không do {agency} chủ trì nên tài khoản {who} không gửi báo cáo cho "
    "nhiệm vụ này; " + NOTHING_CHANGED
)
NO_SUCH_SUBMISSION = "Không có báo cáo số {submission_id}; " + NOTHING_CHANGED
NOT_PENDING = (
    "Báo cáo số {submission_id} không còn chờ duyệt ({state}); chỉ duyệt hoặc trả lại được báo "
    "cáo đang chờ duyệt; " + NOTHING_CHANGED
)
COMMENT_NEEDED = (
    "Trả lại báo cáo cần ghi ý kiến của Sở để đơn vị biết cần sửa gì; " + NOTHING_CHANGED
)
STATE_LABELS = {
    SubmissionState.PENDING: "Chờ duyệt",
    SubmissionState.APPROVED: "Đã duyệt",
    SubmissionState.RETURNED: "Bị trả lại",
    SubmissionState.SUPERSEDED: "Đã thay bằng báo cáo mới hơn",
}
BATCH_FILE_NAME = "Báo cáo số {submission_id} của {agency}"


def submit(
    session: Session,
    actor: Account | None,
    task_id: int,
    form: SubmissionForm,
    evidence: EvidenceUpload | None = None,
    *,
    now: datetime | None = None,
) -> Submission:
    """Store ``form`` (and ``evidence``) as the agency's pending report on ``task_id``.

    A report of the same agency still pending on the task is superseded by this one.
    """
    actor = require(actor, Action.SUBMIT_PROGRESS, actor.agency_id if actor else None)
    assert actor.id is not None and actor.agency_id is not None  # a stored reporter
    moment = now or utc_now()
    task = session.get(Task, task_id)
    if task is None:
        raise SubmissionError(NO_SUCH_TASK.format(task_id=task_id))
    if actor.agency_id not in lead_agency_ids(session, task_id):
        agency = session.get(Agency, actor.agency_id)
        raise NotAllowedError(
            NOT_LEAD.format(
                task=task_label(task),
                agency=agency.name if agency else "",
                who=account_label(actor),
            )
        )
    checked = checked_form(form, moment.astimezone(LOCAL_TIME).date())
    attached = checked_evidence(evidence) if evidence is not None else None
    for pending in session.exec(
        select(Submission).where(
            Submission.task_id == task_id,
            Submission.agency_id == actor.agency_id,
            Submission.state == SubmissionState.PENDING,
        )
    ).all():
        pending.state = SubmissionState.SUPERSEDED
        session.add(pending)
    submission = Submission(
        task_id=task_id,
        agency_id=actor.agency_id,
        submitted_by=actor.id,
        submitted_at=moment,
        status=checked.status,
        completion_date=checked.completion_date,
        evidence_number=checked.evidence_number,
        evidence_date=checked.evidence_date,
        description=checked.description,
    )
    session.add(submission)
    session.flush()
    if attached is not None:
        assert submission.id is not None
        session.add(
            EvidenceFile(
                submission_id=submission.id,
                file_name=attached.file_name,
                media_type=attached.media_type,
                size=len(attached.content),
                sha256=attached.sha256,
                content=attached.content,
            )
        )
        session.flush()
    return submission


def approve(
    session: Session, actor: Account | None, submission_id: int, *, now: datetime | None = None
) -> Submission:
    """Write the pending submission as the task's report, under a new SUBMISSION batch."""
    actor = require(actor, Action.APPROVE_SUBMISSION)
    submission = pending_submission(session, submission_id)
    assert submission.id is not None
    moment = now or utc_now()
    before = current_reports(session, [submission.task_id]).get(submission.task_id)
    agency = session.get(Agency, submission.agency_id)
    files = evidence_files(session, {submission.id}).get(submission.id, ())
    evidence = submitted_evidence(submission, [name for _id, name in files])
    task = session.get(Task, submission.task_id)
    assert task is not None
    batch = ImportBatch(
        file_name=BATCH_FILE_NAME.format(
            submission_id=submission.id, agency=agency.name if agency else ""
        ),
        content_hash=_content_hash(submission, evidence),
        kind=ImportKind.SUBMISSION,
        plan_id=task.plan_id,
        imported_at=moment,
        imported_by=actor.display_name or actor.username,
        task_count=1,
        progress_count=1,
    )
    session.add(batch)
    session.flush()
    assert batch.id is not None
    with tracking_changes(session) as log:
        update = ProgressUpdate(
            task_id=submission.task_id,
            reported_on=submission.submitted_at.astimezone(LOCAL_TIME).date(),
            status=submission.status,
            completion_date=submission.completion_date,
            evidence=evidence,
            description=submission.description,
            source=batch.file_name,
            import_batch_id=batch.id,
        )
        session.add(update)
        session.flush()
        submission.state = SubmissionState.APPROVED
        submission.reviewed_by, submission.reviewed_at = actor.id, moment
        submission.before = json.dumps(before, ensure_ascii=False) if before else ""
        submission.progress_update_id, submission.import_batch_id = update.id, batch.id
        session.add(submission)
        session.flush()
    log.write(session=session, batch_id=batch.id)
    return submission


def return_submission(
    session: Session,
    actor: Account | None,
    submission_id: int,
    comment: str,
    *,
    now: datetime | None = None,
) -> Submission:
    """Send the pending submission back with the editor's comment; the agency may resubmit."""
    actor = require(actor, Action.APPROVE_SUBMISSION)
    text = typed_text(comment)
    if not text:
        raise SubmissionError(COMMENT_NEEDED)
    refuse_long_text(COMMENT_LABEL, text, MAX_TEXT_CHARS)
    submission = pending_submission(session, submission_id)
    submission.state = SubmissionState.RETURNED
    submission.reviewed_by, submission.reviewed_at = actor.id, now or utc_now()
    submission.review_comment = text
    session.add(submission)
    session.flush()
    return submission


def pending_submission(session: Session, submission_id: int) -> Submission:
    submission = session.get(Submission, submission_id)
    if submission is None:
        raise SubmissionError(NO_SUCH_SUBMISSION.format(submission_id=submission_id))
    if submission.state != SubmissionState.PENDING:
        state = STATE_LABELS[submission.state].lower()
        raise SubmissionError(NOT_PENDING.format(submission_id=submission_id, state=state))
    return submission


def lead_agency_ids(session: Session, task_id: int) -> set[int]:
    statement = select(TaskAgency.agency_id).where(
        TaskAgency.task_id == task_id, TaskAgency.role == str(AgencyRole.LEAD)
    )
    return set(session.exec(statement).all())


def evidence_files(
    session: Session, submission_ids: set[int | None]
) -> dict[int | None, tuple[tuple[int, str], ...]]:
    """Each submission's evidence files, (id, name) in the order they were attached."""
    statement = (
        select(EvidenceFile.submission_id, EvidenceFile.id, EvidenceFile.file_name)
        .where(col(EvidenceFile.submission_id).in_(submission_ids - {None}))
        .order_by(col(EvidenceFile.id))
    )
    files: dict[int | None, tuple[tuple[int, str], ...]] = {}
    for submission_id, file_id, name in session.exec(statement).all():
        files[submission_id] = (*files.get(submission_id, ()), (file_id or 0, name))
    return files


def submitted_evidence(submission: Submission, file_names: list[str]) -> str:
    """The evidence text the approved report carries: the document, then the files."""
    form = SubmissionForm(
        status=submission.status,
        completion_date=submission.completion_date,
        evidence_number=submission.evidence_number,
        evidence_date=submission.evidence_date,
        description=submission.description,
    )
    return evidence_text(form, "; ".join(file_names) or None)


def task_label(task: Task, plan_code: str = "") -> str:
    """ "II.1 “Triển khai …”": the task's section and number, and its name; with
    ``plan_code`` first ("92A/KH-UBND · II.1 “Triển khai …”") where no plan is named."""
    number = f"{task.section_code}.{task.number}" if task.section_code else task.number
    label = f"{number} “{task.name}”"
    return f"{plan_code} · {label}" if plan_code else label


def _content_hash(submission: Submission, evidence: str) -> str:
    """What the batch holds, for the import history's "same file" check."""
    values = report_values(
        submission.status, submission.completion_date, evidence, submission.description
    )
    text = json.dumps([submission.task_id, values], ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()
