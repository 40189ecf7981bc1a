"""Write a seed table to a sheet exactly as the document shows it; make packages reproducible."""

from __future__ import annotations

import re
import zipfile
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from sample_data.layouts import PlanLayout, SheetLayout
from sample_data.seeds import Row, SeedTable
from sample_data.tasks import NAME_HEADERS, repeats_header, section_of

FIXED_TIME = datetime(2026, 1, 1, 0, 0, 0)
AUTHOR = "nq57-dashboard sample_data"

_THIN = Side(style="thin", color="999999")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", start_color="DDEBF7", end_color="DDEBF7")
_WRAP = Alignment(wrap_text=True, vertical="top")
_CENTER = Alignment(wrap_text=True, vertical="center", horizontal="center")


def new_workbook(title: str) -> Workbook:
    """An empty workbook with fixed properties, so a rebuild yields the same package."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    props = workbook.properties
    props.creator = AUTHOR
    props.lastModifiedBy = AUTHOR
    props.title = title
    props.created = FIXED_TIME
    props.modified = FIXED_TIME
    return workbook


def _cell_value(text: str, column: int, layout: SheetLayout) -> str | int | None:
    """Empty text is an empty cell; a bare integer in a number column is a number, as in Excel."""
    if not text:
        return None
    if column < layout.number_columns and text.isdigit():
        return int(text)
    return text


def _set_widths(sheet: Worksheet, header: Row, layout: SheetLayout) -> None:
    if layout.first_column > 1:
        sheet.column_dimensions["A"].width = 3
    for index, title in enumerate(header):
        letter = get_column_letter(layout.first_column + index)
        wide = 60 if title in NAME_HEADERS else 22
        sheet.column_dimensions[letter].width = 7 if index < layout.number_columns else wide


def _write_titles(sheet: Worksheet, table: SeedTable, layout: SheetLayout) -> int:
    """Title rows, then one blank row; returns the row number where the table starts."""
    last_column = layout.first_column + len(table.header) - 1
    for row_number, title in enumerate(table.titles, start=1):
        cell = sheet.cell(row=row_number, column=layout.first_column, value=title)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, horizontal="center")
        if layout.merge_titles:
            sheet.merge_cells(
                start_row=row_number,
                start_column=layout.first_column,
                end_row=row_number,
                end_column=last_column,
            )
    return len(table.titles) + 2


def _write_row(sheet: Worksheet, row_number: int, row: Row, layout: SheetLayout) -> None:
    for index, text in enumerate(row):
        cell = sheet.cell(row=row_number, column=layout.first_column + index)
        cell.value = _cell_value(text, index, layout)
        cell.alignment = _WRAP
        cell.border = _BORDER


def _style_header(sheet: Worksheet, row_number: int, width: int, layout: SheetLayout) -> None:
    for index in range(width):
        cell = sheet.cell(row=row_number, column=layout.first_column + index)
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
        cell.alignment = _CENTER


def _style_section(sheet: Worksheet, row_number: int, row: Row, layout: SheetLayout) -> None:
    for index in range(len(row)):
        sheet.cell(row=row_number, column=layout.first_column + index).font = Font(bold=True)
    if layout.merge_sections:
        numeral = section_of(row, layout.number_columns)
        numeral_at = next(i for i, cell in enumerate(row) if cell.strip() == numeral)
        sheet.merge_cells(
            start_row=row_number,
            start_column=layout.first_column + numeral_at + 1,
            end_row=row_number,
            end_column=layout.first_column + len(row) - 1,
        )


def write_sheet(sheet: Worksheet, table: SeedTable, layout: SheetLayout) -> None:
    """Titles, header, and every row of the seed in order, with a page break before each
    repeated header, as the printed document has."""
    _set_widths(sheet, table.header, layout)
    row_number = _write_titles(sheet, table, layout)
    for index, row in enumerate(table.rows):
        _write_row(sheet, row_number, row, layout)
        if repeats_header(row, table.header):
            _style_header(sheet, row_number, len(row), layout)
            if index:
                sheet.row_breaks.append(Break(id=row_number - 1))
        elif section_of(row, layout.number_columns):
            _style_section(sheet, row_number, row, layout)
        row_number += 1
    sheet.page_setup.orientation = "landscape"


def write_plan_workbook(layout: PlanLayout, tables: list[SeedTable], path: Path) -> Path:
    """The plan's workbook, one sheet per table."""
    workbook = new_workbook(layout.plan.title)
    for sheet_layout, table in zip(layout.sheets, tables, strict=True):
        write_sheet(workbook.create_sheet(sheet_layout.name), table, sheet_layout)
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    normalize_package(path)
    return path


_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def normalize_package(path: Path) -> None:
    """Rewrite an Office zip package with fixed entry times and a fixed modified date.

    openpyxl stamps "now" into docProps/core.xml and the zip entries; fixing both makes a
    rebuild byte-identical, so regenerating the samples leaves git with nothing to commit.
    """
    with zipfile.ZipFile(path) as source:
        entries = [(info.filename, source.read(info)) for info in source.infolist()]
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in entries:
            if name == "docProps/core.xml":
                data = _MODIFIED.sub(rb"\g<1>" + stamp + rb"\g<2>", data)
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, data)
