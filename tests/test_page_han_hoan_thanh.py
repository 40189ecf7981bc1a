"""Hạn hoàn thành under AppTest: the heatmap's data, the calendar with milestones, click-through."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pytest
from streamlit.testing.v1 import AppTest

from data_access.dashboard import filtered_statuses, task_agency_frame
from data_access.db import get_engine, session_scope
from data_access.filters import TaskFilters
from data_access.rollups import deadline_month_matrix
from labels import (
    CALENDAR_KIND_DUE,
    CALENDAR_KIND_MILESTONE,
    CALENDAR_KIND_MISSED,
    ILLUSTRATIVE_NOTE,
)
from tests.pages_db import (
    REPO_ROOT,
    open_through_app,
    page_test,
    run_on_empty_database,
)
from ui.common import NO_DATA, NO_MATCH
from ui.safe_text import literal
from ui.state import StateKey

PAGE = REPO_ROOT / "pages" / "3_Han_hoan_thanh.py"
AS_OF = date(2026, 11, 23)
FILTERS = TaskFilters(as_of=AS_OF)
POLICE = "Công an tỉnh"
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


def month_matrix(url: str, filters: TaskFilters) -> pd.DataFrame:
    with session_scope(get_engine(url)) as session:
        statuses = filtered_statuses(session=session, filters=filters)
        links = task_agency_frame(session=session)
    return deadline_month_matrix(statuses, links, "lead")


def pick(at: AppTest, key: str, param: str, point: dict[str, str]) -> AppTest:
    at.session_state[key] = {"selection": {param: [point]}}
    return at.run()


# --- The heatmap ---


@pytest.mark.parametrize(
    ("params", "filters"),
    [
        ({}, FILTERS),
        ({"plan": "DC-CT-NV-2026"}, TaskFilters(as_of=AS_OF, plan_codes=("DC-CT-NV-2026",))),
    ],
)
def test_heatmap_cells_are_the_month_matrix(
    page: AppTest, sample_url: str, params: dict[str, str], filters: TaskFilters
) -> None:
    page.query_params.update(params)
    (spec, cells), _ = charts(page.run())
    expected = month_matrix(sample_url, filters)
    shown = cells.assign(month=cells["month_key"])[
        ["agency", "month", "due", "overdue", "completed"]
    ]
    expected = expected.assign(month=expected["month"].dt.strftime("%Y-%m"))
    key = ["agency", "month"]
    pd.testing.assert_frame_equal(
        shown.sort_values(key, ignore_index=True),
        expected.sort_values(key, ignore_index=True),
        check_dtype=False,
    )
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


def test_clicking_a_cell_lists_its_tasks(page: AppTest, sample_url: str) -> None:
    page.run()
    pick(page, StateKey.HEATMAP_CHART, "cell_pick", {"agency": POLICE, "month_key": "2025-12"})
    assert page.subheader[0].value == "Nhiệm vụ đến hạn tháng 12/2025 của cơ quan đã chọn"
    assert page.text[0].value == POLICE
    tasks = page.dataframe[0].value
    matrix = month_matrix(sample_url, FILTERS)
    cell = matrix[(matrix["agency"] == POLICE) & (matrix["month"] == pd.Timestamp(2025, 12, 1))]
    assert len(tasks) == int(cell["due"].iloc[0]) > 0
    assert tasks["Hạn hoàn thành"].dt.strftime("%Y-%m").unique().tolist() == ["2025-12"]
    assert (tasks["Trạng thái"] == "Quá hạn").sum() == int(cell["overdue"].iloc[0])


# --- The calendar: deadlines and milestones on their own days ---


def test_calendar_counts_every_due_date_and_earlier_milestone(page: AppTest) -> None:
    _, (spec, days) = charts(page.run())
    assert spec["title"]["text"] == "Lịch hạn hoàn thành và các mốc"
    counts = days.set_index("day")["count"]
    # 82 dated tasks fall due (test_status_samples: 119 less 37 recurring, whose dates
    # only start their reports); PL-II-2026 task 1 adds its milestone of 31/05/2026
    assert counts.sum() == 83
    assert counts["2026-05-31"] == 1
    # due 30/06/2026: 17 PL-II-2026, 4 DM-BS-2026 (III.4, IV.7, V.11, VII.12), 3 DC-CT-NV-2026
    assert counts["2026-06-30"] == 24
    # on 23/11/2026 that milestone has passed with the task in progress: late on it
    assert days.set_index("day").loc["2026-05-31", "kinds"] == f"{CALENDAR_KIND_MISSED}: 1"


@pytest.mark.parametrize(
    ("as_of", "kind", "status"),
    [
        # the day before the milestone: a milestone to come, the task in progress
        ("2026-05-30", CALENDAR_KIND_MILESTONE, "Đang thực hiện trong hạn"),
        # its day itself has not passed yet
        ("2026-05-31", CALENDAR_KIND_MILESTONE, "Đang thực hiện trong hạn"),
        # passed, the task's reports say "Đang thực hiện": missed
        ("2026-11-23", CALENDAR_KIND_MISSED, "Chậm mốc"),
    ],
)
def test_clicking_a_milestone_day_lists_the_milestone(
    page: AppTest, as_of: str, kind: str, status: str
) -> None:
    page.query_params["as_of"] = as_of
    page.run()
    pick(page, StateKey.CALENDAR_CHART, "day_pick", {"day": "2026-05-31"})
    assert page.subheader[0].value == "Hạn và mốc ngày 31/05/2026"
    table = page.dataframe[0].value
    assert table["Loại"].tolist() == [kind]
    assert table["Trạng thái"].tolist() == [status]
    assert table["Mốc"].tolist() == ["Triển khai giám sát an ninh mạng"]
    assert table["Nhiệm vụ"].iloc[0].startswith(MONITORING_CENTRE)
    assert table["Hạn hoàn thành"].iloc[0] == pd.Timestamp(2027, 10, 31)


def test_an_indicative_date_is_marked_in_the_day_list(page: AppTest) -> None:
    page.run()
    pick(page, StateKey.CALENDAR_CHART, "day_pick", {"day": "2025-12-20"})
    table = page.dataframe[0].value
    # the Sở's #16: "Theo lộ trình Bộ Công an (20/12/2025)"
    assert table["Loại hạn"].tolist() == ["Hạn dự kiến"]
    assert table["Thời hạn (theo văn bản)"].tolist() == ["Theo lộ trình Bộ Công an (20/12/2025)"]


def test_the_last_milestone_is_the_due_date_shown_once(page: AppTest) -> None:
    page.run()
    pick(page, StateKey.CALENDAR_CHART, "day_pick", {"day": "2027-10-31"})
    table = page.dataframe[0].value
    assert table["Loại"].tolist() == [CALENDAR_KIND_DUE]
    assert table["Nhiệm vụ"].iloc[0].startswith(MONITORING_CENTRE)


def test_a_filter_widget_changes_the_calendar(page: AppTest) -> None:
    page.run()
    page.multiselect(key=StateKey.PLANS).select("KH-SKHCN-2025").run()
    _, (_, days) = charts(page)
    # its 8 dated tasks: 9 are "Thường xuyên" and 11, 13, 14 "(nhiệm vụ thường xuyên)"
    assert days["count"].sum() == 8
    assert days.loc[days["count"] > 0, "due_date"].max() == pd.Timestamp(2025, 12, 31)


# --- Empty states and the app ---


def test_filters_that_match_nothing_say_what_to_do(page: AppTest) -> None:
    page.query_params.update({"plan": "KH-SKHCN-2025", "section": "II"})
    page.run()
    assert not page.exception
    assert [info.value for info in page.info] == [NO_MATCH]
    assert not page.get("vega_lite_chart")


def test_an_empty_database_says_to_upload(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = run_on_empty_database(PAGE, tmp_path, monkeypatch)
    assert [info.value for info in at.info] == [NO_DATA]


def test_opens_through_the_app(sample_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    at = open_through_app(monkeypatch, sample_url, "pages/3_Han_hoan_thanh.py")
    assert at.title[0].value == "Hạn hoàn thành"
    assert len(charts(at)) == 2
