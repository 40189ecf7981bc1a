"""Presentation mode on a 1366×768 projector in headless Chromium: every dashboard page in
turn with the → key, nothing cut, chart text at least 16 px, tables whole, no sidebar;
/tong-quan; print.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from charts.presentation import AXIS_LABEL_PX
from tests.e2e.conftest import save_screenshot, wait_for_app

pytestmark = pytest.mark.e2e

PROJECTOR = {"width": 1366, "height": 768}
SIDEBAR = "[data-testid='stSidebar']"
METRIC = "[data-testid='stMetricValue']"
# The dashboards in menu order: (URL path, heading); "/" opens Tổng quan.
DASHBOARDS = [
    ("", "Tổng quan"),
    ("theo-co-quan", "Theo cơ quan"),
    ("han-hoan-thanh", "Hạn hoàn thành"),
    ("chi-tieu", "Chỉ tiêu"),
    ("qua-han", "Quá hạn"),
    ("danh-muc-nhiem-vu", "Danh mục nhiệm vụ"),
]
# Every chart drawn (SVG while presenting) with its axis labels.
CHARTS_DRAWN = """() => [...document.querySelectorAll('[data-testid=stVegaLiteChart]')]
  .every((chart) => chart.querySelector('svg .role-axis-label text'))"""
# Metric labels whose text runs past their box (shown cut, with "…").
CUT_METRIC_LABELS = """() => [...document.querySelectorAll('[data-testid=stMetricLabel]')]
  .filter((label) => [label, ...label.querySelectorAll('*')]
    .some((box) => box.scrollWidth > box.clientWidth))
  .map((label) => label.innerText)"""
# Tables that hide rows behind their own scroll bar (a projector cannot reach into it).
GRIDS = "[data-testid=stDataFrame] .dvn-scroller"
TABLES_DRAWN = f"""() => document.querySelectorAll('{GRIDS}').length
  === document.querySelectorAll('[data-testid=stDataFrame]').length"""
SCROLLING_TABLES = f"""() => [...document.querySelectorAll('{GRIDS}')]
  .filter((grid) => grid.scrollHeight > grid.clientHeight + 1).length"""
# Each chart's axis and legend labels and subtitle lines: text and font size in pixels.
CHART_LABELS = """() => [...document.querySelectorAll('[data-testid=stVegaLiteChart]')]
  .map((chart) => [...chart.querySelectorAll(
      'svg .role-axis-label text, svg .role-axis-title text, svg .role-legend-label text,'
      + ' svg .role-title-subtitle text')]
    .map((text) => [text.textContent, parseFloat(getComputedStyle(text).fontSize)]))"""


@pytest.fixture
def projector(browser: Browser) -> Any:
    context = browser.new_context(viewport=PROJECTOR, locale="vi-VN")
    yield context.new_page()
    context.close()


def path_of(page: Page) -> str:
    return re.sub(r"^https?://[^/]+/", "", page.url).split("?")[0]


def check_projected(page: Page, heading: str) -> None:
    """The page as a meeting room sees it: nothing cut, every chart label readable."""
    expect(page.locator("h1").first).to_have_text(heading)
    expect(page.locator(SIDEBAR)).to_be_hidden()
    page.wait_for_function(CHARTS_DRAWN, timeout=60_000)
    page.wait_for_function(TABLES_DRAWN, timeout=60_000)
    assert page.evaluate(CUT_METRIC_LABELS) == []
    assert page.evaluate(SCROLLING_TABLES) == 0
    for labels in page.evaluate(CHART_LABELS):
        assert labels
        assert [text for text, size in labels if size < AXIS_LABEL_PX] == []
        assert [text for text, _ in labels if text.endswith("…")] == []


def test_every_dashboard_in_turn_with_the_arrow_key(projector: Page, app_url: str) -> None:
    projector.goto(f"{app_url}/?trinh_chieu=1")
    wait_for_app(projector)
    projector.wait_for_selector(METRIC, timeout=120_000)  # the first run loads the samples
    for at, (path, heading) in enumerate(DASHBOARDS):
        check_projected(projector, heading)
        save_screenshot(projector, f"trinh_chieu_{path or 'tong-quan'}")
        if at + 1 < len(DASHBOARDS):
            following = DASHBOARDS[at + 1][0]
            projector.keyboard.press("ArrowRight")
            projector.wait_for_url(re.compile(rf"/{following}\?trinh_chieu=1$"), timeout=60_000)
            wait_for_app(projector)
    projector.keyboard.press("ArrowLeft")
    projector.wait_for_url(re.compile(rf"/{DASHBOARDS[-2][0]}\?trinh_chieu=1$"), timeout=60_000)
    wait_for_app(projector)
    expect(projector.locator("h1").first).to_have_text(DASHBOARDS[-2][1])


def test_metric_labels_are_whole_beside_the_sidebar_too(projector: Page, app_url: str) -> None:
    """At 1366 px with the sidebar open, "Đến hạn 30 ngày tới" and the others wrap, not cut."""
    for path, heading in DASHBOARDS:
        projector.goto(f"{app_url}/{path}")
        wait_for_app(projector)
        expect(projector.locator("h1").first).to_have_text(heading, timeout=120_000)
        expect(projector.locator(SIDEBAR)).to_be_visible()
        assert projector.evaluate(CUT_METRIC_LABELS) == []


def test_tong_quan_has_its_own_address(projector: Page, app_url: str) -> None:
    projector.goto(f"{app_url}/tong-quan")
    wait_for_app(projector)
    expect(projector.locator("h1").first).to_have_text("Tổng quan")
    assert path_of(projector) == "tong-quan"
    projector.wait_for_selector(METRIC, timeout=120_000)


def test_a_printed_page_leaves_out_the_sidebar(projector: Page, app_url: str) -> None:
    projector.goto(f"{app_url}/qua-han")
    wait_for_app(projector)
    projector.wait_for_selector(METRIC, timeout=120_000)
    expect(projector.locator(SIDEBAR)).to_be_visible()
    projector.emulate_media(media="print")
    expect(projector.locator(SIDEBAR)).to_be_hidden()
    projector.emulate_media(media="screen")
    expect(projector.locator(SIDEBAR)).to_be_visible()
