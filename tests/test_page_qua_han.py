"""Quá hạn under AppTest on the sample data: numbers, charts, search, drill-down, empty states."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Dataframe

from data_access.db import get_engine, session_scope
from data_access.queries.filters import TaskFilters
from data_access.queries.statuses import TaskStatus
from data_access.queries.task_record import task_detail
from data_access.queries.tasks import filtered_statuses
from labels import ILLUSTRATIVE_NOTE
from loaders.text import fold
from tests.pages_db import (
    REPO_ROOT,
    open_through_app,
    page_test,
    run_on_empty_database,
)
from ui.common import NO_DATA, NO_MATCH
from ui.safe_text import literal
from ui.state import StateKey

PAGE = REPO_ROOT / "pages" / "5_Qua_han.py"
AS_OF = "2026-11-23"
POLICE = "Công an tỉnh"
# due 01/01/2026, open: overdue on 23/11/2026 (92A II.10, whose name has a line break, is
# recurring: "(nhiệm vụ thường xuyên)")
OVERDUE_TASK = ("KH-92A-UBND", "24")


@pytest.fixture
def page(sample_url: str, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    return page_test(monkeypatch, sample_url, PAGE, {"as_of": AS_OF})


def engine_overdue(url: str, filters: TaskFilters) -> pd.DataFrame:
    """The overdue tasks the status engine gives for ``filters``."""
    with session_scope(get_engine(url)) as session:
        statuses = filtered_statuses(session=session, filters=filters)
    return statuses[statuses["status"] == TaskStatus.OVERDUE]


def metrics(at: AppTest) -> dict[str, str]:
    assert not at.exception
    return {metric.label: metric.value for metric in at.metric}


def task_list(at: AppTest) -> Dataframe:
    tables = [t for t in at.dataframe if (t.key or "").startswith(StateKey.OVERDUE_TABLE)]
    assert len(tables) == 1
    return tables[0]


def chart_data(at: AppTest, position: int) -> pd.DataFrame:
    """The first dataset of the ``position``-th chart on the page."""
    charts = [e for e in at.main if e.type == "vega_lite_chart"]
    return convert_arrow_bytes_to_pandas_df(charts[position].proto.datasets[0].data.data)


def open_row(at: AppTest, position: int) -> AppTest:
    table = task_list(at)
    at.session_state[table.key] = {"selection": {"rows": [position], "columns": [], "cells": []}}
    return at.run()


def pick_agency(at: AppTest, agency: str) -> AppTest:
    at.session_state[StateKey.OVERDUE_AGENCY_CHART] = {
        "selection": {"agency_pick": [{"agency": agency}]}
    }
    return at.run()


def has_search_words(name: str) -> bool:
    return all(word in fold(name) for word in ("chuyen", "doi", "so"))


def texts(at: AppTest) -> list[str]:
    return [text.value for text in at.text]


# --- Numbers counted from the seeds (test_status_samples) ---


@pytest.mark.parametrize(
    ("params", "filters", "overdue", "over_180"),
    [
        # 43 overdue; the seven tasks the plans call recurring that were once counted here
        # were all more than 180 days past their dates of 31/12/2025, 01/01/2026
        ({}, TaskFilters(as_of=date(2026, 11, 23)), "43", "25"),
        # 43 overdue on 01/07 too: KH-92A-UBND's 13 and KH-SKHCN-2025's 5 were due by
        # 31/12/2025, 182 days or more before; the other plans' were due in 2026 (from 31/3)
        ({"as_of": "2026-07-01"}, TaskFilters(as_of=date(2026, 7, 1)), "43", "18"),
        # KH-92A-UBND: 13 overdue, all due in 2025
        (
            {"plan": "KH-92A-UBND"},
            TaskFilters(as_of=date(2026, 11, 23), plan_codes=("KH-92A-UBND",)),
            "13",
            "13",
        ),
    ],
)
def test_overdue_numbers_are_those_of_the_seeds(
    page: AppTest, params: dict[str, Any], filters: TaskFilters, overdue: str, over_180: str
) -> None:
    page.query_params.update(params)
    shown = metrics(page.run())
    assert (shown["Nhiệm vụ quá hạn"], shown["Quá hạn trên 180 ngày"]) == (overdue, over_180)
    assert page.caption[0].value == literal(filters.describe_vi())
    assert [info.value for info in page.info] == [ILLUSTRATIVE_NOTE]
    listed = task_list(page).value
    assert len(listed) == int(overdue)
    assert listed["Số ngày quá hạn"].is_monotonic_decreasing  # longest overdue first


def test_charts_show_every_bucket_and_the_agencies(page: AppTest, sample_url: str) -> None:
    page.run()
    ageing = chart_data(page, 0)
    assert ageing["bucket"].tolist() == ["1–30", "31–90", "91–180", ">180"]
    assert ageing["count"].tolist() == [0, 2, 16, 25]
    by_agency = chart_data(page, 1)
    assert by_agency.groupby("agency")["count"].sum().idxmax() == POLICE


# --- Search, diacritic-insensitive ---


def test_search_without_diacritics_finds_chuyen_doi_so(page: AppTest, sample_url: str) -> None:
    page.run()
    page.text_input(key=StateKey.OVERDUE_SEARCH).input("chuyen doi so").run()
    names = task_list(page).value["Nhiệm vụ"].tolist()
    overdue = engine_overdue(sample_url, TaskFilters(as_of=date(2026, 11, 23)))
    with_phrase = [name for name in overdue["name"] if "chuyen doi so" in fold(name)]
    assert any("chuyển đổi số" in name for name in with_phrase)
    assert set(with_phrase) <= set(names)  # every task that says "chuyển đổi số" is found
    assert all(has_search_words(name) for name in names)  # every word, in any order
    assert len(names) < len(overdue)


def test_search_from_the_url_and_with_no_hit(page: AppTest) -> None:
    page.query_params[StateKey.OVERDUE_SEARCH] = "CHUYỂN ĐỔI SỐ"
    page.run()
    assert task_list(page).value["Nhiệm vụ"].map(has_search_words).all()
    page.text_input(key=StateKey.OVERDUE_SEARCH).input("không có nhiệm vụ này").run()
    assert not [t for t in page.dataframe if (t.key or "").startswith(StateKey.OVERDUE_TABLE)]
    assert "Không có nhiệm vụ quá hạn nào khớp từ khóa" in page.info[-1].value


# --- Drill-down: agency -> tasks -> one task's record ---


def test_clicking_an_agency_lists_its_overdue_tasks(page: AppTest, sample_url: str) -> None:
    page.run()
    everyone = len(task_list(page).value)
    pick_agency(page, POLICE)
    assert f"Cơ quan đã chọn: {POLICE}" in texts(page)
    listed = task_list(page).value
    expected = engine_overdue(sample_url, TaskFilters(as_of=date(2026, 11, 23), agencies=(POLICE,)))
    assert len(listed) == len(expected) < everyone
    assert all(POLICE in agencies.split("; ") for agencies in listed["Cơ quan chủ trì"])


def test_a_row_opens_the_full_record(page: AppTest, sample_url: str) -> None:
    page.run()
    listed = task_list(page).value.reset_index(drop=True)
    plan, number = OVERDUE_TASK
    position = int(listed.index[(listed["Kế hoạch"] == plan) & (listed["STT"] == number)][0])
    open_row(page, position)
    assert not page.exception
    overdue = engine_overdue(sample_url, TaskFilters(as_of=date(2026, 11, 23)))
    task_id = int(overdue.loc[overdue["name"] == listed["Nhiệm vụ"][position], "task_id"].iloc[0])
    with session_scope(get_engine(sample_url)) as session:
        detail = task_detail(session=session, task_id=task_id)
    assert detail is not None
    shown = texts(page)
    assert detail.task.name in shown
    assert detail.task.deadline_text in shown
    assert "01/01/2026 — Ngày cụ thể" in shown
    assert "\n".join(detail.lead_agencies) in shown
    assert "UBND tỉnh" in shown  # 001: "Kèm theo Kế hoạch số 92A/KH-UBND … của UBND tỉnh"
    assert "Quá hạn 326 ngày (tính đến 23/11/2026)" in shown
    assert [s.value for s in page.subheader][-1] == "Hồ sơ nhiệm vụ"


def test_a_plan_that_names_no_issuing_body_says_so(page: AppTest) -> None:
    page.query_params["plan"] = "DC-CT-NV-2026"  # 004 starts at its appendices: no issuer
    open_row(page.run(), 0)
    shown = texts(page)
    assert "(chưa rõ cơ quan ban hành)" in shown
    assert not any("Giáo dục" in text for text in shown)  # the guess is nowhere


def test_the_record_lists_milestones_and_report_history(page: AppTest) -> None:
    page.query_params["as_of"] = "2027-12-01"  # the two-milestone task is overdue by then
    page.run()
    page.text_input(key=StateKey.OVERDUE_SEARCH).input("giam sat an ninh mang").run()
    listed = task_list(page).value.reset_index(drop=True)
    position = int(listed.index[listed["Thời hạn (theo văn bản)"].str.contains("Tháng 10/2027")][0])
    open_row(page, position)
    shown = texts(page)
    # overdue by then, neither milestone met
    assert any(
        t.startswith("31/05/2026: Triển khai giám sát an ninh mạng — Chậm mốc") for t in shown
    )
    assert "31/10/2027 — Nhiều mốc thời gian" in shown
    history = page.dataframe[-1].value
    assert list(history)[:4] == ["Ngày báo cáo", "Tình trạng", "Ngày hoàn thành", "Minh chứng"]


# --- The other lists to chase ---


def show_list(at: AppTest, status: TaskStatus) -> AppTest:
    return at.segmented_control(key=StateKey.FOLLOW_UP_KIND).set_value(str(status)).run()


@pytest.mark.parametrize(
    ("status", "count"),
    [
        (TaskStatus.OVERDUE, 43),  # test_status_samples on 23/11/2026
        (TaskStatus.MILESTONE_LATE, 1),  # PL-II-2026 task 1: its 31/05/2026 milestone
        (TaskStatus.DONE_NO_EVIDENCE, 1),  # the Sở's #18: done, no "Minh chứng"
        (TaskStatus.RECURRING_NOT_REPORTED, 30),
    ],
)
def test_each_list_to_chase_is_its_status(
    page: AppTest, sample_url: str, status: TaskStatus, count: int
) -> None:
    listed = task_list(show_list(page.run(), status)).value
    with session_scope(get_engine(sample_url)) as session:
        statuses = filtered_statuses(session=session, filters=TaskFilters(as_of=date(2026, 11, 23)))
    expected = statuses[statuses["status"] == status]
    assert len(listed) == len(expected) == count
    assert sorted(listed["Nhiệm vụ"]) == sorted(expected["name"])
    assert listed["Số ngày quá hạn"].is_monotonic_decreasing


def test_the_list_is_kept_in_the_url(page: AppTest) -> None:
    page.query_params[StateKey.FOLLOW_UP_KIND] = "Chậm mốc"
    listed = task_list(page.run()).value
    assert listed["Kế hoạch"].tolist() == ["PL-II-2026"]
    assert listed["Số ngày quá hạn"].tolist() == [176]  # 31/05/2026 to 23/11/2026


def test_a_missed_milestone_shows_on_the_record(page: AppTest) -> None:
    open_row(show_list(page.run(), TaskStatus.MILESTONE_LATE), 0)
    shown = texts(page)
    assert "Chậm mốc 176 ngày (tính đến 23/11/2026)" in shown
    milestones = next(t for t in shown if t.startswith("31/05/2026"))
    assert milestones.splitlines() == [
        "31/05/2026: Triển khai giám sát an ninh mạng — Chậm mốc",
        "31/10/2027: Triển khai Xây dựng Trung tâm giám sát an ninh mạng — Chưa đến mốc",
    ]


def test_a_recurring_record_keeps_its_name_whole(page: AppTest, sample_url: str) -> None:
    # 92A II.10 "(nhiệm vụ thường xuyên)": its name has a line break; its last report is
    # of 27/01/2026, so November's (due 20/11) is 3 days late
    listed = task_list(show_list(page.run(), TaskStatus.RECURRING_NOT_REPORTED)).value
    listed = listed.reset_index(drop=True)
    position = int(listed.index[(listed["Kế hoạch"] == "KH-92A-UBND") & (listed["STT"] == "10")][0])
    open_row(page, position)
    with session_scope(get_engine(sample_url)) as session:
        statuses = filtered_statuses(session=session, filters=TaskFilters(as_of=date(2026, 11, 23)))
        name = listed["Nhiệm vụ"][position]
        task_id = int(statuses.loc[statuses["name"] == name, "task_id"].iloc[0])
        detail = task_detail(session=session, task_id=task_id)
    assert detail is not None and "\n" in detail.task.name
    shown = texts(page)
    assert detail.task.name in shown  # the whole name, line breaks kept
    assert "Thường xuyên – chưa báo cáo kỳ này 3 ngày (tính đến 23/11/2026)" in shown
    assert "01/01/2026 — Thường xuyên" in shown  # its date is its first due date


# --- Indicative due dates ("Theo lộ trình Bộ Công an (20/12/2025)", the Sở's #16) ---


def test_an_indicative_date_is_marked_and_the_switch_leaves_it_out(page: AppTest) -> None:
    def keys(listed: pd.DataFrame) -> pd.Series:
        return listed["Kế hoạch"] + " " + listed["STT"]

    listed = task_list(page.run()).value
    marks = dict(zip(keys(listed), listed["Loại hạn"], strict=True))
    assert marks.pop("KH-SKHCN-2025 16") == "Hạn dự kiến"
    assert set(marks.values()) == {""}  # no other overdue task's date is indicative
    page.checkbox(key=StateKey.INCLUDE_INDICATIVE).uncheck().run()
    assert metrics(page)["Nhiệm vụ quá hạn"] == "42"
    assert "KH-SKHCN-2025 16" not in set(keys(task_list(page).value))
    assert "Không gồm nhiệm vụ có hạn dự kiến" in page.caption[0].value


def test_an_indicative_date_is_marked_on_the_record(page: AppTest) -> None:
    listed = task_list(page.run()).value.reset_index(drop=True)
    mine = (listed["Kế hoạch"] == "KH-SKHCN-2025") & (listed["STT"] == "16")
    open_row(page, int(listed.index[mine][0]))
    shown = texts(page)
    assert "20/12/2025 (hạn dự kiến) — Thời hạn dự kiến (theo hướng dẫn, lộ trình)" in shown
    assert "Theo lộ trình Bộ Công an (20/12/2025)" in shown


def test_without_a_selected_row_the_page_says_how_to_open_one(page: AppTest) -> None:
    page.run()
    assert "Bấm vào một dòng để xem toàn bộ hồ sơ của nhiệm vụ." in [c.value for c in page.caption]
    assert "Hồ sơ nhiệm vụ" not in [s.value for s in page.subheader]


# --- Empty states ---


def test_nothing_overdue_says_what_to_do(page: AppTest) -> None:
    page.query_params["as_of"] = "2025-09-01"
    page.run()
    assert not page.exception
    assert page.success[0].value.startswith("Không có nhiệm vụ nào quá hạn tính đến 01/09/2025")
    assert not page.metric


def test_filters_that_match_nothing_say_what_to_do(page: AppTest) -> None:
    page.query_params.update({"plan": "KH-SKHCN-2025", "section": "II"})  # 002 has no sections
    page.run()
    assert not page.exception
    assert [info.value for info in page.info] == [NO_MATCH]
    assert not page.metric


def test_an_empty_database_says_to_upload(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = run_on_empty_database(PAGE, tmp_path, monkeypatch)
    assert [info.value for info in at.info] == [NO_DATA]


# --- Through app.py ---


def test_the_page_is_in_the_menu_and_keeps_the_filters(
    sample_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    query = {"as_of": AS_OF, "plan": "KH-92A-UBND"}
    at = open_through_app(monkeypatch, sample_url, "pages/5_Qua_han.py", query)
    assert at.title[0].value == "Quá hạn"
    filters = TaskFilters(as_of=date(2026, 11, 23), plan_codes=("KH-92A-UBND",))
    assert at.caption[0].value == literal(filters.describe_vi())
    assert metrics(at)["Nhiệm vụ quá hạn"] == "13"  # KH-92A-UBND, as above
