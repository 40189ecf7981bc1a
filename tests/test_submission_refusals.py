"""What a role may not do, and what a form or a file may not hold: one sentence, no change.

Each refusal is checked against the whole database, history included, before and after.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from sqlmodel import Session

from data_access.db import session_scope
from data_access.models import Submission
from data_access.permissions import NotAllowedError
from data_access.submissions.form import EvidenceUpload, SubmissionError, SubmissionForm
from data_access.submissions.review import approve, return_submission, submit
from data_access.submissions.views import agency_submissions, evidence_file
from errors import UserFacingError
from loaders.limits import MAX_EVIDENCE_BYTES
from tests.submission_db import Staff, at, image_bytes, staff_on_sample, task_id, zip_bytes
from tests.upload_db import dump

IN_PROGRESS = SubmissionForm(status="Đang thực hiện", description="Đã xong 50%.")
DONE = SubmissionForm(status="Đã hoàn thành", completion_date=date(2026, 11, 20))
TASK_13 = "13 “Chủ động rà soát khắc phục triệt để tình trạng còn lỗi của các hệ thống thông tin”"
NOT_YOURS = (
    f"Nhiệm vụ {TASK_13} không do Sở Tài chính chủ trì nên tài khoản dm-stc (cán bộ đầu mối) "
    "không gửi báo cáo cho nhiệm vụ này; chưa có gì thay đổi."
)
MAY_NOT_SUBMIT = "Tài khoản {who} không có quyền gửi báo cáo tiến độ; chưa có gì thay đổi."
MAY_NOT_REVIEW = "Tài khoản {who} không có quyền duyệt báo cáo của đơn vị; chưa có gì thay đổi."
VIEWER, REPORTER, EDITOR = "xem (người xem)", "dm-skhcn (cán bộ đầu mối)", "bt-so (biên tập của Sở)"
Attempt = Callable[[Session, Staff, int, int], object]  # (session, staff, task 13, pending id)


@pytest.fixture
def staff_and_pending(sample_copy_url: str) -> tuple[Staff, int, int]:
    """The staff, task 13, and a report of Sở KH&CN on it pending since 01/12/2026."""
    staff = staff_on_sample(sample_copy_url)
    task = task_id(staff.engine, "13")
    with session_scope(staff.engine, write=True) as session:
        pending = submit(
            session,
            staff.skhcn,
            task,
            IN_PROGRESS,
            EvidenceUpload("anh.png", image_bytes("PNG")),
            now=at("01/12/2026"),
        )
    return staff, task, pending.id or 0


def _with_evidence(name: str, content: bytes) -> Attempt:
    return lambda s, staff, task, _pending: submit(
        s, staff.skhcn, task, DONE, EvidenceUpload(name, content), now=at("02/12/2026")
    )


def _form(form: SubmissionForm) -> Attempt:
    return lambda s, staff, task, _pending: submit(s, staff.skhcn, task, form, now=at("02/12/2026"))


REFUSALS: dict[str, tuple[Attempt, str]] = {
    # --- who ---
    "another agency's task": (lambda s, st, t, _p: submit(s, st.stc, t, DONE), NOT_YOURS),
    "a viewer submits": (
        lambda s, st, t, _p: submit(s, st.viewer, t, DONE),
        MAY_NOT_SUBMIT.format(who=VIEWER),
    ),
    "an editor submits": (
        lambda s, st, t, _p: submit(s, st.editor, t, DONE),
        MAY_NOT_SUBMIT.format(who=EDITOR),
    ),
    "a viewer approves": (
        lambda s, st, _t, p: approve(s, st.viewer, p),
        MAY_NOT_REVIEW.format(who=VIEWER),
    ),
    "a reporter approves its own": (
        lambda s, st, _t, p: approve(s, st.skhcn, p),
        MAY_NOT_REVIEW.format(who=REPORTER),
    ),
    "a viewer returns": (
        lambda s, st, _t, p: return_submission(s, st.viewer, p, "Sai."),
        MAY_NOT_REVIEW.format(who=VIEWER),
    ),
    "a reporter returns": (
        lambda s, st, _t, p: return_submission(s, st.skhcn, p, "Sai."),
        MAY_NOT_REVIEW.format(who=REPORTER),
    ),
    "nobody signed in": (
        lambda s, _st, _t, p: approve(s, None, p),  # type: ignore[arg-type]
        "Cần đăng nhập để duyệt báo cáo của đơn vị; chưa có gì thay đổi.",
    ),
    "a return without a comment": (
        lambda s, st, _t, p: return_submission(s, st.editor, p, "  \n "),
        "Trả lại báo cáo cần ghi ý kiến của Sở để đơn vị biết cần sửa gì; chưa có gì thay đổi.",
    ),
    "another agency reads the evidence": (
        lambda s, st, _t, p: evidence_file(s, st.stc, _file_of(s, p)),
        "Tài khoản dm-stc (cán bộ đầu mối) chỉ xem tệp minh chứng cho cơ quan của mình, không "
        "cho cơ quan khác; chưa có gì thay đổi.",
    ),
    "a viewer reads the evidence": (
        lambda s, st, _t, p: evidence_file(s, st.viewer, _file_of(s, p)),
        f"Tài khoản {VIEWER} không có quyền xem tệp minh chứng; chưa có gì thay đổi.",
    ),
    "a task that does not exist": (
        lambda s, st, _t, _p: submit(s, st.skhcn, 999_999, DONE),
        "Không có nhiệm vụ mã số 999999; chưa có gì thay đổi.",
    ),
    "a report that does not exist": (
        lambda s, st, _t, _p: approve(s, st.editor, 999_999),
        "Không có báo cáo số 999999; chưa có gì thay đổi.",
    ),
    # --- the file: checked by content and size, named in the sentence ---
    "PNG content named .pdf": (
        _with_evidence("bao_cao.pdf", image_bytes("PNG")),
        "Tệp minh chứng “bao_cao.pdf” có nội dung là ảnh PNG nhưng tên tệp không có đuôi .png; "
        "chưa có gì thay đổi.",
    ),
    "a zip named .pdf": (
        _with_evidence("bao_cao.pdf", zip_bytes()),
        "Tệp minh chứng “bao_cao.pdf” không phải tệp PDF, PNG hoặc JPEG (kiểm tra theo nội dung "
        "tệp, không theo tên); chưa có gì thay đổi.",
    ),
    "10 MB and one byte": (
        _with_evidence("lon.pdf", b"%PDF-" + bytes(MAX_EVIDENCE_BYTES - 4)),
        "Tệp minh chứng “lon.pdf” nặng 10.485.761 byte, quá mức tối đa 10 MB; chưa có gì thay đổi.",
    ),
    "a path for a name": (
        _with_evidence("../../etc/x.jpg", zip_bytes()),
        "Tệp minh chứng “x.jpg” không phải tệp PDF, PNG hoặc JPEG (kiểm tra theo nội dung tệp, "
        "không theo tên); chưa có gì thay đổi.",
    ),
    # --- the form ---
    "a status the engine does not know": (
        _form(SubmissionForm(status="Xong rồi")),
        "Tình trạng “Xong rồi” không có trong danh sách (Đã hoàn thành, Đang thực hiện, Chưa "
        "thực hiện, Tạm dừng); chưa có gì thay đổi.",
    ),
    "done without a date": (
        _form(SubmissionForm(status="Đã hoàn thành")),
        "Nhiệm vụ đã hoàn thành cần ghi ngày hoàn thành; chưa có gì thay đổi.",
    ),
    "a date while in progress": (
        _form(SubmissionForm(status="Đang thực hiện", completion_date=date(2026, 11, 1))),
        "Chỉ ghi ngày hoàn thành khi tình trạng là “Đã hoàn thành”; chưa có gì thay đổi.",
    ),
    "completed tomorrow": (
        _form(SubmissionForm(status="Đã hoàn thành", completion_date=date(2026, 12, 3))),
        "Ngày hoàn thành 03/12/2026 là ngày trong tương lai (hôm nay là 02/12/2026); "
        "chưa có gì thay đổi.",
    ),
    "a document number too long": (
        _form(SubmissionForm(status="Đang thực hiện", evidence_number="9" * 101)),
        "Số văn bản minh chứng dài 101 ký tự, quá mức tối đa 100 ký tự; chưa có gì thay đổi.",
    ),
}


def _file_of(session: Session, submission_id: int) -> int:
    submission = session.get(Submission, submission_id)
    assert submission is not None
    (view,) = [
        v
        for v in agency_submissions(session, submission.agency_id)
        if v.submission.id == submission_id
    ]
    return view.evidence_files[0][0]


@pytest.mark.parametrize("case", list(REFUSALS))
def test_a_refusal_is_one_sentence_and_changes_nothing(
    staff_and_pending: tuple[Staff, int, int], case: str
) -> None:
    staff, task, pending = staff_and_pending
    attempt, sentence = REFUSALS[case]
    before = dump(staff.engine, with_history=True)
    with pytest.raises(UserFacingError) as refused, session_scope(staff.engine, write=True) as s:
        attempt(s, staff, task, pending)
    assert str(refused.value) == sentence
    assert isinstance(refused.value, NotAllowedError | SubmissionError)
    assert dump(staff.engine, with_history=True) == before


def test_the_largest_file_allowed_is_kept_whole(staff_and_pending: tuple[Staff, int, int]) -> None:
    staff, task, _pending = staff_and_pending
    content = b"%PDF-" + bytes(MAX_EVIDENCE_BYTES - 5)
    with session_scope(staff.engine, write=True) as session:
        sent = submit(session, staff.skhcn, task, DONE, EvidenceUpload("Quyết định.PDF", content))
    with session_scope(staff.engine) as session:
        file_id = _file_of(session, sent.id or 0)
        for reader in (staff.skhcn, staff.editor):
            stored = evidence_file(session, reader, file_id)
            assert (stored.file_name, stored.media_type, stored.size) == (
                "Quyết định.PDF",
                "application/pdf",
                MAX_EVIDENCE_BYTES,
            )
            assert stored.content == content
