"""An exported table read back: the .xlsx's active sheet, the CSV's rows."""

from __future__ import annotations

import csv
import io

from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet


def open_sheet(data: bytes) -> Worksheet:
    sheet = load_workbook(io.BytesIO(data)).active
    assert isinstance(sheet, Worksheet)
    return sheet


def csv_rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
