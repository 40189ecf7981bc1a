"""In Chromium: a click on a download button gives a real file, built on the server on demand."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook
from PIL import Image
from playwright.sync_api import Page, expect

from exports.chart_images import EXPORT_WIDTH, PRINT_SCALE
from tests.e2e.conftest import save_screenshot, wait_for_app

pytestmark = pytest.mark.e2e
AS_OF = "2026-06-15"
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


def open_page(page: Page, app_url: str, url_path: str, title: str) -> None:
    """Open a page of the menu once the entry script has run (first run loads the samples)."""
    page.goto(f"{app_url}/?as_of={AS_OF}")
    expect(page.get_by_role("heading", name="Tổng quan", exact=True, level=1)).to_be_visible(
        timeout=120_000
    )
    page.goto(f"{app_url}/{url_path}?as_of={AS_OF}")
    expect(page.get_by_role("heading", name=title, exact=True, level=1)).to_be_visible(
        timeout=60_000
    )
    wait_for_app(page)


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
