"""Start the real app on a fresh SQLite file and drive it with Debian's headless Chromium."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Locator, Page, sync_playwright

REPO_ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO_ROOT / "test-artifacts" / "screenshots"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
METRIC = "[data-testid='stMetric']"
SLOW = 120_000  # ms: the first run loads the samples, an upload is read in a worker


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until_healthy(url: str, process: subprocess.Popen[bytes], timeout: float = 90) -> None:
    """Poll Streamlit's health check at ``url`` (the app, or a proxy in front of it)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args!r} exited with code {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"{url} did not become healthy in time")


@contextmanager
def streamlit_server(
    script: Path,
    database_url: str,
    log_path: Path,
    *,
    port: int | None = None,
    options: Sequence[str] = (),
    **env: str,
) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """``streamlit run script`` on localhost over ``database_url``; yields its URL and process.

    ``options``: more ``--section.option=value`` settings of Streamlit's.
    """
    port = port or free_port()
    environment = {**os.environ, **env, "DATABASE_URL": database_url}
    command = [
        sys.executable, "-m", "streamlit", "run", str(script),
        "--server.headless=true", f"--server.port={port}", "--server.address=127.0.0.1",
        "--browser.gatherUsageStats=false", "--server.fileWatcherType=none", *options,
    ]  # fmt: skip
    with log_path.open("wb") as log:
        process = subprocess.Popen(command, cwd=REPO_ROOT, env=environment, stdout=log, stderr=log)
        url = f"http://127.0.0.1:{port}"
        try:
            wait_until_healthy(url, process)
            yield url, process
        finally:
            process.terminate()
            process.wait(timeout=20)


@contextmanager
def serving(db_path: Path, log_path: Path) -> Iterator[str]:
    """The app served on localhost over the SQLite file ``db_path``; yields its URL."""
    with streamlit_server(REPO_ROOT / "server.py", f"sqlite:///{db_path}", log_path) as (url, _):
        yield url


@pytest.fixture(scope="session")
def app_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The SQLite file the app_url server uses (empty until the first visit)."""
    return tmp_path_factory.mktemp("e2e") / "nq57.sqlite"


@pytest.fixture(scope="session")
def app_url(app_database: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app served on localhost over an empty database (first run loads the samples)."""
    with serving(app_database, tmp_path_factory.getbasetemp() / "streamlit.log") as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def database_url(app_url: str, app_database: Path, browser: Browser) -> str:
    """The app_url server's database URL, once a first visit has prepared it (tables
    made, samples loaded): accounts can be added to it from then on."""
    context = browser.new_context()
    first = context.new_page()
    first.goto(app_url)
    wait_for_app(first)
    first.wait_for_selector(METRIC, timeout=SLOW)
    context.close()
    return f"sqlite:///{app_database}"


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="vi-VN")
    page = context.new_page()
    yield page
    context.close()


def save_screenshot(page: Page, name: str) -> Path:
    """Keep a full-page screenshot as a test artifact (test-artifacts/screenshots)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


# stApp's script state goes "initial" -> "running" -> "notRunning" on the first run, then
# "running" -> "notRunning" on each rerun.
APP_IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"
# Counts the runs that finish from now on in window.__runsFinished.
WATCH_RUNS = """() => {
  window.__runsFinished = 0;
  if (window.__watchingRuns) return;
  window.__watchingRuns = true;
  new MutationObserver((changes) => {
    for (const change of changes) {
      const state = change.target.getAttribute("data-test-script-state");
      if (change.oldValue === "running" && state !== "running") window.__runsFinished += 1;
    }
  }).observe(document, {
    subtree: true, attributes: true, attributeOldValue: true,
    attributeFilter: ["data-test-script-state"],
  });
}"""


def wait_for_app(page: Page) -> None:
    """Wait until Streamlit has finished the script's run (after opening a page)."""
    page.wait_for_selector(APP_IDLE, timeout=60_000)


@contextmanager
def script_run(page: Page) -> Iterator[None]:
    """Around an action that reruns the script: wait until that run has finished."""
    page.evaluate(WATCH_RUNS)
    yield
    page.wait_for_function("() => window.__runsFinished > 0", timeout=60_000)
    wait_for_app(page)


def metric_value(page: Page, label: str) -> Locator:
    """The value of the metric labelled exactly ``label`` (has_text would also match a label
    that merely contains it, ignoring case: "Quá hạn" in "Cơ quan có nhiệm vụ quá hạn")."""
    exact = page.get_by_test_id("stMetricLabel").get_by_text(label, exact=True)
    metric = page.get_by_test_id("stMetric").filter(has=exact)
    return metric.get_by_test_id("stMetricValue")


def metric_text(page: Page, label: str) -> str:
    return metric_value(page, label).inner_text().strip()
