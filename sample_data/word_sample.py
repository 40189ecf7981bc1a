"""Seed 003 as the Word document it came from: title paragraphs and one table.

In Word a row split by a page break is still one row and the header repeats by
the table's "repeat header row" setting, so this sample has no continuation rows
and no literal repeated headers: split text is joined back into its row and the
header row is marked ``w:tblHeader``. Section rows keep the Roman numeral in the
STT cell and merge the title cell across all the remaining columns.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.table import Table

from sample_data.seeds import Row, SeedTable
from sample_data.tasks import logical_rows, section_of
from sample_data.workbooks import AUTHOR, FIXED_TIME, normalize_package


def _mark_repeating_header(table: Table) -> None:
    header_properties = table.rows[0]._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    header_properties.append(repeat)


def _add_row(table: Table, row: Row, *, bold: bool = False) -> None:
    cells = table.add_row().cells  # type: ignore[no-untyped-call]
    if section_of(row, 1):
        cells[0].text = row[0]
        title = cells[1].merge(cells[-1])
        title.text = row[1]
        bold = True
    else:
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    if bold:
        for cell in cells:
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.bold = True


def write_plan_docx(table: SeedTable, title: str, path: Path) -> Path:
    """Write the table as a Word document with fixed properties."""
    document = Document()
    props = document.core_properties
    props.author = AUTHOR
    props.last_modified_by = AUTHOR
    props.title = title
    props.revision = 1
    props.created = FIXED_TIME
    props.modified = FIXED_TIME
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    for line in table.titles:
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run(line).bold = True
    rows = logical_rows(table)
    word_table = document.add_table(rows=0, cols=len(table.header))
    word_table.style = "Table Grid"
    _add_row(word_table, rows[0], bold=True)
    _mark_repeating_header(word_table)
    for row in rows[1:]:
        _add_row(word_table, row)
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    normalize_package(path)
    return path
