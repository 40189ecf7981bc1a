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

from data_access.queries.filters import TaskFilters
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
    # dates travel as Vega-Lite reads them from Altair's spec: ISO text, parsed in the browser
    assert pd.to_datetime(days.loc[days["count"] > 0, "due_date"]).max() == pd.Timestamp(
        2025, 12, 31
    )


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
