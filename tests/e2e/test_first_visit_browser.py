"""The first visit after a server starts, in Chromium: each test starts its own server, so
its visit is the process's first run.

Streamlit serves a folder named pages/ beside the main script by itself until the first
st.navigation call of the process. Then a shared link said "Page not found", and an old
folder address (/Tong_quan, /Cong_khai) ran the page file without app.py: no sign-in, no
role check, the public page while PUBLIC_VIEW is off. The page files live in app_pages/.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import create_engine, text

from tests.e2e.conftest import METRIC, REPO_ROOT, SLOW, streamlit_server, wait_for_app
from ui.sign_in import NEEDS_SIGN_IN
from ui.task_links import TASK_PARAM, TASK_RECORD_PATH
from ui.task_record import RECORD_TITLE

pytestmark = pytest.mark.e2e

PAGE_NOT_FOUND = "Page not found"  # Streamlit's own dialog, in English
PUBLIC_HEADING = "Công khai tiến độ thực hiện nhiệm vụ"
# What pages/1_Tong_quan.py, 11_Cong_khai.py and 8_Tai_khoan.py were served at by
# Streamlit's folder mode.
OLD_FOLDER_ADDRESSES = ("Tong_quan", "Cong_khai", "Tai_khoan")


@contextmanager
def fresh_server(folder: Path, **env: str) -> Iterator[tuple[str, str]]:
    """server.py just started on a new database, nobody has visited yet: URL, database URL."""
    database_url = f"sqlite:///{folder / 'nq57.sqlite'}"
    log = folder / "streamlit.log"
    with streamlit_server(REPO_ROOT / "server.py", database_url, log, **env) as (url, _):
        yield url, database_url


@pytest.fixture
def open_server(tmp_path: Path) -> Iterator[tuple[str, str]]:
    with fresh_server(tmp_path) as started:
        yield started


@pytest.fixture
def closed_server(tmp_path: Path) -> Iterator[tuple[str, str]]:
    """Nobody reads without signing in (ALLOW_ANONYMOUS_VIEW=0)."""
    with fresh_server(tmp_path, ALLOW_ANONYMOUS_VIEW="0") as started:
        yield started


def test_a_shared_record_link_opens_the_record_on_a_servers_first_visit(
    page: Page, open_server: tuple[str, str]
) -> None:
    url, database_url = open_server
    page.goto(f"{url}/{TASK_RECORD_PATH}?{TASK_PARAM}=1")
    wait_for_app(page)
    expect(page.get_by_role("heading", name=RECORD_TITLE)).to_be_visible(timeout=SLOW)
    with create_engine(database_url).connect() as connection:
        name = connection.execute(text("SELECT name FROM task WHERE id = 1")).scalar_one()
    expect(page.get_by_test_id("stText").get_by_text(name, exact=True)).to_be_visible()
    expect(page.get_by_text(PAGE_NOT_FOUND)).to_have_count(0)
    expect(page.get_by_role("dialog")).to_have_count(0)


def test_old_folder_addresses_run_no_page_without_sign_in_on_a_servers_first_visit(
    page: Page, closed_server: tuple[str, str]
) -> None:
    url, _ = closed_server
    for address in OLD_FOLDER_ADDRESSES:  # the first is the process's first run
        page.goto(f"{url}/{address}")
        wait_for_app(page)
        expect(page.get_by_text(NEEDS_SIGN_IN, exact=True)).to_be_visible(timeout=SLOW)
        expect(page.locator(METRIC)).to_have_count(0)
        expect(page.get_by_text(PUBLIC_HEADING)).to_have_count(0)
        expect(page.get_by_test_id("stException")).to_have_count(0)


def test_no_folder_named_pages_sits_beside_the_main_script() -> None:
    assert not (REPO_ROOT / "pages").exists()
