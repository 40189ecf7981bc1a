from datetime import date
from typing import Any

import pandas as pd
import pytest

from charts.deadlines import count_ticks, deadline_heatmap, month_labels


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


def test_heatmap_months_are_every_month_of_the_range_in_time_order() -> None:
    spec = deadline_heatmap(matrix(), "T").to_dict()
    x = views(spec)[0]["encoding"]["x"]
    # 12/2025 to 07/2026: eight columns, the five months with nothing due among them
    months = ["12/25", "01/26", "02/26", "03/26", "04/26", "05/26", "06/26", "07/26"]
    assert (x["field"], x["sort"], x["scale"]["domain"]) == ("month_label", months, months)
    assert {r["month_key"] for r in rows(spec)} == {"2025-12", "2026-06", "2026-07"}


def test_heatmap_labels_every_month_upright() -> None:
    axis = views(deadline_heatmap(matrix(), "T").to_dict())[0]["encoding"]["x"]["axis"]
    # Vega-Lite drops overlapping labels unless told not to: every other month went missing
    assert (axis["labelOverlap"], axis["labelAngle"]) == (False, -90)


def test_today_and_a_deadline_ten_months_later_are_ten_columns_apart() -> None:
    due = pd.Series(pd.to_datetime(["2026-12-01", "2027-10-01"]))
    labels = month_labels(due)
    assert labels[0] == "12/26" and labels[-1] == "10/27"
    assert len(labels) == 11  # 12/2026 and the ten months to 10/2027


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


# --- count_ticks ---
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
