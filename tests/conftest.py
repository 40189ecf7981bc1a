"""Shared fixtures. Loader fixtures build real .xlsx/.docx files in tmp_path."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from openpyxl import Workbook

Rows = Sequence[Sequence[Any]]


@pytest.fixture
def make_xlsx(tmp_path: Path) -> Callable[..., Path]:
    """Write sheets of rows to an .xlsx; ``formats`` maps (sheet, "B5") to a number format."""

    def build(
        sheets: dict[str, Rows],
        name: str = "book.xlsx",
        formats: dict[tuple[str, str], str] | None = None,
    ) -> Path:
        workbook = Workbook()
        workbook.remove(workbook.active)
        for title, rows in sheets.items():
            sheet = workbook.create_sheet(title)
            for row in rows:
                sheet.append(list(row))
        for (title, cell), number_format in (formats or {}).items():
            workbook[title][cell].number_format = number_format
        path = tmp_path / name
        workbook.save(path)
        return path

    return build


@pytest.fixture
def make_docx(tmp_path: Path) -> Callable[..., Path]:
    """Write tables to a .docx; ``merges`` lists (table, row, col, to row, to col) to merge."""

    def build(
        tables: Sequence[Rows],
        name: str = "plan.docx",
        title: str = "",
        merges: Sequence[tuple[int, int, int, int, int]] = (),
    ) -> Path:
        document = Document()
        if title:
            document.add_paragraph(title)
        for rows in tables:
            table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            for r, row in enumerate(rows):
                for c, value in enumerate(row):
                    table.cell(r, c).text = "" if value is None else str(value)
            document.add_paragraph("")
        for t, row, col, to_row, to_col in merges:
            table = document.tables[t]
            keep = table.cell(row, col).text
            table.cell(row, col).merge(table.cell(to_row, to_col)).text = keep
        path = tmp_path / name
        document.save(path)
        return path

    return build
