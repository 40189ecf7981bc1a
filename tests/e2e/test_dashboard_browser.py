"""The five dashboard pages in headless Chromium: no error, numbers, filters in the URL, drill-down.

Screenshots of every page land in test-artifacts/screenshots (see conftest.save_screenshot).
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import Browser, Locator, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tests.e2e.conftest import metric_text, save_screenshot, script_run, wait_for_app

pytestmark = pytest.mark.e2e

AS_OF = "2026-11-23"
POLICE = "Công an tỉnh"
METRIC = "[data-testid='stMetricValue']"
CHART = "[data-testid='stVegaLiteChart']"
CAPTION = "[data-testid='stMain'] [data-testid='stCaptionContainer']"  # the first: active filters
TABLE = "[data-testid='stDataFrame']"
# (URL path, title, what shows the page's headline figures); "/" opens Tổng quan too
PAGES = [
    ("tong-quan", "Tổng quan", METRIC),
    ("theo-co-quan", "Theo cơ quan", TABLE),
    ("han-hoan-thanh", "Hạn hoàn thành", CHART),
    ("chi-tieu", "Chỉ tiêu", METRIC),
    ("qua-han", "Quá hạn", METRIC),
]
# Resolves once fonts are loaded and the browser has painted twice since (a resize is drawn).
PAINTED = """() => document.fonts.ready.then(() => new Promise(
  (done) => requestAnimationFrame(() => requestAnimationFrame(done))))"""
GRID_HEADER = 35  # pixels: st.dataframe's header row, then rows of about the same height


@pytest.fixture(scope="module")
def ready_url(app_url: str, browser: Browser) -> str:
    """The app after one first visit (the first run of a process loads the samples)."""
    context = browser.new_context()
    first = context.new_page()
    first.goto(app_url)
    wait_for_app(first)
    first.wait_for_selector(METRIC, timeout=120_000)
    context.close()
    return app_url


def open_page(page: Page, url: str, ready: str) -> None:
    page.goto(url)
    wait_for_app(page)
    page.wait_for_selector(ready, timeout=60_000)


def assert_no_error(page: Page) -> None:
    expect(page.locator("[data-testid='stException']")).to_have_count(0)
    expect(page.locator("[data-testid='stAlertContentError']")).to_have_count(0)


def screenshot(page: Page, name: str) -> None:
    """Grow the window to the page's full height first: Streamlit scrolls inside its own box."""
    height = page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    page.set_viewport_size({"width": 1440, "height": max(1000, int(height) + 40)})
    page.evaluate(PAINTED)  # the charts redraw at the new width before the picture
    save_screenshot(page, name)
    page.set_viewport_size({"width": 1440, "height": 1000})


def metric_value(page: Page, label: str) -> str:
    return metric_text(page, label)


def query(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


def choose_in_sidebar(page: Page, label: str, option: str) -> None:
    box = page.locator("[data-testid='stSidebar'] [data-testid='stMultiSelect']")
    box.filter(has_text=label).first.locator("input").click()
    page.keyboard.type(option)
    with script_run(page):
        page.keyboard.press("Enter")
    page.keyboard.press("Escape")


def click_top_bar(page: Page, chart: Locator) -> None:
    """Click the first (top) bar of a horizontal bar chart: hover down until a tooltip shows."""
    chart.scroll_into_view_if_needed()  # waits until the chart stands still
    box = chart.bounding_box()
    assert box is not None
    x = box["x"] + box["width"] * 0.7  # the top bar is the longest one
    for dy in range(20, int(box["height"]), 6):
        page.mouse.move(x, box["y"] + dy)
        if _tooltip_shows(page):
            with script_run(page):
                page.mouse.click(x, box["y"] + dy)
            return
    raise AssertionError("no bar found under the pointer")


def _tooltip_shows(page: Page) -> bool:
    """Whether Vega shows its tooltip under the pointer (it draws it on the next frames)."""
    try:
        page.wait_for_selector("#vg-tooltip-element", state="visible", timeout=250)
    except PlaywrightTimeoutError:
        return False
    return True


def click_first_row(page: Page, table: Locator) -> None:
    table.scroll_into_view_if_needed()
    box = table.bounding_box()
    assert box is not None
    with script_run(page):
        page.mouse.click(box["x"] + 18, box["y"] + GRID_HEADER + 17)  # the row's selection box


# --- Every page opens, through the menu, with its figures and no error ---


def test_every_page_opens_from_the_menu(page: Page, ready_url: str) -> None:
    open_page(page, f"{ready_url}/qua-han?as_of={AS_OF}", METRIC)
    for path, title, ready in PAGES:
        with script_run(page):
            page.locator("[data-testid='stSidebar'] a").filter(has_text=title).first.click()
        page.wait_for_url(re.compile(rf"127\.0\.0\.1:\d+/{path}(\?|$)"))
        page.wait_for_selector(ready, timeout=60_000)
        expect(page.locator("h1").first).to_have_text(title)
        assert_no_error(page)
        expect(page.locator(ready).first).to_be_visible()
        if ready == METRIC:
            assert re.fullmatch(r"[\d.,%—]+", page.locator(METRIC).first.inner_text().strip())
        assert f"Tính đến {AS_OF[8:]}/{AS_OF[5:7]}/{AS_OF[:4]}" in page.inner_text("body")
        screenshot(page, f"page_{path}")


# --- Filters: into the URL, and back from it ---


def test_a_filter_changes_the_url_and_the_numbers_and_the_link_reproduces_it(
    page: Page, ready_url: str
) -> None:
    open_page(page, f"{ready_url}/qua-han?as_of=2026-07-01", METRIC)
    before = metric_value(page, "Nhiệm vụ quá hạn")
    choose_in_sidebar(page, "Cơ quan", POLICE)
    page.wait_for_url(re.compile(r"agency="))
    expect(page.locator(CAPTION).first).to_contain_text(POLICE)
    after = metric_value(page, "Nhiệm vụ quá hạn")
    assert after != before
    assert query(page)["agency"] == [POLICE]
    assert query(page)["as_of"] == ["2026-07-01"]

    copy = page.context.new_page()
    open_page(copy, page.url, METRIC)
    assert metric_value(copy, "Nhiệm vụ quá hạn") == after
    expect(copy.locator(CAPTION).first).to_contain_text(
        f"Tính đến 01/07/2026 · Kế hoạch: tất cả · Cơ quan chủ trì: {POLICE}"
    )
    assert_no_error(copy)
    copy.close()


# --- Quá hạn: agency -> tasks -> one task's full record ---


def test_overdue_drill_down_reaches_one_tasks_record(page: Page, ready_url: str) -> None:
    open_page(page, f"{ready_url}/qua-han?as_of={AS_OF}", METRIC)
    all_tasks = metric_value(page, "Nhiệm vụ quá hạn")
    click_top_bar(page, page.locator(CHART).nth(1))
    expect(page.get_by_text(f"Cơ quan đã chọn: {POLICE}")).to_be_visible()

    search = page.get_by_label("Tìm theo tên nhiệm vụ (gõ có dấu hoặc không dấu)")
    search.fill("an ninh")
    with script_run(page):
        search.press("Enter")
    assert query(page).get("tim") == ["an ninh"]

    click_first_row(page, page.locator(TABLE).first)
    heading = page.get_by_role("heading", name="Hồ sơ nhiệm vụ")
    expect(heading).to_be_visible()
    record = page.locator("[data-testid='stVerticalBlock']").filter(has=heading).last
    text = record.inner_text()
    for label in ("Tên nhiệm vụ", "Cơ quan chủ trì", "Thời hạn (theo văn bản)", "Văn bản giao"):
        assert label in text
    assert POLICE in text
    assert re.search(r"\d{2}/\d{2}/\d{4} — ", text)  # the parsed due date, dd/mm/yyyy
    assert "an ninh" in text.lower()
    assert metric_value(page, "Nhiệm vụ quá hạn") == all_tasks  # the headline is not narrowed
    assert_no_error(page)
    screenshot(page, "qua_han_ho_so_nhiem_vu")
