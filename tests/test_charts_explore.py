"""The plotly builders, read on ``fig.to_dict()`` without Streamlit: timeline and drill-down."""

from typing import Any

import pandas as pd

from charts.drilldown import node_id, node_path, plan_drilldown, rows_under
from charts.palette import STATUS_COLORS
from charts.timeline import deadline_timeline
from labels import status_label
from tests.explore_frames import TODAY, leaves, segments


def timeline() -> dict[str, Any]:
    return deadline_timeline(segments(), "Tiến trình", TODAY).to_dict()


# --- deadline_timeline ---
def test_each_bar_carries_its_task_id_and_runs_start_to_end() -> None:
    bars = {
        (int(row[0]), str(base)[:10]): int(length)
        for trace in timeline()["data"]
        for row, base, length in zip(trace["customdata"], trace["base"], trace["x"], strict=True)
    }
    day = 24 * 3600 * 1000  # plotly's timeline gives lengths in milliseconds
    assert bars == {
        (7, "2026-01-15"): 136 * day,  # to the milestone of 31/05/2026
        (7, "2026-05-31"): 518 * day,  # from it to the due date 31/10/2027
        (9, "2026-01-15"): 166 * day,
    }


def test_bars_are_coloured_by_status_with_the_charts_colours() -> None:
    colours = {trace["name"]: trace["marker"]["color"] for trace in timeline()["data"]}
    assert colours == {
        status_label("milestone_late"): STATUS_COLORS["milestone_late"],
        status_label("overdue"): STATUS_COLORS["overdue"],
    }
    assert all(trace["orientation"] == "h" for trace in timeline()["data"])


def test_a_dashed_line_marks_today() -> None:
    (line,) = timeline()["layout"]["shapes"]
    assert (line["type"], line["line"]["dash"]) == ("line", "dash")
    assert pd.Timestamp(line["x0"]) == pd.Timestamp(line["x1"]) == pd.Timestamp(TODAY)
    (note,) = timeline()["layout"]["annotations"]
    assert note["text"] == "Hôm nay"


def first_view(frame: pd.DataFrame) -> tuple[pd.Timestamp, ...]:
    layout = deadline_timeline(frame, "Tiến trình", TODAY).to_dict()["layout"]
    assert layout["xaxis"]["type"] == "date"
    assert layout["dragmode"] == "zoom"
    return tuple(pd.Timestamp(x) for x in layout["xaxis"]["range"])


def test_the_first_view_shows_every_bar_and_at_least_a_year_ahead_zoomable() -> None:
    # the earliest bar starts 15/01/2026, two weeks before is 01/01/2026; the latest ends
    # 31/10/2027 (+ two weeks: 14/11/2027), short of a year after today 23/11/2026
    assert first_view(segments()) == (pd.Timestamp(2026, 1, 1), pd.Timestamp(2027, 11, 23))


def test_a_bar_beyond_a_year_ahead_widens_the_first_view() -> None:
    frame = segments().assign(end=pd.to_datetime(["2026-05-31", "2028-03-31", "2026-06-30"]))
    assert first_view(frame)[1] == pd.Timestamp(2028, 4, 14)  # 31/03/2028 + two weeks


def test_bars_near_today_keep_three_months_back_and_a_year_ahead() -> None:
    frame = segments().assign(
        start=pd.to_datetime(["2026-10-01", "2026-11-01", "2026-10-01"]),
        end=pd.to_datetime(["2026-11-01", "2027-01-31", "2026-12-31"]),
    )
    # 23/11/2026 - 90 days = 25/08/2026; + 365 days = 23/11/2027
    assert first_view(frame) == (pd.Timestamp(2026, 8, 25), pd.Timestamp(2027, 11, 23))


def test_one_line_per_task_in_the_order_given() -> None:
    layout = timeline()["layout"]
    # plotly draws categories from the bottom up: the first task is last, on top
    assert layout["yaxis"]["categoryarray"] == ["PL-II-2026 · 4", "PL-II-2026 · 1"]
    assert "autorange" not in layout["yaxis"]


# --- plan_drilldown ---
def test_the_treemap_path_is_plan_agency_status_task() -> None:
    (trace,) = plan_drilldown(leaves(), "Toàn cảnh").to_dict()["data"]
    nodes = dict(
        zip(trace["ids"], zip(trace["parents"], trace["values"], strict=True), strict=True)
    )
    plan = node_id(("PL-II-2026",))
    agency = node_id(("PL-II-2026", "Sở Tài chính"))
    status = node_id(("PL-II-2026", "Sở Tài chính", "overdue"))
    assert nodes[plan] == ("", 3)
    assert nodes[agency] == (plan, 2)
    assert nodes[status] == (agency, 1)
    assert nodes[node_id(("PL-II-2026", "Sở Tài chính", "overdue", 9))] == (status, 1)
    assert trace["branchvalues"] == "total"
    assert len(trace["ids"]) == 2 + 3 + 4 + 4  # plans, agencies, statuses, tasks


def test_statuses_and_tasks_take_their_status_colour() -> None:
    (trace,) = plan_drilldown(leaves(), "T").to_dict()["data"]
    colour = dict(zip(trace["ids"], trace["marker"]["colors"], strict=True))
    labels = dict(zip(trace["ids"], trace["labels"], strict=True))
    done = node_id(("PL-II-2026", "Sở Tài chính", "done_on_time"))
    assert colour[done] == STATUS_COLORS["done_on_time"]
    assert labels[done] == "Hoàn thành đúng hạn"
    assert colour[node_id(("PL-II-2026", "Sở Tài chính", "done_on_time", 10))] == colour[done]
    assert labels[node_id(("PL-II-2026", "Sở Tài chính", "done_on_time", 10))] == "#10 Quỹ"


def test_a_clicked_node_narrows_to_the_rows_under_it() -> None:
    agency = node_path(node_id(("PL-II-2026", "Sở Tài chính")))
    assert agency == {"plan_code": "PL-II-2026", "agency": "Sở Tài chính"}
    assert rows_under(leaves(), agency)["task_id"].tolist() == [9, 10]
    task = node_path(node_id(("PL-II-2026", "Công an tỉnh", "overdue", 7)))
    assert rows_under(leaves(), task)["task_id"].tolist() == [7]
    assert rows_under(leaves(), node_path(node_id(("KH-SKHCN-2025",))))["task_id"].tolist() == [30]


def test_an_id_that_is_not_a_node_fixes_nothing() -> None:
    assert node_path("not json") == {}
    assert node_path("[]") == {}
    assert node_path('{"plan_code": "x"}') == {}


# --- uploaded text is drawn as typed ---
# Plotly reads tags and entities in any text it draws: a name uploaded with them must not
# turn bold, coloured, a line break or a link.
MARKUP = '<b>Đậm</b> <span style="color:red">đỏ</span><br><a href="https://x.test">ở</a> &amp; &'
ESCAPED = (
    '&lt;b&gt;Đậm&lt;/b&gt; &lt;span style="color:red"&gt;đỏ&lt;/span&gt;&lt;br&gt;'
    '&lt;a href="https://x.test"&gt;ở&lt;/a&gt; &amp;amp; &amp;'
)


def test_uploaded_text_reaches_the_timeline_escaped() -> None:
    hostile = segments().assign(agency=MARKUP, name=MARKUP, milestone=MARKUP, row=MARKUP)
    drawn = deadline_timeline(hostile, "Tiến trình", TODAY).to_dict()
    for trace in drawn["data"]:
        assert set(trace["y"]) == {ESCAPED}
        assert {row[1] for row in trace["customdata"]} == {ESCAPED}  # the agency
        # the name, on lines of at most 60 characters (a hover label does not wrap)
        assert {row[2].replace("<br>", " ") for row in trace["customdata"]} == {ESCAPED}
        assert all("<br>" in row[2] for row in trace["customdata"])
        assert {row[4] for row in trace["customdata"]} == {ESCAPED}


def test_uploaded_text_reaches_the_drilldown_escaped_and_a_task_hovers_whole() -> None:
    long_name = "Xây dựng " * 10 + "<i>cơ sở dữ liệu</i>"
    hostile = leaves().assign(plan_code=MARKUP, agency=MARKUP, name=long_name)
    (tree,) = plan_drilldown(hostile, "Kế hoạch").to_dict()["data"]
    assert tree["labels"][0] == ESCAPED  # the plan
    assert ESCAPED in tree["labels"]  # the agency
    task = tree["labels"].index(next(label for label in tree["labels"] if label.startswith("#7")))
    assert tree["labels"][task].endswith("…")  # the tile: cut at TASK_LABEL_CHARS
    lines = tree["hovertext"][task].split("<br>")  # the whole name, on lines of <= 60
    whole = "#7 " + long_name.strip()
    assert " ".join(lines) == whole.replace("<", "&lt;").replace(">", "&gt;")
    assert len(lines) > 1
    assert all(len(line.replace("&lt;", "<").replace("&gt;", ">")) <= 60 for line in lines)
    drawn = [*tree["labels"], *(text.replace("<br>", " ") for text in tree["hovertext"])]
    assert not any("<" in text for text in drawn)
