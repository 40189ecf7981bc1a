"""Cập nhật dữ liệu asks for the dates a file does not give: report date, plan issue date."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import Session, col, select
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import DateInput

from data_access.db import get_engine
from data_access.kinds import Role
from data_access.models import Plan, ProgressUpdate
from loaders.load import load_file
from sample_data.manifest import sample_plan
from tests.cap_nhat_page import open_page
from tests.pages_db import REPO_ROOT, use_database
from tests.signed_in import EDITOR, account_in
from tests.upload_db import workbook
from ui.upload import NEEDS_ISSUE_DATE, UploadKey

PAGE = REPO_ROOT / "app_pages" / "6_Cap_nhat_du_lieu.py"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PROGRESS_HEADER = ["Kế hoạch", "Mục", "STT", "Tên nhiệm vụ", "Ngày báo cáo", "Tình trạng"]


@pytest.fixture
def url(sample_copy_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    use_database(monkeypatch, sample_copy_url)
    account_in(sample_copy_url, EDITOR, Role.EDITOR)  # before any "nothing changed" snapshot
    return sample_copy_url


def _upload(data: bytes, name: str) -> AppTest:
    at = open_page()
    at.file_uploader(key=UploadKey.FILE).set_value((name, data, XLSX))
    return at.run()


def _date_input(at: AppTest, label_start: str) -> DateInput:
    return next(field for field in at.date_input if field.label.startswith(label_start))


def _commit(at: AppTest) -> AppTest:
    next(button for button in at.button if button.key == "commit").click()
    return at.run()


def test_undated_progress_rows_take_the_date_staff_give(url: str) -> None:
    # Seed 000's task 2 (due 30/6/2026) in a file whose "Ngày báo cáo" cell is empty.
    task = load_file(sample_plan("PL-II-2026").path).tasks[1]
    rows = [PROGRESS_HEADER, ["PL-II-2026", None, task.number, task.name, None, "Đang thực hiện"]]
    at = _upload(workbook({"Tiến độ": rows}), "tien_do.xlsx")
    field = _date_input(at, "Ngày báo cáo cho 1 dòng không ghi ngày báo cáo")
    assert field.proto.format == "DD/MM/YYYY"  # as every date on screen (issue 15)
    field.set_value(date(2026, 11, 15))
    at.run()
    changes = next(frame.value for frame in at.dataframe if "Thay đổi (trước → sau)" in frame.value)
    assert changes["Thay đổi (trước → sau)"].str.contains("→ 15/11/2026").all()
    at = _commit(at)
    assert not at.exception
    with Session(get_engine(url)) as session:
        newest = session.exec(
            select(ProgressUpdate).order_by(col(ProgressUpdate.id).desc())
        ).first()
    assert newest is not None
    assert (newest.reported_on, newest.status) == (date(2026, 11, 15), "Đang thực hiện")


def test_a_dated_file_is_not_asked_for_a_date(url: str) -> None:
    task = load_file(sample_plan("PL-II-2026").path).tasks[1]
    row = ["PL-II-2026", None, task.number, task.name, date(2026, 11, 20), "Đang thực hiện"]
    at = _upload(workbook({"Tiến độ": [PROGRESS_HEADER, row]}), "tien_do.xlsx")
    assert not at.exception
    assert not [f for f in at.date_input if f.label.startswith("Ngày báo cáo")]
    assert any("cột “Ngày báo cáo”" in caption.value for caption in at.caption)


def _done_plan(title: str) -> bytes:
    header = ["STT", "Tên nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành", "Ghi chú"]
    task = ["1", "Tổ chức thi tìm hiểu Nghị quyết 57", "Sở Khoa học và Công nghệ", "Tháng 4/2026"]
    return workbook({"Nhiệm vụ": [[title], [], header, [*task, "(Đã thực hiện)"]]})


def _plans(url: str) -> dict[str, date | None]:
    with Session(get_engine(url)) as session:
        return {plan.code: plan.issued_on for plan in session.exec(select(Plan)).all()}


def test_a_plan_with_done_marks_and_no_date_is_not_written_until_one_is_given(url: str) -> None:
    at = _upload(_done_plan("Phụ lục: Danh mục bổ sung"), "ke_hoach_bo_sung.xlsx")
    new_code = next(field for field in at.text_input if field.label == "Mã kế hoạch mới")
    new_code.input("DM-2026").run()
    issued = _date_input(at, "Ngày ban hành kế hoạch")
    assert issued.value is None
    assert NEEDS_ISSUE_DATE in [warning.value for warning in at.warning]
    at = _commit(at)
    assert [error.value for error in at.error] == ["Chưa nạp được; cơ sở dữ liệu không thay đổi."]
    assert any("chưa có ngày ban hành" in text.value for text in at.text)
    assert "DM-2026" not in _plans(url)

    _date_input(at, "Ngày ban hành kế hoạch").set_value(date(2026, 5, 20))
    at = _commit(at.run())
    assert not at.exception
    assert _plans(url)["DM-2026"] == date(2026, 5, 20)


def test_a_title_with_a_blank_day_offers_the_month_end_and_says_so(url: str) -> None:
    title = "(Ban hành kèm theo Công văn số /CV-BCĐ ngày tháng 5 năm 2026 của Ban Chỉ đạo)"
    at = _upload(_done_plan(title), "ke_hoach_bo_sung.xlsx")
    assert _date_input(at, "Ngày ban hành kế hoạch").value == date(2026, 5, 31)
    assert title in [text.value for text in at.text]  # the source line, shown as plain text
    assert any("chỉ ghi tháng" in warning.value for warning in at.warning)


def test_a_plan_whose_title_states_its_issue_date_is_read_once(url: str) -> None:
    """The issue date prefilled from the title is the one the first read used: leaving it
    as it is must not read the file a second time (a 100,000-task plan took twice as long)."""
    title = "(Ban hành kèm theo Kế hoạch số 12/KH-UBND ngày 20 tháng 5 năm 2026 của UBND tỉnh)"
    at = _upload(_done_plan(title), "ke_hoach_co_ngay.xlsx")
    assert _date_input(at, "Ngày ban hành kế hoạch").value == date(2026, 5, 20)
    assert len(at.session_state[UploadKey.PREPARED]) == 1  # one preview: the file read once
