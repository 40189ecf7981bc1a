"""One spelling on screen and in documents: "Tỷ lệ", never "Tỉ lệ" (issue 15).

Our own words only: the seed documents' KPI names ("Tỉ lệ TTHC…", in sample_data and the
tests' files) are quoted as the documents write them.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from tests.pages_db import REPO_ROOT

OUR_TEXT = [
    "app.py",
    "labels.py",
    "README.md",
    "ui",
    "app_pages",
    "charts",
    "exports",
    "data_access",
]


def _spelled_tỉ_lệ(path: Path) -> bool:
    text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8")).casefold()
    return "tỉ lệ" in text


def test_rates_are_spelled_tỷ_lệ() -> None:
    files: list[Path] = []
    for name in OUR_TEXT:
        path = REPO_ROOT / name
        files += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    assert len(files) > 100  # every module of ours, not an empty glob
    assert [str(path.relative_to(REPO_ROOT)) for path in files if _spelled_tỉ_lệ(path)] == []
