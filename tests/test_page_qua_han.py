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

from data_access.dashboard import filtered_statuses
from data_access.db import get_engine, session_scope
from data_access.filters import TaskFilters
from data_access.rollups import overdue_ageing
from data_access.statuses import TaskStatus
from data_access.task_detail import task_detail
from labels import ILLUSTRATIVE_NOTE, format_int
from loaders.text import fold
from tests.pages_db import (
    REPO_ROOT,
    open_through_app,
    page_test,
    run_on_empty_database,
)
from ui.common import NO_DATA, NO_MATCH
from ui.state import StateKey

PAGE = REPO_ROOT / "pages" / "5_Qua_han.py"
AS_OF = "2026-11-23"
POLICE = "Công an tỉnh"
MULTILINE_TASK = ("KH-92A-UBND", "10")  # its name has a line break; overdue on 23/11/2026


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


# --- Numbers equal the status engine's for the same filters ---


@pytest.mark.parametrize(
    ("params", "filters"),
    [
        ({}, TaskFilters(as_of=date(2026, 11, 23))),
        ({"as_of": "2026-07-01"}, TaskFilters(as_of=date(2026, 7, 1))),
        (
            {"plan": "KH-92A-UBND"},
            TaskFilters(as_of=date(2026, 11, 23), plan_codes=("KH-92A-UBND",)),
        ),
        (
            {"agency": POLICE, "role": "Chủ trì hoặc phối hợp"},
            TaskFilters(as_of=date(2026, 11, 23), agencies=(POLICE,), role="any"),
        ),
    ],
)
def test_overdue_numbers_are_the_status_engines(
    page: AppTest, sample_url: str, params: dict[str, Any], filters: TaskFilters
) -> None:
    page.query_params.update(params)
    shown = metrics(page.run())
    expected = engine_overdue(sample_url, filters)
    ageing = overdue_ageing(expected).set_index("bucket")["count"]
    assert shown["Nhiệm vụ quá hạn"] == format_int(len(expected))
    assert shown["Quá hạn trên 180 ngày"] == format_int(int(ageing[">180"]))
    assert page.caption[0].value == filters.describe_vi()
    assert [info.value for info in page.info] == [ILLUSTRATIVE_NOTE]
    listed = task_list(page).value
    assert len(listed) == len(expected)
    assert listed["Số ngày quá hạn"].is_monotonic_decreasing  # longest overdue first


def test_sample_counts_on_23_11_2026(page: AppTest) -> None:
    shown = metrics(page.run())
    assert (shown["Nhiệm vụ quá hạn"], shown["Quá hạn trên 180 ngày"]) == ("50", "32")


def test_charts_show_every_bucket_and_the_agencies(page: AppTest, sample_url: str) -> None:
    page.run()
    ageing = chart_data(page, 0)
    assert ageing["bucket"].tolist() == ["1–30", "31–90", "91–180", ">180"]
    assert ageing["count"].tolist() == [0, 2, 16, 32]
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
    plan, number = MULTILINE_TASK
    position = int(listed.index[(listed["Kế hoạch"] == plan) & (listed["STT"] == number)][0])
    open_row(page, position)
    assert not page.exception
    overdue = engine_overdue(sample_url, TaskFilters(as_of=date(2026, 11, 23)))
    task_id = int(overdue.loc[overdue["name"] == listed["Nhiệm vụ"][position], "task_id"].iloc[0])
    with session_scope(get_engine(sample_url)) as session:
        detail = task_detail(session=session, task_id=task_id)
    assert detail is not None
    shown = texts(page)
    assert detail.task.name in shown  # the whole name, line breaks kept
    assert "\n" in detail.task.name
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
    assert any(t.startswith("31/05/2026: Triển khai giám sát an ninh mạng") for t in shown)
    assert "31/10/2027 — Nhiều mốc thời gian" in shown
    history = page.dataframe[-1].value
    assert list(history)[:4] == ["Ngày báo cáo", "Tình trạng", "Ngày hoàn thành", "Minh chứng"]


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
    assert at.caption[0].value == filters.describe_vi()
    assert metrics(at)["Nhiệm vụ quá hạn"] == format_int(len(engine_overdue(sample_url, filters)))
