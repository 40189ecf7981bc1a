"""Where the app lives and which database it reads, for the page tests (AppTest).

The sample database itself is the ``sample_url`` fixture in conftest.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from data_access.db import create_schema, get_engine

REPO_ROOT = Path(__file__).resolve().parent.parent
APP = REPO_ROOT / "app.py"
TIMEOUT = 120  # seconds for one AppTest run (the first one computes every status)


def empty_database(directory: Path) -> str:
    """A SQLite file in ``directory`` with the tables and no data."""
    url = f"sqlite:///{directory / 'empty.sqlite'}"
    create_schema(get_engine(url))
    return url


def use_database(monkeypatch: pytest.MonkeyPatch, url: str) -> None:
    """Point the app at ``url`` and never let it load samples on its own."""
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("LOAD_SAMPLE_DATA", "0")
