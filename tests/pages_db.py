"""Where the app lives and which database it reads, for the page tests (AppTest).

The sample database itself is the ``sample_url`` fixture in conftest.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from data_access.db import get_engine
from data_access.schema import upgrade_schema

REPO_ROOT = Path(__file__).resolve().parent.parent
APP = REPO_ROOT / "app.py"
TIMEOUT = 120  # seconds for one AppTest run (the first one computes every status)


def empty_database(directory: Path) -> str:
    """A SQLite file in ``directory`` with the tables and no data."""
    url = f"sqlite:///{directory / 'empty.sqlite'}"
    upgrade_schema(get_engine(url))
    return url


def use_database(monkeypatch: pytest.MonkeyPatch, url: str) -> None:
    """Point the app at ``url`` and never let it load samples on its own."""
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("LOAD_SAMPLE_DATA", "0")


def run_on_empty_database(page: Path, directory: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    """``page`` run over a database with the tables and no data; it must not raise."""
    use_database(monkeypatch, empty_database(directory))
    at = AppTest.from_file(page, default_timeout=TIMEOUT).run()
    assert not at.exception
    return at


def page_test(
    monkeypatch: pytest.MonkeyPatch, url: str, page: Path, query: dict[str, str] | None = None
) -> AppTest:
    """An AppTest of ``page`` over ``url`` with ``query`` in the address, not yet run."""
    use_database(monkeypatch, url)
    at = AppTest.from_file(page, default_timeout=TIMEOUT)
    at.query_params.update(query or {})
    return at


def open_through_app(
    monkeypatch: pytest.MonkeyPatch, url: str, page: str, query: dict[str, str] | None = None
) -> AppTest:
    """app.py over ``url`` with ``query`` in the address, then ``page`` chosen in the menu."""
    at = page_test(monkeypatch, url, APP, query).run()
    at.switch_page(page).run()
    assert not at.exception
    return at
