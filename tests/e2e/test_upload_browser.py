"""Cập nhật dữ liệu in Chromium: real file inputs, commits that move the dashboard, undo, refusals.

Every test leaves the shared database as it found it (what it commits, it undoes), and
compares full table dumps of the app's SQLite file where the issue asks for it.
"""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import Browser, Page, expect
from sqlalchemy import Engine, create_engine

from data_access.clock import vietnam_today
from sample_data.manifest import PROGRESS_WORKBOOK
from tests.e2e.conftest import save_screenshot, script_run, wait_for_app
from tests.upload_db import (
    PROGRESS_HEADER,
    dump,
    edit_cell,
    sample_with_statuses_done,
    workbook,
)

pytestmark = pytest.mark.e2e

PAGE = "cap-nhat-du-lieu"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
METRIC = "[data-testid='stMetric']"
SKHCN = "Sở Khoa học và Công nghệ"
SLOW = 120_000  # ms


@pytest.fixture(scope="module")
def database(app_url: str, browser: Browser, tmp_path_factory: pytest.TempPathFactory) -> Engine:
    """The app's own SQLite file, in the app_url fixture's folder, after a first visit."""
    context = browser.new_context()
    first = context.new_page()
    first.goto(app_url)
    wait_for_app(first)
    first.wait_for_selector(METRIC, timeout=SLOW)
    context.close()
    (path,) = {p.resolve() for p in tmp_path_factory.getbasetemp().glob("e2e*/nq57.sqlite")}
    return create_engine(f"sqlite:///{path}")


def open_page(page: Page, app_url: str, url_path: str) -> None:
    page.goto(app_url)
    wait_for_app(page)
    page.goto(f"{app_url}/{url_path}")
    wait_for_app(page)


def upload(page: Page, app_url: str, data: bytes, name: str) -> None:
    open_page(page, app_url, PAGE)
    with script_run(page):
        page.locator("input[type='file']").set_input_files(
            files=[{"name": name, "mimeType": XLSX, "buffer": data}]
        )
    page.wait_for_selector("text=Kết quả kiểm tra", timeout=SLOW)
    wait_for_app(page)


def metric(page: Page, label: str) -> int:
    value = (
        page.locator(METRIC).filter(has_text=label).first.locator("[data-testid='stMetricValue']")
    )
    return int(value.inner_text().strip().replace(".", ""))


def completed_on_dashboard(page: Page, app_url: str) -> int:
    open_page(page, app_url, "tong-quan")
    page.wait_for_selector(METRIC, timeout=SLOW)
    return metric(page, "Đã hoàn thành")


def commit(page: Page, who: str) -> None:
    page.get_by_label("Người nạp").fill(who)
    with script_run(page):
        page.get_by_label("Người nạp").press("Enter")
    with script_run(page):
        page.get_by_role("button", name="Xác nhận nạp dữ liệu").click()
    expect(page.get_by_text("Đã nạp lần số")).to_be_visible(timeout=SLOW)


def undo(page: Page, app_url: str) -> None:
    open_page(page, app_url, PAGE)
    page.get_by_role("tab", name="Lịch sử nạp và hoàn tác").click()
    with script_run(page):
        page.get_by_text("Tôi muốn hoàn tác lần nạp gần nhất").click()
    with script_run(page):
        page.get_by_role("button", name="Hoàn tác lần nạp gần nhất").click()
    expect(page.get_by_text("Đã hoàn tác lần nạp số")).to_be_visible(timeout=SLOW)


def test_changed_statuses_move_the_dashboard_and_undo_restores_it(
    page: Page, app_url: str, database: Engine
) -> None:
    before, completed = dump(database), completed_on_dashboard(page, app_url)
    upload(page, app_url, sample_with_statuses_done(3, vietnam_today()), "tien_do_thang_11.xlsx")
    assert metric(page, "Thay đổi") == 3
    expect(page.get_by_text("0 lỗi (chặn việc nạp)")).to_be_visible()
    save_screenshot(page, "cap_nhat_xem_truoc")
    assert dump(database) == before  # the preview wrote nothing
    commit(page, "Nguyễn Thị Lan")
    assert completed_on_dashboard(page, app_url) == completed + 3
    undo(page, app_url)
    save_screenshot(page, "cap_nhat_hoan_tac")
    assert dump(database) == before
    assert completed_on_dashboard(page, app_url) == completed


def test_one_blocking_error_writes_nothing(page: Page, app_url: str, database: Engine) -> None:
    before = dump(database)
    data = edit_cell(sample_with_statuses_done(3, vietnam_today()), "Tiến độ", "G4", "31/02/2026")
    upload(page, app_url, data, "tien_do_loi.xlsx")
    expect(page.get_by_text("Tệp còn 1 lỗi")).to_be_visible()
    expect(page.get_by_role("button", name="Xác nhận nạp dữ liệu")).to_be_disabled()
    save_screenshot(page, "cap_nhat_loi")
    button = page.get_by_test_id("stDownloadButton").get_by_role(
        "button", name="Tải báo cáo kiểm tra (.xlsx, ô có vấn đề được tô màu và ghi chú)"
    )
    with page.expect_download(timeout=SLOW) as info:
        button.click()
    report = load_workbook(io.BytesIO(Path(info.value.path()).read_bytes()))
    cell = report["Tiến độ"]["G4"]
    assert cell.value == "31/02/2026"
    assert cell.comment.text.startswith("Lỗi: Trang tính “Tiến độ”, dòng 4")
    assert dump(database) == before


def test_a_renumbered_plan_is_matched_by_name(page: Page, app_url: str, database: Engine) -> None:
    book = load_workbook(io.BytesIO(PROGRESS_WORKBOOK.read_bytes()))
    sheet = book["Tiến độ"]
    first = next(row for row in sheet.iter_rows(min_row=4, values_only=True) if row[2])
    renumbered = [first[0], first[1], 40, first[3], datetime(2026, 11, 20), "Tạm dừng"]
    upload(page, app_url, workbook({"Tiến độ": [PROGRESS_HEADER[:6], renumbered]}), "so_moi.xlsx")
    changes = page.get_by_test_id("stDataFrame").filter(has_text="Khớp theo").first
    expect(changes).to_contain_text("Tên, điểm 100")
    assert metric(page, "Thay đổi") == 1
    save_screenshot(page, "cap_nhat_khop_theo_ten")


def test_the_same_file_twice_is_detected(page: Page, app_url: str, database: Engine) -> None:
    before = dump(database)
    upload(page, app_url, PROGRESS_WORKBOOK.read_bytes(), PROGRESS_WORKBOOK.name)
    expect(page.get_by_text("Tệp này (cùng nội dung) đã được nạp lúc")).to_be_visible()
    expect(page.get_by_role("button", name="Xác nhận nạp dữ liệu")).to_be_disabled()
    assert dump(database) == before


def test_the_template_round_trips(page: Page, app_url: str, database: Engine) -> None:
    before = dump(database)
    open_page(page, app_url, PAGE)
    page.get_by_role("tab", name="Mẫu báo cáo tiến độ").click()
    box = page.get_by_test_id("stSelectbox").filter(has_text="Cơ quan").locator("input")
    box.click()
    box.fill("Khoa học và Công nghệ")
    with script_run(page):
        page.get_by_role("option", name=SKHCN, exact=True).click()
    button = page.get_by_test_id("stDownloadButton").get_by_role(
        "button", name="Tải mẫu báo cáo tiến độ (.xlsx)"
    )
    with page.expect_download(timeout=SLOW) as info:
        button.click()
    assert info.value.suggested_filename == ("mau-bao-cao-tien-do_so-khoa-hoc-va-cong-nghe.xlsx")
    book = load_workbook(io.BytesIO(Path(info.value.path()).read_bytes()))
    sheet = book.active
    sheet["F5"], sheet["G5"] = datetime(2026, 11, 20), "Đã hoàn thành"
    sheet["H5"] = datetime(2026, 11, 18)
    sheet["F6"], sheet["G6"] = datetime(2026, 11, 20), "Đang thực hiện"
    filled = io.BytesIO()
    book.save(filled)
    upload(page, app_url, filled.getvalue(), "mau_da_dien.xlsx")
    expect(page.get_by_text("0 lỗi (chặn việc nạp), 0 cảnh báo (không chặn).")).to_be_visible()
    assert metric(page, "Thay đổi") == 2
    commit(page, "Văn phòng Sở")
    undo(page, app_url)
    assert dump(database) == before
