"""Feed every table of a Word (.docx) document to one table interpreter.

A plan's table is often split into several Word tables at page breaks, each
repeating the header, so all tables go through the same interpreter: a task cut
by a page break continues in the next table. Rows are numbered from 1 within
each table and the table is named ``Bảng N`` in problems.

A horizontally merged cell is read once (python-docx would repeat it for every
grid column it spans) and the columns it covers are left blank, so a merged
section row gives its numeral and title once and columns stay aligned. A cell
merged down from the row above is reported as inherited: a new task shares its
text (one lead for several tasks), while a continuation row ignores it; with no
cell above it (a table's first row) it is read as a plain cell.

A table nested in a cell is read into the cell's text, one line per nested row,
its cells separated by `` | ``, with a warning naming the cell.

Rows and cells are read from the document's XML (``Document.element``), since
python-docx's ``_Row.cells`` follows a vertical merge up even from the first row.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import IO

from docx import Document
from docx.document import Document as DocumentObject
from docx.oxml.ns import qn
from docx.oxml.table import CT_Row, CT_Tbl, CT_Tc
from docx.text.paragraph import Paragraph

from loaders.assemble import Assembler
from loaders.grid import TableInterpreter
from loaders.limits import MAX_COLUMNS, MAX_ROWS_PER_SHEET
from loaders.numbers import vietnamese_number
from loaders.problems import unreadable_message
from loaders.progress import RowCounter
from loaders.records import ProblemCode, UnreadableFileError

NESTED_CELL_SEPARATOR = " | "  # between the cells of one row of a nested table
_PARAGRAPH, _TABLE = qn("w:p"), qn("w:tbl")


@dataclass(frozen=True)
class WordRow:
    """One table row by grid column, merge repeats blanked."""

    values: list[str | None]
    inherited: frozenset[int]  # columns whose text is merged down from the row above
    nested: tuple[int, ...]  # columns whose cell holds a table, read as lines of text
    starts: dict[int, str]  # the text of each cell by the grid column it starts at


def read_docx(
    source: Path | IO[bytes], name: str, assembler: Assembler, rows: RowCounter | None = None
) -> list[TableInterpreter]:
    """A single interpreter holding the records of all the document's tables."""
    try:
        document = Document(source)  # type: ignore[arg-type]  # accepts str or a binary stream
        tables = list(document.element.body.tbl_lst)
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
        if child.tag == _TABLE:
            break
        if child.tag == _PARAGRAPH:
            text = " ".join(Paragraph(child, document).text.split())
            if text:
                lines.append(text)
    return lines


def _read_table(table: CT_Tbl, interpreter: TableInterpreter, name: str, rows: RowCounter) -> None:
    above: dict[int, str] = {}
    for number, tr in enumerate(table.tr_lst, start=1):
        rows.count()
        if rows.rows > MAX_ROWS_PER_SHEET:  # all the document's tables together
            limit = vietnamese_number(MAX_ROWS_PER_SHEET, 0)
            raise UnreadableFileError(unreadable_message("too_many_table_rows", name, limit=limit))
        try:
            row = row_values(tr, above)
        except ValueError as exc:  # a span or merge attribute that is not a valid value
            raise UnreadableFileError(unreadable_message("corrupt", name)) from exc
        above = row.starts
        values = row.values
        if len(values) > MAX_COLUMNS:
            interpreter.check_width(number, values[MAX_COLUMNS:])
            values = values[:MAX_COLUMNS]
        if not any(values):
            continue
        interpreter.feed(number, values, inherited=row.inherited)
        for column in row.nested:
            interpreter.assembler.collector.add(
                ProblemCode.NESTED_TABLE,
                sheet=interpreter.sheet,
                row=number,
                column=interpreter.column_label(column),
                details={"separator": NESTED_CELL_SEPARATOR.strip()},
            )
        if interpreter.gave_up:
            return


def row_values(tr: CT_Row, above: dict[int, str]) -> WordRow:
    """A row's cells; ``above`` is the previous row's ``starts`` ({} for a table's first)."""
    # A span is at most MAX_COLUMNS wide: anything after a wider one is past the columns
    # read anyway, and gridSpan="100000000" costs a few bytes of XML.
    values: list[str | None] = [None] * min(tr.grid_before, MAX_COLUMNS)
    inherited: set[int] = set()
    nested: list[int] = []
    starts: dict[int, str] = {}
    for tc in tr.tc_lst:
        column = len(values)
        if tc.vMerge == "continue" and column in above:
            text = above[column]
            inherited.add(column)
        else:
            text, has_table = _cell_text(tc)
            if has_table:
                nested.append(column)
        starts[column] = text
        values.append(text)
        values.extend([None] * (min(tc.grid_span, MAX_COLUMNS) - 1))
    return WordRow(values, frozenset(inherited), tuple(nested), starts)


def _cell_text(tc: CT_Tc) -> tuple[str, bool]:
    """The cell's paragraphs as lines, a nested table's rows among them; and if it had one."""
    lines: list[str] = []
    has_table = False
    for child in tc.iterchildren(_PARAGRAPH, _TABLE):
        if child.tag == _PARAGRAPH:
            lines.append(child.text)
        else:
            has_table = True
            lines.extend(
                NESTED_CELL_SEPARATOR.join(
                    " ".join(_cell_text(cell)[0].split()) for cell in row.tc_lst
                )
                for row in child.tr_lst
            )
    return "\n".join(lines), has_table
