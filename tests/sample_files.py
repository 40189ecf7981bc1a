"""Reading the committed sample workbooks: their task sheets, columns and rows."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from sample_data.manifest import sample_plan

TASK_NUMBER = re.compile(r"\d+\.?")
ROMAN = re.compile(r"[IVXL]+")
STATUSES = {"Đã hoàn thành", "Đang thực hiện", "Chưa thực hiện"}
# plan code, sheet, column of the task number, column of the deadline, header's first cell
TASK_SHEETS = [
    ("PL-II-2026", "Phụ lục II", "A", "F", "Stt"),
    ("KH-92A-UBND", "Phụ lục nhiệm vụ", "A", "E", "STT"),
    ("KH-SKHCN-2025", "Phụ lục 2", "B", "D", "TT"),
    ("DM-BS-2026", "Phụ lục", "A", "F", "STT"),
    ("DC-CT-NV-2026", "Phụ lục 02", "A", "G", "TT"),
]


@cache
def open_workbook(path: Path) -> Workbook:
    return openpyxl.load_workbook(path)


def plan_sheet(code: str, name: str) -> Worksheet:
    return open_workbook(sample_plan(code).path)[name]


def column_values(sheet: Worksheet, letter: str) -> list[Any]:
    return [cell.value for cell in sheet[letter]]


def is_task_number(value: Any) -> bool:
    return isinstance(value, int) or (isinstance(value, str) and bool(TASK_NUMBER.fullmatch(value)))


def sheet_rows(sheet: Worksheet) -> list[tuple[Any, ...]]:
    return list(sheet.iter_rows(values_only=True))


def all_text(path: Path) -> str:
    return "\n".join(
        str(value)
        for sheet in open_workbook(path)
        for row in sheet_rows(sheet)
        for value in row
        if value
    )
