"""A filled template sent as reports, at the data layer: the rows accepted and refused (with
why), the file's status words as the engine reads them, and sending all or none.

Expectations come from the sample (tests.submission_files): the Sở KH&CN leads PL-II-2026
tasks 13 (row 6 of its template) and 24 (row 9); added rows start at row 26.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from sqlmodel import select

from data_access.db import session_scope
from data_access.imports.read import prepare
from data_access.kinds import ImportKind, SubmissionState
from data_access.models import Submission, Task
from data_access.permissions import NotAllowedError
from data_access.queries.status import report_says_completed
from data_access.submissions.form import SubmissionError, SubmissionForm, evidence_text
from data_access.submissions.from_file import (
    AcceptedRow,
    SortedRows,
    sort_rows,
    submit_rows,
    submitted_status,
)
from tests.submission_db import PLAN, Staff, at, staff_on_sample, task_id
from tests.submission_files import OWN_REPORTS, TASK_12, filled_template, other_task_row
from tests.upload_db import dump

TODAY = date(2026, 12, 1)


@pytest.fixture
def staff(sample_copy_url: str) -> Staff:
    return staff_on_sample(sample_copy_url)


def sorted_file(staff: Staff, data: bytes) -> SortedRows:
    assert staff.skhcn.agency_id is not None
    with session_scope(staff.engine) as session:
        upload = prepare(
            session=session, data=data, file_name="mau.xlsx", kind=ImportKind.PROGRESS,
            plan_code="", today=TODAY,
        )  # fmt: skip
        assert not upload.errors
        return sort_rows(session, staff.skhcn.agency_id, upload, TODAY)


def task_name(staff: Staff, number: str) -> str:
    with session_scope(staff.engine) as session:
        return session.exec(select(Task.name).where(Task.id == task_id(staff.engine, number))).one()


def test_own_tasks_are_accepted_and_every_other_row_is_refused_with_why(staff: Staff) -> None:
    extra = [
        other_task_row("12", TASK_12),  # row 26: Sở Tài chính's
        other_task_row("1", task_name(staff, "1")),  # row 27: coordinated only
        other_task_row("99", "Nhiệm vụ không có trong kế hoạch"),  # row 28
    ]
    twice = [other_task_row("13", task_name(staff, "13"), "Đang thực hiện")]  # its row 2
    rows = sorted_file(staff, filled_template(staff.engine, OWN_REPORTS, extra, twice))

    accepted = [(r.row, r.plan_code, r.task_id, r.form) for r in rows.accepted]
    assert accepted == [
        (6, PLAN, task_id(staff.engine, "13"), SubmissionForm(
            "Đã hoàn thành", date(2026, 5, 15), "Báo cáo số 12/BC-SKHCN ngày 15/5/2026")),
        (9, PLAN, task_id(staff.engine, "24"), SubmissionForm(
            "Đang thực hiện", description="Đã nâng cấp thiết bị tại 12/20 xã.")),
    ]  # fmt: skip
    assert "Tình trạng: Chưa thực hiện → Đã hoàn thành" in rows.accepted[0].changes
    refused = {r.row: r.reason for r in rows.refused}
    assert list(refused) == [26, 27, 28, 2]
    assert refused[26] == (
        f"Nhiệm vụ 12 “{TASK_12}” của kế hoạch PL-II-2026 do Sở Tài chính chủ trì, không phải "
        "Sở Khoa học và Công nghệ; đơn vị chỉ gửi báo cáo cho nhiệm vụ mình chủ trì."
    )
    assert "Sở Khoa học và Công nghệ chỉ phối hợp" in refused[27]
    assert refused[28].startswith("Không có nhiệm vụ số 99 “Nhiệm vụ không có trong kế hoạch”")
    assert "đã có ở dòng 6 trang “Báo cáo tiến độ” của tệp" in refused[2]


def test_a_row_the_form_would_refuse_is_refused_with_the_forms_sentence(staff: Staff) -> None:
    reports = [("13", "Đang thực hiện", date(2026, 5, 15), "", ""), ("24", "", None, "", "Xong")]
    rows = sorted_file(staff, filled_template(staff.engine, reports))
    assert rows.accepted == ()
    assert [r.row for r in rows.refused] == [6, 9]
    assert "Chỉ ghi ngày hoàn thành khi tình trạng là “Đã hoàn thành”" in rows.refused[0].reason
    assert rows.refused[1].reason.startswith("Dòng chưa ghi tình trạng;")


def test_sending_makes_one_pending_report_per_row(staff: Staff) -> None:
    rows = sorted_file(
        staff, filled_template(staff.engine, OWN_REPORTS, [other_task_row("12", TASK_12)])
    )
    with session_scope(staff.engine, write=True) as session:
        submit_rows(session, staff.skhcn, rows.accepted, now=at("01/12/2026"))
    with session_scope(staff.engine) as session:
        stored = session.exec(select(Submission.task_id, Submission.state)).all()
    pending = SubmissionState.PENDING
    assert sorted(stored) == sorted(
        [(task_id(staff.engine, "13"), pending), (task_id(staff.engine, "24"), pending)]
    )


def test_a_crafted_row_for_another_agencys_task_sends_nothing(staff: Staff) -> None:
    rows = sorted_file(staff, filled_template(staff.engine, OWN_REPORTS))
    crafted = AcceptedRow(
        row=26, task_id=task_id(staff.engine, "12"), task="12", plan_code=PLAN,
        form=SubmissionForm("Đã hoàn thành", date(2026, 6, 1)), changes="",
    )  # fmt: skip
    before = dump(staff.engine, with_history=True)
    refused = pytest.raises(NotAllowedError, match="không do Sở Khoa học và Công nghệ chủ trì")
    with refused, session_scope(staff.engine, write=True) as session:
        submit_rows(session, staff.skhcn, [*rows.accepted, crafted], now=at("01/12/2026"))
    assert dump(staff.engine, with_history=True) == before


# The file's words, each as the status engine reads it (done or not), and the status sent.
STATUS_WORDS = [
    ("Đã hoàn thành", None, "Đã hoàn thành"),
    ("Hoàn thành", None, "Đã hoàn thành"),
    ("", date(2026, 5, 15), "Đã hoàn thành"),  # a date alone says done, to the engine too
    ("Đang thực hiện", None, "Đang thực hiện"),
    ("Đang triển khai", None, "Đang thực hiện"),
    ("Chưa hoàn thành", None, "Đang thực hiện"),
    ("Quá hạn", None, "Đang thực hiện"),
    ("Chưa thực hiện", None, "Chưa thực hiện"),
    ("chưa triển khai", None, "Chưa thực hiện"),
    ("Tạm dừng", None, "Tạm dừng"),
]


@pytest.mark.parametrize(("words", "done_on", "status"), STATUS_WORDS)
def test_status_words_map_to_a_status_the_engine_reads_alike(
    words: str, done_on: date | None, status: str
) -> None:
    assert submitted_status(words, done_on) == status
    if words:
        engine = report_says_completed(pd.Series([words, status])).tolist()
        assert engine[0] == engine[1]


@pytest.mark.parametrize(
    ("words", "start"),
    [("", "Dòng chưa ghi tình trạng"), ("Xem phụ lục", "Tình trạng “Xem phụ lục” không đọc được")],
)
def test_no_status_or_unknown_words_are_refused(words: str, start: str) -> None:
    with pytest.raises(SubmissionError, match=f"^{start}"):
        submitted_status(words, None)


@pytest.mark.parametrize(
    ("number", "evidence"),
    [
        ("45/QĐ-SKHCN", "số 45/QĐ-SKHCN, ngày 15/05/2026"),
        ("Báo cáo số 12/BC-SKHCN", "Báo cáo số 12/BC-SKHCN, ngày 15/05/2026"),
    ],
)
def test_the_evidence_reads_số_only_before_a_bare_number(number: str, evidence: str) -> None:
    form = SubmissionForm("Đã hoàn thành", evidence_number=number, evidence_date=date(2026, 5, 15))
    assert evidence_text(form, None) == evidence
