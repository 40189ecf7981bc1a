"""Hạn hoàn thành under AppTest: the heatmap, the next twelve weeks, the timeline, click-through."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pytest
from streamlit.testing.v1 import AppTest

from data_access.queries.filters import TaskFilters
from labels import CALENDAR_KIND_MILESTONE, ILLUSTRATIVE_NOTE
from tests.pages_db import (
    REPO_ROOT,
    open_through_app,
    page_test,
    run_on_empty_database,
)
from ui.common import NO_DATA, NO_MATCH
from ui.explore import TOOLBAR_NOTE
from ui.safe_text import literal
from ui.state import StateKey
from ui.task_links import task_record_url

PAGE = REPO_ROOT / "app_pages" / "3_Han_hoan_thanh.py"
AS_OF = date(2026, 11, 23)
FILTERS = TaskFilters(as_of=AS_OF)
POLICE = "Công an tỉnh"
DIGITAL_OFFICE = "Phòng Chuyển đổi số (Sở KH&CN)"
MONITORING_CENTRE = "Xây dựng, hình thành Trung tâm giám sát an ninh mạng"  # PL-II-2026 task 1


@pytest.fixture
def page(sample_url: str, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    return page_test(monkeypatch, sample_url, PAGE, {"as_of": AS_OF.isoformat()})


def charts(at: AppTest) -> list[tuple[dict[str, Any], pd.DataFrame]]:
    """Each Altair chart on the page: its Vega-Lite spec and its (first) dataset."""
    assert not at.exception
    shown = []
    for element in at.get("vega_lite_chart"):
        proto = element.proto  # type: ignore[attr-defined]
        data = pa.ipc.open_stream(proto.datasets[0].data.data).read_all().to_pandas()
        shown.append((json.loads(proto.spec), data))
    return shown


def pick(at: AppTest, key: str, param: str, point: dict[str, str]) -> AppTest:
    at.session_state[key] = {"selection": {param: [point]}}
    return at.run()


# --- The heatmap ---


# DC-CT-NV-2026 (seed 004) on 23/11/2026, its dated tasks by month (test_status_samples):
# 03: III.7 done, IV.10 overdue; 04: VII.17, VII.19 done late, VII.20 overdue; 06: II.3 done,
# II.4, III.5 overdue; 09: IV.11 done; 12: VI.14 done early. The Văn phòng leads all but
# VI.14, led by the Phòng GDTX, GDNN&ĐH; recurring tasks have no cell.
OFFICE = "Văn phòng Sở (đơn vị ban hành DC-CT-NV-2026)"
DC_CT_NV_CELLS = [  # agency, month, due, overdue, completed
    (OFFICE, "2026-03", 2, 1, 1),
    (OFFICE, "2026-04", 3, 1, 2),
    (OFFICE, "2026-06", 3, 2, 1),
    (OFFICE, "2026-09", 1, 0, 1),
    ("Phòng GDTX, GDNN&ĐH (đơn vị ban hành DC-CT-NV-2026)", "2026-12", 1, 0, 1),
]


def test_heatmap_cells_count_the_plans_deadlines(page: AppTest) -> None:
    page.query_params["plan"] = "DC-CT-NV-2026"
    (spec, cells), _ = charts(page.run())
    shown = cells[["agency", "month_key", "due", "overdue", "completed"]]
    assert sorted(shown.itertuples(index=False, name=None)) == sorted(DC_CT_NV_CELLS)
    filters = TaskFilters(as_of=AS_OF, plan_codes=("DC-CT-NV-2026",))
    assert spec["title"]["subtitle"] == [filters.describe_vi(), ILLUSTRATIVE_NOTE]
    assert page.caption[0].value == literal(filters.describe_vi())
    assert [info.value for info in page.info] == [ILLUSTRATIVE_NOTE]


@pytest.mark.parametrize(
    ("choice", "field"), [("overdue", "overdue"), ("overdue_share", "overdue_share")]
)
def test_heatmap_colour_switch(page: AppTest, choice: str, field: str) -> None:
    page.run()
    page.segmented_control(key=StateKey.HEATMAP_COLOR).set_value(choice).run()
    (spec, _), _ = charts(page)
    assert spec["layer"][0]["encoding"]["color"]["field"] == field


def test_clicking_a_cell_lists_its_tasks(page: AppTest) -> None:
    (_, cells), _ = charts(page.run())
    pick(page, StateKey.HEATMAP_CHART, "cell_pick", {"agency": POLICE, "month_key": "2025-12"})
    assert page.subheader[0].value == "Nhiệm vụ đến hạn tháng 12/2025 của cơ quan đã chọn"
    assert page.text[0].value == POLICE
    tasks = page.dataframe[0].value
    # the list holds what the clicked cell counts
    cell = cells[(cells["agency"] == POLICE) & (cells["month_key"] == "2025-12")]
    assert len(tasks) == int(cell["due"].iloc[0]) > 0
    assert tasks["Hạn hoàn thành"].dt.strftime("%Y-%m").unique().tolist() == ["2025-12"]
    assert (tasks["Trạng thái"] == "Quá hạn").sum() == int(cell["overdue"].iloc[0])


# --- The next twelve weeks by agency ---


def test_weeks_count_the_twelve_weeks_from_the_as_of_day(page: AppTest) -> None:
    page.query_params.update({"as_of": "2026-06-01", "plan": "DC-CT-NV-2026"})
    _, (spec, weeks) = charts(page.run())
    assert spec["title"]["text"] == "Hạn và mốc trong 12 tuần tới theo cơ quan chủ trì"
    # of DC-CT-NV-2026's months (above), only June's three, due 30/06/2026, fall in the
    # twelve weeks from Monday 01/06 to Sunday 23/08/2026; September's is the 14th week
    cells = weeks[["agency", "week_key", "count"]].itertuples(index=False, name=None)
    assert sorted(cells) == [(OFFICE, "2026-06-29", 3)]
    x = spec["layer"][0]["encoding"]["x"]
    assert len(x["scale"]["domain"]) == 12
    assert (x["scale"]["domain"][0], x["scale"]["domain"][-1]) == ("01/06", "17/08")


@pytest.mark.parametrize(
    ("as_of", "kind", "status"),
    [
        # the day before the milestone: a milestone to come, the task in progress
        ("2026-05-30", CALENDAR_KIND_MILESTONE, "Đang thực hiện trong hạn"),
        # its day itself has not passed yet
        ("2026-05-31", CALENDAR_KIND_MILESTONE, "Đang thực hiện trong hạn"),
    ],
)
def test_clicking_a_week_lists_its_milestone(
    page: AppTest, as_of: str, kind: str, status: str
) -> None:
    page.query_params["as_of"] = as_of
    page.run()
    # PL-II-2026 task 1, led by the Công an tỉnh: its milestone of Sunday 31/05/2026
    pick(page, StateKey.WEEKS_CHART, "week_pick", {"agency": POLICE, "week_key": "2026-05-25"})
    assert page.subheader[0].value == "Hạn và mốc tuần từ 25/05/2026 của cơ quan đã chọn"
    assert page.text[0].value == POLICE
    table = page.dataframe[0].value
    assert table["Loại"].tolist() == [kind]
    assert table["Trạng thái"].tolist() == [status]
    assert table["Mốc"].tolist() == ["Triển khai giám sát an ninh mạng"]
    assert table["Nhiệm vụ"].iloc[0].startswith(MONITORING_CENTRE)
    assert table["Hạn hoàn thành"].iloc[0] == pd.Timestamp(2027, 10, 31)


def test_an_indicative_date_is_marked_in_the_week_list(page: AppTest) -> None:
    page.query_params["as_of"] = "2025-12-15"
    page.run()
    # the Sở's #16: "Theo lộ trình Bộ Công an (20/12/2025)", led by its Phòng Chuyển đổi số
    point = {"agency": DIGITAL_OFFICE, "week_key": "2025-12-15"}
    pick(page, StateKey.WEEKS_CHART, "week_pick", point)
    table = page.dataframe[0].value
    indicative = table[table["Loại hạn"] == "Hạn dự kiến"]
    assert indicative["Thời hạn (theo văn bản)"].tolist() == [
        "Theo lộ trình Bộ Công an (20/12/2025)"
    ]


# --- The timeline: a line per task, a click opens its record ---


def plotly_figures(at: AppTest) -> list[dict[str, Any]]:
    assert not at.exception
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]  # type: ignore[attr-defined]


def test_the_timeline_shows_every_dated_task_with_today(page: AppTest) -> None:
    (figure,) = plotly_figures(page.run())
    ids = {row[0] for trace in figure["data"] for row in trace["customdata"]}
    # 82 dated tasks (test_status_samples: 119 less 37 recurring) and one more bar for the
    # milestone of PL-II-2026 task 1
    assert len(ids) == 82
    assert sum(len(trace["customdata"]) for trace in figure["data"]) == 83
    (today,) = figure["layout"]["shapes"]
    assert today["x0"].startswith("2026-11-23")
    assert TOOLBAR_NOTE in [caption.value for caption in page.caption]


def test_clicking_a_task_bar_offers_its_record(page: AppTest) -> None:
    (figure,) = plotly_figures(page.run())
    task_id = figure["data"][0]["customdata"][0][0]
    point = {"customdata": [task_id], "curve_number": 0, "point_index": 0}
    page.session_state[StateKey.TIMELINE_CHART] = {"selection": {"points": [point]}}
    page.run()
    assert not page.exception
    (button,) = page.get("link_button")
    assert button.proto.url == task_record_url(task_id)  # type: ignore[attr-defined]


def test_a_clicked_cell_narrows_the_timeline_to_its_agency(page: AppTest) -> None:
    page.query_params["plan"] = "DC-CT-NV-2026"
    page.run()
    pick(page, StateKey.HEATMAP_CHART, "cell_pick", {"agency": OFFICE, "month_key": "2026-06"})
    (figure,) = plotly_figures(page)
    agencies = {row[1] for trace in figure["data"] for row in trace["customdata"]}
    ids = {row[0] for trace in figure["data"] for row in trace["customdata"]}
    # the Văn phòng leads every dated task of the plan but VI.14 (the heatmap's cells above)
    assert agencies == {OFFICE}
    assert len(ids) == 2 + 3 + 3 + 1


# --- Empty states and the app ---


def test_filters_that_match_nothing_say_what_to_do(page: AppTest) -> None:
    page.query_params.update({"plan": "KH-SKHCN-2025", "section": "II"})
    page.run()
    assert not page.exception
    assert [info.value for info in page.info] == [NO_MATCH]
    assert not page.get("vega_lite_chart")
    assert not page.get("plotly_chart")


def test_an_empty_database_says_to_upload(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = run_on_empty_database(PAGE, tmp_path, monkeypatch)
    assert [info.value for info in at.info] == [NO_DATA]


def test_opens_through_the_app(sample_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    at = open_through_app(monkeypatch, sample_url, "app_pages/3_Han_hoan_thanh.py")
    assert at.title[0].value == "Hạn hoàn thành"
    assert len(charts(at)) == 2
    assert len(plotly_figures(at)) == 1
