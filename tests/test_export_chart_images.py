"""Chart images: real PNGs at print width, SVG with the shipped font, titles, file names."""

from __future__ import annotations

import io
import re
import unicodedata
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from fontTools.ttLib import TTFont
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image

from charts import (
    ageing_bars,
    agency_status_bars,
    compose_subtitle,
    deadline_heatmap,
    kpi_bullets,
    kpi_trend,
    overdue_by_agency,
    status_breakdown,
    week_heatmap,
)
from charts.common import AnyChart
from exports.chart_images import (
    EXPORT_WIDTH,
    PRINT_SCALE,
    chart_png,
    chart_svg,
    export_file_name,
    export_spec,
    slugify,
    wrap_lines,
)
from exports.fonts import BOLD_TTF, FONT_FAMILY, REGULAR_TTF

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
LONG_FILTERS = (
    "Tính đến 23/11/2026 · Kế hoạch: 92A/KH-UBND, PL-II · Cơ quan chủ trì: Sở Khoa học và "
    "Công nghệ, Công an tỉnh, Sở Nội vụ và 3 mục khác · Trạng thái: Quá hạn, Hoàn thành đúng hạn"
)


def status_chart(subtitle: str = "") -> AnyChart:
    counts = pd.DataFrame({"status": ["overdue", "done_on_time"], "count": [3, 12]})
    return status_breakdown(counts, "Nhiệm vụ theo trạng thái", subtitle)


def agency_chart() -> AnyChart:
    summary = pd.DataFrame(
        {
            "agency": ["Sở Khoa học và Công nghệ", "Sở Nội vụ"],
            "status": ["overdue", "done_on_time"],
            "count": [2, 5],
            "total": [2, 5],
            "completion_rate": [0.0, 1.0],
            "on_time_rate": [0.0, 1.0],
        }
    )
    return agency_status_bars(summary, "Tiến độ theo cơ quan", "Tính đến 23/11/2026")


# --- PNG: a real image, as wide as asked ---
@pytest.mark.parametrize("scale", [1.0, 2.0, PRINT_SCALE])
def test_png_is_a_real_image_at_the_export_width_times_scale(scale: float) -> None:
    png = chart_png(status_chart(), scale=scale)
    assert png.startswith(PNG_SIGNATURE)
    image = Image.open(io.BytesIO(png))
    image.load()  # decodes every pixel: fails on a truncated or corrupt file
    assert image.format == "PNG"
    assert image.width == int(EXPORT_WIDTH * scale)
    assert image.height > 100 * scale
    colours = image.convert("RGB").getcolors(maxcolors=1_000_000)
    assert colours is not None and len(colours) > 10  # bars, text and axes, not a blank canvas


def test_default_png_is_print_resolution() -> None:
    image = Image.open(io.BytesIO(chart_png(agency_chart())))
    assert image.width == int(EXPORT_WIDTH * PRINT_SCALE) >= 2400


def test_png_width_follows_the_width_argument() -> None:
    image = Image.open(io.BytesIO(chart_png(status_chart(), scale=1, width=600)))
    assert image.width == 600


def every_chart() -> list[AnyChart]:
    """One chart from each builder of ``charts``, on small real-looking frames."""
    due = pd.to_datetime(["2026-06-30", "2026-07-15"])
    return [
        status_chart(),
        agency_chart(),
        ageing_bars(pd.DataFrame({"bucket": ["1–30", ">180"], "count": [2, 5]}), "Tuổi"),
        overdue_by_agency(
            pd.DataFrame(
                {"agency": ["Sở A", "Sở B"], "bucket": ["1–30", "31–90"], "count": [1, 2]}
            ),
            "Quá hạn theo cơ quan",
        ),
        deadline_heatmap(
            pd.DataFrame(
                {"agency": ["Sở A"], "month": due[:1], "due": [3], "overdue": [1], "completed": [1]}
            ),
            "Hạn theo tháng",
        ),
        week_heatmap(
            pd.DataFrame({"agency": ["Sở A", "Sở B"], "week_start": due, "count": [1, 2]}),
            "Hạn trong 12 tuần tới",
            first=date(2026, 6, 29),
        ),
        kpi_trend(
            pd.DataFrame(
                {
                    "kpi": ["Tỷ lệ"] * 2,
                    "period_end": pd.to_datetime(["2026-03-31", "2026-06-30"]),
                    "period_label": ["Quý I/2026", "Quý II/2026"],
                    "value": [70.0, 85.0],
                    "target_value": [80.0, 80.0],
                }
            ),
            "Diễn biến",
        ),
    ]


@pytest.mark.parametrize("index", range(7))
def test_every_chart_builder_exports_at_the_fixed_width(index: int) -> None:
    chart = every_chart()[index]
    image = Image.open(io.BytesIO(chart_png(chart, scale=1)))
    image.load()
    assert image.width == EXPORT_WIDTH
    assert chart_svg(chart).startswith(b"<svg")


def test_empty_chart_still_exports() -> None:
    empty = status_breakdown(pd.DataFrame({"status": [], "count": []}), "Trống")
    assert chart_png(empty, scale=1).startswith(PNG_SIGNATURE)


# --- SVG: text kept as Vietnamese text in the shipped font ---
def test_svg_keeps_vietnamese_text_and_names_the_shipped_font() -> None:
    svg = chart_svg(status_chart(), subtitle="Tính đến 23/11/2026").decode("utf-8")
    assert svg.startswith("<svg")
    assert "Nhiệm vụ theo trạng thái" in svg
    assert "Tính đến 23/11/2026" in svg
    assert "Đang thực hiện trong hạn" in svg
    assert f'font-family="{FONT_FAMILY}' in svg
    assert 'width="900"' in svg


def test_svg_axis_numbers_use_vietnamese_separators() -> None:
    kpis = pd.DataFrame(
        {
            "kpi": ["Số dịch vụ công trực tuyến"],
            "target_value": [5000.0],
            "operator": [">="],
            "actual": [2500.0],
            "unit": [""],
            "met": [False],
            "period_label": ["2026"],
        }
    )
    svg = chart_svg(kpi_bullets(kpis, "Chỉ tiêu")).decode("utf-8")
    ticks = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    assert "5.000" in ticks
    assert "5,000" not in ticks


# --- Title and subtitle ---
def test_title_and_subtitle_replace_the_charts_own() -> None:
    spec = export_spec(status_chart("cũ"), title="Mới", subtitle="Tính đến 01/06/2026\nDòng hai")
    assert spec["title"]["text"] == ["Mới"]
    assert spec["title"]["subtitle"] == ["Tính đến 01/06/2026", "Dòng hai"]
    assert spec["width"] == EXPORT_WIDTH
    assert spec["config"]["font"].startswith(FONT_FAMILY)


def test_charts_own_subtitle_is_kept_and_long_lines_wrapped_at_filter_breaks() -> None:
    subtitle = compose_subtitle(LONG_FILTERS, illustrative=True)
    spec = export_spec(status_chart(subtitle))
    lines = spec["title"]["subtitle"]
    assert len(lines) > 2
    assert all(len(line) <= EXPORT_WIDTH // 7 for line in lines)
    assert " · ".join(lines[:-1]) == LONG_FILTERS
    assert "MINH HỌA" in lines[-1]


def test_export_does_not_change_the_chart_on_screen() -> None:
    chart = status_chart("Tính đến 23/11/2026")
    before = chart.to_dict()
    export_spec(chart, title="Khác")
    assert chart.to_dict() == before
    assert before["width"] == "container"


@pytest.mark.parametrize(
    ("line", "chars", "expected"),
    [
        # short lines stay whole
        ("Tính đến 23/11/2026", 40, ["Tính đến 23/11/2026"]),
        # cut at the " · " between filter parts
        ("Aaaa · Bbbb · Cccc", 12, ["Aaaa · Bbbb", "Cccc"]),
        # a part longer than the line is cut at spaces
        ("một hai ba bốn năm", 8, ["một hai", "ba bốn", "năm"]),
    ],
)
def test_wrap_lines(line: str, chars: int, expected: list[str]) -> None:
    assert wrap_lines(line, chars) == expected


# --- File names ---
@pytest.mark.parametrize(
    ("slug", "ext", "expected"),
    [
        ("qua-han", "png", "qua-han_23-11-2026.png"),
        ("Quá hạn", ".svg", "qua-han_23-11-2026.svg"),
        ("Đôn đốc / Sở KH&CN", "docx", "don-doc-so-kh-cn_23-11-2026.docx"),
        ("Tiến độ theo cơ quan", "xlsx", "tien-do-theo-co-quan_23-11-2026.xlsx"),
        ("", "png", "bieu-do_23-11-2026.png"),
    ],
)
def test_export_file_name(slug: str, ext: str, expected: str) -> None:
    assert export_file_name(slug, date(2026, 11, 23), ext) == expected


@given(st.text())
def test_slugify_is_always_ascii_safe(text: str) -> None:
    assert re.fullmatch(r"([a-z0-9]+(-[a-z0-9]+)*)?", slugify(text))


# --- The shipped font ---
def vietnamese_letters() -> str:
    """Every Vietnamese letter: 12 vowels × 6 tones, đ, both cases."""
    tones = ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")
    vowels = ("a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y")
    lower = "".join(unicodedata.normalize("NFC", v + t) for v in vowels for t in tones) + "đ"
    return lower + lower.upper()


@pytest.mark.parametrize("path", [REGULAR_TTF, BOLD_TTF])
def test_shipped_font_covers_every_vietnamese_letter(path: Path) -> None:
    letters = vietnamese_letters()
    assert len(letters) == 2 * (12 * 6 + 1)
    cmap = TTFont(path).getBestCmap()
    assert [c for c in letters if ord(c) not in cmap] == []
    assert "Bitstream" in (path.parent / "LICENSE").read_text(encoding="utf-8")
