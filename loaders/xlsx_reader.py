"""Stream the sheets of an .xlsx workbook into the table interpreter.

openpyxl's read-only mode parses each sheet as it is iterated. The dimension a
sheet claims is ignored (some tools write ``A1:XFD1048576`` for 30 real rows),
reading stops after a long run of empty rows, and a sheet without a header near
the top is abandoned early.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from openpyxl import load_workbook

from loaders.assemble import Assembler
from loaders.formulas import first_uncomputed_formula
from loaders.grid import TableInterpreter
from loaders.limits import MAX_COLUMNS, MAX_ROWS_PER_SHEET
from loaders.numbers import vietnamese_number
from loaders.problems import formula_message, unreadable_message
from loaders.progress import RowCounter
from loaders.records import UnreadableFileError
from loaders.text import without_hidden

MAX_BLANK_RUN = 1000  # empty rows in a row after which a sheet is considered finished

# openpyxl warns about parts it drops (conditional formatting extensions, data
# validation…); the loader reads values only, so these are noise for the user.
warnings.filterwarnings("ignore", category=UserWarning, module=r"openpyxl\.")


def read_xlsx(
    source: Path | IO[bytes], name: str, assembler: Assembler, rows: RowCounter | None = None
) -> list[TableInterpreter]:
    """One interpreter per worksheet, each fed every row of its sheet."""
    workbook = _open(source, name)
    try:
        sheets = []
        for sheet in workbook.worksheets:
            interpreter = TableInterpreter(assembler, without_hidden(sheet.title))
            _read_sheet(sheet, interpreter, name, rows or RowCounter())
            interpreter.finish()
            sheets.append(interpreter)
        return sheets
    finally:
        workbook.close()


def _open(source: Path | IO[bytes], name: str) -> Any:
    """The workbook, read-only with stored values; refused if a formula has none stored."""
    try:
        uncomputed = first_uncomputed_formula(source)
        if uncomputed is None:
            return load_workbook(source, read_only=True, data_only=True)
    except Exception as exc:  # zipfile, XML and openpyxl raise many types on a broken package
        raise UnreadableFileError(unreadable_message("corrupt", name)) from exc
    sheet, cell, others = uncomputed.sheet, uncomputed.cell, uncomputed.others
    raise UnreadableFileError(formula_message(name, sheet, cell, others))


def _read_sheet(sheet: Any, interpreter: TableInterpreter, name: str, rows: RowCounter) -> None:
    sheet.reset_dimensions()
    blank_run = 0
    for number, values, formats in _rows(sheet, interpreter, name):
        if number > MAX_ROWS_PER_SHEET:
            limit = vietnamese_number(MAX_ROWS_PER_SHEET, 0)
            message = unreadable_message(
                "too_many_rows", name, sheet=interpreter.sheet, limit=limit
            )
            raise UnreadableFileError(message)
        rows.count()
        if not any(value is not None for value in values):
            blank_run += 1
            if blank_run > MAX_BLANK_RUN:
                break
            continue
        blank_run = 0
        interpreter.feed(number, values, formats)
        if interpreter.gave_up:
            break


Row = tuple[int, Sequence[object], Sequence[str] | None]


def _rows(sheet: Any, interpreter: TableInterpreter, name: str) -> Iterator[Row]:
    """Rows as (number, values, formats), formats only once a KPI table has begun.

    Plain values are much cheaper to read; when the interpreter needs number
    formats (a KPI table), reading restarts with cells from the next row on.
    """
    for number, values in enumerate(_guarded(sheet.iter_rows(values_only=True), name), 1):
        if len(values) > MAX_COLUMNS:
            interpreter.check_width(number, values[MAX_COLUMNS:])
        yield number, values[:MAX_COLUMNS], None
        if interpreter.wants_formats:
            break
    else:
        return
    cells_from = number + 1
    for number, cells in enumerate(_guarded(sheet.iter_rows(min_row=cells_from), name), cells_from):
        if len(cells) > MAX_COLUMNS:
            interpreter.check_width(number, (cell.value for cell in cells[MAX_COLUMNS:]))
        kept = cells[:MAX_COLUMNS]
        yield number, [cell.value for cell in kept], [cell.number_format or "" for cell in kept]


def _guarded(rows: Iterable[Any], name: str) -> Iterator[Any]:
    """Rows of a sheet; a parse failure in the middle means the file is damaged."""
    try:
        yield from rows
    except Exception as exc:  # broken XML inside the package surfaces while iterating
        raise UnreadableFileError(unreadable_message("corrupt", name)) from exc
