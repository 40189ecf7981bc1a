"""Nộp theo mẫu under AppTest, through app.py: the Sở KH&CN's reporter uploads its filled
template with a row naming Sở Tài chính's task; the preview lists what it sends and what
it refuses, and sending makes exactly its two reports. A file with an error sends nothing.

Expectations come from the sample (tests.submission_files): the template's rows 6 and 9
are PL-II-2026 tasks 13 and 24, led by the Sở KH&CN; the added row 26 is task 12.
"""

from __future__ import annotations

import pytest
from sqlalchemy import Engine
from sqlmodel import select
from streamlit.testing.v1 import AppTest

from data_access.db import session_scope
from data_access.kinds import Role, SubmissionState
from data_access.models import Submission
from tests.cap_nhat_page import XLSX
from tests.pages_db import APP, page_test
from tests.signed_in import sign_in_as
from tests.submission_db import SKHCN, Staff, staff_on_sample, task_id
from tests.submission_files import OWN_REPORTS, TASK_12, filled_template, other_task_row
from ui.submission_upload import FILE, SEND

REPORTER_PAGE = "app_pages/9_Nhiem_vu_don_vi.py"


@pytest.fixture
def staff(sample_copy_url: str) -> Staff:
    return staff_on_sample(sample_copy_url)


def uploaded(monkeypatch: pytest.MonkeyPatch, staff: Staff, data: bytes) -> AppTest:
    url = staff.engine.url.render_as_string(hide_password=False)
    at = page_test(monkeypatch, url, APP)
    at = sign_in_as(at, url, "dm-skhcn", Role.AGENCY_REPORTER, SKHCN).run()
    at.switch_page(REPORTER_PAGE).run()
    at.file_uploader(key=f"{FILE}_0").set_value(("mau_bao_cao.xlsx", data, XLSX))
    at.run()
    assert not at.exception
    return at


def frame(at: AppTest, column: str) -> list[list[object]]:
    """The rows of the table that has ``column``."""
    return next(f.value for f in at.dataframe if column in f.value).values.tolist()


def submissions(engine: Engine) -> list[tuple[int, SubmissionState]]:
    with session_scope(engine) as session:
        return sorted(session.exec(select(Submission.task_id, Submission.state)).all())


def test_the_template_sends_its_own_tasks_and_refuses_another_agencys(
    staff: Staff, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = filled_template(staff.engine, OWN_REPORTS, [other_task_row("12", TASK_12)])
    at = uploaded(monkeypatch, staff, data)
    sent = frame(at, "Thay đổi so với hồ sơ (trước → sau)")
    assert [(row[0], row[1], row[3]) for row in sent] == [
        (6, "PL-II-2026", "Đã hoàn thành"),
        (9, "PL-II-2026", "Đang thực hiện"),
    ]
    ((row, plan, task, reason),) = frame(at, "Lý do")
    assert (row, plan, task) == (26, "PL-II-2026", f"12 “{TASK_12}”")
    assert reason.startswith(f"Nhiệm vụ 12 “{TASK_12}” của kế hoạch PL-II-2026 do Sở Tài chính")
    assert at.button(key=SEND).label == "Gửi 2 báo cáo"

    at.button(key=SEND).click().run()
    assert not at.exception
    assert at.success[0].value.startswith("Đã gửi 2 báo cáo (số ")
    pending = SubmissionState.PENDING
    assert submissions(staff.engine) == sorted(
        [(task_id(staff.engine, "13"), pending), (task_id(staff.engine, "24"), pending)]
    )
    assert at.file_uploader(key=f"{FILE}_1").value is None  # a new, empty upload


def test_a_file_with_an_error_sends_nothing(staff: Staff, monkeypatch: pytest.MonkeyPatch) -> None:
    reports = [(*OWN_REPORTS[0][:2], "31/02/2026", *OWN_REPORTS[0][3:]), OWN_REPORTS[1]]
    at = uploaded(monkeypatch, staff, filled_template(staff.engine, reports))
    assert any("lỗi" in error.value for error in at.error)
    assert at.button(key=SEND).disabled  # AppTest, like a browser, cannot press it
    assert submissions(staff.engine) == []
