"""In Chromium: a click on a download button gives a real file, built on the server on demand."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook
from PIL import Image
from playwright.sync_api import Locator, Page, expect

from exports.chart_images import EXPORT_WIDTH, PRINT_SCALE
from tests.e2e.conftest import save_screenshot

pytestmark = pytest.mark.e2e
AS_OF = "2026-06-15"
# the list of issue 10: 43 tasks overdue (test_status_samples: the seven dated tasks the plans
# call recurring are not)
LIST_AS_OF = "2026-11-23"
DOWNLOAD_TIMEOUT = 120_000  # ms: the file is built only after the click


def download(page: Page, label: str, within: str | None = None) -> tuple[str, bytes]:
    """Click the download button called ``label`` (in the container keyed ``within``, if given).

    The file name and the bytes. Without ``within`` the first such button on the page.
    """
    scope = page.locator(f".st-key-{within}") if within else page
    button = scope.get_by_test_id("stDownloadButton").get_by_role("button", name=label).first
    expect(button).to_be_visible(timeout=60_000)
    with page.expect_download(timeout=DOWNLOAD_TIMEOUT) as info:
        button.click()
    file = info.value
    return file.suggested_filename, Path(file.path()).read_bytes()


def open_page(page: Page, app_url: str, url_path: str, title: str, as_of: str = AS_OF) -> None:
    """Open a page of the menu once the entry script has run (first run loads the samples)."""
    page.goto(f"{app_url}/?as_of={as_of}")
    expect(page.get_by_role("heading", name="Tổng quan", exact=True, level=1)).to_be_visible(
        timeout=120_000
    )
    page.goto(f"{app_url}/{url_path}?as_of={as_of}")
    expect(page.get_by_role("heading", name=title, exact=True, level=1)).to_be_visible(
        timeout=60_000
    )
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=60_000)  # script done


def test_reminder_letter_downloads_as_a_word_file(page: Page, app_url: str) -> None:
    open_page(page, app_url, "bao-cao", "Báo cáo và xuất")
    name, data = download(page, "Tải văn bản cho cơ quan đã chọn")
    save_screenshot(page, "bao_cao_download")
    assert name == "don-doc-cong-an-tinh_15-06-2026.docx"
    paragraphs = [p.text for p in Document(io.BytesIO(data)).paragraphs]
    assert "Kính gửi: Công an tỉnh" in paragraphs
    expect(page.get_by_test_id("stDownloadButtonError")).to_have_count(0)


def test_chart_and_table_download_from_a_dashboard(page: Page, app_url: str) -> None:
    open_page(page, app_url, "qua-han", "Quá hạn")
    # The page has two charts; the ageing chart's buttons sit in its keyed container.
    name, png = download(page, "Tải ảnh PNG", within="chart_theo-thoi-gian-qua-han_dl_downloads")
    assert name == "theo-thoi-gian-qua-han_15-06-2026.png"
    image = Image.open(io.BytesIO(png))
    image.load()
    assert image.format == "PNG" and image.width == EXPORT_WIDTH * PRINT_SCALE
    name, xlsx = download(page, "Tải Excel")
    assert name == "danh-sach-nhiem-vu-qua-han_15-06-2026.xlsx"
    sheet = load_workbook(io.BytesIO(xlsx)).active
    assert sheet is not None
    assert sheet["A1"].value == "Danh sách nhiệm vụ quá hạn"
    assert str(sheet["A2"].value).startswith("Tính đến 15/06/2026")
    save_screenshot(page, "qua_han_downloads")


def grid_rows(page: Page, grid: Locator) -> list[list[str]]:
    """The rows the grid holds, in the order it shows them now: its own "Download as CSV"."""
    grid.hover()
    with page.expect_download(timeout=DOWNLOAD_TIMEOUT) as info:
        grid.get_by_role("button", name="Download as CSV").click()
    text = Path(info.value.path()).read_text(encoding="utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline="")))


def test_table_csv_holds_every_row_shown_in_order(page: Page, app_url: str) -> None:
    """Regression for the blank, reordered CSV of a sorted list (issue 10).

    The list arrives sorted by days overdue, so its index is out of order. Sorting
    by a column header happens in the browser only: the file, built on the server,
    keeps the order the server sent, and holds exactly the rows the grid shows.
    """
    page.context.add_init_script("delete window.showSaveFilePicker")  # a plain download
    open_page(page, app_url, "qua-han", "Quá hạn", as_of=LIST_AS_OF)
    grid = page.get_by_test_id("stDataFrame")
    expect(grid).to_have_count(1, timeout=60_000)
    overdue = page.get_by_test_id("stMetricValue").first
    expect(overdue).to_have_text("43")
    as_sent = grid_rows(page, grid)
    box = grid.bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + 80, box["y"] + 17)  # the "Kế hoạch" header: sort A-Z
    as_sorted = grid_rows(page, grid)
    name, data = download(page, "Tải CSV", within="overdue_table_dl_downloads")
    save_screenshot(page, "qua_han_sorted_csv")
    assert (
        name
        == f"danh-sach-nhiem-vu-qua-han_{LIST_AS_OF[8:]}-{LIST_AS_OF[5:7]}-{LIST_AS_OF[:4]}.csv"
    )
    written = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    header, rows = written[0], written[1:]
    assert header == as_sent[0] == as_sorted[0]
    due = header.index("Hạn hoàn thành")
    assert len(rows) == 43
    assert all(row[0] and row[2] and row[due] for row in rows)  # plan, task, deadline: no blanks
    assert rows == [dated(row, due) for row in as_sent[1:]]  # row by row, as sent
    plans = [row[0] for row in as_sorted[1:]]
    assert plans == sorted(plans) and plans != [row[0] for row in as_sent[1:]]
    assert sorted(rows) == sorted(dated(row, due) for row in as_sorted[1:])  # the rows shown


def dated(row: list[str], column: int) -> list[str]:
    """A grid row with its ISO date (2025-10-20) written as the file writes it (20/10/2025)."""
    year, month, day = row[column].split("-")
    return [*row[:column], f"{day}/{month}/{year}", *row[column + 1 :]]
