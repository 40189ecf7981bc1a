"""What ``bench_browser`` does in headless Chromium: open a page, change a filter, time each.

One browser (Debian's Chromium, the e2e tests' flags), driven with Playwright's async
API so that many sessions can wait on the server at once. A page counts as open when
Streamlit's script state is "notRunning" (``tests.e2e.conftest.APP_IDLE``) and the
page's headline element is drawn; a filter change is over when the run it started has
finished (``WATCH_RUNS``). Every timing also checks that no error or traceback shows.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

from playwright.async_api import Browser, BrowserContext, Page, async_playwright

from tests.e2e.conftest import APP_IDLE, CHROMIUM, CHROMIUM_ARGS, WATCH_RUNS

TIMEOUT_MS = 180_000
RERUN_TIMEOUT_MS = 60_000  # a filter change whose run has not finished by then is an error
METRIC = "[data-testid='stMetricValue']"
TABLE = "[data-testid='stDataFrame']"
CHART = "[data-testid='stVegaLiteChart']"
TITLE = "[data-testid='stMain'] h1"
# The app's pages: (URL path, name, what shows that the page has drawn its figures).
PAGES = [
    ("", "Tổng quan", METRIC),  # the default page, at "/"
    ("theo-co-quan", "Theo cơ quan", TABLE),
    ("han-hoan-thanh", "Hạn hoàn thành", CHART),
    ("chi-tieu", "Chỉ tiêu", METRIC),
    ("qua-han", "Quá hạn", METRIC),
    ("cap-nhat-du-lieu", "Cập nhật dữ liệu", TITLE),
    ("bao-cao", "Báo cáo và xuất", TITLE),
]
OVERVIEW = PAGES[0]
ERRORS = "[data-testid='stException'], [data-testid='stAlertContentError']"
AGENCY_FILTER = "[data-testid='stSidebar'] [data-testid='stMultiSelect']"
AGENCY_LABEL = "Cơ quan"
RUN_FINISHED = "() => window.__runsFinished > 0"


class PageFailed(Exception):
    """The page showed an error, or did not finish in time."""


@asynccontextmanager
async def chromium() -> AsyncIterator[Browser]:
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            await browser.close()


@dataclass
class Session:
    """One person's browser session (its own context: cookies, Streamlit session)."""

    context: BrowserContext
    page: Page
    agency_chosen: bool = False

    @classmethod
    async def new(cls, browser: Browser) -> Session:
        context = await browser.new_context(viewport={"width": 1440, "height": 1000})
        page = await context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        return cls(context, page)

    async def close(self) -> None:
        await self.context.close()

    async def open(self, url: str, ready: str) -> float:
        """Seconds from asking for ``url`` until its run has finished and ``ready`` shows."""
        started = time.perf_counter()
        await self.page.goto(url)
        await self.page.wait_for_selector(APP_IDLE)
        await self.page.wait_for_selector(ready)
        elapsed = time.perf_counter() - started
        await self.check()
        return elapsed

    async def toggle_agency(self, agency: str) -> float:
        """Choose ``agency`` in the sidebar filter, or remove it if chosen: seconds to rerun."""
        box = self.page.locator(AGENCY_FILTER).filter(
            has=self.page.get_by_text(AGENCY_LABEL, exact=True)
        )
        if self.agency_chosen:
            await self.page.evaluate(WATCH_RUNS)
            started = time.perf_counter()
            await box.get_by_role("button", name=f"Remove {agency}", exact=True).click()
        else:
            await box.locator("input").click()
            await self.page.keyboard.type(agency)
            option = self.page.get_by_role("option", name=agency, exact=True)
            await option.wait_for()
            await self.page.evaluate(WATCH_RUNS)
            started = time.perf_counter()
            await option.click()  # Enter would choose every option matching the text
        await self.page.wait_for_function(RUN_FINISHED, timeout=RERUN_TIMEOUT_MS)
        await self.page.wait_for_selector(APP_IDLE)
        elapsed = time.perf_counter() - started
        if not self.agency_chosen:
            await self.page.keyboard.press("Escape")
        self.agency_chosen = not self.agency_chosen
        await self.check()
        return elapsed

    async def check(self) -> None:
        if await self.page.locator(ERRORS).count():
            raise PageFailed(await self.page.locator(ERRORS).first.inner_text())

    async def screenshot(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        await self.page.screenshot(path=str(path))


async def open_once(browser: Browser, url: str, ready: str, shot: Path | None = None) -> float:
    """A new session opening ``url``: its time (a screenshot of what it saw, if asked)."""
    session = await Session.new(browser)
    try:
        elapsed = await session.open(url, ready)
        if shot:
            await session.screenshot(shot)
        return elapsed
    finally:
        await session.close()
