from typing import Any

import pandas as pd
import pytest
import vl_convert

import charts
from charts.common import (
    chart_title,
    compose_subtitle,
    empty_chart,
    is_empty_chart,
    limit_rows,
    require_columns,
    with_ranked_labels,
)
from labels import ILLUSTRATIVE_NOTE

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

# Every builder, its input columns and the selection it must keep (None: no selection).
BUILDERS: list[tuple[Any, list[str], str | None]] = [
    (charts.status_breakdown, ["status", "count"], "status_pick"),
    (
        charts.agency_status_bars,
        ["agency", "status", "count", "total", "completion_rate", "on_time_rate"],
        "agency_pick",
    ),
    (charts.deadline_heatmap, ["agency", "month", "due", "overdue", "completed"], "cell_pick"),
    (charts.week_heatmap, ["agency", "week_start", "count"], "week_pick"),
    (
        charts.kpi_bullets,
        ["kpi", "target_value", "operator", "actual", "unit", "met", "period_label"],
        "kpi_pick",
    ),
    (charts.kpi_trend, ["kpi", "period_end", "period_label", "value", "target_value"], None),
    (charts.ageing_bars, ["bucket", "count"], None),
    (charts.overdue_by_agency, ["agency", "bucket", "count"], "agency_pick"),
]
BUILDER_IDS = [b[0].__name__ for b in BUILDERS]


# --- Empty input: a placeholder chart, never None ---
@pytest.mark.parametrize(("builder", "columns", "param"), BUILDERS, ids=BUILDER_IDS)
def test_empty_input_gives_placeholder_with_title_and_selection(
    builder: Any, columns: list[str], param: str | None
) -> None:
    chart = builder(pd.DataFrame(columns=columns), "Tiêu đề", "Tính đến 30/06/2026")
    spec = chart.to_dict()
    assert is_empty_chart(chart)
    assert spec["mark"]["type"] == "text"
    assert list(spec["datasets"].values())[0] == [{"message": "Không có dữ liệu để hiển thị"}]
    assert spec["title"] == {
        "text": "Tiêu đề",
        "anchor": "start",
        "subtitle": ["Tính đến 30/06/2026"],
    }
    names = [p["name"] for p in spec.get("params", [])]
    assert names == ([param] if param else [])


@pytest.mark.parametrize(("builder", "columns", "param"), BUILDERS, ids=BUILDER_IDS)
def test_missing_column_is_a_programming_error(
    builder: Any, columns: list[str], param: str | None
) -> None:
    with pytest.raises(ValueError, match=columns[-1]):
        builder(pd.DataFrame(columns=columns[:-1]), "Tiêu đề")


def test_real_chart_is_not_the_placeholder() -> None:
    chart = charts.ageing_bars(pd.DataFrame({"bucket": ["1–30"], "count": [2]}), "Tiêu đề")
    assert not is_empty_chart(chart)


# --- Titles and subtitles ---
@pytest.mark.parametrize(
    ("subtitle", "expected"),
    [
        ("", None),
        ("Tính đến 30/06/2026", ["Tính đến 30/06/2026"]),
        (
            "Tính đến 30/06/2026\nCơ quan: Sở Nội vụ\n",
            ["Tính đến 30/06/2026", "Cơ quan: Sở Nội vụ"],
        ),
    ],
)
def test_chart_title_splits_subtitle_lines(subtitle: str, expected: list[str] | None) -> None:
    title = chart_title("Tiêu đề", subtitle).to_dict()
    assert title["text"] == "Tiêu đề"
    assert title.get("subtitle") == expected


def test_compose_subtitle_skips_blank_lines_and_appends_illustrative_note() -> None:
    assert (
        compose_subtitle("Tính đến 30/06/2026", "", "Năm 2026") == "Tính đến 30/06/2026\nNăm 2026"
    )
    text = compose_subtitle("Tính đến 30/06/2026", illustrative=True)
    assert text.splitlines() == ["Tính đến 30/06/2026", ILLUSTRATIVE_NOTE]


@pytest.mark.parametrize(
    ("top_n", "subtitle", "expected_order", "expected_subtitle"),
    [
        (None, "S", ["a", "b", "c"], "S"),
        (3, "S", ["a", "b", "c"], "S"),
        (2, "S", ["a", "b"], "S\nHiển thị 2 trên 3 cơ quan"),
        (1, "", ["a"], "Hiển thị 1 trên 3 cơ quan"),
    ],
)
def test_limit_rows(
    top_n: int | None, subtitle: str, expected_order: list[str], expected_subtitle: str
) -> None:
    assert limit_rows(["a", "b", "c"], top_n, subtitle) == (expected_order, expected_subtitle)


def test_require_columns_names_builder_and_missing() -> None:
    with pytest.raises(ValueError, match=r"demo: missing columns \['b'\]"):
        require_columns(pd.DataFrame(columns=["a"]), ["a", "b"], "demo")


def test_charts_fill_width_and_keep_plot_height() -> None:
    """fit-x: Streamlit would otherwise squeeze title, axes and legend into ``height``."""
    chart = charts.status_breakdown(pd.DataFrame({"status": ["overdue"], "count": [1]}), "T")
    for spec in (chart.to_dict(), empty_chart("T").to_dict()):
        assert spec["width"] == "container"
        assert spec["autosize"] == {"type": "fit-x", "contains": "padding"}


# --- Export works without a browser ---
def test_chart_renders_to_png_with_vl_convert() -> None:
    counts = pd.DataFrame({"status": ["overdue", "done_on_time"], "count": [3, 5]})
    chart = charts.status_breakdown(counts, "Tình trạng nhiệm vụ", "Tính đến 30/06/2026")
    png = vl_convert.vegalite_to_png(chart.properties(width=600).to_json())
    assert png.startswith(PNG_SIGNATURE)
    assert len(png) > 1000


def test_container_width_chart_renders_to_svg() -> None:
    chart = empty_chart("Tình trạng", "Tính đến 30/06/2026")
    svg = vl_convert.vegalite_to_svg(chart.to_json())
    assert svg.lstrip().startswith("<svg")
    assert "Tình trạng" in svg


# --- with_ranked_labels ---
def test_ranked_labels_follow_the_order_and_put_unknown_codes_last() -> None:
    df = pd.DataFrame({"status": ["late", "x", "done"]})
    out = with_ranked_labels(df, "status", ["done", "late"], str.upper)
    assert out.to_dict("list") == {
        "status": ["late", "x", "done"],
        "status_label": ["LATE", "X", "DONE"],
        "status_rank": [1, 2, 0],
    }
