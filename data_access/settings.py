"""The app's configuration, read from environment variables in one place."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA_DIR = REPO_ROOT / "data"  # git-ignored
DEFAULT_SAMPLE_DATA_DIR = REPO_ROOT / "sample_data"

_FALSE_WORDS = frozenset({"0", "false", "no", "off"})


@dataclass(frozen=True)
class Settings:
    """``DATABASE_URL``, ``SAMPLE_DATA_DIR`` and ``LOAD_SAMPLE_DATA`` (0/false turns it off)."""

    database_url: str
    sample_data_dir: Path
    load_sample_data: bool = True


def get_settings() -> Settings:
    """Read the environment now (not cached: tests and CLI runs change it)."""
    url = os.environ.get("DATABASE_URL", "").strip() or _default_database_url()
    sample_dir = os.environ.get("SAMPLE_DATA_DIR", "").strip()
    load_sample = os.environ.get("LOAD_SAMPLE_DATA", "1").strip().lower() not in _FALSE_WORDS
    return Settings(
        database_url=url,
        sample_data_dir=Path(sample_dir) if sample_dir else DEFAULT_SAMPLE_DATA_DIR,
        load_sample_data=load_sample,
    )


def _default_database_url() -> str:
    DEFAULT_DATA_DIR.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{DEFAULT_DATA_DIR / 'nq57.sqlite'}"
