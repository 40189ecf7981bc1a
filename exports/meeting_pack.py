"""The meeting pack: a slide deck (.pptx) for the current filters; the PDF is in meeting_pdf.

Slides: title (plan, as-of date), overview numbers, progress by agency, the
deadline heatmap, the KPI chart, then the overdue list over as many slides as
it needs. Charts are the dashboard's own builders rendered by ``chart_png``.
"""

from __future__ import annotations

import io
import struct
from dataclasses import dataclass
from datetime import date

import pandas as pd
from pptx import Presentation
from pptx.presentation import Presentation as Deck
from pptx.slide import Slide
from pptx.util import Emu, Inches, Pt

from charts import agency_status_bars, compose_subtitle, deadline_heatmap, kpi_bullets
from charts.common import AnyChart
from data_access.queries.filters import TaskFilters
from data_access.queries.rollups import agency_summary, agency_summary_long, deadline_month_matrix
from data_access.queries.status import SummaryMetrics
from exports.chart_images import chart_png
from exports.content import (
    Figure,
    as_of_line,
    due_text,
    headline_figures,
    kpi_bullet_input,
    overdue_tasks,
    rows_beyond,
    short,
    task_list,
)
from labels import ILLUSTRATIVE_NOTE, format_int

PACK_TITLE = "Tình hình triển khai Nghị quyết 57-NQ/TW"
OVERVIEW_TITLE = "Tổng quan"
AGENCY_TITLE = "Tiến độ theo cơ quan chủ trì"
HEATMAP_TITLE = "Hạn hoàn thành theo cơ quan và tháng"
KPI_TITLE = "Chỉ tiêu: kết quả so với mục tiêu"
OVERDUE_TITLE = "Nhiệm vụ quá hạn"
NO_OVERDUE = "Không có nhiệm vụ quá hạn."
OVERDUE_HEADERS = ("TT", "Nhiệm vụ", "Cơ quan chủ trì", "Hạn", "Số ngày quá hạn")
OVERDUE_ROWS_PER_SLIDE = 8
SLIDE_OVERDUE_ROWS = 40  # five slides at most: the longest overdue; the rest is on the Quá hạn page
SLIDE_NAME_CHARS = 180  # longer task names are cut with "…" so eight rows fit a slide
TOP_AGENCIES = 15
PACK_KPIS = 25  # rows of the KPI chart; more would not fit a slide
SLIDE_SCALE = 2.0  # 1800 px wide: sharp on a projector, quick to build
SLIDE_W, SLIDE_H = Emu(Inches(13.333)), Emu(Inches(7.5))  # 16:9
MARGIN = Emu(Inches(0.5))
CONTENT_W = Emu(SLIDE_W - 2 * MARGIN)
TITLE_TOP = Emu(Inches(0.3))
BODY_TOP = Emu(Inches(1.35))
TITLE_SLIDE, TITLE_ONLY = 0, 5  # layouts of python-pptx's default template


@dataclass(frozen=True)
class MeetingPackData:
    """Everything the pack shows, already filtered (build it with ``meeting_pack_data``)."""

    plan_line: str  # "Kế hoạch: …" or "Tất cả kế hoạch"
    as_of: date
    filters_text: str  # TaskFilters.describe_vi()
    illustrative: bool
    metrics: SummaryMetrics
    agency_summary: pd.DataFrame  # rollups.agency_summary
    month_matrix: pd.DataFrame  # rollups.deadline_month_matrix
    kpis: pd.DataFrame  # content.kpi_bullet_input
    overdue: pd.DataFrame  # content.task_list of the overdue tasks, longest overdue first

    @property
    def subtitle(self) -> str:
        return compose_subtitle(self.filters_text, illustrative=self.illustrative)


def meeting_pack_data(
    *,
    filters: TaskFilters,
    statuses: pd.DataFrame,
    agency_links: pd.DataFrame,
    documents: pd.DataFrame,
    kpis: pd.DataFrame,
    metrics: SummaryMetrics,
    plan_titles: dict[str, str],
    illustrative: bool,
) -> MeetingPackData:
    """The pack's content from the page's frames: ``statuses`` already filtered,
    ``kpis`` from ``kpi_queries.kpi_latest`` (kept to the chosen plans)."""
    if filters.plan_codes:
        kpis = kpis[kpis["plan_code"].isin(list(filters.plan_codes))]
    return MeetingPackData(
        plan_line=plan_line(filters.plan_codes, plan_titles),
        as_of=filters.as_of,
        filters_text=filters.describe_vi(),
        illustrative=illustrative,
        metrics=metrics,
        agency_summary=agency_summary(statuses, agency_links, filters.role),
        month_matrix=deadline_month_matrix(statuses, agency_links, filters.role),
        kpis=kpi_bullet_input(kpis),
        overdue=task_list(overdue_tasks(statuses), agency_links, documents),
    )


def plan_line(plan_codes: tuple[str, ...], plan_titles: dict[str, str]) -> str:
    """ "Kế hoạch 92A/KH-UBND: <title>" for one plan, the codes for several, or all."""
    if not plan_codes:
        return f"Tất cả kế hoạch ({format_int(len(plan_titles))} văn bản)"
    if len(plan_codes) == 1:
        code = plan_codes[0]
        title = plan_titles.get(code, "")
        return f"Kế hoạch {code}: {title}" if title else f"Kế hoạch {code}"
    return "Kế hoạch: " + ", ".join(plan_codes)


def pack_charts(data: MeetingPackData) -> list[tuple[str, AnyChart]]:
    """(slide title, chart) for the three chart slides, each with the pack's subtitle."""
    subtitle = data.subtitle
    return [
        (
            AGENCY_TITLE,
            agency_status_bars(
                agency_summary_long(data.agency_summary),
                AGENCY_TITLE,
                subtitle,
                top_n=TOP_AGENCIES,
            ),
        ),
        (
            HEATMAP_TITLE,
            deadline_heatmap(data.month_matrix, HEATMAP_TITLE, subtitle, top_n=TOP_AGENCIES),
        ),
        (KPI_TITLE, kpi_bullets(data.kpis.head(PACK_KPIS), KPI_TITLE, _kpi_subtitle(data))),
    ]


def _kpi_subtitle(data: MeetingPackData) -> str:
    if len(data.kpis) <= PACK_KPIS:
        return data.subtitle
    return f"{data.subtitle}\nHiển thị {PACK_KPIS} trên {format_int(len(data.kpis))} chỉ tiêu"


def chart_images(data: MeetingPackData) -> list[tuple[str, bytes]]:
    """(title, PNG) of each chart; shared by the deck and the PDF."""
    return [(title, chart_png(chart, scale=SLIDE_SCALE)) for title, chart in pack_charts(data)]


def overdue_pages(
    overdue: pd.DataFrame, rows_per_page: int, name_chars: int
) -> list[list[tuple[str, ...]]]:
    """The overdue list as table rows (OVERDUE_HEADERS order) cut into pages, task names cut
    at ``name_chars``; one empty page when nothing is overdue."""
    rows: list[tuple[str, ...]] = [
        (
            str(i),
            f"{short(r.name, name_chars)} ({r.plan_code}, nhiệm vụ {r.reference})",
            r.leads or "—",
            due_text(r.due_date, r.indicative),
            format_int(r.days_overdue),
        )
        for i, r in enumerate(overdue.itertuples(index=False), start=1)
    ]
    return [rows[i : i + rows_per_page] for i in range(0, len(rows), rows_per_page)] or [[]]


def meeting_pack_pptx(
    data: MeetingPackData, images: list[tuple[str, bytes]] | None = None
) -> bytes:
    """The deck as .pptx bytes (16:9); ``images`` (from ``chart_images``) avoids rendering twice."""
    deck = Presentation()
    deck.slide_width, deck.slide_height = SLIDE_W, SLIDE_H
    _title_slide(deck, data)
    _overview_slide(deck, data)
    for title, png in images if images is not None else chart_images(data):
        _picture_slide(deck, title, png)
    shown = data.overdue.head(SLIDE_OVERDUE_ROWS)
    pages = overdue_pages(shown, OVERDUE_ROWS_PER_SLIDE, SLIDE_NAME_CHARS)
    for number, rows in enumerate(pages, start=1):
        suffix = f" ({number}/{len(pages)})" if len(pages) > 1 else ""
        slide = _table_slide(deck, f"{OVERDUE_TITLE}{suffix}", rows)
    note = rows_beyond(len(data.overdue), len(shown))
    if note:
        _note(slide, note)
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()


def png_size(png: bytes) -> tuple[int, int]:
    """(width, height) in pixels from the PNG header."""
    width, height = struct.unpack(">II", png[16:24])
    return int(width), int(height)


def _title_slide(deck: Deck, data: MeetingPackData) -> None:
    slide = deck.slides.add_slide(deck.slide_layouts[TITLE_SLIDE])
    _set_title(slide, PACK_TITLE, top=Emu(Inches(1.5)), size=40)
    lines = [data.plan_line, as_of_line(data.as_of), data.filters_text]
    if data.illustrative:
        lines.append(ILLUSTRATIVE_NOTE)
    body = slide.placeholders[1]
    body.left, body.width = MARGIN, CONTENT_W
    body.top, body.height = Emu(Inches(3.2)), Emu(Inches(3.6))
    frame = body.text_frame
    frame.text = lines[0]
    for line in lines[1:]:
        frame.add_paragraph().text = line
    for paragraph in frame.paragraphs:
        paragraph.font.size = Pt(18)


def _overview_slide(deck: Deck, data: MeetingPackData) -> None:
    slide = _content_slide(deck, f"{OVERVIEW_TITLE} — {as_of_line(data.as_of).lower()}")
    figures = headline_figures(data.metrics)
    columns = 4
    width = CONTENT_W // columns
    for i, figure in enumerate(figures):
        left = MARGIN + (i % columns) * width
        top = BODY_TOP + (i // columns) * Inches(2.3)
        _figure_box(slide, figure, Emu(left), Emu(top), Emu(width - Inches(0.2)))
    if data.illustrative:
        _note(slide, ILLUSTRATIVE_NOTE)


def _figure_box(slide: Slide, figure: Figure, left: Emu, top: Emu, width: Emu) -> None:
    box = slide.shapes.add_textbox(left, top, width, Inches(2.0))
    frame = box.text_frame
    frame.word_wrap = True
    frame.text = figure.value
    frame.paragraphs[0].font.size = Pt(40)
    frame.paragraphs[0].font.bold = True
    for text, size in ((figure.label, 18), (figure.note, 12)):
        if text:
            paragraph = frame.add_paragraph()
            paragraph.text = text
            paragraph.font.size = Pt(size)


def _picture_slide(deck: Deck, title: str, png: bytes) -> None:
    slide = _content_slide(deck, title)
    box_w, box_h = CONTENT_W, SLIDE_H - BODY_TOP - Inches(0.3)
    width, height = png_size(png)
    fit = min(box_w / width, box_h / height)
    pic_w, pic_h = Emu(int(width * fit)), Emu(int(height * fit))
    left = Emu(int((SLIDE_W - pic_w) / 2))
    slide.shapes.add_picture(io.BytesIO(png), left, BODY_TOP, pic_w, pic_h)


def _table_slide(deck: Deck, title: str, rows: list[tuple[str, ...]]) -> Slide:
    slide = _content_slide(deck, title)
    if not rows:
        _note(slide, NO_OVERDUE, top=BODY_TOP, size=24)
        return slide
    shape = slide.shapes.add_table(
        len(rows) + 1, len(OVERDUE_HEADERS), MARGIN, BODY_TOP, CONTENT_W, Inches(0.4)
    )
    table = shape.table
    for j, width in enumerate((0.6, 6.4, 3.1, 1.3, 0.93)):
        table.columns[j].width = Inches(width)
    for i, row in enumerate([OVERDUE_HEADERS, *rows]):
        for j, text in enumerate(row):
            cell = table.cell(i, j)
            cell.text = text
            cell.text_frame.paragraphs[0].font.size = Pt(12 if i else 13)
    return slide


def _content_slide(deck: Deck, title: str) -> Slide:
    slide: Slide = deck.slides.add_slide(deck.slide_layouts[TITLE_ONLY])
    _set_title(slide, title)
    return slide


def _set_title(slide: Slide, text: str, *, top: Emu = TITLE_TOP, size: int = 30) -> None:
    title = slide.shapes.title
    assert title is not None  # both layouts used have a title placeholder
    title.left, title.top = MARGIN, top
    title.width, title.height = CONTENT_W, Emu(Inches(0.9))
    title.text = text
    title.text_frame.paragraphs[0].font.size = Pt(size)


def _note(slide: Slide, text: str, *, top: Emu | None = None, size: int = 12) -> None:
    box = slide.shapes.add_textbox(
        MARGIN, top or Emu(SLIDE_H - Inches(0.7)), CONTENT_W, Inches(0.5)
    )
    box.text_frame.word_wrap = True
    box.text_frame.text = text
    box.text_frame.paragraphs[0].font.size = Pt(size)
