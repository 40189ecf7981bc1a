from typing import Any

import pandas as pd
import pytest

from charts.palette import status_color_scale
from charts.status import agency_order, agency_status_bars, status_breakdown
from labels import STATUS_LABELS, STATUS_ORDER

STATUS_DOMAIN = [STATUS_LABELS[s] for s in STATUS_ORDER]  # wording pinned in test_labels


def views(spec: dict[str, Any]) -> list[dict[str, Any]]:
    return spec.get("layer", [spec])


def rows(spec: dict[str, Any]) -> list[dict[str, Any]]:
    (data,) = spec["datasets"].values()
    return data


def tooltip_titles(view: dict[str, Any]) -> list[str]:
    return [t["title"] for t in view["encoding"]["tooltip"]]


def summary() -> pd.DataFrame:
    """Three agencies: B most overdue, C lowest completion, A most tasks."""
    records = [
        ("Sở A", "done_on_time", 6, 10, 0.8, 0.75),
        ("Sở A", "done_late", 2, 10, 0.8, 0.75),
        ("Sở A", "overdue", 2, 10, 0.8, 0.75),
        ("Sở B", "in_progress", 1, 6, 0.5, 1.0),
        ("Sở B", "overdue", 3, 6, 0.5, 1.0),
        ("Sở B", "done_on_time", 2, 6, 0.5, 1.0),
        ("Sở C", "in_progress", 2, 2, 0.0, None),
    ]
    columns = ["agency", "status", "count", "total", "completion_rate", "on_time_rate"]
    return pd.DataFrame.from_records(records, columns=columns)


# --- status_breakdown ---
def test_status_breakdown_shows_every_status_in_order() -> None:
    counts = pd.DataFrame({"status": ["overdue", "done_on_time", "overdue"], "count": [3, 5, 1]})
    spec = status_breakdown(counts, "Tình trạng", "Tính đến 30/06/2026").to_dict()
    bars, text = views(spec)
    assert bars["mark"]["type"] == "bar"
    assert text["mark"]["type"] == "text"
    y = bars["encoding"]["y"]
    assert (y["field"], y["sort"]) == ("status_label", STATUS_DOMAIN)
    assert bars["encoding"]["x"]["title"] == "Số nhiệm vụ"
    counts_by_label = {r["status_label"]: r["count"] for r in rows(spec)}
    assert counts_by_label == dict.fromkeys(STATUS_DOMAIN, 0) | {
        "Quá hạn": 4,
        "Hoàn thành đúng hạn": 5,
    }


def test_status_breakdown_tooltip_names_status_count_and_share() -> None:
    counts = pd.DataFrame({"status": ["overdue", "done_on_time"], "count": [1, 3]})
    spec = status_breakdown(counts, "T").to_dict()
    assert tooltip_titles(views(spec)[0]) == ["Trạng thái", "Số nhiệm vụ", "Tỷ lệ"]
    shares = {r["status"]: r["share_text"] for r in rows(spec)}
    assert shares["overdue"] == "25%"
    assert shares["done_on_time"] == "75%"


def test_status_breakdown_selection_returns_status_code() -> None:
    counts = pd.DataFrame({"status": ["overdue"], "count": [1]})
    spec = status_breakdown(counts, "T").to_dict()
    (param,) = spec["params"]
    assert param["name"] == "status_pick"
    assert param["select"] == {"type": "point", "fields": ["status"]}
    assert views(spec)[0]["encoding"]["opacity"]["condition"][0]["param"] == "status_pick"


# --- The same colours in every status chart ---
def test_status_colours_identical_across_builders() -> None:
    expected = status_color_scale().to_dict()
    counts = pd.DataFrame({"status": ["overdue"], "count": [1]})
    breakdown = views(status_breakdown(counts, "T").to_dict())[0]
    bars = views(agency_status_bars(summary(), "T").to_dict())[0]
    assert breakdown["encoding"]["color"]["scale"] == expected
    assert bars["encoding"]["color"]["scale"] == expected
    assert expected["range"][expected["domain"].index("Quá hạn")] == "#D55E00"


# --- agency_status_bars ---
def test_agency_bars_stack_statuses_in_status_order() -> None:
    spec = agency_status_bars(summary(), "Theo cơ quan").to_dict()
    enc = views(spec)[0]["encoding"]
    assert views(spec)[0]["mark"]["type"] == "bar"
    # no axis title: it overlapped long names, and the chart title names the agencies
    assert (enc["y"]["field"], enc["y"]["title"]) == ("agency", None)
    assert enc["y"]["axis"] == {"labelLimit": 260}
    assert (enc["x"]["field"], enc["x"]["stack"], enc["x"]["title"]) == (
        "count",
        "zero",
        "Số nhiệm vụ",
    )
    assert enc["x"]["axis"] == {"format": "d", "tickMinStep": 1}
    assert enc["color"]["field"] == "status_label"
    assert enc["color"]["legend"]["title"] == "Trạng thái"
    # above the bars, in view however long the list; two columns so no entry runs off the edge
    assert (enc["color"]["legend"]["orient"], enc["color"]["legend"]["columns"]) == ("top", 2)
    assert enc["order"] == {"field": "status_rank", "sort": "ascending", "type": "quantitative"}
    ranks = {r["status_label"]: r["status_rank"] for r in rows(spec)}
    assert ranks["Hoàn thành đúng hạn"] < ranks["Đang thực hiện trong hạn"] < ranks["Quá hạn"]


@pytest.mark.parametrize(
    ("sort_by", "expected"),
    [
        ("overdue", ["Sở B", "Sở A", "Sở C"]),
        ("completion_rate", ["Sở C", "Sở B", "Sở A"]),
        ("total", ["Sở A", "Sở B", "Sở C"]),
    ],
)
def test_agency_bars_sorting(sort_by: Any, expected: list[str]) -> None:
    spec = agency_status_bars(summary(), "T", sort_by=sort_by).to_dict()
    assert views(spec)[0]["encoding"]["y"]["sort"] == expected
    assert agency_order(summary(), sort_by) == expected


def test_agency_bars_top_n_cuts_rows_and_says_so() -> None:
    spec = agency_status_bars(summary(), "T", "Tính đến 30/06/2026", top_n=2).to_dict()
    assert views(spec)[0]["encoding"]["y"]["sort"] == ["Sở B", "Sở A"]
    assert {r["agency"] for r in rows(spec)} == {"Sở A", "Sở B"}
    assert spec["title"]["subtitle"] == ["Tính đến 30/06/2026", "Hiển thị 2 trên 3 cơ quan"]


def test_agency_bars_height_grows_with_agencies() -> None:
    few = agency_status_bars(summary(), "T", top_n=1).to_dict()["height"]
    many = pd.concat([summary().assign(agency=summary()["agency"] + f" {i}") for i in range(5)])
    assert agency_status_bars(many, "T", top_n=None).to_dict()["height"] > few


def test_agency_bars_tooltip_in_vietnamese_with_rates() -> None:
    spec = agency_status_bars(summary(), "T").to_dict()
    assert tooltip_titles(views(spec)[0]) == [
        "Cơ quan",
        "Trạng thái",
        "Số nhiệm vụ",
        "Tổng số nhiệm vụ",
        "Tỷ lệ hoàn thành",
        "Tỷ lệ hoàn thành đúng hạn",
    ]
    by_agency = {r["agency"]: r for r in rows(spec)}
    assert by_agency["Sở A"]["completion_text"] == "80%"
    assert by_agency["Sở C"]["on_time_text"] == "—"


def test_agency_bars_selection_is_agency_pick() -> None:
    spec = agency_status_bars(summary(), "T").to_dict()
    (param,) = spec["params"]
    assert param["name"] == "agency_pick"
    assert param["select"]["fields"] == ["agency"]


def test_agency_bars_drop_zero_segments() -> None:
    data = summary()
    data.loc[len(data)] = ["Sở C", "overdue", 0, 2, 0.0, None]
    spec = agency_status_bars(data, "T").to_dict()
    assert all(r["count"] > 0 for r in rows(spec))


# --- Numbers on the bars ---
def test_agency_bars_carry_their_segments_counts_and_totals() -> None:
    bars, inside, ends = views(agency_status_bars(summary(), "T").to_dict())
    assert (inside["mark"]["type"], inside["encoding"]["text"]["field"]) == ("text", "count")
    assert (ends["mark"]["type"], ends["encoding"]["text"]["field"]) == ("text", "bar_total")
    assert inside["transform"] == [{"filter": "datum.wide"}]
    assert ends["transform"] == [{"filter": "datum.last"}]
    by_segment = {
        (r["agency"], r["status"]): r for r in rows(agency_status_bars(summary(), "T").to_dict())
    }
    # the totals written at each bar's end are the sum of its segments
    for agency in {a for a, _ in by_segment}:
        segments = [r for (a, _), r in by_segment.items() if a == agency]
        assert {r["bar_total"] for r in segments} == {sum(r["count"] for r in segments)}
        assert sum(r["last"] for r in segments) == 1


def test_a_segment_is_labelled_in_its_middle_in_ink_that_reads_on_it() -> None:
    data = pd.DataFrame(
        {
            "agency": ["Sở A", "Sở A", "Sở A"],
            "status": ["done_on_time", "in_progress", "overdue"],
            "count": [20, 1, 9],
            "total": [30] * 3,
            "completion_rate": [0.5] * 3,
            "on_time_rate": [0.5] * 3,
        }
    )
    by_status = {r["status"]: r for r in rows(agency_status_bars(data, "T").to_dict())}
    # stacked in status order: done 0–20, in progress 20–21, overdue 21–30
    assert [by_status[s]["middle"] for s in ("done_on_time", "in_progress", "overdue")] == [
        10.0,
        20.5,
        25.5,
    ]
    # 1 of a longest bar of 30 is too narrow for its number (under 4%)
    assert [by_status[s]["wide"] for s in ("done_on_time", "in_progress", "overdue")] == [
        True,
        False,
        True,
    ]
    assert by_status["in_progress"]["ink"] == "#FFFFFF"  # on the Okabe–Ito blue
    assert by_status["done_on_time"]["ink"] == "#000000"  # on the bluish green
