from datetime import date
from typing import Any

import pandas as pd

from charts.kpis import kpi_bullets, kpi_trend


def views(spec: dict[str, Any]) -> list[dict[str, Any]]:
    return spec.get("layer", [spec])


def view_rows(spec: dict[str, Any], view: dict[str, Any]) -> list[dict[str, Any]]:
    name = (view.get("data") or spec["data"])["name"]
    return spec["datasets"][name]


def bullets_input() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "kpi": ["Tỷ lệ hồ sơ trực tuyến", "Tỷ lệ số hoá tài liệu", "Số DVC toàn trình"],
            "target_value": [80.0, 100.0, 25.0],
            "operator": [">", ">=", None],
            "actual": [82.5, 60.0, None],
            "unit": ["%", "%", " DVC"],
            "met": [True, False, None],
            "period_label": ["6 tháng đầu năm 2026"] * 3,
        }
    )


def trend_input() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "kpi": ["A", "A", "B", "B"],
            "period_end": [date(2026, 3, 31), date(2026, 6, 30)] * 2,
            "period_label": ["Quý I/2026", "Quý II/2026"] * 2,
            "value": [50.0, 70.5, 90.0, 95.0],
            "target_value": [80.0, 80.0, None, None],
        }
    )


# --- kpi_bullets ---
def test_bullets_layer_range_result_and_target_tick() -> None:
    spec = kpi_bullets(bullets_input(), "Chỉ tiêu", "Tính đến 30/06/2026").to_dict()
    background, actual, target = views(spec)
    assert [v["mark"]["type"] for v in views(spec)] == ["bar", "bar", "tick"]
    assert background["mark"]["color"] == "#E8E8E8"
    assert background["encoding"]["x"]["field"] == "range_max"
    assert actual["encoding"]["x"]["field"] == "actual_or_zero"
    assert target["encoding"]["x"]["field"] == "target_value"
    assert target["mark"]["color"] == "#000000"
    assert background["encoding"]["y"]["sort"] == bullets_input()["kpi"].tolist()


def test_bullets_colour_met_green_not_met_vermillion() -> None:
    spec = kpi_bullets(bullets_input(), "T").to_dict()
    color = views(spec)[1]["encoding"]["color"]
    assert color["scale"] == {
        "domain": ["Đạt", "Chưa đạt", "Chưa có số liệu"],
        "range": ["#009E73", "#D55E00", "#8C8C8C"],
    }
    results = [r["result"] for r in view_rows(spec, views(spec)[0])]
    assert results == ["Đạt", "Chưa đạt", "Chưa có số liệu"]


def test_bullets_range_to_100_for_percent_else_to_largest() -> None:
    data = bullets_input()
    data.loc[0, "actual"] = 120.0
    spec = kpi_bullets(data, "T").to_dict()
    assert [r["range_max"] for r in view_rows(spec, views(spec)[0])] == [120.0, 100.0, 25.0]


def test_bullets_tooltip_target_with_operator_and_period() -> None:
    spec = kpi_bullets(bullets_input(), "T").to_dict()
    titles = [t["title"] for t in views(spec)[0]["encoding"]["tooltip"]]
    assert titles == ["Chỉ tiêu", "Mục tiêu", "Kết quả", "Đánh giá", "Kỳ"]
    texts = [(r["target_text"], r["actual_text"]) for r in view_rows(spec, views(spec)[0])]
    assert texts == [("> 80%", "82,5%"), ("≥ 100%", "60%"), ("25 DVC", "Chưa có số liệu")]


def test_bullets_axis_title_says_percent_only_when_all_percent() -> None:
    mixed = kpi_bullets(bullets_input(), "T").to_dict()
    percent = kpi_bullets(bullets_input().iloc[:2], "T").to_dict()
    assert views(mixed)[0]["encoding"]["x"]["title"] == "Giá trị"
    assert views(percent)[0]["encoding"]["x"]["title"] == "Giá trị (%)"


def test_bullets_selection_is_kpi_pick() -> None:
    spec = kpi_bullets(bullets_input(), "T").to_dict()
    assert [(p["name"], p["select"]["fields"]) for p in spec["params"]] == [("kpi_pick", ["kpi"])]


# --- kpi_trend ---
def test_trend_lines_with_points_and_dashed_target_rule() -> None:
    spec = kpi_trend(trend_input(), "Xu hướng", "Dữ liệu minh họa").to_dict()
    lines, rules = views(spec)
    assert lines["mark"]["type"] == "line"
    assert lines["mark"]["point"]["filled"] is True
    assert rules["mark"]["type"] == "rule"
    assert rules["mark"]["strokeDash"] == [6, 4]
    assert lines["encoding"]["color"]["field"] == rules["encoding"]["color"]["field"] == "kpi"
    assert [(r["kpi"], r["target_value"]) for r in view_rows(spec, rules)] == [("A", 80.0)]


def test_trend_dates_dd_mm_yyyy_on_axis_and_tooltip() -> None:
    spec = kpi_trend(trend_input(), "T").to_dict()
    x = views(spec)[0]["encoding"]["x"]
    assert (x["field"], x["type"], x["axis"]["format"]) == ("period_end", "temporal", "%d/%m/%Y")
    assert x["axis"]["values"] == [
        {"year": 2026, "month": 3, "date": 31},
        {"year": 2026, "month": 6, "date": 30},
    ]
    tooltip = {t["title"]: t for t in views(spec)[0]["encoding"]["tooltip"]}
    assert tooltip["Ngày cuối kỳ"]["format"] == "%d/%m/%Y"
    assert set(tooltip) == {"Chỉ tiêu", "Kỳ", "Ngày cuối kỳ", "Kết quả", "Mục tiêu"}
    assert view_rows(spec, views(spec)[0])[1]["value_text"] == "70,5"
