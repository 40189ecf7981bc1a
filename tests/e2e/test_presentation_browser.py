"""Presentation mode on a 1366×768 projector in headless Chromium: every dashboard page in
turn with the → key, nothing cut, chart text at least 16 px (Altair and plotly), every
week of the 12-week chart labelled, tables whole, no sidebar; /tong-quan; print.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from charts.presentation import AXIS_LABEL_PX, TITLE_PX
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
# While presenting, tables are static (ui.presented_table): each fits the page's width.
WIDE_TABLES = """() => [...document.querySelectorAll('[data-testid=stTable]')]
  .filter((table) => [table, ...table.querySelectorAll('*')]
    .some((box) => box.scrollWidth > box.clientWidth + 1))
  .map((table) => table.innerText.slice(0, 80))"""
# Each chart's axis and legend labels, subtitle lines and numbers drawn in or beside its
# marks: text and font size in pixels.
CHART_LABELS = """() => [...document.querySelectorAll('[data-testid=stVegaLiteChart]')]
  .map((chart) => [...chart.querySelectorAll(
      'svg .role-axis-label text, svg .role-axis-title text, svg .role-legend-label text,'
      + ' svg .role-title-subtitle text, svg .mark-text text')]
    .map((text) => [text.textContent, parseFloat(getComputedStyle(text).fontSize)]))"""

# Each plotly chart's drawn text: text, size in pixels as seen (a treemap scales a tile's
# text down to fit: the font size times the text's own scale), whether it lies within the
# chart's width, and its role ("xtick", "ytick", "gtitle" or "" for legend, tiles, notes).
PLOTLY_TEXT = """() => [...document.querySelectorAll('.js-plotly-plot')]
  .map((plot) => {
    const box = plot.getBoundingClientRect();
    return [...plot.querySelectorAll('svg text')]
      .filter((text) => text.textContent.trim() && text.getBoundingClientRect().width > 0)
      .map((text) => {
        const scale = text.getScreenCTM(), drawn = text.getBoundingClientRect();
        const role = text.closest('.xtick, .ytick, .gtitle');
        return [text.textContent,
          parseFloat(getComputedStyle(text).fontSize) * Math.hypot(scale.a, scale.b),
          drawn.left >= box.left - 0.5 && drawn.right <= box.right + 0.5,
          role ? role.getAttribute('class').split(' ')[0] : ''];
      });
  })"""
# As many plotly charts as expected (``count``), each drawn with its text.
PLOTS_DRAWN = """(count) => {
  const charts = [...document.querySelectorAll('[data-testid=stPlotlyChart]')];
  return charts.length === count
    && charts.every((chart) => chart.querySelector('.js-plotly-plot svg text'));
}"""
# Per timeline: its task lines (the figure's y categories) and the y tick labels drawn.
TIMELINE_LINES = """() => [...document.querySelectorAll('.js-plotly-plot')]
  .filter((plot) => plot.layout.yaxis && plot.layout.yaxis.categoryarray)
  .map((plot) => [plot.layout.yaxis.categoryarray.length,
    plot.querySelectorAll('.ytick text').length])"""
# The week labels ("07/12") of the chart titled "… tuần tới …", left to right, with their
# left and right edges in pixels.
WEEK_LABELS = """() => [...document.querySelectorAll('[data-testid=stVegaLiteChart]')]
  .filter((chart) => chart.querySelector('svg .role-title-text')?.textContent.includes('tuần tới'))
  .map((chart) => [...chart.querySelectorAll('svg .role-axis-label text')]
    .filter((text) => /^\\d\\d\\/\\d\\d$/.test(text.textContent)
      && getComputedStyle(text).opacity !== '0')
    .map((text) => [text.textContent, text.getBoundingClientRect().left,
      text.getBoundingClientRect().right])
    .sort((a, b) => a[1] - b[1]))"""
WEEKS = 12  # the next twelve weeks (issue 15 §2)
# The pages with plotly charts (URL path: how many) and the one with the 12-week chart.
PLOTLY_CHARTS = {"theo-co-quan": 1, "han-hoan-thanh": 1}  # the drill-down; the timeline
WEEKS_PAGE = "han-hoan-thanh"


@pytest.fixture
def projector(browser: Browser) -> Any:
    context = browser.new_context(viewport=PROJECTOR, locale="vi-VN")
    yield context.new_page()
    context.close()


def path_of(page: Page) -> str:
    return re.sub(r"^https?://[^/]+/", "", page.url).split("?")[0]


def check_projected(page: Page, path: str, heading: str) -> None:
    """The page as a meeting room sees it: nothing cut, every chart label readable."""
    expect(page.locator("h1").first).to_have_text(heading)
    expect(page.locator(SIDEBAR)).to_be_hidden()
    page.wait_for_function(CHARTS_DRAWN, timeout=60_000)
    assert page.evaluate(CUT_METRIC_LABELS) == []
    expect(page.locator("[data-testid=stDataFrame]")).to_have_count(0)  # static tables only
    assert page.evaluate(WIDE_TABLES) == []  # every column in view, long text wrapped
    for labels in page.evaluate(CHART_LABELS):
        assert labels
        assert [text for text, size in labels if size < AXIS_LABEL_PX] == []
        assert [text for text, _ in labels if text.endswith("…")] == []
    page.wait_for_function(PLOTS_DRAWN, arg=PLOTLY_CHARTS.get(path, 0), timeout=60_000)
    for texts in page.evaluate(PLOTLY_TEXT):
        assert texts
        assert [text for text, size, _, _ in texts if size < AXIS_LABEL_PX] == []
        assert [text for text, size, _, role in texts if role == "gtitle" and size < TITLE_PX] == []
        assert [text for text, _, within, _ in texts if not within] == []
        assert [text for text, *_ in texts if text.endswith("…")] == []
    for lines, labelled in page.evaluate(TIMELINE_LINES):
        assert labelled == lines  # every task's line has its label, none skipped
    week_charts = 1 if path == WEEKS_PAGE else 0
    page.wait_for_function(f"(count) => ({WEEK_LABELS})().length === count", arg=week_charts)
    for weeks in page.evaluate(WEEK_LABELS):
        assert len({text for text, _, _ in weeks}) == len(weeks) == WEEKS
        assert all(right <= left for (_, _, right), (_, left, _) in pairwise(weeks))  # apart


def test_every_dashboard_in_turn_with_the_arrow_key(projector: Page, app_url: str) -> None:
    projector.goto(f"{app_url}/?trinh_chieu=1")
    wait_for_app(projector)
    projector.wait_for_selector(METRIC, timeout=120_000)  # the first run loads the samples
    for at, (path, heading) in enumerate(DASHBOARDS):
        check_projected(projector, path, heading)
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


def test_a_printed_page_holds_every_row_of_its_tables(projector: Page, app_url: str) -> None:
    """Báo cáo's tables (reporting discipline: one row per lead agency) print whole without
    presenting: a table of up to WHOLE_TABLE_ROWS rows shows every row."""
    projector.goto(f"{app_url}/bao-cao?as_of=2026-11-23")
    wait_for_app(projector)
    projector.locator("[data-testid=stDataFrame]").first.wait_for(timeout=120_000)
    wait_for_app(projector)
    projector.wait_for_function(TABLES_DRAWN, timeout=60_000)
    projector.emulate_media(media="print")
    assert projector.evaluate(SCROLLING_TABLES) == 0
    projector.emulate_media(media="screen")
