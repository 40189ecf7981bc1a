"""The manifest names the committed samples, and they rebuild identically from the seeds."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest

from sample_data.build_samples import build_all
from sample_data.manifest import (
    PROGRESS_WORKBOOK,
    SAMPLE_PLAN_DOCX,
    SAMPLE_PLANS,
    SOURCES_DIR,
    sample_plan,
)
from tests.sample_files import all_text, plan_sheet, sheet_rows

# --- manifest ---------------------------------------------------------------------------------


def test_manifest_names_five_committed_plans() -> None:
    assert [plan.code for plan in SAMPLE_PLANS] == [
        "PL-II-2026",
        "KH-92A-UBND",
        "KH-SKHCN-2025",
        "DM-BS-2026",
        "DC-CT-NV-2026",
    ]
    assert all(plan.path.is_file() for plan in SAMPLE_PLANS)
    assert SAMPLE_PLAN_DOCX.is_file() and PROGRESS_WORKBOOK.is_file()
    assert sample_plan("KH-92A-UBND").issued_on == date(2025, 11, 1)
    assert sample_plan("KH-SKHCN-2025").issued_on == date(2025, 10, 22)
    # "ngày … tháng 5 năm 2026": the day is blank; the end of May is the latest it can be.
    assert sample_plan("DM-BS-2026").issued_on == date(2026, 5, 31)


# --- rebuilding from the seeds ---------------------------------------------------------------


def _values(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    workbook = openpyxl.load_workbook(path)
    return {sheet.title: sheet_rows(sheet) for sheet in workbook}


def test_rebuilding_from_the_seeds_reproduces_the_committed_files(tmp_path: Path) -> None:
    written = build_all(SOURCES_DIR, tmp_path)
    committed = [plan.path for plan in SAMPLE_PLANS] + [SAMPLE_PLAN_DOCX, PROGRESS_WORKBOOK]
    assert sorted(p.name for p in written) == sorted(p.name for p in committed)
    for path in committed:
        rebuilt = tmp_path / path.parent.name / path.name
        if path.suffix == ".xlsx":
            assert _values(rebuilt) == _values(path), path.name
        else:
            texts = [
                [c.text for c in row.cells] for row in docx.Document(str(rebuilt)).tables[0].rows
            ]
            ours = [[c.text for c in row.cells] for row in docx.Document(str(path)).tables[0].rows]
            assert texts == ours


def _as_text(value: Any) -> str:
    return "" if value is None else str(value)


@pytest.mark.parametrize(("prefix", "code", "sheet", "first_column"), [
    ("000", "PL-II-2026", "Phụ lục II", 1),
    ("001", "KH-92A-UBND", "Phụ lục nhiệm vụ", 1),
    ("002", "KH-SKHCN-2025", "Phụ lục 2", 2),
    ("003", "DM-BS-2026", "Phụ lục", 1),
])  # fmt: skip
def test_every_table_line_of_a_tab_seed_is_a_row_cell_for_cell(
    prefix: str, code: str, sheet: str, first_column: int
) -> None:
    (seed,) = SOURCES_DIR.glob(f"{prefix}_*.txt")
    lines = [line for line in seed.read_text(encoding="utf-8").split("\n") if "\t" in line]
    rows = [
        tuple(_as_text(v) for v in row[first_column - 1 :])
        for row in sheet_rows(plan_sheet(code, sheet))
    ]
    table = rows[next(i for i, row in enumerate(rows) if row[0] in ("Stt", "STT", "TT")) :]
    assert table == [tuple(line.split("\t")) for line in lines]


def test_every_line_of_seed_004_is_in_its_workbook() -> None:
    (seed,) = SOURCES_DIR.glob("004_*.txt")
    text = all_text(sample_plan("DC-CT-NV-2026").path)
    lines = [line.removeprefix("\t") for line in seed.read_text(encoding="utf-8").split("\n")]
    assert all(line in text for line in lines if line.strip())


def test_rebuilding_twice_gives_identical_bytes(tmp_path: Path) -> None:
    first = build_all(SOURCES_DIR, tmp_path / "a")
    second = build_all(SOURCES_DIR, tmp_path / "b")
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
