"""Theo cơ quan under AppTest: the ranking table, the role switch, the view controls, the
empty states and the menu."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from data_access.db import get_engine, session_scope
from data_access.queries.filters import TaskFilters
from data_access.queries.rollups import agency_summary
from data_access.queries.tasks import filtered_statuses, task_agency_frame
from labels import ILLUSTRATIVE_NOTE
from tests.pages_db import open_through_app, page_test, run_on_empty_database
from tests.theo_co_quan_page import AS_OF, EDUCATION, GROUP, OFFICE, PAGE, STAFF, ranking
from ui.common import NO_DATA, NO_MATCH
from ui.safe_text import literal
from ui.state import StateKey


@pytest.fixture
def page(sample_url: str, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    return page_test(monkeypatch, sample_url, PAGE, {"as_of": AS_OF.isoformat()})


STATUS_HEADINGS = {
    "done_on_time": "Hoàn thành đúng hạn",
    "done_late": "Hoàn thành quá hạn",
    "in_progress": "Đang thực hiện trong hạn",
    "overdue": "Quá hạn",
    "recurring_reported": "Thường xuyên – đã báo cáo kỳ này",
    "recurring_not_reported": "Thường xuyên – chưa báo cáo kỳ này",
    "recurring_not_due": "Thường xuyên – chưa đến kỳ báo cáo",
    "no_deadline": "Chưa xác định hạn",
}


def engine_view(url: str, filters: TaskFilters, role: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(agency summary, filtered statuses) straight from data_access."""
    with session_scope(get_engine(url)) as session:
        statuses = filtered_statuses(session=session, filters=filters)
        links = task_agency_frame(session=session)
    return agency_summary(statuses, links, role), statuses


SHOWN = ("done_on_time", "done_late", "overdue", "recurring_reported", "recurring_not_reported")


@pytest.mark.parametrize(
    ("params", "filters", "expected"),
    [
        (
            {"plan": "DC-CT-NV-2026"},
            TaskFilters(as_of=AS_OF, plan_codes=("DC-CT-NV-2026",)),
            {  # the five counts of SHOWN, then the total
                OFFICE: (3, 2, 4, 0, 9, 18),
                EDUCATION: (1, 0, 0, 1, 2, 4),
                STAFF: (0, 0, 0, 0, 1, 1),
            },
        ),
        (
            {"plan": "DC-CT-NV-2026", "status": "Quá hạn"},
            TaskFilters(as_of=AS_OF, plan_codes=("DC-CT-NV-2026",), statuses=("overdue",)),
            {OFFICE: (0, 0, 4, 0, 0, 4)},
        ),
    ],
)
def test_counts_per_agency_are_those_of_the_seed(
    page: AppTest,
    params: dict[str, Any],
    filters: TaskFilters,
    expected: dict[str, tuple[int, ...]],
) -> None:
    page.query_params.update(params)
    table = ranking(page.run()).set_index("Cơ quan chủ trì")
    headings = [STATUS_HEADINGS[code] for code in SHOWN] + ["Tổng số"]
    shown = {agency: tuple(int(n) for n in row) for agency, row in table[headings].iterrows()}
    assert shown == expected
    other = [h for code, h in STATUS_HEADINGS.items() if code not in SHOWN]
    assert (table[other] == 0).all().all()  # no task in progress, not due or undated
    assert page.caption[0].value == literal(filters.describe_vi())
    assert [info.value for info in page.info] == [ILLUSTRATIVE_NOTE]


def test_collective_groups_are_rows_of_their_own(page: AppTest) -> None:
    table = ranking(page.run()).set_index("Cơ quan chủ trì")
    assert table.loc[GROUP, "Loại"] == "Nhóm (tập thể)"
    assert table.loc["UBND cấp xã", "Loại"] == "Nhóm (tập thể)"
    # 002 (the Sở KH&CN's plan) and 004 (a Sở not named in the document) each have a Văn phòng Sở
    assert table.loc["Văn phòng Sở (Sở KH&CN)", "Loại"] == "Đơn vị thuộc Sở"
    assert table.loc["Văn phòng Sở (đơn vị ban hành DC-CT-NV-2026)", "Loại"] == "Đơn vị thuộc Sở"
    assert table.loc["Công an tỉnh", "Loại"] == "Sở, ban, ngành"


def test_default_order_is_most_overdue_first(page: AppTest) -> None:
    table = ranking(page.run())
    assert table["Quá hạn"].is_monotonic_decreasing
    assert table["Cơ quan chủ trì"].iloc[0] == "Công an tỉnh"


def test_sorting_by_completion_rate_puts_the_lowest_first(page: AppTest) -> None:
    page.run()
    page.selectbox(key=StateKey.AGENCY_SORT).set_value("completion_rate").run()
    assert ranking(page)["Tỷ lệ hoàn thành"].dropna().is_monotonic_increasing


def test_the_view_controls_follow_the_url(page: AppTest) -> None:
    page.query_params[StateKey.AGENCY_SORT] = "Nhiều nhiệm vụ nhất"
    page.query_params[StateKey.AGENCY_VIEW_ROLE] = "Phối hợp"
    table = ranking(page.run())
    assert table.columns[0] == "Cơ quan phối hợp"
    assert table["Tổng số"].is_monotonic_decreasing


def test_rates_are_fractions_shown_as_percentages(page: AppTest) -> None:
    """Numbers reach the grid (sortable, exported as numbers), formatted by the browser."""
    page.query_params["plan"] = "DC-CT-NV-2026"
    at = page.run()
    table = ranking(at).set_index("Cơ quan chủ trì")
    # The Văn phòng's 9 dated tasks, all due: 5 done, 3 of them on time (see above).
    # Rounded to one decimal of a percentage, as the downloads write them (5/9 -> 55,6%).
    assert table.loc[OFFICE, "Tỷ lệ hoàn thành"] == pytest.approx(0.556)
    assert table.loc[OFFICE, "Tỷ lệ đúng hạn"] == pytest.approx(0.333)
    config = json.loads(at.dataframe[0].proto.columns)
    for heading in ("Tỷ lệ hoàn thành", "Tỷ lệ đúng hạn"):
        assert config[heading]["type_config"] == {
            "type": "progress",
            "format": "percent",  # 0.1333 -> 13,3% in a Vietnamese browser
            "min_value": 0,
            "max_value": 1,
            "step": 0.001,  # one decimal of a percentage, as the downloads round it
        }


def test_coordinating_agencies_are_a_separate_view(page: AppTest, sample_url: str) -> None:
    page.run()
    page.segmented_control(key=StateKey.AGENCY_VIEW_ROLE).set_value("coordinating").run()
    table = ranking(page)
    assert table.columns[0] == "Cơ quan phối hợp"
    expected, _ = engine_view(sample_url, TaskFilters(as_of=AS_OF), "coordinating")
    assert table["Cơ quan phối hợp"].tolist() == expected["agency"].tolist()
    assert "(Không có cơ quan phối hợp)" in table["Cơ quan phối hợp"].tolist()


def test_a_filter_widget_changes_the_table(page: AppTest) -> None:
    before = ranking(page.run())["Tổng số"].sum()
    page.multiselect(key=StateKey.PLANS).select("DM-BS-2026").run()
    after = ranking(page)
    assert after["Tổng số"].sum() < before
    assert "Sở Khoa học và Công nghệ" in after["Cơ quan chủ trì"].tolist()


# --- Empty states and the app ---


def test_filters_that_match_nothing_say_what_to_do(page: AppTest) -> None:
    page.query_params.update({"plan": "KH-SKHCN-2025", "section": "II"})
    page.run()
    assert not page.exception
    assert [info.value for info in page.info] == [NO_MATCH]
    assert not page.dataframe


def test_an_empty_database_says_to_upload(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = run_on_empty_database(PAGE, tmp_path, monkeypatch)
    assert [info.value for info in at.info] == [NO_DATA]


def test_opens_through_the_app(sample_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    at = open_through_app(monkeypatch, sample_url, "app_pages/2_Theo_co_quan.py")
    assert at.title[0].value == "Theo cơ quan"
    assert GROUP in ranking(at)["Cơ quan chủ trì"].tolist()
    assert at.multiselect(key=StateKey.PLANS)  # the shared filters, drawn by app.py
