"""The meeting pack as a PDF (fpdf2 with the shipped DejaVu Sans): same pages as the deck."""

from __future__ import annotations

import io

from fpdf import FPDF
from fpdf.fonts import FontFace

from exports.content import MAX_CELL_CHARS, as_of_line, headline_figures, rows_beyond
from exports.fonts import BOLD_TTF, REGULAR_TTF
from exports.meeting_pack import (
    NO_OVERDUE,
    OVERDUE_HEADERS,
    OVERDUE_TITLE,
    OVERVIEW_TITLE,
    PACK_TITLE,
    MeetingPackData,
    chart_images,
    overdue_pages,
    png_size,
)
from labels import ILLUSTRATIVE_NOTE

FONT = "DejaVu"
PAGE_W, PAGE_H, MARGIN = 297.0, 210.0, 12.0  # A4 landscape, millimetres
CONTENT_W = PAGE_W - 2 * MARGIN
ALL_ROWS = 1_000_000  # the PDF table flows over pages by itself
PDF_OVERDUE_ROWS = 500  # the longest overdue; the full list is on the Quá hạn page
OVERDUE_WIDTHS = (8, 130, 70, 25, 20)  # millimetres, OVERDUE_HEADERS order
HEADER_STYLE = FontFace(emphasis="BOLD", color=(255, 255, 255), fill_color=(31, 78, 121))


class PackPdf(FPDF):
    """A4 landscape with the shipped font and "Trang x/y" at the foot of each page."""

    def __init__(self) -> None:
        super().__init__(orientation="L", unit="mm", format="A4")
        self.add_font(FONT, "", str(REGULAR_TTF))
        self.add_font(FONT, "B", str(BOLD_TTF))
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(auto=True, margin=MARGIN + 4)
        self.alias_nb_pages()

    def footer(self) -> None:
        self.set_y(-MARGIN)
        self.set_font(FONT, "", 8)
        self.cell(0, 5, f"Trang {self.page_no()}/{{nb}}", align="R")

    def heading(self, text: str, size: int = 18) -> None:
        self.set_font(FONT, "B", size)
        self.multi_cell(CONTENT_W, size * 0.5, text, align="L")
        self.ln(3)

    def paragraph(self, text: str, size: int = 11) -> None:
        self.set_font(FONT, "", size)
        self.multi_cell(CONTENT_W, size * 0.5, text, align="L")
        self.ln(1)


def meeting_pack_pdf(data: MeetingPackData, images: list[tuple[str, bytes]] | None = None) -> bytes:
    """The pack as PDF bytes; ``images`` (from ``chart_images``) avoids rendering charts twice."""
    pdf = PackPdf()
    pdf.set_title(PACK_TITLE)
    pdf.set_creator("Theo dõi Nghị quyết 57")
    _title_page(pdf, data)
    _overview_page(pdf, data)
    for title, png in images if images is not None else chart_images(data):
        _chart_page(pdf, title, png)
    _overdue_pages(pdf, data)
    return bytes(pdf.output())


def _title_page(pdf: PackPdf, data: MeetingPackData) -> None:
    pdf.add_page()
    pdf.set_y(60)
    pdf.heading(PACK_TITLE, size=26)
    for line in (data.plan_line, as_of_line(data.as_of), data.filters_text):
        pdf.paragraph(line, size=14)
    if data.illustrative:
        pdf.paragraph(ILLUSTRATIVE_NOTE, size=12)


def _overview_page(pdf: PackPdf, data: MeetingPackData) -> None:
    pdf.add_page()
    pdf.heading(f"{OVERVIEW_TITLE} — {as_of_line(data.as_of).lower()}")
    pdf.set_font(FONT, "", 12)
    with pdf.table(
        col_widths=(80, 40, 120),
        width=240,
        align="LEFT",
        headings_style=HEADER_STYLE,
        line_height=8,
    ) as table:
        table.row(("Chỉ số", "Giá trị", "Ghi chú"))
        for figure in headline_figures(data.metrics):
            table.row((figure.label, figure.value, figure.note))
    if data.illustrative:
        pdf.ln(4)
        pdf.paragraph(ILLUSTRATIVE_NOTE, size=10)


def _chart_page(pdf: PackPdf, title: str, png: bytes) -> None:
    pdf.add_page()
    pdf.heading(title)
    top = pdf.get_y()
    box_h = PAGE_H - top - MARGIN - 6
    width, height = png_size(png)
    fit = min(CONTENT_W / width, box_h / height)
    w, h = width * fit, height * fit
    pdf.image(io.BytesIO(png), x=MARGIN + (CONTENT_W - w) / 2, y=top, w=w, h=h, alt_text=title)


def _overdue_pages(pdf: PackPdf, data: MeetingPackData) -> None:
    pdf.add_page()
    pdf.heading(f"{OVERDUE_TITLE} ({len(data.overdue)})")
    rows = overdue_pages(data.overdue.head(PDF_OVERDUE_ROWS), ALL_ROWS, MAX_CELL_CHARS)[0]
    if not rows:
        pdf.paragraph(NO_OVERDUE, size=14)
        return
    pdf.set_font(FONT, "", 9)
    with pdf.table(
        col_widths=OVERDUE_WIDTHS,
        width=sum(OVERDUE_WIDTHS),
        align="LEFT",
        headings_style=HEADER_STYLE,
        line_height=5,
        text_align=("RIGHT", "LEFT", "LEFT", "CENTER", "RIGHT"),
    ) as table:
        table.row(OVERDUE_HEADERS)
        for row in rows:
            table.row(row)
    note = rows_beyond(len(data.overdue), len(rows))
    if note:
        pdf.ln(2)
        pdf.paragraph(note, size=9)
