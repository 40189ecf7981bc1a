"""Cập nhật dữ liệu in Chromium: real file inputs, commits that move the dashboard, undo, refusals.

Every test signs in as an editor by the sidebar's form and moves between pages by the
sidebar's links; it leaves the shared database as it found it (what it commits, it
undoes), and compares full table dumps of the app's SQLite file where the issue asks for it.
"""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import Page, expect
from sqlalchemy import Engine, create_engine
from sqlmodel import Session, col, select

from data_access.clock import vietnam_today
from data_access.kinds import Role
from data_access.models import ImportBatch
from sample_data.manifest import PROGRESS_WORKBOOK
from tests.e2e.accounts import open_from_menu, signed_in
from tests.e2e.conftest import METRIC, SLOW, metric_text, save_screenshot, script_run, wait_for_app
from tests.signed_in import EDITOR
from tests.upload_db import (
    PROGRESS_HEADER,
    dump,
    edit_cell,
    sample_with_statuses_done,
    workbook,
)

pytestmark = pytest.mark.e2e

PAGE = "Cập nhật dữ liệu"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SKHCN = "Sở Khoa học và Công nghệ"
# What the history table names the editor's imports by (ui.session.account_label).
EDITOR_LABEL = f"Người dùng {EDITOR} ({EDITOR}, biên tập của Sở)"


@pytest.fixture(scope="module")
def database(database_url: str) -> Engine:
    return create_engine(database_url)


@pytest.fixture
def editor(page: Page, app_url: str, database_url: str) -> Page:
    """``page`` with the editor signed in by the sidebar's form."""
    signed_in(page, app_url, database_url, EDITOR, Role.EDITOR)
    return page


def upload(page: Page, data: bytes, name: str) -> None:
    open_from_menu(page, PAGE)
    page.get_by_role("tab", name="Tải tệp lên").click()
    with script_run(page):
        page.locator("input[type='file']").set_input_files(
            files=[{"name": name, "mimeType": XLSX, "buffer": data}]
        )
    page.wait_for_selector("text=Kết quả kiểm tra", timeout=SLOW)
    wait_for_app(page)


def metric(page: Page, label: str) -> int:
    return int(metric_text(page, label).replace(".", ""))


def completed_on_dashboard(page: Page) -> int:
    open_from_menu(page, "Tổng quan")
    page.wait_for_selector(METRIC, timeout=SLOW)
    return metric(page, "Đã hoàn thành")


def commit(page: Page) -> None:
    with script_run(page):
        page.get_by_role("button", name="Xác nhận nạp dữ liệu").click()
    expect(page.get_by_text("Đã nạp lần số")).to_be_visible(timeout=SLOW)


def latest_importer(database: Engine) -> str:
    """Who the latest import is recorded as made by."""
    with Session(database) as session:
        latest = session.exec(select(ImportBatch).order_by(col(ImportBatch.id).desc())).first()
    assert latest is not None
    return latest.imported_by


def undo(page: Page) -> None:
    open_from_menu(page, PAGE)
    page.get_by_role("tab", name="Lịch sử nạp và hoàn tác").click()
    with script_run(page):
        page.get_by_text("Tôi muốn hoàn tác lần nạp gần nhất").click()
    with script_run(page):
        page.get_by_role("button", name="Hoàn tác lần nạp gần nhất").click()
    expect(page.get_by_text("Đã hoàn tác lần nạp số")).to_be_visible(timeout=SLOW)


def test_changed_statuses_move_the_dashboard_and_undo_restores_it(
    editor: Page, database: Engine
) -> None:
    before, completed = dump(database), completed_on_dashboard(editor)
    upload(editor, sample_with_statuses_done(3, vietnam_today()), "tien_do_thang_11.xlsx")
    assert metric(editor, "Thay đổi") == 3
    expect(editor.get_by_text("0 lỗi (chặn việc nạp)")).to_be_visible()
    save_screenshot(editor, "cap_nhat_xem_truoc")
    assert dump(database) == before  # the preview wrote nothing
    commit(editor)
    assert latest_importer(database) == EDITOR_LABEL
    assert completed_on_dashboard(editor) == completed + 3
    undo(editor)
    save_screenshot(editor, "cap_nhat_hoan_tac")
    assert dump(database) == before
    assert completed_on_dashboard(editor) == completed


def test_one_blocking_error_writes_nothing(editor: Page, database: Engine) -> None:
    before = dump(database)
    data = edit_cell(sample_with_statuses_done(3, vietnam_today()), "Tiến độ", "G4", "31/02/2026")
    upload(editor, data, "tien_do_loi.xlsx")
    expect(editor.get_by_text("Tệp còn 1 lỗi")).to_be_visible()
    expect(editor.get_by_role("button", name="Xác nhận nạp dữ liệu")).to_be_disabled()
    save_screenshot(editor, "cap_nhat_loi")
    button = editor.get_by_test_id("stDownloadButton").get_by_role(
        "button", name="Tải báo cáo kiểm tra (.xlsx, ô có vấn đề được tô màu và ghi chú)"
    )
    with editor.expect_download(timeout=SLOW) as info:
        button.click()
    report = load_workbook(io.BytesIO(Path(info.value.path()).read_bytes()))
    cell = report["Tiến độ"]["G4"]
    assert cell.value == "31/02/2026"
    assert cell.comment.text.startswith("Lỗi: Trang tính “Tiến độ”, dòng 4")
    assert dump(database) == before


def test_a_renumbered_plan_is_matched_by_name(editor: Page, database: Engine) -> None:
    book = load_workbook(io.BytesIO(PROGRESS_WORKBOOK.read_bytes()))
    sheet = book["Tiến độ"]
    first = next(row for row in sheet.iter_rows(min_row=4, values_only=True) if row[2])
    renumbered = [first[0], first[1], 40, first[3], datetime(2026, 11, 20), "Tạm dừng"]
    upload(editor, workbook({"Tiến độ": [PROGRESS_HEADER[:6], renumbered]}), "so_moi.xlsx")
    changes = editor.get_by_test_id("stDataFrame").filter(has_text="Khớp theo").first
    expect(changes).to_contain_text("Tên, điểm 100")
    assert metric(editor, "Thay đổi") == 1
    save_screenshot(editor, "cap_nhat_khop_theo_ten")


def test_the_same_file_twice_is_detected(editor: Page, database: Engine) -> None:
    before = dump(database)
    upload(editor, PROGRESS_WORKBOOK.read_bytes(), PROGRESS_WORKBOOK.name)
    expect(editor.get_by_text("Tệp này (cùng nội dung) đã được nạp lúc")).to_be_visible()
    expect(editor.get_by_role("button", name="Xác nhận nạp dữ liệu")).to_be_disabled()
    assert dump(database) == before


def test_the_template_round_trips(editor: Page, database: Engine) -> None:
    before = dump(database)
    open_from_menu(editor, PAGE)
    editor.get_by_role("tab", name="Mẫu báo cáo tiến độ").click()
    box = editor.get_by_test_id("stSelectbox").filter(has_text="Cơ quan").locator("input")
    box.click()
    box.fill("Khoa học và Công nghệ")
    with script_run(editor):
        editor.get_by_role("option", name=SKHCN, exact=True).click()
    button = editor.get_by_test_id("stDownloadButton").get_by_role(
        "button", name="Tải mẫu báo cáo tiến độ (.xlsx)"
    )
    with editor.expect_download(timeout=SLOW) as info:
        button.click()
    assert info.value.suggested_filename == ("mau-bao-cao-tien-do_so-khoa-hoc-va-cong-nghe.xlsx")
    book = load_workbook(io.BytesIO(Path(info.value.path()).read_bytes()))
    sheet = book.active
    sheet["F5"], sheet["G5"] = datetime(2026, 11, 20), "Đã hoàn thành"
    sheet["H5"] = datetime(2026, 11, 18)
    sheet["F6"], sheet["G6"] = datetime(2026, 11, 20), "Đang thực hiện"
    filled = io.BytesIO()
    book.save(filled)
    upload(editor, filled.getvalue(), "mau_da_dien.xlsx")
    expect(editor.get_by_text("0 lỗi (chặn việc nạp), 0 cảnh báo (không chặn).")).to_be_visible()
    assert metric(editor, "Thay đổi") == 2
    commit(editor)
    assert latest_importer(database) == EDITOR_LABEL
    undo(editor)
    assert dump(database) == before
