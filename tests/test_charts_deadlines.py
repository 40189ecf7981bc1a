from datetime import date
from typing import Any

import pandas as pd
import pytest

from charts.deadlines import calendar_heatmap, count_ticks, deadline_heatmap


def views(spec: dict[str, Any]) -> list[dict[str, Any]]:
    return spec.get("layer", [spec])


def rows(spec: dict[str, Any]) -> list[dict[str, Any]]:
    (data,) = spec["datasets"].values()
    return data


def matrix() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "agency": ["Sở A", "Sở A", "Sở B", "Sở B"],
            "month": [date(2026, 6, 1), date(2025, 12, 1), date(2026, 6, 1), date(2026, 7, 1)],
            "due": [4, 3, 2, 0],
            "overdue": [0, 1, 2, 0],
            "completed": [1, 2, 0, 0],
        }
    )


def deadlines() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "due_date": [date(2026, 6, 30), date(2026, 6, 30), date(2026, 7, 15), date(2026, 6, 8)],
            "count": [2, 1, 1, 3],
            "kind": ["Hạn nhiệm vụ", "Mốc", "Hạn nhiệm vụ", "Hạn nhiệm vụ"],
            "label": ["Nhiệm vụ 1", "Triển khai giám sát", "Nhiệm vụ 3", None],
        }
    )


# --- deadline_heatmap ---
def test_heatmap_is_rect_with_due_count_text() -> None:
    spec = deadline_heatmap(matrix(), "Hạn theo tháng", "Tính đến 30/06/2026").to_dict()
    rects, text = views(spec)
    assert rects["mark"]["type"] == "rect"
    assert text["mark"]["type"] == "text"
    assert text["encoding"]["text"]["field"] == "due"
    assert rects["encoding"]["x"]["title"] == "Tháng"
    assert rects["encoding"]["y"]["title"] is None  # it overlapped long agency names
    assert rects["encoding"]["y"]["axis"] == {"labelLimit": 260}
    assert rects["encoding"]["color"]["legend"] == {"format": "d", "values": [0, 1, 2]}


def test_heatmap_months_read_mm_yyyy_in_time_order() -> None:
    spec = deadline_heatmap(matrix(), "T").to_dict()
    x = views(spec)[0]["encoding"]["x"]
    assert (x["field"], x["sort"]) == ("month_label", ["12/2025", "06/2026", "07/2026"])
    assert {r["month_key"] for r in rows(spec)} == {"2025-12", "2026-06", "2026-07"}


def test_heatmap_agencies_most_overdue_first() -> None:
    spec = deadline_heatmap(matrix(), "T").to_dict()
    assert views(spec)[0]["encoding"]["y"]["sort"] == ["Sở B", "Sở A"]


def test_heatmap_top_n_note() -> None:
    spec = deadline_heatmap(matrix(), "T", top_n=1).to_dict()
    assert {r["agency"] for r in rows(spec)} == {"Sở B"}
    assert spec["title"]["subtitle"] == ["Hiển thị 1 trên 2 cơ quan"]


@pytest.mark.parametrize(
    ("color_by", "title", "legend_format"),
    [
        ("overdue", "Số nhiệm vụ quá hạn", "d"),
        ("overdue_share", "Tỷ lệ quá hạn", ".0%"),
    ],
)
def test_heatmap_colour_by_count_or_share(color_by: Any, title: str, legend_format: str) -> None:
    spec = deadline_heatmap(matrix(), "T", color_by=color_by).to_dict()
    color = views(spec)[0]["encoding"]["color"]
    assert (color["field"], color["title"]) == (color_by, title)
    assert color["scale"]["range"][-1] == "#D55E00"
    assert color["legend"]["format"] == legend_format


def test_heatmap_share_and_tooltip() -> None:
    spec = deadline_heatmap(matrix(), "T").to_dict()
    titles = [t["title"] for t in views(spec)[0]["encoding"]["tooltip"]]
    assert titles == ["Cơ quan", "Tháng", "Đến hạn", "Quá hạn", "Đã hoàn thành", "Tỷ lệ quá hạn"]
    by_cell = {(r["agency"], r["month_key"]): r for r in rows(spec)}
    assert by_cell[("Sở A", "2025-12")]["share_text"] == "33,3%"
    assert by_cell[("Sở B", "2026-07")]["share_text"] == "—"  # nothing due
    assert by_cell[("Sở B", "2026-06")]["overdue_share"] == 1.0


def test_heatmap_selection_over_agency_and_month() -> None:
    spec = deadline_heatmap(matrix(), "T").to_dict()
    (param,) = spec["params"]
    assert param["name"] == "cell_pick"
    assert param["select"]["fields"] == ["agency", "month_key"]


# --- calendar_heatmap ---
def test_calendar_is_week_by_weekday_rect() -> None:
    spec = calendar_heatmap(deadlines(), "Lịch hạn").to_dict()
    assert spec["mark"]["type"] == "rect"
    enc = spec["encoding"]
    assert (enc["x"]["field"], enc["x"]["type"], enc["x2"]["field"]) == (
        "week_start",
        "temporal",
        "week_end",
    )
    assert enc["y"]["sort"] == ["T2", "T3", "T4", "T5", "T6", "T7", "CN"]
    assert enc["color"]["legend"] == {"format": "d", "values": [0, 1, 2, 3]}


def test_calendar_legend_counts_whole_deadlines_when_at_most_one_a_day() -> None:
    data = pd.DataFrame({"due_date": ["2026-06-01", "2026-06-10"], "count": [1, 1]})
    legend = calendar_heatmap(data, "T").to_dict()["encoding"]["color"]["legend"]
    assert legend["values"] == [0, 1]  # not 0, 0.5, 1 shown as "0, 1, 1"


@pytest.mark.parametrize(
    ("peak", "ticks"),
    [
        (0, [0, 1]),
        (1, [0, 1]),
        (5, [0, 1, 2, 3, 4, 5]),
        (9, [0, 2, 4, 6, 8]),
        (23, [0, 5, 10, 15, 20]),
        (100, [0, 20, 40, 60, 80, 100]),
        (5000, [0, 1000, 2000, 3000, 4000, 5000]),
    ],
)
def test_count_ticks_are_whole_numbers_from_zero(peak: int, ticks: list[int]) -> None:
    assert count_ticks(peak) == ticks


def test_calendar_tooltip_dates_dd_mm_yyyy_and_kinds() -> None:
    spec = calendar_heatmap(deadlines(), "T").to_dict()
    tooltip = {t["title"]: t for t in spec["encoding"]["tooltip"]}
    assert tooltip["Ngày"]["format"] == "%d/%m/%Y"
    assert set(tooltip) == {"Ngày", "Thứ", "Số hạn", "Loại", "Nhiệm vụ"}
    day = next(r for r in rows(spec) if r["day"] == "2026-06-30")
    assert day["count"] == 3
    assert day["weekday"] == "T3"
    assert day["kinds"] == "Hạn nhiệm vụ: 2; Mốc: 1"
    assert day["labels"] == "Nhiệm vụ 1; Triển khai giám sát"


def test_calendar_fills_whole_weeks_with_empty_days() -> None:
    spec = calendar_heatmap(deadlines(), "T").to_dict()
    days = rows(spec)
    assert days[0]["day"] == "2026-06-08"  # a Monday
    assert days[-1]["day"] == "2026-07-19"  # the Sunday after 15/07/2026
    assert len(days) == 42
    assert sum(r["count"] for r in days) == 7
    assert spec["encoding"]["color"]["condition"] == {
        "test": "(datum['count'] === 0)",
        "value": "#E8E8E8",
    }


def test_calendar_without_optional_columns() -> None:
    data = pd.DataFrame({"due_date": [date(2026, 1, 4)], "count": [1]})
    days = rows(calendar_heatmap(data, "T").to_dict())
    assert [r["weekday"] for r in days] == ["T2", "T3", "T4", "T5", "T6", "T7", "CN"]
    assert days[-1]["count"] == 1
    assert days[-1]["kinds"] == ""


def test_calendar_selection_returns_iso_day() -> None:
    spec = calendar_heatmap(deadlines(), "T").to_dict()
    (param,) = spec["params"]
    assert (param["name"], param["select"]["fields"]) == ("day_pick", ["day"])
