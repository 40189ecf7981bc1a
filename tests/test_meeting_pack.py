"""The meeting pack on the sample data: slides, titles, figures, charts and the overdue list."""

from __future__ import annotations

import io
import math
import re
from dataclasses import replace

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from PIL import Image
from pptx import Presentation
from pptx.presentation import Presentation as Deck
from sqlalchemy import Engine

from data_access.db import get_engine
from data_access.queries.filters import TaskFilters
from data_access.queries.status import SummaryMetrics, summary_metrics
from data_access.queries.statuses import TaskStatus
from exports.chart_images import EXPORT_WIDTH
from exports.content import headline_figures
from exports.meeting_pack import (
    AGENCY_TITLE,
    HEATMAP_TITLE,
    KPI_TITLE,
    NO_OVERDUE,
    OVERDUE_ROWS_PER_SLIDE,
    PACK_KPIS,
    PACK_TITLE,
    SLIDE_OVERDUE_ROWS,
    SLIDE_SCALE,
    MeetingPackData,
    chart_images,
    meeting_pack_data,
    meeting_pack_pptx,
    overdue_pages,
    pack_charts,
    plan_line,
    png_size,
)
from exports.meeting_pdf import meeting_pack_pdf
from labels import ILLUSTRATIVE_NOTE, INDICATIVE_DUE_NOTE, format_int
from tests.export_sample import AS_OF, gather
from tests.frames import TaskRows, due_cell, task_lists
from tests.pdf_text import pdf_page_count, pdf_text

ALL = TaskFilters(as_of=AS_OF)
DATE_RUN = re.compile(r"\d{2}/\d{2}/\d{4}")


def pack_data(engine: Engine, filters: TaskFilters) -> MeetingPackData:
    frames = gather(engine, filters)
    return meeting_pack_data(
        filters=filters,
        statuses=frames.statuses,
        agency_links=frames.links,
        documents=frames.documents,
        kpis=frames.kpis,
        metrics=summary_metrics(frames.statuses, filters.as_of),
        plan_titles=frames.plan_titles,
        illustrative=True,
    )


@pytest.fixture(scope="module")
def engine(sample_url: str) -> Engine:
    return get_engine(sample_url)


@pytest.fixture(scope="module")
def data(engine: Engine) -> MeetingPackData:
    return pack_data(engine, ALL)


@pytest.fixture(scope="module")
def images(data: MeetingPackData) -> list[tuple[str, bytes]]:
    return chart_images(data)


@pytest.fixture(scope="module")
def deck(data: MeetingPackData, images: list[tuple[str, bytes]]) -> Deck:
    return Presentation(io.BytesIO(meeting_pack_pptx(data, images)))


def slide_texts(slide: object) -> list[str]:
    shapes = slide.shapes
    texts = [s.text_frame.text for s in shapes if s.has_text_frame]
    for shape in shapes:
        if shape.has_table:
            texts += [cell.text for row in shape.table.rows for cell in row.cells]
    return texts


def table_rows(deck: Deck) -> list[list[str]]:
    rows: list[list[str]] = []
    for slide in deck.slides:
        for shape in slide.shapes:
            if shape.has_table:
                rows += [[c.text for c in row.cells] for row in list(shape.table.rows)[1:]]
    return rows


# --- The content: the sample on 23/11/2026, counted in test_status_samples ---
def test_pack_data_lists_the_samples_overdue_tasks_longest_first(data: MeetingPackData) -> None:
    # overdue: PL-II-2026 16, KH-92A-UBND 13, KH-SKHCN-2025 5, DM-BS-2026 5, DC-CT-NV-2026 4
    assert len(data.overdue) == data.metrics.overdue == 16 + 13 + 5 + 5 + 4
    assert data.overdue["days_overdue"].is_monotonic_decreasing
    assert data.plan_line.startswith("Tất cả kế hoạch")
    assert len(data.kpis) == 6


# --- pptx ---
def test_deck_has_the_slides_in_order(data: MeetingPackData, deck: Deck) -> None:
    # 43 overdue on 23/11/2026 (test_status_samples: seven tasks the plans call recurring,
    # 92A II.10, II.11, II.21, II.26, II.28 and the Sở's #11, #13, are not among them)
    assert len(data.overdue) == 43 > SLIDE_OVERDUE_ROWS
    overdue_slides = math.ceil(SLIDE_OVERDUE_ROWS / OVERDUE_ROWS_PER_SLIDE)
    assert len(deck.slides) == 5 + overdue_slides
    titles = [s.shapes.title.text for s in deck.slides]
    assert titles[:5] == [
        PACK_TITLE,
        "Tổng quan — tính đến ngày 23/11/2026",
        AGENCY_TITLE,
        HEATMAP_TITLE,
        KPI_TITLE,
    ]
    assert titles[5:] == [f"Nhiệm vụ quá hạn ({i}/{overdue_slides})" for i in range(1, 6)]


def test_title_slide_names_plan_date_filters_and_sample_note(deck: Deck) -> None:
    text = "\n".join(slide_texts(deck.slides[0]))
    assert "Tất cả kế hoạch (5 văn bản)" in text
    assert "Tính đến ngày 23/11/2026" in text
    assert "Cơ quan chủ trì: tất cả" in text
    assert ILLUSTRATIVE_NOTE in text


def test_overview_slide_shows_every_headline_figure(data: MeetingPackData, deck: Deck) -> None:
    texts = slide_texts(deck.slides[1])
    for figure in headline_figures(data.metrics):
        assert any(figure.label in t and figure.value in t for t in texts), figure
    assert any(t.startswith(format_int(data.metrics.overdue)) for t in texts)


def test_chart_slides_hold_the_rendered_charts(deck: Deck) -> None:
    for slide in list(deck.slides)[2:5]:
        pictures = [s for s in slide.shapes if s.shape_type == 13]
        assert len(pictures) == 1
        blob = pictures[0].image.blob
        image = Image.open(io.BytesIO(blob))
        image.load()
        assert image.width == EXPORT_WIDTH * SLIDE_SCALE
        assert png_size(blob) == image.size
        assert pictures[0].left >= 0 and pictures[0].top + pictures[0].height <= deck.slide_height


def test_overdue_slides_list_the_longest_overdue_and_say_how_many_more(
    data: MeetingPackData, deck: Deck
) -> None:
    rows = table_rows(deck)
    shown = data.overdue.head(SLIDE_OVERDUE_ROWS)
    assert [r[0] for r in rows] == [str(i) for i in range(1, SLIDE_OVERDUE_ROWS + 1)]
    assert [r[4] for r in rows] == [format_int(d) for d in shown["days_overdue"]]
    assert [r[3] for r in rows] == [
        d.strftime("%d/%m/%Y") + (f" ({INDICATIVE_DUE_NOTE})" if indicative else "")
        for d, indicative in zip(shown["due_date"], shown["indicative"], strict=True)
    ]
    # the Sở's #16 "Theo lộ trình Bộ Công an (20/12/2025)": an indicative date, 338 days ago
    assert [r[3] for r in rows if r[4] == "338"] == [f"20/12/2025 ({INDICATIVE_DUE_NOTE})"]
    first = data.overdue.iloc[0]
    assert rows[0][1].endswith(f"({first['plan_code']}, nhiệm vụ {first['reference']})")
    assert rows[0][2] == first["leads"]
    last = slide_texts(deck.slides[-1])
    assert "Danh sách chỉ hiện 40 dòng đầu trên tổng số 43; " in " ".join(last)


def test_filtered_pack_follows_the_filters(engine: Engine, images: list[tuple[str, bytes]]) -> None:
    filters = replace(ALL, plan_codes=("KH-SKHCN-2025",))
    data = pack_data(engine, filters)
    assert data.plan_line.startswith("Kế hoạch KH-SKHCN-2025: ")
    assert set(data.overdue["plan_code"]) == {"KH-SKHCN-2025"}
    assert data.kpis.empty  # the KPIs belong to another plan
    deck = Presentation(io.BytesIO(meeting_pack_pptx(data, images)))
    # the Sở's plan has 5 overdue tasks on 23/11/2026 (test_status_samples)
    assert len(table_rows(deck)) == len(data.overdue) == 5


def test_nothing_overdue_gives_one_slide_saying_so(
    engine: Engine, images: list[tuple[str, bytes]]
) -> None:
    data = pack_data(engine, replace(ALL, statuses=(str(TaskStatus.DONE_ON_TIME),)))
    assert data.overdue.empty
    deck = Presentation(io.BytesIO(meeting_pack_pptx(data, images)))
    assert len(deck.slides) == 6
    assert deck.slides[5].shapes.title.text == "Nhiệm vụ quá hạn"
    assert NO_OVERDUE in slide_texts(deck.slides[5])


# --- PDF ---
def test_pdf_text_holds_titles_figures_and_overdue_list(
    data: MeetingPackData, images: list[tuple[str, bytes]]
) -> None:
    pdf = meeting_pack_pdf(data, images)
    assert pdf.startswith(b"%PDF-")
    runs = pdf_text(pdf)
    text = "\n".join(runs)
    assert "\ufffd" not in text
    for expected in (
        PACK_TITLE,
        "Tất cả kế hoạch (5 văn bản)",
        "Tính đến ngày 23/11/2026",
        ILLUSTRATIVE_NOTE,
        AGENCY_TITLE,
        HEATMAP_TITLE,
        KPI_TITLE,
        f"Nhiệm vụ quá hạn ({len(data.overdue)})",
    ):
        assert expected in runs, expected
    for figure in headline_figures(data.metrics):
        assert figure.label in runs and figure.value in runs
    table = runs[runs.index(f"Nhiệm vụ quá hạn ({len(data.overdue)})") :]
    dated = [i for i, run in enumerate(table) if DATE_RUN.fullmatch(run)]
    assert [table[i] for i in dated] == [d.strftime("%d/%m/%Y") for d in data.overdue["due_date"]]
    # an indicative date is followed by its mark, then the days, in the same cell row
    marked = data.overdue["indicative"].tolist()
    after = [table[i + 2] if mark else table[i + 1] for i, mark in zip(dated, marked, strict=True)]
    assert after == [format_int(d) for d in data.overdue["days_overdue"]]
    assert [table[i + 1] for i, mark in zip(dated, marked, strict=True) if mark] == [
        f"({INDICATIVE_DUE_NOTE})"
    ] * sum(marked)
    pages = pdf_page_count(pdf)
    assert pages >= 6
    assert [f"Trang {n}/{pages}" for n in range(1, pages + 1)] == [
        run for run in runs if run.startswith("Trang ")
    ]


def test_pdf_images_are_the_chart_pngs(
    data: MeetingPackData, images: list[tuple[str, bytes]]
) -> None:
    pdf = meeting_pack_pdf(data, images)
    widths = [int(w) for w in re.findall(rb"/Subtype /Image.*?/Width (\d+)", pdf, re.S)]
    assert sorted(widths) == sorted(png_size(png)[0] for _, png in images)


def test_kpi_chart_keeps_to_the_first_25_kpis(data: MeetingPackData) -> None:
    many = pd.concat([data.kpis] * 5, ignore_index=True)
    many = many.assign(kpi=[f"Chỉ tiêu {i}" for i in range(len(many))])
    title, chart = pack_charts(replace(data, kpis=many))[2]
    spec = chart.to_dict()
    shown = {row["kpi"] for layer in spec["datasets"].values() for row in layer}
    assert len(many) == 30 and len(shown) == PACK_KPIS
    assert spec["title"]["subtitle"][-1] == "Hiển thị 25 trên 30 chỉ tiêu"


# --- The overdue list is the rows given, in the order given, whatever the frame's index ---
NO_METRICS = SummaryMetrics(0, 0, 0, 0, 0, None, None, 0, 0, 0, 0, 0, 0, 0, 0)


def pack_of(overdue: pd.DataFrame) -> MeetingPackData:
    """A pack whose overdue list is ``overdue`` (no charts are drawn from the empty frames)."""
    empty = pd.DataFrame()
    return MeetingPackData("Tất cả", AS_OF, "", False, NO_METRICS, empty, empty, empty, overdue)


def expected_rows(rows: TaskRows) -> list[list[str]]:
    """OVERDUE_HEADERS: TT, "name (plan, nhiệm vụ reference)", leads, due date, days overdue."""
    return [
        [
            str(i),
            f"{r['name']} ({r['plan_code']}, nhiệm vụ {r['reference']})",
            r["leads"],
            due_cell(r),
            format_int(r["days_overdue"]),
        ]
        for i, r in enumerate(rows, start=1)
    ]


@given(task_lists(max_size=12))
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_deck_lists_the_overdue_rows_given_in_order(tasks: tuple[pd.DataFrame, TaskRows]) -> None:
    frame, rows = tasks
    deck = Presentation(io.BytesIO(meeting_pack_pptx(pack_of(frame), images=[])))
    assert table_rows(deck) == expected_rows(rows)


@given(task_lists(max_size=12))
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_pdf_lists_the_overdue_rows_given_in_order(tasks: tuple[pd.DataFrame, TaskRows]) -> None:
    frame, rows = tasks
    runs = pdf_text(meeting_pack_pdf(pack_of(frame), images=[]))
    table = runs[runs.index("quá hạn") + 1 :]  # after the header's last run
    # A long cell wraps in its column and comes back as several runs (where it wraps
    # depends on the text), so the runs are compared in order with the spaces taken out.
    cells = [cell for row in expected_rows(rows) for cell in row]
    assert squeezed(table).startswith(squeezed(cells))


def squeezed(texts: list[str]) -> str:
    """The texts one after the other, without any space or line break."""
    return "".join("".join(texts).split())


# --- Pure pieces ---
@pytest.mark.parametrize(
    ("codes", "expected"),
    [
        ((), "Tất cả kế hoạch (2 văn bản)"),
        (("92A",), "Kế hoạch 92A: Kế hoạch số 92A"),
        (("X",), "Kế hoạch X"),
        (("92A", "X"), "Kế hoạch: 92A, X"),
    ],
)
def test_plan_line(codes: tuple[str, ...], expected: str) -> None:
    titles = {"92A": "Kế hoạch số 92A", "PL": "Phụ lục"}
    assert plan_line(codes, titles) == expected


def test_overdue_pages_cut_rows_and_long_names() -> None:
    overdue = pd.DataFrame(
        {
            "plan_code": ["P"] * 5,
            "reference": ["I.1", "I.2", "3", "4", "5"],
            "name": ["x" * 50, "b", "c", "d", "e"],
            "leads": ["Sở A", "", "Sở B", "Sở C", "Sở D"],
            "due_date": pd.to_datetime(["2026-01-31"] * 5),
            "indicative": [False, True, False, False, False],
            "days_overdue": [1200, 5, 4, 3, 2],
        }
    )
    pages = overdue_pages(overdue, 2, 10)
    assert [len(p) for p in pages] == [2, 2, 1]
    assert pages[0][0] == ("1", "xxxxxxxxx… (P, nhiệm vụ I.1)", "Sở A", "31/01/2026", "1.200")
    assert pages[0][1][2:4] == ("—", f"31/01/2026 ({INDICATIVE_DUE_NOTE})")
    assert overdue_pages(overdue.head(0), 2, 10) == [[]]
