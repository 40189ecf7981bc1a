"""Feed every table of a Word (.docx) document to one table interpreter.

A plan's table is often split into several Word tables at page breaks, each
repeating the header, so all tables go through the same interpreter: a task cut
by a page break continues in the next table. Rows are numbered from 1 within
each table and the table is named ``Bảng N`` in problems.

A horizontally merged cell is read once (python-docx would repeat it for every
grid column it spans) and the columns it covers are left blank, so a merged
section row gives its numeral and title once and columns stay aligned. A cell
merged down from the row above is reported as inherited: a new task shares its
text (one lead for several tasks), while a continuation row ignores it.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO

from docx import Document
from docx.document import Document as DocumentObject
from docx.oxml.ns import qn
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph

from loaders.assemble import Assembler
from loaders.grid import TableInterpreter
from loaders.limits import MAX_COLUMNS, MAX_ROWS_PER_SHEET
from loaders.numbers import vietnamese_number
from loaders.problems import unreadable_message
from loaders.progress import RowCounter
from loaders.records import UnreadableFileError


def read_docx(
    source: Path | IO[bytes], name: str, assembler: Assembler, rows: RowCounter | None = None
) -> list[TableInterpreter]:
    """A single interpreter holding the records of all the document's tables."""
    try:
        document = Document(source)  # type: ignore[arg-type]  # accepts str or a binary stream
        tables = list(document.tables)
    except Exception as exc:  # python-docx raises many types on a broken package
        raise UnreadableFileError(unreadable_message("corrupt", name)) from exc
    interpreter = TableInterpreter(assembler, "Bảng 1")
    for line in _lines_before_first_table(document):
        interpreter.add_title_line(line)
    rows = rows or RowCounter()
    for number, table in enumerate(tables, start=1):
        interpreter.start_table(f"Bảng {number}")
        _read_table(table, interpreter, name, rows)
    interpreter.finish()
    return [interpreter]


def _lines_before_first_table(document: DocumentObject) -> list[str]:
    """The paragraphs above the first table, where a plan's title sits."""
    lines = []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:tbl"):
            break
        if child.tag == qn("w:p"):
            text = " ".join(Paragraph(child, document).text.split())
            if text:
                lines.append(text)
    return lines


def _read_table(table: Table, interpreter: TableInterpreter, name: str, rows: RowCounter) -> None:
    for number, row in enumerate(table.rows, start=1):
        rows.count()
        if rows.rows > MAX_ROWS_PER_SHEET:  # all the document's tables together
            limit = vietnamese_number(MAX_ROWS_PER_SHEET, 0)
            raise UnreadableFileError(unreadable_message("too_many_table_rows", name, limit=limit))
        try:
            values, inherited = row_values(row, table)
        except (ValueError, IndexError, AttributeError) as exc:  # a merge with no row above
            raise UnreadableFileError(unreadable_message("corrupt", name)) from exc
        if len(values) > MAX_COLUMNS:
            interpreter.check_width(number, values[MAX_COLUMNS:])
            values = values[:MAX_COLUMNS]
        if any(values):
            interpreter.feed(number, values, inherited=inherited)
        if interpreter.gave_up:
            return


def row_values(row: _Row, table: Table) -> tuple[list[str | None], frozenset[int]]:
    """Cell texts by grid column, merge repeats blanked, and the columns merged from above."""
    values: list[str | None] = [None] * row.grid_cols_before
    inherited: set[int] = set()
    for tc in row._tr.tc_lst:
        source = tc
        while source.vMerge == "continue":
            source = source._tc_above
            inherited.add(len(values))
        values.append(_Cell(source, table).text)
        values.extend([None] * (tc.grid_span - 1))
    return values, frozenset(inherited)
