"""Large type for the projector, read from the Vega-Lite spec or plotly figure a page shows
(no Streamlit)."""

from __future__ import annotations

import copy
import json
from typing import Any

import pandas as pd
import pytest

from charts import agency_status_bars, status_breakdown
from charts.drilldown import plan_drilldown
from charts.presentation import WRAPPED_LABEL, large_figure_type, large_type
from charts.timeline import deadline_timeline
from tests.explore_frames import TODAY, leaves, segments

# Issue 15: axis labels and titles at least 16 px at 1366×768 while presenting.
AT_LEAST_16 = [
    ("axis", "labelFontSize"),
    ("axis", "titleFontSize"),
    ("legend", "labelFontSize"),
    ("legend", "titleFontSize"),
    ("header", "labelFontSize"),
    ("title", "fontSize"),
    ("title", "subtitleFontSize"),
    ("text", "fontSize"),
]


def status_spec() -> dict[str, Any]:
    counts = pd.DataFrame({"status": ["overdue", "done_on_time"], "count": [3, 5]})
    return status_breakdown(counts, "Nhiệm vụ theo trạng thái", "Tính đến 01/07/2026").to_dict()


def empty_spec() -> dict[str, Any]:
    counts = pd.DataFrame({"status": [], "count": []})
    return status_breakdown(counts, "Nhiệm vụ theo trạng thái").to_dict()


@pytest.mark.parametrize(("part", "size"), AT_LEAST_16)
def test_every_text_part_is_at_least_16_px(part: str, size: str) -> None:
    assert large_type(status_spec())["config"][part][size] >= 16


def test_titles_read_larger_than_axis_labels() -> None:
    config = large_type(status_spec())["config"]
    assert config["title"]["fontSize"] > config["axis"]["titleFontSize"]
    assert config["axis"]["titleFontSize"] >= config["axis"]["labelFontSize"]


def test_drawn_as_svg() -> None:
    assert large_type(status_spec())["usermeta"]["embedOptions"]["renderer"] == "svg"


def test_the_data_titles_and_own_config_are_kept() -> None:
    spec = status_spec()
    spec["config"] = {"axis": {"grid": False}, "view": {"stroke": None}}
    shown = large_type(spec)
    assert shown["config"]["axis"]["grid"] is False
    assert shown["config"]["view"] == {"stroke": None}
    for part in ("datasets", "title", "height", "width"):
        assert shown[part] == spec[part]


def test_the_cached_spec_is_not_changed() -> None:
    spec = status_spec()
    before = copy.deepcopy(spec)
    large_type(spec)
    assert spec == before


def test_the_empty_chart_stays_marked_empty() -> None:
    assert large_type(empty_spec())["usermeta"]["empty"] is True


def values_of(node: Any, key: str) -> list[Any]:
    """Every value of ``key`` anywhere in a spec (layers, encodings, axes, legends)."""
    if isinstance(node, dict):
        own = [node[key]] if key in node else []
        return own + [found for value in node.values() for found in values_of(value, key)]
    if isinstance(node, list):
        return [found for item in node for found in values_of(item, key)]
    return []


def agency_spec(agency: str) -> dict[str, Any]:
    summary = pd.DataFrame(
        {
            "agency": [agency],
            "status": ["overdue"],
            "count": [2],
            "total": [2],
            "completion_rate": [0.0],
            "on_time_rate": [None],
        }
    )
    return agency_status_bars(summary, "Theo cơ quan").to_dict()


def test_no_axis_or_legend_label_is_cut_short() -> None:
    spec = agency_spec("Trung tâm Công nghệ thông tin và Truyền thông tỉnh")
    assert values_of(spec, "labelLimit")  # the builder keeps screen charts compact…
    assert set(values_of(large_type(spec), "labelLimit")) == {0}  # …whole labels projected


# A lead agency of the sample plans, 88 characters: more than one line of LINE_CHARS (55).
LONG_AGENCY = (
    "Các cơ quan chủ trì quản lý, vận hành các nền tảng số, hệ thống thông tin, cơ sở dữ liệu"
)


@pytest.mark.parametrize(
    ("agency", "rows_grow"),
    [
        ("Công an tỉnh", False),  # one line: the chart keeps its height
        (LONG_AGENCY, True),  # two lines: the rows make room for them
    ],
)
def test_rows_make_room_for_wrapped_labels(agency: str, rows_grow: bool) -> None:
    spec = agency_spec(agency)
    shown = large_type(spec)
    assert set(values_of(shown, "labelExpr")) == {WRAPPED_LABEL}  # the agencies' axis
    assert shown["height"] == (2 * spec["height"] if rows_grow else spec["height"])


def test_long_subtitle_lines_are_broken_at_spaces_not_cut() -> None:
    note = "Số liệu tiến độ và kết quả chỉ tiêu là dữ liệu MINH HỌA, không phải số liệu thực tế."
    counts = pd.DataFrame({"status": ["overdue"], "count": [1]})
    spec = status_breakdown(counts, "Nhiệm vụ theo trạng thái", f"Tính đến 01/07/2026\n{note}")
    lines = large_type(spec.to_dict())["title"]["subtitle"]
    assert lines == [
        "Tính đến 01/07/2026",
        "Số liệu tiến độ và kết quả chỉ tiêu là dữ liệu MINH HỌA,",
        "không phải số liệu thực tế.",
    ]


# --- the plotly charts (timeline, drill-down): the same sizes ---
def timeline_layout() -> dict[str, Any]:
    return large_figure_type(deadline_timeline(segments(), "Tiến trình", TODAY)).to_dict()["layout"]


def drilldown_layout() -> dict[str, Any]:
    return large_figure_type(plan_drilldown(leaves(), "Toàn cảnh")).to_dict()["layout"]


# (path into the layout, size): issue 15's 16 px for labels, titles larger
TIMELINE_SIZES = [
    (("xaxis", "tickfont", "size"), 16),  # the dates
    (("yaxis", "tickfont", "size"), 16),  # the task lines, "PL-II-2026 · 1"
    (("xaxis", "title", "font", "size"), 18),
    (("yaxis", "title", "font", "size"), 18),
    (("legend", "font", "size"), 16),
    (("legend", "title", "font", "size"), 18),
    (("hoverlabel", "font", "size"), 16),
    (("title", "font", "size"), 26),
    (("font", "size"), 16),  # everything else: "Hôm nay"
]


def at(layout: dict[str, Any], path: tuple[str, ...]) -> Any:
    for key in path:
        layout = layout[key]
    return layout


@pytest.mark.parametrize(("path", "size"), TIMELINE_SIZES)
def test_the_timeline_takes_the_same_sizes_as_the_altair_charts(
    path: tuple[str, ...], size: int
) -> None:
    assert at(timeline_layout(), path) == size


def test_the_timelines_axes_make_room_for_their_labels() -> None:
    layout = timeline_layout()
    assert layout["yaxis"]["automargin"] is layout["xaxis"]["automargin"] is True


def test_the_timeline_keeps_its_data_order_and_first_view() -> None:
    figure = deadline_timeline(segments(), "Tiến trình", TODAY)
    before = json.loads(figure.to_json())
    shown = json.loads(large_figure_type(figure).to_json())
    assert json.loads(figure.to_json()) == before  # the figure shown on screen is not changed
    assert shown["data"] == before["data"]
    assert shown["layout"]["yaxis"]["categoryarray"] == before["layout"]["yaxis"]["categoryarray"]
    assert shown["layout"]["xaxis"]["range"] == before["layout"]["xaxis"]["range"]
    assert shown["layout"]["title"]["text"] == "Tiến trình"


def test_treemap_tile_text_is_never_shrunk_below_a_tick_label() -> None:
    layout = drilldown_layout()
    # a label too long for its tile at 16 px is left out; the tile's hover has it whole
    assert layout["uniformtext"] == {"minsize": 16, "mode": "hide"}
    assert (layout["font"]["size"], layout["title"]["font"]["size"]) == (16, 26)
    assert layout["hoverlabel"]["font"]["size"] == 16


def test_the_treemap_gets_no_axes() -> None:
    assert not [key for key in drilldown_layout() if key.startswith(("xaxis", "yaxis"))]


def text_marks(node: Any) -> list[dict[str, Any]]:
    """Every text mark (``{"type": "text", …}``) in a Vega-Lite spec."""
    if isinstance(node, dict):
        own = [node] if node.get("type") == "text" else []
        return own + [mark for value in node.values() for mark in text_marks(value)]
    if isinstance(node, list):
        return [mark for item in node for mark in text_marks(item)]
    return []


def test_numbers_in_and_beside_the_bars_are_raised_to_a_labels_size() -> None:
    spec = agency_spec("Sở Tài chính")
    assert {mark["fontSize"] for mark in text_marks(spec)} == {11}  # the screen's, compact
    projected = text_marks(large_type(spec))
    assert projected and all(mark["fontSize"] >= 16 for mark in projected)
    assert {mark["fontSize"] for mark in text_marks(spec)} == {11}  # the spec is unchanged
