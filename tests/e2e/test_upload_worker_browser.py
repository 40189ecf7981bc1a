"""An upload read in its worker process, in Chromium: progress, other sessions, "Hủy", tab closed.

The file is uploaded by an editor, signed in by the sidebar's form; the other session
reading Quá hạn is anonymous.

The slow file is legitimately slow: 60,000 tasks in seed 001's layout (3 MB, within
every limit), ~25 s to read and preview on an idle machine. The worker processes
are found in /proc: children of the app server running ``python -m loaders.worker``.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, Page, expect

from benchmarks.make_big_workbook import write_workbook
from data_access.kinds import Role
from tests.e2e.accounts import open_from_menu, signed_in
from tests.e2e.conftest import SLOW, wait_for_app
from tests.polling import poll
from tests.signed_in import EDITOR

pytestmark = pytest.mark.e2e

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
METRIC = "[data-testid='stMetricValue']"
RUNNING = "[data-testid='stStatusWidget']"
PROGRESS = "Đã đọc"  # "Đã đọc 12.000 dòng…"


@pytest.fixture(scope="module")
def slow_file(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    path = tmp_path_factory.mktemp("slow") / "ke_hoach_60000.xlsx"
    write_workbook(path, 60_000)
    return path.read_bytes()


@pytest.fixture(scope="module")
def server(app_url: str, database_url: str) -> int:
    """The app server's pid, after a first visit (the first run loads the samples)."""
    port = f"--server.port={urlparse(app_url).port}"
    (pid,) = [pid for pid, command in _processes() if port in command]
    return pid


def _processes() -> list[tuple[int, str]]:
    """(pid, command line) of every process visible in /proc."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            except OSError:  # gone meanwhile
                continue
            found.append((int(entry.name), command))
    return found


def workers(server: int) -> list[int]:
    """Reading processes: the server's children running ``python -m loaders.worker``."""
    children = []
    for task in Path(f"/proc/{server}/task").glob("*"):
        try:
            children += [int(c) for c in (task / "children").read_text().split()]
        except OSError:  # the thread ended meanwhile
            continue
    commands = dict(_processes())
    return [pid for pid in children if "-m loaders.worker" in commands.get(pid, "")]


def start_reading(page: Page, app_url: str, database_url: str, data: bytes) -> None:
    signed_in(page, app_url, database_url, EDITOR, Role.EDITOR)
    open_from_menu(page, "Cập nhật dữ liệu")
    page.locator("input[type='file']").set_input_files(
        files=[{"name": "ke_hoach_60000.xlsx", "mimeType": XLSX, "buffer": data}]
    )
    expect(page.get_by_text(PROGRESS)).to_be_visible(timeout=SLOW)


def test_another_session_is_served_while_a_file_is_read_and_hủy_stops_the_worker(
    page: Page, browser: Browser, app_url: str, database_url: str, server: int, slow_file: bytes
) -> None:
    start_reading(page, app_url, database_url, slow_file)
    assert poll(lambda: len(workers(server)) == 1)
    other = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="vi-VN")
    try:
        overdue = other.new_page()
        overdue.goto(f"{app_url}/qua-han")
        overdue.wait_for_selector(METRIC, timeout=SLOW)
        expect(overdue.locator(RUNNING)).to_have_count(0, timeout=SLOW)
        expect(overdue.locator("[data-testid='stException']")).to_have_count(0)
    finally:
        other.close()
    # The whole Quá hạn page came while the file was still being read.
    assert len(workers(server)) == 1
    expect(page.get_by_text(PROGRESS)).to_be_visible()
    page.get_by_role("button", name="Hủy").click()
    expect(page.get_by_text("Đã hủy việc đọc tệp")).to_be_visible(timeout=SLOW)
    assert poll(lambda: workers(server) == [])
    wait_for_app(page)
    # A rerun (here: the page drawn again) does not read the file again until asked.
    expect(page.get_by_role("button", name="Đọc lại")).to_be_visible()
    assert workers(server) == []


def test_closing_the_tab_mid_read_stops_the_worker(
    browser: Browser, app_url: str, database_url: str, server: int, slow_file: bytes
) -> None:
    context = browser.new_context()
    page = context.new_page()
    start_reading(page, app_url, database_url, slow_file)
    assert poll(lambda: len(workers(server)) == 1)
    context.close()
    assert poll(lambda: workers(server) == [])
