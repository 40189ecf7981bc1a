"""An agency reports, the Sở approves or returns: the dashboards change only on approval.

Expectations come from the sample plans (tests.submission_db): task PL-II-2026/13 is due
30/06/2026 and its latest report says "Chưa thực hiện", so on 06/12/2026 it is overdue;
a report that it was completed on 15/05/2026 with evidence makes it done on time.
"""

from __future__ import annotations

from datetime import date

import pytest

from data_access.db import session_scope
from data_access.imports.history import import_history, undo_latest_import
from data_access.kinds import ImportKind, SubmissionState
from data_access.models import ProgressUpdate
from data_access.queries.status import compute_statuses
from data_access.queries.statuses import TaskStatus
from data_access.queries.task_record import task_detail
from data_access.queries.tasks import task_frame
from data_access.submissions.form import EvidenceUpload, SubmissionError, SubmissionForm
from data_access.submissions.review import approve, return_submission, submit
from data_access.submissions.views import agency_submissions, approval_queue, task_audit
from tests.submission_db import (
    PLAN,
    SKHCN,
    STC,
    Staff,
    at,
    image_bytes,
    staff_on_sample,
    task_id,
)

TODAY = date(2026, 12, 6)
DONE_IN_MAY = SubmissionForm(
    status="Đã hoàn thành",
    completion_date=date(2026, 5, 15),
    evidence_number="45/QĐ-SKHCN",
    evidence_date=date(2026, 5, 15),
    description="Đã tổ chức 12 lớp tập huấn kỹ năng số.",
)
DECISION = EvidenceUpload("quyet_dinh.pdf", image_bytes("PDF"))


@pytest.fixture
def staff(sample_copy_url: str) -> Staff:
    return staff_on_sample(sample_copy_url)


def status_of(staff: Staff, task: int, as_of: date, known_by: date | None = None) -> str:
    with session_scope(staff.engine) as session:
        tasks = task_frame(session=session, as_of=as_of, known_by=known_by)
    statuses = compute_statuses(tasks, as_of)
    return str(statuses.loc[statuses["task_id"] == task, "status"].item())


def test_an_approved_report_changes_the_status_every_page_computes(staff: Staff) -> None:
    task = task_id(staff.engine, "13")
    assert status_of(staff, task, TODAY) == TaskStatus.OVERDUE
    with session_scope(staff.engine, write=True) as session:
        sent = submit(session, staff.skhcn, task, DONE_IN_MAY, DECISION, now=at("01/12/2026"))
    assert status_of(staff, task, TODAY) == TaskStatus.OVERDUE  # pending counts nowhere
    with session_scope(staff.engine, write=True) as session:
        approved = approve(session, staff.editor, sent.id or 0, now=at("02/12/2026", 10))
    assert approved.state is SubmissionState.APPROVED
    assert status_of(staff, task, TODAY) == TaskStatus.DONE_ON_TIME
    # dated by its completion: done on 01/06/2026 already, though reported in December
    assert status_of(staff, task, date(2026, 6, 1)) == TaskStatus.DONE_ON_TIME
    # what was known before the approval's day is what was known then
    assert status_of(staff, task, TODAY, known_by=date(2026, 12, 1)) == TaskStatus.OVERDUE
    assert status_of(staff, task, TODAY, known_by=date(2026, 12, 2)) == TaskStatus.DONE_ON_TIME
    with session_scope(staff.engine) as session:
        history = import_history(session=session)
        record = task_detail(session=session, task_id=task)
    newest = history.iloc[0]
    assert (newest["kind"], newest["imported_by"], newest["progress_count"]) == (
        ImportKind.SUBMISSION,
        "Lê Văn Cường",
        1,
    )
    assert newest["file_name"] == f"Báo cáo số {sent.id} của {SKHCN}"
    assert record is not None
    report = record.progress.iloc[-1]
    assert (report["reported_on"], report["status"], report["completion_date"]) == (
        date(2026, 12, 1),
        "Đã hoàn thành",
        date(2026, 5, 15),
    )
    assert report["evidence"] == "số 45/QĐ-SKHCN, ngày 15/05/2026; tệp đính kèm quyet_dinh.pdf"
    assert report["description"] == "Đã tổ chức 12 lớp tập huấn kỹ năng số."


def test_the_audit_says_who_sent_and_approved_when_and_what_changed(staff: Staff) -> None:
    task = task_id(staff.engine, "13")
    with session_scope(staff.engine, write=True) as session:
        sent = submit(session, staff.skhcn, task, DONE_IN_MAY, now=at("01/12/2026"))
        approve(session, staff.editor, sent.id or 0, now=at("02/12/2026", 10))
    with session_scope(staff.engine) as session:
        (entry,) = task_audit(session, task)
    assert (entry.agency, entry.submitted_by, entry.reviewed_by) == (
        SKHCN,
        "Nguyễn Văn An",
        "Lê Văn Cường",
    )
    assert entry.submission.submitted_at == at("01/12/2026")
    assert entry.submission.reviewed_at == at("02/12/2026", 10)
    assert entry.before == {
        "status": "Chưa thực hiện",
        "completion_date": "",
        "evidence": "",
        "description": "Chưa triển khai: chờ hướng dẫn của cơ quan cấp trên.",
        "reported_on": "13/07/2026",
    }
    assert entry.submitted == {
        "status": "Đã hoàn thành",
        "completion_date": "15/05/2026",
        "evidence": "số 45/QĐ-SKHCN, ngày 15/05/2026",
        "description": "Đã tổ chức 12 lớp tập huấn kỹ năng số.",
    }


def test_a_returned_report_shows_the_comment_and_the_agency_sends_again(staff: Staff) -> None:
    task = task_id(staff.engine, "13")
    comment = "Thiếu số văn bản minh chứng; đề nghị bổ sung."
    first_form = SubmissionForm(status="Đã hoàn thành", completion_date=date(2026, 5, 15))
    with session_scope(staff.engine, write=True) as session:
        first = submit(session, staff.skhcn, task, first_form, now=at("01/12/2026"))
        return_submission(session, staff.editor, first.id or 0, comment, now=at("02/12/2026"))
    with session_scope(staff.engine) as session:
        (returned,) = agency_submissions(session, staff.skhcn.agency_id or 0)
        assert approval_queue(session) == []
    assert returned.submission.state is SubmissionState.RETURNED
    assert (returned.submission.review_comment, returned.reviewed_by) == (comment, "Lê Văn Cường")
    not_pending = pytest.raises(SubmissionError, match="không còn chờ duyệt \\(bị trả lại\\)")
    with not_pending, session_scope(staff.engine, write=True) as session:
        approve(session, staff.editor, first.id or 0)
    assert status_of(staff, task, TODAY) == TaskStatus.OVERDUE
    with session_scope(staff.engine, write=True) as session:
        second = submit(session, staff.skhcn, task, DONE_IN_MAY, now=at("03/12/2026"))
        approve(session, staff.editor, second.id or 0, now=at("04/12/2026"))
    with session_scope(staff.engine) as session:
        states = [v.submission.state for v in agency_submissions(session, second.agency_id)]
    assert states == [SubmissionState.APPROVED, SubmissionState.RETURNED]  # newest first
    assert status_of(staff, task, TODAY) == TaskStatus.DONE_ON_TIME


def test_a_new_report_replaces_the_one_still_pending(staff: Staff) -> None:
    task = task_id(staff.engine, "13")
    in_progress = SubmissionForm(status="Đang thực hiện", description="Đã xong 50%.")
    with session_scope(staff.engine, write=True) as session:
        first = submit(session, staff.skhcn, task, in_progress, now=at("01/12/2026"))
        second = submit(session, staff.skhcn, task, DONE_IN_MAY, now=at("02/12/2026"))
    with session_scope(staff.engine) as session:
        queue = approval_queue(session)
        states = {v.submission.id: v.submission.state for v in task_audit(session, task)}
    assert [entry.view.submission.id for entry in queue] == [second.id]
    assert states == {first.id: SubmissionState.SUPERSEDED, second.id: SubmissionState.PENDING}


def test_the_queue_is_by_agency_then_oldest_first_with_the_diff(staff: Staff) -> None:
    finance_task = task_id(staff.engine, "12")
    budget = SubmissionForm(status="Đang thực hiện", description="Đã bố trí 60% kinh phí.")
    with session_scope(staff.engine, write=True) as session:
        submit(session, staff.stc, finance_task, budget, now=at("25/11/2026"))
        submit(session, staff.skhcn, task_id(staff.engine, "13"), DONE_IN_MAY, now=at("01/12/2026"))
        submit(session, staff.skhcn, task_id(staff.engine, "18"), budget, now=at("28/11/2026"))
    with session_scope(staff.engine) as session:
        queue = approval_queue(session)
    # "Sở Khoa học…" before "Sở Tài chính"; within an agency, the oldest first; each task
    # named with its plan (the queue holds tasks of every plan)
    assert [(e.view.agency, e.view.task.split(" “")[0]) for e in queue] == [
        (SKHCN, f"{PLAN} · 18"),
        (SKHCN, f"{PLAN} · 13"),
        (STC, f"{PLAN} · 12"),
    ]
    finance = queue[-1]
    assert [(c.field, c.current, c.submitted) for c in finance.diff] == [
        ("description", "Đang triển khai, ước đạt 40% khối lượng.", "Đã bố trí 60% kinh phí.")
    ]


def test_undoing_the_approval_takes_the_report_out_and_puts_it_back_in_the_queue(
    staff: Staff,
) -> None:
    task = task_id(staff.engine, "13")
    with session_scope(staff.engine, write=True) as session:
        sent = submit(session, staff.skhcn, task, DONE_IN_MAY, now=at("01/12/2026"))
        approve(session, staff.editor, sent.id or 0, now=at("02/12/2026"))
    with session_scope(staff.engine, write=True) as session:
        undone = undo_latest_import(session=session, actor=staff.editor)
    assert undone.kind is ImportKind.SUBMISSION
    assert status_of(staff, task, TODAY) == TaskStatus.OVERDUE
    with session_scope(staff.engine) as session:
        (entry,) = approval_queue(session)
        reports = session.get(ProgressUpdate, entry.view.submission.progress_update_id or -1)
    assert entry.view.submission.id == sent.id
    assert entry.view.submission.state is SubmissionState.PENDING
    assert (entry.view.submission.import_batch_id, reports) == (None, None)
