"""Tables as Excel workbooks and CSV files that go straight into a report.

Rows are written by position, in the order given: a sorted or filtered table's
index plays no part. Columns named in ``formats`` (``exports.table_format``)
are numeric cells with that number format in the workbook and read as on
screen in the CSV ("72,5%").

Text that a spreadsheet would read as a formula (leading ``=``, ``+``, ``-``,
``@``, tab or carriage return) never runs: in the workbook it is a text cell
with Excel's own quote prefix (what Excel stores when someone types
``'=…``), so it reads exactly as written; in the CSV it gets a leading ``'``.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from exports.table_format import ColumnFormat, Number, TableFormats, csv_text, excel_cell
from labels import DATE_FORMAT_EXCEL, DATE_FORMAT_PY

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
HEADER_FONT = Font(bold=True, color="FFFFFF")
TITLE_FONT = Font(bold=True, size=14)
SUBTITLE_FONT = Font(italic=True, color="555555")
THIN = Side(style="thin", color="BFBFBF")
CELL_BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
MIN_WIDTH, MAX_WIDTH = 8, 60  # characters
WIDTH_SAMPLE_ROWS = 500  # rows read to size a column
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


def table_xlsx(
    df: pd.DataFrame,
    *,
    title: str,
    subtitle: str = "",
    sheet_name: str = "Dữ liệu",
    formats: TableFormats | None = None,
) -> bytes:
    """One sheet: title, subtitle lines, then the table under a frozen, filtered header."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None  # a new workbook always has one sheet
    sheet.title = safe_sheet_name(sheet_name)
    header_row = _write_heading(sheet, title, subtitle)
    _write_table(sheet, df, header_row, formats or {})
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def table_csv(df: pd.DataFrame, formats: TableFormats | None = None) -> bytes:
    """UTF-8 with BOM (Excel then reads Vietnamese right), dates dd/mm/yyyy, formulas defused."""
    specs = formats or {}
    columns = [
        _csv_column(df.iloc[:, j], specs.get(str(name))).tolist()
        for j, name in enumerate(df.columns)
    ]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([str(c) for c in df.columns])
    writer.writerows(zip(*columns, strict=True))  # by position: the frame's index plays no part
    return buffer.getvalue().encode("utf-8-sig")


def needs_neutralising(value: object) -> bool:
    """True for text a spreadsheet would take as a formula."""
    return isinstance(value, str) and value.startswith(FORMULA_TRIGGERS)


def safe_sheet_name(name: str) -> str:
    """Excel's rules: no ``[]:*?/\\``, at most 31 characters, never empty."""
    cleaned = _BAD_SHEET_CHARS.sub(" ", name).strip().strip("'")
    return cleaned[:31] or "Dữ liệu"


def is_date_column(series: pd.Series) -> bool:
    """Datetime dtype, or every non-empty value a ``date``/``datetime``."""
    if pd.api.types.is_datetime64_any_dtype(series):
        return True
    values = series.dropna()
    return not values.empty and all(isinstance(v, date) for v in values)


def _write_heading(sheet: Worksheet, title: str, subtitle: str) -> int:
    """Title and subtitle lines from A1; returns the header's row number."""
    lines = [line for line in subtitle.splitlines() if line.strip()]
    fonts = [TITLE_FONT] + [SUBTITLE_FONT] * len(lines)
    for row, (text, font) in enumerate(zip([title, *lines], fonts, strict=True), start=1):
        value = _cell_value(text)
        cell = sheet.cell(row=row, column=1, value=value)
        cell.font = font
        _defuse(cell, value)
    return len(lines) + 3  # a blank row before the table


def _write_table(
    sheet: Worksheet, df: pd.DataFrame, header_row: int, formats: TableFormats
) -> None:
    date_columns = {j for j in range(df.shape[1]) if is_date_column(df.iloc[:, j])}
    numbers = _number_columns(df, formats)
    for j, name in enumerate(df.columns, start=1):
        label = _cell_value(str(name))
        cell = sheet.cell(row=header_row, column=j, value=label)
        cell.fill, cell.font, cell.border = HEADER_FILL, HEADER_FONT, CELL_BORDER
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        _defuse(cell, label)
    wrap = Alignment(wrap_text=True, vertical="top")
    for n, row in enumerate(df.itertuples(index=False, name=None)):
        for j, value in enumerate(row):
            plain = _cell_value(value)
            cell = sheet.cell(row=header_row + 1 + n, column=j + 1, value=plain)
            cell.alignment, cell.border = wrap, CELL_BORDER
            if j in date_columns:
                cell.number_format = DATE_FORMAT_EXCEL
            number = _as_number(plain)
            if j in numbers and number is not None:
                spec, units = numbers[j]
                cell.value, cell.number_format = excel_cell(spec, number, units[n])
            _defuse(cell, plain)
    last_row = header_row + max(len(df), 1)
    if len(df.columns):
        last_col = get_column_letter(len(df.columns))
        sheet.auto_filter.ref = f"A{header_row}:{last_col}{last_row}"
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    _size_columns(sheet, df, date_columns)


def _number_columns(
    df: pd.DataFrame, formats: TableFormats
) -> dict[int, tuple[ColumnFormat, list[str]]]:
    """Column position -> its format and each row's unit ("" without a unit column)."""
    found = {}
    for j, name in enumerate(df.columns):
        spec = formats.get(str(name))
        if spec is None:
            continue
        unit_column = spec.unit_column if isinstance(spec, Number) else None
        units = df[unit_column].fillna("").astype(str) if unit_column else pd.Series("", df.index)
        found[j] = (spec, units.tolist())
    return found


def _as_number(value: object) -> float | None:
    """A plain cell value as a float when it is a number (a bool is not)."""
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _size_columns(sheet: Worksheet, df: pd.DataFrame, date_columns: set[int]) -> None:
    sample = df.head(WIDTH_SAMPLE_ROWS)
    for j, name in enumerate(df.columns):
        if j in date_columns:
            width = max(len(DATE_FORMAT_EXCEL), _longest_line([str(name)])) + 2
        else:
            texts = [str(name), *(_display_text(v) for v in sample.iloc[:, j])]
            width = _longest_line(texts) + 2
        letter = get_column_letter(j + 1)
        sheet.column_dimensions[letter].width = min(MAX_WIDTH, max(MIN_WIDTH, width))


def _longest_line(texts: Iterable[str]) -> int:
    return max((len(line) for text in texts for line in text.splitlines()), default=0)


def _defuse(cell: Any, value: object) -> None:
    """Keep formula-like text as a quote-prefixed text cell."""
    if needs_neutralising(value):
        cell.value = value
        cell.data_type = "s"
        cell.quotePrefix = True


def _cell_value(value: object) -> object:
    """A pandas/numpy value as something openpyxl writes natively (dates without time)."""
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if value is pd.NA:
        return None
    if isinstance(value, pd.Timestamp | datetime):
        return value.date()
    if hasattr(value, "item") and not isinstance(value, str):
        return _cell_value(value.item())
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)  # control characters Excel refuses
    if isinstance(value, int | float | bool | date):
        return value
    return str(value)


def _display_text(value: object) -> str:
    plain = _cell_value(value)
    return "" if plain is None else str(plain)


def _csv_column(series: pd.Series, spec: ColumnFormat | None) -> pd.Series:
    if is_date_column(series):
        days = pd.to_datetime(series, errors="coerce")
        return days.dt.strftime(DATE_FORMAT_PY).fillna("").astype(object)
    if spec is not None:
        return series.map(lambda v: _csv_number(spec, v)).astype(object)
    return series.map(_csv_value).astype(object)


def _csv_number(spec: ColumnFormat, value: object) -> object:
    number = _as_number(_cell_value(value))
    return _csv_value(value) if number is None else csv_text(spec, number)


def _csv_value(value: object) -> object:
    plain = _cell_value(value)
    if plain is None:
        return ""
    if isinstance(plain, float) and plain.is_integer():
        return int(plain)  # a count in a column with gaps: 3, not 3.0
    if needs_neutralising(plain):
        return f"'{plain}"
    return plain
