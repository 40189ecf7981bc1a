"""An agency's filled progress template, sent as its reports: which rows it may send, and
sending them all at once.

The file is read and checked exactly as the Sở's progress upload (``imports.read.prepare``);
``sort_rows`` then takes each row that changes a task's report and either accepts it as a
``SubmissionForm`` for a task the reporter's agency leads, or refuses it with one sentence:
another agency's task, a task the agency only coordinates, a task the plans do not hold, a
row matched only by a similar name, a task named twice, or a report the form would refuse.

What a row becomes (the file's columns are those of ``exports.progress_template``):
- Tình trạng: the status the engine reads from its words (``SUBMITTED_STATUSES``): done as
  ``queries.status`` reads it, else paused, not started, or under way; an empty status with
  a completion date is done, as the engine reads it too;
- Ngày hoàn thành: the completion date; Mô tả: the description;
- Minh chứng: the evidence document as written ("Văn bản số 12/BC-SKHCN ngày 10/6/2026"),
  kept as the submission's evidence number (at most MAX_DOCUMENT_NUMBER_CHARS), so that
  the approved report carries it as its evidence;
- Ngày báo cáo is not sent: a submission is dated by when it is sent, as the form's are;
  the template has no Đánh giá column, and a file's evaluation is not sent either.

``submit_rows`` sends accepted rows through ``review.submit``, which checks each task's
lead agency again: a crafted list naming another agency's task is refused, and the
caller's transaction then writes none of them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

import pandas as pd
from sqlmodel import Session, col, select

from data_access.imports.change_set import ChangeKind, RowChange
from data_access.imports.read import PreparedUpload
from data_access.imports.report_preview import report_of
from data_access.kinds import AgencyRole
from data_access.models import Account, Agency, Submission, Task, TaskAgency, utc_now
from data_access.queries.status import report_says_completed
from data_access.submissions.current import FIELD_LABELS
from data_access.submissions.form import (
    SUBMITTED_STATUSES,
    SubmissionError,
    SubmissionForm,
    checked_form,
    refuse_long_text,
)
from data_access.submissions.review import submit, task_label
from loaders.limits import MAX_DOCUMENT_NUMBER_CHARS
from loaders.status_words import status_reading
from loaders.text import fold

# Statuses not done, by the first words of the file's text; other known words are under way.
DONE, UNDER_WAY, NOT_STARTED, PAUSED = SUBMITTED_STATUSES
NOT_DONE_WORDS = (
    (("tam dung",), PAUSED),
    (("chua thuc hien", "chua trien khai"), NOT_STARTED),
)
KEEP_NUMBERS = "hãy giữ nguyên các cột Kế hoạch, Mục, STT như trong mẫu"
OTHER_AGENCY = (
    "Nhiệm vụ {task} của kế hoạch {plan} do {leads} chủ trì, không phải {agency}; đơn vị chỉ "
    "gửi báo cáo cho nhiệm vụ mình chủ trì."
)
COORDINATING = (
    "Nhiệm vụ {task} của kế hoạch {plan} do {leads} chủ trì, {agency} chỉ phối hợp; cơ quan "
    "phối hợp báo cáo phần việc của mình cho cơ quan chủ trì."
)
UNKNOWN_TASK = "Không có nhiệm vụ số {number} “{name}” trong kế hoạch {plan}; " + KEEP_NUMBERS + "."
GUESSED_TASK = "Dòng chỉ khớp gần đúng theo tên với nhiệm vụ {task}; " + KEEP_NUMBERS + "."
TWICE = (
    "Nhiệm vụ {task} đã có ở dòng {row} trang “{sheet}” của tệp; mỗi nhiệm vụ chỉ gửi một báo cáo."
)
NO_STATUS = "Dòng chưa ghi tình trạng; hãy chọn một tình trạng trong danh sách ({choices})."
UNREAD_STATUS = (
    "Tình trạng “{status}” không đọc được; hãy chọn một tình trạng trong danh sách ({choices})."
)

Link = tuple[int, str, AgencyRole]  # agency id, name, role


@dataclass(frozen=True)
class AcceptedRow:
    row: int | None  # the row in the file
    task_id: int
    task: str  # "II.1 “…”" (review.task_label)
    plan_code: str
    form: SubmissionForm
    changes: str  # "Tình trạng: Chưa thực hiện → Đã hoàn thành; …" against the task's record


@dataclass(frozen=True)
class RefusedRow:
    row: int | None
    task: str  # as the file names it: "12 “Chủ động rà soát…”"
    plan_code: str
    reason: str  # one sentence


@dataclass(frozen=True)
class SortedRows:
    accepted: tuple[AcceptedRow, ...]
    refused: tuple[RefusedRow, ...]


def submitted_status(words: str, completion_date: date | None) -> str:
    """The status of SUBMITTED_STATUSES the file's words say; SubmissionError if none does."""
    choices = ", ".join(SUBMITTED_STATUSES)
    if not words.strip():
        if completion_date is None:
            raise SubmissionError(NO_STATUS.format(choices=choices))
        return DONE
    if bool(report_says_completed(pd.Series([words])).iloc[0]):
        return DONE
    if not status_reading(words)[1]:
        raise SubmissionError(UNREAD_STATUS.format(status=words, choices=choices))
    key = fold(words)
    return next((status for starts, status in NOT_DONE_WORDS if key.startswith(starts)), UNDER_WAY)


def sort_rows(session: Session, agency_id: int, upload: PreparedUpload, today: date) -> SortedRows:
    """The rows of ``upload`` that change a report: accepted for the agency, or refused."""
    rows = [
        row for row in upload.changes.rows if row.kind in (ChangeKind.CHANGED, ChangeKind.UNMATCHED)
    ]
    ids = {row.stored_id for row in rows if row.stored_id is not None}
    tasks = {task.id: task for task in session.exec(select(Task).where(col(Task.id).in_(ids)))}
    links = _links(session, ids)
    agency = session.get(Agency, agency_id)
    name = agency.name if agency else ""
    accepted: list[AcceptedRow] = []
    refused: list[RefusedRow] = []
    first_row: dict[int, RowChange] = {}
    for row in rows:
        task = tasks.get(row.stored_id) if row.stored_id is not None else None
        as_named = f"{row.number} “{row.name}”"
        try:
            if task is None or task.id is None:
                raise SubmissionError(
                    UNKNOWN_TASK.format(number=row.number, name=row.name, plan=row.plan_code)
                )
            label = task_label(task)
            _refuse_others(row, label, name, links.get(task.id, []), agency_id)
            if task.id in first_row:
                first = first_row[task.id]
                raise SubmissionError(TWICE.format(task=label, row=first.row, sheet=first.sheet))
            form = checked_form(_form(row), today)
        except SubmissionError as refusal:
            refused.append(RefusedRow(row.row, as_named, row.plan_code, str(refusal)))
            continue
        first_row[task.id] = row
        changes = "; ".join(f"{f.label}: {f.before} → {f.after}" for f in row.fields)
        accepted.append(AcceptedRow(row.row, task.id, label, row.plan_code, form, changes))
    return SortedRows(tuple(accepted), tuple(refused))


def submit_rows(
    session: Session,
    actor: Account | None,
    rows: Sequence[AcceptedRow],
    *,
    now: datetime | None = None,
) -> list[Submission]:
    """One pending submission per row, in the caller's transaction: a refusal of any row
    (another agency's task, a form the checks refuse) leaves the caller to write none."""
    moment = now or utc_now()
    return [submit(session, actor, row.task_id, row.form, now=moment) for row in rows]


def _refuse_others(
    row: RowChange, label: str, agency: str, links: list[Link], agency_id: int
) -> None:
    """SubmissionError unless the agency leads the task and the row matched it surely."""
    leads = ", ".join(name for _id, name, role in links if role == AgencyRole.LEAD)
    mine = {role for linked, _name, role in links if linked == agency_id}
    if AgencyRole.LEAD not in mine:
        sentence = COORDINATING if mine else OTHER_AGENCY
        raise SubmissionError(
            sentence.format(task=label, plan=row.plan_code, leads=leads or "—", agency=agency)
        )
    if row.needs_confirmation:
        raise SubmissionError(GUESSED_TASK.format(task=label))


def _links(session: Session, task_ids: set[int]) -> dict[int, list[Link]]:
    """Per task, its agencies in the plan's order: (agency id, name, role)."""
    statement = (
        select(TaskAgency.task_id, TaskAgency.agency_id, Agency.name, TaskAgency.role)
        .join(Agency, col(Agency.id) == col(TaskAgency.agency_id))
        .where(col(TaskAgency.task_id).in_(task_ids))
        .order_by(col(TaskAgency.task_id), col(TaskAgency.role), col(TaskAgency.position))
    )
    links: dict[int, list[Link]] = {}
    for task_id, agency_id, name, role in session.exec(statement).all():
        links.setdefault(task_id, []).append((agency_id, name, AgencyRole(role)))
    return links


def _form(row: RowChange) -> SubmissionForm:
    """What the row reports, as the form would send it (see the module's notes)."""
    assert row.task is not None  # a progress row
    status, completion_date, evidence, description, _evaluation = report_of(row.task)
    refuse_long_text(FIELD_LABELS["evidence"], evidence, MAX_DOCUMENT_NUMBER_CHARS)
    return SubmissionForm(
        status=submitted_status(status, completion_date),
        completion_date=completion_date,
        evidence_number=evidence,
        description=description,
    )
