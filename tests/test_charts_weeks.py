from datetime import date
from typing import Any

import pandas as pd

from charts.weeks import week_heatmap, week_starts

FIRST = date(2026, 11, 25)  # a Wednesday: its week starts on Monday 23/11/2026


def matrix() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "agency": ["Sở A", "Sở A", "Sở B", "Sở B", "Sở C"],
            "week_start": pd.to_datetime(
                ["2026-11-23", "2027-02-08", "2026-12-07", "2027-02-15", "2026-11-16"]
            ),
            "count": [2, 1, 4, 3, 5],
        }
    )


def spec() -> dict[str, Any]:
    return week_heatmap(matrix(), "Tuần tới", first=FIRST).to_dict()


def test_twelve_mondays_from_the_week_of_the_first_day() -> None:
    mondays = week_starts(FIRST, 12)
    assert mondays[0] == date(2026, 11, 23)
    assert mondays[-1] == date(2027, 2, 8)  # eleven weeks later
    assert all(m.weekday() == 0 for m in mondays)


def test_every_one_of_the_twelve_weeks_is_a_column_empty_or_not() -> None:
    x = spec()["layer"][0]["encoding"]["x"]
    expected = ["23/11", "30/11", "07/12", "14/12", "21/12", "28/12"]
    expected += ["04/01", "11/01", "18/01", "25/01", "01/02", "08/02"]
    assert x["scale"]["domain"] == x["sort"] == expected


def test_every_week_label_is_drawn_flat_and_centred_on_its_column() -> None:
    # issue 15: two of twelve labels went missing at 16 px when Vega hid overlapping ones
    axis = spec()["layer"][0]["encoding"]["x"]["axis"]
    assert (axis["labelOverlap"], axis["labelFlush"], axis["labelAngle"]) == (False, False, 0)


def test_only_the_twelve_weeks_are_counted() -> None:
    (data,) = spec()["datasets"].values()
    # Sở B's week of 15/02/2027 is the 13th; Sở C's of 16/11/2026 is before
    cells = sorted((r["agency"], r["week_key"], r["count"]) for r in data)
    assert cells == [
        ("Sở A", "2026-11-23", 2),
        ("Sở A", "2027-02-08", 1),
        ("Sở B", "2026-12-07", 4),
    ]
    assert spec()["layer"][0]["encoding"]["y"]["sort"] == ["Sở B", "Sở A"]  # most dates first


def test_cells_carry_their_count_and_week_in_the_tooltip() -> None:
    text = spec()["layer"][1]
    assert (text["mark"]["type"], text["encoding"]["text"]["field"]) == ("text", "count")
    (data,) = spec()["datasets"].values()
    week = next(r for r in data if r["week_key"] == "2026-12-07")
    assert week["week_text"] == "07/12/2026 – 13/12/2026"


def test_a_click_picks_agency_and_week() -> None:
    (param,) = spec()["params"]
    assert (param["name"], param["select"]["fields"]) == ("week_pick", ["agency", "week_key"])


def test_nothing_in_the_twelve_weeks_is_the_empty_chart() -> None:
    chart = week_heatmap(matrix(), "T", first=date(2030, 1, 1)).to_dict()
    assert chart["mark"]["type"] == "text"
