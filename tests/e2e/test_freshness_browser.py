"""A command-line import made while the server runs shows on the page without a restart."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.data_access_cli import OK, run_data_access
from tests.e2e.conftest import metric_text, metric_value, serving, wait_for_app
from tests.upload_db import PLAN_CODE, TASKS, plan_file
from ui.cache import REVISION_CHECK_SECONDS
from ui.common import NO_DATA

pytestmark = pytest.mark.e2e

TOTAL = "Nhiệm vụ"  # the first of Tổng quan's big numbers: every task in force
PATIENCE = REVISION_CHECK_SECONDS + 30  # the check's period, and a busy machine's page loads


def total_tasks_after_reloads(page: Page) -> str:
    """Reload Tổng quan until it shows its big numbers; the "Nhiệm vụ" one."""
    deadline = time.monotonic() + PATIENCE
    while time.monotonic() < deadline:
        page.reload()
        wait_for_app(page)
        if metric_value(page, TOTAL).count():
            return metric_text(page, TOTAL)
    raise AssertionError(f"no tasks shown {PATIENCE} s after the import")


def test_a_cli_import_while_the_app_runs_shows_on_the_page(
    page: Page, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LOAD_SAMPLE_DATA", "0")  # an empty database: the page asks for data
    db_path = tmp_path / "nq57.sqlite"
    with serving(db_path, tmp_path / "streamlit.log") as url:
        page.goto(url)
        wait_for_app(page)
        expect(page.get_by_text(NO_DATA)).to_be_visible()

        plan = tmp_path / "ke_hoach.xlsx"
        plan.write_bytes(plan_file())
        run = run_data_access(f"sqlite:///{db_path}", "import", plan, "--plan", PLAN_CODE)
        assert run.returncode == OK, run.stderr

        assert total_tasks_after_reloads(page) == str(len(TASKS))
