"""A task's record opened by its address in headless Chromium, as a link shared in a
meeting's chat would open it: a new, anonymous session straight on /ho-so-nhiem-vu."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import serving, wait_for_app
from tests.sample_tasks import ADJUSTED, ADJUSTING, task_id
from ui.task_links import NO_SUCH_TASK, task_record_url

pytestmark = pytest.mark.e2e

RECORD = "[data-testid='stMain'] [data-testid='stText']"
# Seed 000, task 3 (the task seed 003's first row renames)
ADJUSTED_NAME = "Tổ chức rà soát, đánh giá tổng thể về an ninh mạng"


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory, browser: Browser) -> Iterator[tuple[str, str]]:
    """The app over its own database (the samples, loaded by a first visit), and that URL."""
    directory = tmp_path_factory.mktemp("record")
    db_path = directory / "nq57.sqlite"
    with serving(db_path, directory / "streamlit.log") as url:
        context = browser.new_context()
        first = context.new_page()
        first.goto(url)
        wait_for_app(first)
        first.wait_for_selector("[data-testid='stMetricValue']", timeout=120_000)
        context.close()
        yield url, f"sqlite:///{db_path}"


def open_address(page: Page, address: str) -> None:
    page.goto(address)
    wait_for_app(page)


def test_a_record_opens_from_its_address(served: tuple[str, str], page: Page) -> None:
    url, database = served
    open_address(page, url + task_record_url(task_id(database, *ADJUSTING)))
    expect(page.get_by_role("heading", name="Hồ sơ nhiệm vụ")).to_be_visible()
    expect(page.locator(RECORD).filter(has_text="Tổ Giúp việc Ban Chỉ đạo").first).to_be_visible()
    link = page.locator("[data-testid='stLinkButton'] a").filter(has_text=ADJUSTED_NAME)
    expect(link).to_have_attribute("href", task_record_url(task_id(database, *ADJUSTED)))
    with page.context.expect_page() as opened:  # a link button opens a new tab
        link.click()
    adjusted = opened.value
    wait_for_app(adjusted)
    expect(adjusted.locator(RECORD).filter(has_text=ADJUSTED_NAME).first).to_be_visible()
    expect(adjusted.locator(RECORD).filter(has_text="Được điều chỉnh bởi")).to_have_count(1)


def test_an_address_naming_no_task_gets_the_sentence(served: tuple[str, str], page: Page) -> None:
    url, _ = served
    open_address(page, f"{url}/ho-so-nhiem-vu?nhiem_vu=abc")
    expect(page.get_by_text(NO_SUCH_TASK)).to_be_visible()
    expect(page.locator("[data-testid='stException']")).to_have_count(0)


def test_the_registers_link_opens_the_record(served: tuple[str, str], page: Page) -> None:
    url, _ = served
    open_address(page, f"{url}/danh-muc-nhiem-vu?danh_muc_tim=to+chuc+thi+online+tim+hieu")
    table = page.get_by_test_id("stDataFrame").first
    table.wait_for()
    box = table.bounding_box()
    assert box is not None
    link = (box["x"] + 30, box["y"] + 35 + 17)  # the pinned "Hồ sơ" column, the only row
    page.mouse.move(*link)  # the grid draws a link as such once hovered
    with page.context.expect_page() as opened:
        page.mouse.click(*link)
    record = opened.value
    wait_for_app(record)
    # seed 003, row 2
    expect(
        record.locator(RECORD).filter(has_text="Tổ chức thi Online tìm hiểu").first
    ).to_be_visible()
