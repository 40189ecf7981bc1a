"""Large type for the projector, read from the Vega-Lite spec a page shows (no Streamlit)."""

from __future__ import annotations

import copy
from typing import Any

import pandas as pd
import pytest

from charts import status_breakdown
from charts.presentation import large_type

# Issue 15: axis labels and titles at least 16 px at 1366×768 while presenting.
AT_LEAST_16 = [
    ("axis", "labelFontSize"),
    ("axis", "titleFontSize"),
    ("legend", "labelFontSize"),
    ("legend", "titleFontSize"),
    ("header", "labelFontSize"),
    ("title", "fontSize"),
    ("title", "subtitleFontSize"),
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


def test_the_chart_itself_and_its_own_config_are_kept() -> None:
    spec = status_spec()
    spec["config"] = {"axis": {"grid": False}, "view": {"stroke": None}}
    shown = large_type(spec)
    assert shown["config"]["axis"]["grid"] is False
    assert shown["config"]["view"] == {"stroke": None}
    without = {key: value for key, value in shown.items() if key not in ("config", "usermeta")}
    assert without == {key: value for key, value in spec.items() if key != "config"}


def test_the_cached_spec_is_not_changed() -> None:
    spec = status_spec()
    before = copy.deepcopy(spec)
    large_type(spec)
    assert spec == before


def test_the_empty_chart_stays_marked_empty() -> None:
    assert large_type(empty_spec())["usermeta"]["empty"] is True
