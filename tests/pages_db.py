"""The bundled sample data in a real SQLite file, for the status-engine and page tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from data_access.bootstrap import ensure_sample_data
from data_access.db import create_schema, get_engine

REPO_ROOT = Path(__file__).resolve().parent.parent
APP = REPO_ROOT / "app.py"
TIMEOUT = 120  # seconds for one AppTest run (the first one computes every status)


def sample_database(directory: Path) -> str:
    """A SQLite file in ``directory`` holding the sample plans and illustrative progress."""
    url = f"sqlite:///{directory / 'nq57.sqlite'}"
    assert ensure_sample_data(get_engine(url))
    return url


def empty_database(directory: Path) -> str:
    """A SQLite file in ``directory`` with the tables and no data."""
    url = f"sqlite:///{directory / 'empty.sqlite'}"
    create_schema(get_engine(url))
    return url


def use_database(monkeypatch: pytest.MonkeyPatch, url: str) -> None:
    """Point the app at ``url`` and never let it load samples on its own."""
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("LOAD_SAMPLE_DATA", "0")
