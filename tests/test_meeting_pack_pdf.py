"""The meeting pack's PDF on the sample data: titles, figures, the overdue list, the charts."""

from __future__ import annotations

import re
from dataclasses import replace

import pandas as pd
import pytest

from exports.content import headline_figures
from exports.meeting_pack import (
    AGENCY_TITLE,
    HEATMAP_TITLE,
    KPI_TITLE,
    PACK_KPIS,
    PACK_TITLE,
    MeetingPackData,
    pack_charts,
    png_size,
)
from exports.meeting_pdf import meeting_pack_pdf
from labels import ILLUSTRATIVE_NOTE, INDICATIVE_DUE_NOTE, format_int
from tests.meeting_pack_sample import sample_images, sample_pack
from tests.pdf_text import pdf_page_count, pdf_text


@pytest.fixture(scope="module")
def data(sample_url: str) -> MeetingPackData:
    return sample_pack(sample_url)


@pytest.fixture(scope="module")
def images(sample_url: str) -> list[tuple[str, bytes]]:
    return sample_images(sample_url)


DATE_RUN = re.compile(r"\d{2}/\d{2}/\d{4}")


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
