from typing import Any

import pandas as pd

from charts.ageing import ageing_bars, overdue_by_agency
from charts.palette import ageing_color_scale

BUCKET_LABELS = ["1–30 ngày", "31–90 ngày", "91–180 ngày", "Trên 180 ngày"]


def views(spec: dict[str, Any]) -> list[dict[str, Any]]:
    return spec.get("layer", [spec])


def rows(spec: dict[str, Any]) -> list[dict[str, Any]]:
    (data,) = spec["datasets"].values()
    return data


def by_agency() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "agency": ["Sở A", "Sở A", "Sở B", "Sở C"],
            "bucket": ["1–30", ">180", "31–90", "91–180"],
            "count": [3, 1, 5, 1],
        }
    )


# --- ageing_bars ---
def test_ageing_bars_every_bucket_in_order() -> None:
    data = pd.DataFrame({"bucket": [">180", "1–30", "1–30"], "count": [1, 2, 4]})
    spec = ageing_bars(data, "Thời gian quá hạn").to_dict()
    bars, text = views(spec)
    assert (bars["mark"]["type"], text["mark"]["type"]) == ("bar", "text")
    x = bars["encoding"]["x"]
    assert (x["field"], x["title"], x["sort"]) == ("bucket_label", "Số ngày quá hạn", BUCKET_LABELS)
    assert bars["encoding"]["y"]["title"] == "Số nhiệm vụ quá hạn"
    assert [(r["bucket_label"], r["count"]) for r in rows(spec)] == list(
        zip(BUCKET_LABELS, [6, 0, 0, 1], strict=True)
    )
    assert bars["encoding"]["color"]["scale"] == ageing_color_scale().to_dict()


# --- overdue_by_agency ---
def test_overdue_by_agency_stacks_buckets_most_overdue_first() -> None:
    spec = overdue_by_agency(by_agency(), "Quá hạn theo cơ quan").to_dict()
    enc = views(spec)[0]["encoding"]
    assert views(spec)[0]["mark"]["type"] == "bar"
    assert enc["y"]["sort"] == ["Sở B", "Sở A", "Sở C"]
    assert (enc["x"]["field"], enc["x"]["stack"]) == ("count", "zero")
    assert enc["color"]["field"] == "bucket_label"
    assert enc["color"]["legend"]["title"] == "Số ngày quá hạn"
    # above the bars, in view however long the list; two columns so no entry runs off the edge
    assert (enc["color"]["legend"]["orient"], enc["color"]["legend"]["columns"]) == ("top", 2)
    assert (enc["y"]["title"], enc["y"]["axis"]) == (None, {"labelLimit": 260})
    assert enc["order"]["field"] == "bucket_rank"
    totals = {r["agency"]: r["total"] for r in rows(spec)}
    assert totals == {"Sở A": 4, "Sở B": 5, "Sở C": 1}


def test_overdue_by_agency_top_n_and_selection() -> None:
    spec = overdue_by_agency(by_agency(), "T", top_n=2).to_dict()
    assert {r["agency"] for r in rows(spec)} == {"Sở A", "Sở B"}
    assert spec["title"]["subtitle"] == ["Hiển thị 2 trên 3 cơ quan"]
    assert [(p["name"], p["select"]["fields"]) for p in spec["params"]] == [
        ("agency_pick", ["agency"])
    ]


def test_overdue_by_agency_tooltip_in_vietnamese() -> None:
    spec = overdue_by_agency(by_agency(), "T").to_dict()
    titles = [t["title"] for t in views(spec)[0]["encoding"]["tooltip"]]
    assert titles == ["Cơ quan", "Số ngày quá hạn", "Số nhiệm vụ quá hạn", "Tổng số quá hạn"]
