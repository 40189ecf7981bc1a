"""The meeting pack on the sample data: its content and the PowerPoint deck, and its pure
pieces (the plan line, overdue rows cut into pages)."""

from __future__ import annotations

import io
import math
from dataclasses import replace

import pandas as pd
import pytest
from PIL import Image
from pptx import Presentation
from pptx.presentation import Presentation as Deck
from sqlalchemy import Engine

from data_access.db import get_engine
from data_access.queries.statuses import TaskStatus
from exports.chart_images import EXPORT_WIDTH
from exports.content import headline_figures
from exports.meeting_pack import (
    AGENCY_TITLE,
    HEATMAP_TITLE,
    KPI_TITLE,
    NO_OVERDUE,
    OVERDUE_ROWS_PER_SLIDE,
    PACK_TITLE,
    SLIDE_OVERDUE_ROWS,
    SLIDE_SCALE,
    MeetingPackData,
    meeting_pack_pptx,
    overdue_pages,
    plan_line,
    png_size,
)
from labels import ILLUSTRATIVE_NOTE, INDICATIVE_DUE_NOTE, format_int
from tests.meeting_pack_sample import ALL, pack_data, sample_images, sample_pack, table_rows


@pytest.fixture(scope="module")
def engine(sample_url: str) -> Engine:
    return get_engine(sample_url)


@pytest.fixture(scope="module")
def data(sample_url: str) -> MeetingPackData:
    return sample_pack(sample_url)


@pytest.fixture(scope="module")
def images(sample_url: str) -> list[tuple[str, bytes]]:
    return sample_images(sample_url)


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
