"""Helpers of "Nhiệm vụ của đơn vị" and "Duyệt báo cáo": reads and writes made as the
signed-in account (the data layer refuses what its role does not allow), and the tables
in Vietnamese. Every frame holds text people typed: shown with st.dataframe/st.text only.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from data_access.clock import local_time_text
from data_access.models import Account, Agency, EvidenceFile, Submission
from data_access.permissions import NOT_SIGNED_IN, Action, NotAllowedError, require
from data_access.submissions import review, views
from data_access.submissions.agency_tasks import AgencyTasks, agency_tasks
from data_access.submissions.current import FIELD_LABELS
from data_access.submissions.form import EvidenceUpload, SubmissionForm
from labels import status_label
from ui.cache import database_url, query, reading, writing
from ui.common import date_column
from ui.plan_numbers import NUMBER_HEADING, sortable_numbers
from ui.session import acting_account

TASK_COLUMNS = {  # the deadlines right after the status: in view at 1366 px with the menu
    "plan_code": "Kế hoạch",
    "number": NUMBER_HEADING,
    "name": "Tên nhiệm vụ",
    "status": "Trạng thái",
    "due_date": "Hạn hoàn thành",
    "report_due": "Hạn gửi báo cáo",
    "due_in_period": "Đến hạn trong kỳ",
    "report_period": "Kỳ báo cáo tới",
    "milestones": "Các mốc",
}
SENT_COLUMNS = (
    "Số", "Nhiệm vụ", "Gửi lúc", "Người gửi", "Tình trạng báo cáo", "Ý kiến của Sở",
    "Người duyệt", "Minh chứng",
)  # fmt: skip
# Widths in pixels: plan, number, name, status and the two deadlines fit the main column at
# 1366 px beside the sidebar (about 900 px); the rest scroll into view.
TASK_COLUMN_CONFIG = {
    TASK_COLUMNS["plan_code"]: st.column_config.TextColumn(width=115),
    TASK_COLUMNS["number"]: st.column_config.Column(width=45),  # a number where all are
    TASK_COLUMNS["name"]: st.column_config.TextColumn(width=260),
    TASK_COLUMNS["status"]: st.column_config.TextColumn(width=190),
    **{
        TASK_COLUMNS[name]: date_column(TASK_COLUMNS[name], width=115)
        for name in ("due_date", "report_due")
    },
}
AUDIT_COLUMNS = ("Duyệt lúc", "Nội dung báo cáo", "Hồ sơ trước khi duyệt")
DIFF_COLUMNS = ("Nội dung", "Hiện tại", "Đơn vị báo cáo")
REPORTING = "gửi báo cáo tiến độ"


def reporter() -> Account:
    """The signed-in agency reporter; NotAllowedError for anyone else."""
    actor = acting_account()
    if actor is None:
        raise NotAllowedError(NOT_SIGNED_IN.format(action=REPORTING))
    require(actor, Action.SUBMIT_PROGRESS, actor.agency_id)
    return actor


def agency_name(agency_id: int) -> str:
    with reading(database_url()) as session:
        agency = session.get(Agency, agency_id)
    return agency.name if agency else ""


@query(max_entries=32)
def tasks_of(agency_id: int, as_of: date) -> AgencyTasks:
    with reading(database_url()) as session:
        return agency_tasks(session, agency_id, as_of)


def task_table(tasks: pd.DataFrame) -> pd.DataFrame:
    """Shown with TASK_COLUMN_CONFIG: the dates stay dates (they sort), shown dd/mm/yyyy;
    the numbers sort as numbers (``sortable_numbers``)."""
    shown = tasks.assign(
        status=tasks["status"].map(status_label),
        due_in_period=tasks["due_in_period"].map({True: "Có", False: ""}),
    )
    return sortable_numbers(shown[list(TASK_COLUMNS)].rename(columns=TASK_COLUMNS))


def submit(task_id: int, form: SubmissionForm, evidence: EvidenceUpload | None) -> Submission:
    actor = acting_account()
    with writing(data_changes=False) as session:
        return review.submit(session, actor, task_id, form, evidence)


def sent_by_agency(agency_id: int) -> pd.DataFrame:
    with reading(database_url()) as session:
        sent = views.agency_submissions(session, agency_id)
    return pd.DataFrame([_sent_row(view) for view in sent], columns=list(SENT_COLUMNS))


def approval_queue() -> list[views.QueueEntry]:
    """The pending reports, for the Sở's editors and administrators only."""
    require(acting_account(), Action.APPROVE_SUBMISSION)
    with reading(database_url()) as session:
        return views.approval_queue(session)


def diff_table(entry: views.QueueEntry) -> pd.DataFrame:
    rows = [(FIELD_LABELS[c.field], c.current, c.submitted) for c in entry.diff]
    return pd.DataFrame(rows, columns=list(DIFF_COLUMNS))


def approve(submission_id: int) -> None:
    actor = acting_account()
    with writing() as session:  # the report now counts on every page
        review.approve(session, actor, submission_id)


def give_back(submission_id: int, comment: str) -> None:
    actor = acting_account()
    with writing(data_changes=False) as session:
        review.return_submission(session, actor, submission_id, comment)


def evidence(file_id: int) -> EvidenceFile:
    actor = acting_account()
    with reading(database_url()) as session:
        return views.evidence_file(session, actor, file_id)


def task_audit(task_id: int) -> pd.DataFrame:
    """Every agency report on the task: who sent it and when, who reviewed it and when, the
    outcome, and the record before and after an approval."""
    with reading(database_url()) as session:
        sent = views.task_audit(session, task_id)
    rows = [
        (
            *_sent_row(view),
            local_time_text(view.submission.reviewed_at) if view.submission.reviewed_at else "",
            _report_text(view.submitted),
            _report_text(view.before) if view.before is not None else "",
        )
        for view in sent
    ]
    return pd.DataFrame(rows, columns=[*SENT_COLUMNS, *AUDIT_COLUMNS])


def _report_text(values: dict[str, str]) -> str:
    """ "Tình trạng: Đã hoàn thành; Ngày hoàn thành: 15/05/2026; …" (filled fields only)."""
    return "; ".join(f"{FIELD_LABELS[name]}: {value}" for name, value in values.items() if value)


def _sent_row(view: views.SubmissionView) -> tuple[object, ...]:
    submission = view.submission
    return (
        submission.id,
        view.task,
        local_time_text(submission.submitted_at),
        view.submitted_by,
        review.STATE_LABELS[submission.state],
        submission.review_comment,
        view.reviewed_by,
        "\n".join(name for _id, name in view.evidence_files),
    )
