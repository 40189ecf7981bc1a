"""Hạn hoàn thành's plotly timeline in headless Chromium: clicking a task's bar leads to the
task's record (/ho-so-nhiem-vu?nhiem_vu=<id>, ui.task_links), which shows that task."""

from __future__ import annotations

import html
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import wait_for_app
from ui.task_links import TASK_PARAM, TASK_RECORD_PATH
from ui.task_record import RECORD_TITLE

pytestmark = pytest.mark.e2e

PLOT = "[data-testid='stPlotlyChart'] .js-plotly-plot"
RECORD_LINK = f"a[href*='{TASK_PARAM}=']"
# A bar drawn inside the plot and the window: where to click, and the task id it carries
# (plotly keeps each trace's calculated data, and so its customdata, on its elements).
VISIBLE_BAR = """(selector) => {
  const plot = document.querySelector(selector);
  const area = plot.querySelector('.nsewdrag').getBoundingClientRect();
  for (const bar of plot.querySelectorAll('.barlayer .point')) {
    const r = bar.getBoundingClientRect();
    const left = Math.max(r.left, area.left), right = Math.min(r.right, area.right);
    const y = r.top + r.height / 2;
    const top = Math.max(area.top, 0), bottom = Math.min(area.bottom, window.innerHeight);
    if (right - left > 6 && y > top && y < bottom) {
      const trace = bar.closest('.trace').__data__[0].trace;
      const [task, , name] = trace.customdata[bar.__data__.i];
      return {x: (left + right) / 2, y: y, task: task, name: name};
    }
  }
  return null;
}"""


def test_clicking_a_timeline_bar_leads_to_the_tasks_record(app_url: str, page: Page) -> None:
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(f"{app_url}/han-hoan-thanh?as_of=2026-11-23")
    wait_for_app(page)
    plot = page.locator(PLOT)
    plot.wait_for(timeout=120_000)
    plot.scroll_into_view_if_needed()
    page.wait_for_function(f"() => document.querySelector(\"{PLOT}\").querySelector('.point')")
    bar = page.evaluate(VISIBLE_BAR, PLOT)
    assert bar is not None
    # plotly clicks the point it hovers: move onto the bar, wait for its label, then click
    page.mouse.move(bar["x"] - 30, bar["y"] - 30)
    page.mouse.move(bar["x"], bar["y"], steps=5)
    page.locator(f"{PLOT} .hoverlayer .hovertext").wait_for(timeout=10_000)
    page.mouse.click(bar["x"], bar["y"])
    link = page.locator(RECORD_LINK).first  # while the page reruns, the old run's may linger
    link.wait_for(timeout=60_000)
    with page.context.expect_page() as opened:
        link.click()
    record_page = opened.value
    record = urlparse(record_page.url)
    assert record.path == f"/{TASK_RECORD_PATH}"
    assert parse_qs(record.query)[TASK_PARAM] == [str(bar["task"])]
    wait_for_app(record_page)
    expect(record_page.get_by_role("heading", name=RECORD_TITLE)).to_be_visible(timeout=60_000)
    # the hover's name: escaped for plotly and broken into lines (charts.common.plotly_lines)
    whole_name = html.unescape(bar["name"].replace("<br>", " "))
    name = record_page.get_by_test_id("stText").get_by_text(whole_name, exact=True)
    expect(name).to_be_visible()
