"""The province's server: two app processes on PostgreSQL behind nginx, as deploy/ ships them.

A browser stays with one process (its page, WebSocket and reruns), and an import made
by the command line shows in pages already open on either process, through nginx.
"""

from __future__ import annotations

import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from data_access.clock import vietnam_today
from data_access.kinds import Role
from tests.data_access_cli import OK, run_data_access
from tests.e2e.accounts import sign_in
from tests.e2e.conftest import metric_text, metric_value, wait_for_app
from tests.e2e.deployment import Deployment, Request, deployed
from tests.e2e.test_upload_browser import commit, upload
from tests.postgres import PostgresServer
from tests.signed_in import EDITOR, PASSWORD, account_in
from tests.upload_db import sample_with_statuses_done
from ui.cache import REVISION_CHECK_SECONDS

pytestmark = pytest.mark.e2e

STICKY_COOKIE = "nq57_backend"  # deploy/nginx/nq57.conf
METRIC = "[data-testid='stMetric']"
COMPLETED = "Đã hoàn thành"  # one of Tổng quan's big numbers
NEWLY_DONE = 3
SWITCHING_PROTOCOLS = 101  # HTTP's answer that opens a WebSocket
LOADS = 3  # a page opened, then reloaded twice: one WebSocket each
# Each new browser lands on either process at random (its sticky key is random): the
# chance that 20 in a row miss one of two processes is 2 ** -19.
LANDING_ATTEMPTS = 20
PATIENCE = REVISION_CHECK_SECONDS + 90  # the check's period, and a busy machine's page runs
RERUN_PATIENCE_MS = int((REVISION_CHECK_SECONDS + 8) * 1000)  # one press: a check and a run


@pytest.fixture(scope="module")
def deployment(
    postgres: PostgresServer, postgres_sample: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Deployment]:
    """Two app processes and nginx on a copy of the sample database; all stopped at the end."""
    url = postgres.create_database(template=postgres_sample)
    try:
        with deployed(url, tmp_path_factory.mktemp("server")) as running:
            yield running
    finally:
        postgres.drop_database(url)


@pytest.fixture
def landed(browser: Browser, deployment: Deployment) -> Iterator[dict[str, Page]]:
    """Tổng quan open through nginx in one browser per app process, by process address."""
    pages: dict[str, Page] = {}
    try:
        for _ in range(LANDING_ATTEMPTS):
            page = open_overview(browser, deployment.site_url)
            served = deployment.upstreams_by_key()[sticky_key(page)]
            assert len(served) == 1, f"one browser's requests went to {served}"
            (process,) = served
            if process in pages:
                page.context.close()
            else:
                pages[process] = page
            if len(pages) == len(deployment.process_urls):
                break
        assert len(pages) == len(deployment.process_urls), f"every browser landed on {pages}"
        yield pages
    finally:
        for page in pages.values():
            page.context.close()


def open_overview(browser: Browser, url: str) -> Page:
    page = browser.new_context(viewport={"width": 1440, "height": 1000}).new_page()
    page.goto(url)
    wait_for_app(page)
    page.wait_for_selector(METRIC, timeout=60_000)
    return page


def sticky_key(page: Page) -> str:
    (key,) = [c["value"] for c in page.context.cookies() if c["name"] == STICKY_COOKIE]
    return key


def completed(page: Page) -> int:
    return int(metric_text(page, COMPLETED))


def completed_after_reruns(page: Page, expected: int) -> int:
    """Rerun the open page in place (Streamlit's "r" key) until it shows ``expected``.

    Each press gets RERUN_PATIENCE_MS to show it, then the key is pressed again: a press can
    come before the process's next revision check, or be lost while a run is under way, and
    on a busy machine the browser can take a whole run's messages in one go, so that the
    app never shows itself "running" and a run cannot be counted from the page.
    """
    deadline = time.monotonic() + PATIENCE
    value = metric_value(page, COMPLETED)
    while True:
        page.keyboard.press("r")
        try:
            expect(value).to_have_text(str(expected), timeout=RERUN_PATIENCE_MS)
        except AssertionError:
            if time.monotonic() > deadline:
                return completed(page)
        else:
            return expected


def test_the_site_serves_the_app_and_its_health_check(page: Page, deployment: Deployment) -> None:
    with urllib.request.urlopen(f"{deployment.site_url}/_stcore/health", timeout=10) as health:
        assert health.read() == b"ok"
    page.goto(deployment.site_url)
    wait_for_app(page)  # the script ran: its WebSocket went through nginx
    expect(page.locator(METRIC).filter(has_text=COMPLETED)).to_be_visible()


def test_each_browser_stays_with_one_process(
    landed: dict[str, Page], deployment: Deployment
) -> None:
    keys = {process: sticky_key(page) for process, page in landed.items()}
    for page in landed.values():
        for _ in range(LOADS - 1):
            page.reload()
            wait_for_app(page)
        page.context.close()  # nginx logs a WebSocket when it closes
    deadline = time.monotonic() + PATIENCE
    while time.monotonic() < deadline and any(
        len(streams(deployment, key)) < LOADS for key in keys.values()
    ):
        time.sleep(0.2)
    for process, key in keys.items():
        served = [(r.upstream, r.status) for r in streams(deployment, key)]
        assert served == [(process, SWITCHING_PROTOCOLS)] * LOADS
        assert deployment.upstreams_by_key()[key] == {process}


def streams(deployment: Deployment, key: str) -> list[Request]:
    return [r for r in deployment.requests() if r.sticky_key == key and r.uri == "/_stcore/stream"]


def test_a_command_line_import_shows_in_pages_open_on_both_processes(
    landed: dict[str, Page], deployment: Deployment, tmp_path: Path
) -> None:
    before = {process: completed(page) for process, page in landed.items()}
    (count,) = set(before.values())
    progress = tmp_path / "tien_do.xlsx"
    progress.write_bytes(sample_with_statuses_done(NEWLY_DONE, vietnam_today()))

    run = run_data_access(deployment.database_url, "import", progress, "--by", "Nguyễn Thị Lan")
    assert run.returncode == OK, run.stderr
    shown = {p: completed_after_reruns(page, count + NEWLY_DONE) for p, page in landed.items()}
    assert shown == {process: count + NEWLY_DONE for process in landed}

    undo = run_data_access(deployment.database_url, "undo")
    assert undo.returncode == OK, undo.stderr
    shown = {p: completed_after_reruns(page, count) for p, page in landed.items()}
    assert shown == before


def test_an_upload_through_nginx_shows_on_the_other_process(
    landed: dict[str, Page], deployment: Deployment
) -> None:
    (uploading, uploader), (other, watcher) = landed.items()
    count = completed(watcher)

    account_in(deployment.database_url, EDITOR, Role.EDITOR)
    sign_in(uploader, EDITOR, PASSWORD)  # in the open page: the same process serves it
    upload(uploader, sample_with_statuses_done(NEWLY_DONE, vietnam_today()), "tien_do.xlsx")
    commit(uploader)
    assert deployment.upstreams_by_key()[sticky_key(uploader)] == {uploading}
    assert deployment.upstreams_by_key()[sticky_key(watcher)] == {other}
    assert completed_after_reruns(watcher, count + NEWLY_DONE) == count + NEWLY_DONE

    undo = run_data_access(deployment.database_url, "undo")
    assert undo.returncode == OK, undo.stderr
