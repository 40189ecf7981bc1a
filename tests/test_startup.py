"""The server's background work (ui/startup.py): the database prepared and the default
view built before anyone visits, kept built, and a failure logged without stopping it.

The server itself running it at start: tests/e2e/test_server_start.py.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event, func, select
from streamlit.testing.v1 import AppTest

from data_access.db import get_engine
from data_access.models import Plan
from data_access.schema import upgrade_schema
from sample_data.manifest import SAMPLE_PLANS
from tests.pages_db import REPO_ROOT, TIMEOUT, use_database
from tests.polling import poll
from ui.startup import keep_warm, warm_default_view

OVERVIEW = REPO_ROOT / "app_pages" / "1_Tong_quan.py"
# What a page reads from the database: tasks, reports, agency links, plans, KPIs.
DATA_TABLES = ("task", "progressupdate", "taskagency", "plan", "kpi")


@contextmanager
def statements_run() -> Iterator[list[str]]:
    """The SQL statements every engine of this process runs inside the block."""
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        seen.append(statement.lower())

    event.listen(Engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(Engine, "before_cursor_execute", record)


def reads_data(statement: str) -> bool:
    return any(f" {table}" in statement or f'"{table}"' in statement for table in DATA_TABLES)


def plan_count(url: str) -> int:
    with get_engine(url).connect() as connection:
        return connection.execute(select(func.count()).select_from(Plan)).scalar_one()


def test_after_warming_the_overview_opens_without_reading_the_data(
    sample_copy_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_database(monkeypatch, sample_copy_url)
    warm_default_view()
    with statements_run() as statements:
        at = AppTest.from_file(OVERVIEW, default_timeout=TIMEOUT).run()
    assert not at.exception
    assert {m.label: m.value for m in at.metric}["Nhiệm vụ"] == "119"
    assert [s for s in statements if reads_data(s)] == []


def test_without_warming_the_overview_reads_the_data(
    sample_copy_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check above can fail: a cold page does read tasks and reports."""
    use_database(monkeypatch, sample_copy_url)
    with statements_run() as statements:
        at = AppTest.from_file(OVERVIEW, default_timeout=TIMEOUT).run()
    assert not at.exception
    assert [s for s in statements if reads_data(s)]


@contextmanager
def warming() -> Iterator[threading.Thread]:
    stop = threading.Event()
    thread = threading.Thread(target=keep_warm, args=(stop,), daemon=True)
    thread.start()
    try:
        yield thread
    finally:
        stop.set()
        thread.join(timeout=TIMEOUT)
    assert not thread.is_alive()


def test_a_first_start_loads_the_samples_before_anyone_visits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path / 'nq57.sqlite'}"
    upgrade_schema(get_engine(url))  # tables, no data: what the first start finds
    monkeypatch.setenv("DATABASE_URL", url)
    with warming():
        assert poll(lambda: plan_count(url) == len(SAMPLE_PLANS), TIMEOUT)


def test_a_failure_is_logged_and_the_thread_stops_when_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    url = f"sqlite:///{tmp_path / 'nq57.sqlite'}"
    upgrade_schema(get_engine(url))
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("SAMPLE_DATA_DIR", str(tmp_path / "khong_co"))
    with caplog.at_level(logging.ERROR, logger="ui.startup"), warming() as thread:
        assert poll(lambda: bool(caplog.records), TIMEOUT)
        assert thread.is_alive()
    assert "BootstrapError" in caplog.records[0].getMessage()
    assert plan_count(url) == 0
