"""Large type for the projector, read from the Vega-Lite spec a page shows (no Streamlit)."""

from __future__ import annotations

import copy
from typing import Any

import pandas as pd
import pytest

from charts import agency_status_bars, status_breakdown
from charts.presentation import WRAPPED_LABEL, large_type

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
