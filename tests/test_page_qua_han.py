"""Quá hạn under AppTest on the sample data: numbers, charts, search, empty states, the menu."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from data_access.queries.filters import TaskFilters
from labels import ILLUSTRATIVE_NOTE
from loaders.text import fold
from tests.pages_db import open_through_app, page_test, run_on_empty_database
from tests.qua_han_page import (
    AS_OF,
    PAGE,
    POLICE,
    chart_data,
    engine_overdue,
    has_search_words,
    metrics,
    task_list,
)
from ui.common import NO_DATA, NO_MATCH
from ui.safe_text import literal
from ui.state import StateKey


@pytest.fixture
def page(sample_url: str, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    return page_test(monkeypatch, sample_url, PAGE, {"as_of": AS_OF})


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
    at = open_through_app(monkeypatch, sample_url, "app_pages/5_Qua_han.py", query)
    assert at.title[0].value == "Quá hạn"
    filters = TaskFilters(as_of=date(2026, 11, 23), plan_codes=("KH-92A-UBND",))
    assert at.caption[0].value == literal(filters.describe_vi())
    assert metrics(at)["Nhiệm vụ quá hạn"] == "13"  # KH-92A-UBND, as above
