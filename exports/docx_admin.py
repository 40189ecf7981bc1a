"""The pieces of a Vietnamese administrative document (python-docx), shared by letters and reports.

Layout after Nghị định 30/2020/NĐ-CP: A4, Times New Roman 13, the sender and
the national motto side by side at the top, number and subject ("V/v …") under
the sender, place and date under the motto, then recipients ("Nơi nhận") and
the signature block side by side at the end. Everything stays editable text.
"""

from __future__ import annotations

import copy
import io
from collections.abc import Sequence
from datetime import date

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Length, Pt, RGBColor
from docx.table import Table, _Cell, _Row

from data_access.queries.reporting_calendar import HOME_AGENCY
from exports.content import rows_beyond

FONT_NAME = "Times New Roman"
FONT_SIZE = 13
MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
PROVINCE = "UBND TỈNH"  # the province's name is written in by the sender
SENDER_NAME = HOME_AGENCY
SENDER = SENDER_NAME.upper()
PLACE_BLANK = "……………"
NUMBER_LINE = "Số:        /SKHCN-VP"
SIGNER = ("GIÁM ĐỐC", "", "", "", "……………………")
HEADING_LEVELS = (1, 2, 3)
THEME_FONTS = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")
Align = WD_ALIGN_PARAGRAPH


def new_document() -> DocxDocument:
    """A4 with the usual margins (top/bottom 2 cm, left 3 cm, right 1.5 cm), Times New Roman 13."""
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin = section.bottom_margin = Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(1.5)
    normal = document.styles["Normal"]
    normal.font.name = FONT_NAME
    normal.font.size = Pt(FONT_SIZE)
    normal.paragraph_format.space_after = Pt(6)
    _plain_headings(document)
    return document


def letterhead(
    document: DocxDocument, *, subject: str, day: date, number: str = NUMBER_LINE
) -> None:
    """Sender, number and subject on the left; motto, place and date on the right."""
    table = _layout_table(document, (Cm(6.5), Cm(10)))
    left, right = table.rows[0].cells
    _lines(left, [(PROVINCE, False, False), (SENDER, True, False)], Align.CENTER)
    _lines(left, [(number, False, False), (subject, False, False)], Align.CENTER, size=12)
    _lines(right, [(MOTTO[0], True, False), (MOTTO[1], True, False)], Align.CENTER, size=12)
    right.paragraphs[1].runs[0].underline = True
    _lines(right, [(place_and_date(day), False, True)], Align.CENTER)


def note_head(document: DocxDocument, *, sender: str, day: date) -> None:
    """An internal document's head: its sender on the left, place and date on the right."""
    table = _layout_table(document, (Cm(6.5), Cm(10)))
    left, right = table.rows[0].cells
    _lines(left, [(sender.upper(), True, False)], Align.CENTER)
    _lines(right, [(place_and_date(day), False, True)], Align.CENTER)


def place_and_date(day: date) -> str:
    """ "……………, ngày 23 tháng 11 năm 2026" (the place is written in by the sender).

    Nghị định 30/2020/NĐ-CP: a day below 10 and the months 1 and 2 take a leading zero
    ("ngày 05 tháng 02", "ngày 30 tháng 9").
    """
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"{PLACE_BLANK}, ngày {day.day:02d} tháng {month} năm {day.year}"


def title(document: DocxDocument, text: str, subtitle: str = "") -> None:
    """A centred bold title (reports), with an optional line under it."""
    paragraph = document.add_paragraph()
    paragraph.alignment = Align.CENTER
    paragraph.paragraph_format.space_before = Pt(12)
    paragraph.add_run(text).bold = True
    if subtitle:
        paragraph.add_run("\n" + subtitle).italic = True


def addressee(document: DocxDocument, recipient: str) -> None:
    paragraph = document.add_paragraph()
    paragraph.alignment = Align.CENTER
    paragraph.paragraph_format.space_before = Pt(12)
    paragraph.add_run("Kính gửi: ")
    paragraph.add_run(recipient)


def labelled(document: DocxDocument, label: str, value: str) -> None:
    """A line with a bold label before its value ("Đơn vị được nhắc: …")."""
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.space_before = Pt(12)
    paragraph.add_run(label).bold = True
    paragraph.add_run(value)


def heading(document: DocxDocument, text: str, level: int = 1) -> None:
    """A section heading in Word's own "Heading 1-3" style, so the navigation pane and a table
    of contents list it; ``new_document`` makes those styles plain bold text (3: italic too)."""
    document.add_heading(text, level)


def body(document: DocxDocument, text: str, *, bold: bool = False, italic: bool = False) -> None:
    """A justified paragraph with a first-line indent."""
    paragraph = document.add_paragraph()
    paragraph.alignment = Align.JUSTIFY
    paragraph.paragraph_format.first_line_indent = Cm(1)
    run = paragraph.add_run(text)
    run.bold, run.italic = bold, italic


def grid_table(
    document: DocxDocument,
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    *,
    limit: int | None = None,
) -> Table:
    """A bordered table, header row bold and repeated on every page; ``widths`` in cm.

    With ``limit``, longer lists are cut there and a note under the table says so.
    """
    total = len(rows)
    rows = rows[:limit] if limit is not None else rows
    table: Table = document.add_table(rows=2 if rows else 1, cols=len(headers))
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _fill_row(table.rows[0], headers, widths, header=True)
    if rows:
        template = table.rows[1]
        _fill_row(template, rows[0], widths, header=False)
        for values in rows[1:]:  # copies of a formatted row: far quicker than cell by cell
            copied = copy.deepcopy(template._tr)
            for run, text in zip(copied.iter(qn("w:r")), values, strict=True):
                run.text = text
            table._tbl.append(copied)
    _repeat_header(table)
    note = rows_beyond(total, len(rows))
    if note:
        body(document, note, italic=True)
    return table


def _fill_row(row: _Row, values: Sequence[str], widths: Sequence[float], *, header: bool) -> None:
    """One run per cell (the copies of a data row rely on it), 11 pt, header bold and centred."""
    for cell, text, width in zip(row.cells, values, widths, strict=True):
        cell.width = Cm(width)
        paragraph = cell.paragraphs[0]
        paragraph.paragraph_format.space_after = Pt(0)
        run = paragraph.add_run(text)
        run.font.size = Pt(11)
        if header:
            run.bold = True
            paragraph.alignment = Align.CENTER


def closing(document: DocxDocument, recipients: Sequence[str]) -> None:
    """ "Nơi nhận" on the left, the signature block on the right."""
    table = _layout_table(document, (Cm(8), Cm(8.5)))
    left, right = table.rows[0].cells
    _lines(left, [("Nơi nhận:", True, True)], Align.LEFT, size=12)
    _lines(left, [(f"- {r}", False, False) for r in recipients], Align.LEFT, size=11)
    _lines(right, [(line, True, False) for line in SIGNER], Align.CENTER)


def to_bytes(document: DocxDocument) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _plain_headings(document: DocxDocument) -> None:
    """Word's Heading 1-3 in the document's font and size, black: the look of an administrative
    document, the outline of a Word heading. The template's theme fonts are dropped, as Word
    would use them over the font named here."""
    for level in HEADING_LEVELS:
        style = document.styles[f"Heading {level}"]
        font = style.font
        font.name, font.size, font.color.rgb = FONT_NAME, Pt(FONT_SIZE), RGBColor(0, 0, 0)
        font.bold, font.italic = True, level >= 3
        style.paragraph_format.space_before = Pt(10 if level == 1 else 6)
        style.paragraph_format.space_after = Pt(6)
        fonts = style.element.rPr.rFonts
        for theme in THEME_FONTS:
            fonts.attrib.pop(qn(f"w:{theme}"), None)


def _layout_table(document: DocxDocument, widths: tuple[Length, Length]) -> Table:
    """A borderless one-row, two-column table for side-by-side blocks."""
    table: Table = document.add_table(rows=1, cols=2)
    table.autofit = False
    for cell, width in zip(table.rows[0].cells, widths, strict=True):
        cell.width = width
    return table


def _lines(
    cell: _Cell, lines: Sequence[tuple[str, bool, bool]], align: WD_ALIGN_PARAGRAPH, size: int = 13
) -> None:
    """Add (text, bold, italic) lines to a cell, reusing its empty first paragraph."""
    for text, bold, italic in lines:
        first = cell.paragraphs[0]
        paragraph = first if not first.text and not first.runs else cell.add_paragraph()
        paragraph.alignment = align
        paragraph.paragraph_format.space_after = Pt(0)
        run = paragraph.add_run(text)
        run.bold, run.italic = bold, italic
        run.font.size = Pt(size)


def _repeat_header(table: Table) -> None:
    properties = table.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)
