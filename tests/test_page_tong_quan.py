"""Tổng quan under AppTest on the sample data in SQLite: the numbers counted from the seeds,
KPIs, empty states, and what was known then."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from data_access.clock import vietnam_today
from data_access.queries.filters import TaskFilters
from data_access.queries.status import RATE_HELP_VI
from labels import ILLUSTRATIVE_NOTE
from tests.pages_db import REPO_ROOT, page_test, run_on_empty_database
from tests.tong_quan_page import KH_92A_IN_2026, big_numbers
from ui.common import NO_DATA, NO_MATCH
from ui.safe_text import literal
from ui.state import StateKey

PAGE = REPO_ROOT / "app_pages" / "1_Tong_quan.py"


@pytest.fixture
def page(sample_url: str, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    return page_test(monkeypatch, sample_url, PAGE)


# --- The five numbers and their change from a month before, counted by hand from the seeds
# (the per-plan counts behind them are reasoned in test_status_samples) ---

# PL-II-2026 (seed 000) on 01/07/2026: 29 tasks; done 6 on time + 1 late = 7; 23 due by then,
# 6 of them done on time (26,1%); 16 overdue; nothing open falls due in July.
# On 01/06: done only task 3 (completed 21/5); due were 4, 5, 6, 8, 11 (30/4), none done
# (0%), all overdue (5); due within 30 days: 24 (15/6) and 2, 9, 10, 12-22, 25, 28 (30/6),
# 17 open tasks.
PL_II_ON_1_JULY = {
    "Nhiệm vụ": ("29", "0"),
    "Đã hoàn thành": ("7", "+6"),
    "Tỷ lệ đúng hạn": ("26,1%", "+26,1 điểm %"),
    "Quá hạn": ("16", "+11"),
    "Đến hạn 30 ngày tới": ("0", "-17"),
}


# The whole sample on 23/11/2026: 119 tasks, 33 done, 17 of the 72 due done on time (23,6%),
# 43 overdue; nothing is completed or falls due between 23/10 and 23/11 (the next due date
# is 31/12/2026, 38 days on), so every change is 0.
ALL_ON_23_NOVEMBER = {
    "Nhiệm vụ": ("119", "0"),
    "Đã hoàn thành": ("33", "0"),
    "Tỷ lệ đúng hạn": ("23,6%", "0"),
    "Quá hạn": ("43", "0"),
    "Đến hạn 30 ngày tới": ("0", "0"),
}


def kpi_counts(at: AppTest) -> tuple[str, str, str]:
    shown = {metric.label: metric.value for metric in at.metric}
    return (
        shown["Chỉ tiêu đạt"],
        shown["Chỉ tiêu chưa đạt"],
        shown["Chỉ tiêu chưa có số liệu"],
    )


# --- The page on its own: the numbers counted from the seeds ---


@pytest.mark.parametrize(
    ("params", "filters", "expected"),
    [
        (
            {"as_of": "2026-11-23", "plan": "KH-92A-UBND"},
            TaskFilters(as_of=date(2026, 11, 23), plan_codes=("KH-92A-UBND",)),
            KH_92A_IN_2026,
        ),
        ({"as_of": "2026-11-23"}, TaskFilters(as_of=date(2026, 11, 23)), ALL_ON_23_NOVEMBER),
        (
            {"as_of": "2026-07-01", "plan": "PL-II-2026"},
            TaskFilters(as_of=date(2026, 7, 1), plan_codes=("PL-II-2026",)),
            PL_II_ON_1_JULY,
        ),
    ],
)
def test_big_numbers_are_those_of_the_seeds(
    page: AppTest, params: dict[str, Any], filters: TaskFilters, expected: dict[str, Any]
) -> None:
    page.query_params.update(params)
    page.run()
    assert big_numbers(page) == expected
    assert page.caption[0].value == literal(filters.describe_vi())
    assert all(metric.proto.help == RATE_HELP_VI for metric in page.metric[:5])
    assert [info.value for info in page.info] == [ILLUSTRATIVE_NOTE]


def test_a_filter_widget_changes_the_numbers(page: AppTest) -> None:
    page.query_params["as_of"] = "2026-07-01"
    page.run()
    assert big_numbers(page)["Nhiệm vụ"][0] == "119"
    page.multiselect(key=StateKey.PLANS).select("PL-II-2026").run()
    assert big_numbers(page) == PL_II_ON_1_JULY


def test_agencies_with_most_overdue_come_first(page: AppTest) -> None:
    page.query_params["as_of"] = "2026-11-23"
    at = page.run()
    table = at.dataframe[0].value
    assert table["Cơ quan"].iloc[0] == "Công an tỉnh"
    assert table["Quá hạn"].is_monotonic_decreasing
    assert "Các sở, ban, ngành, địa phương" in table["Cơ quan"].tolist()
    rates = table["Tỷ lệ hoàn thành"].dropna()
    assert rates.between(0, 1).all() and not rates.empty  # fractions, formatted by the grid
    # Rounded to one decimal of a percentage before the grid (which would cut at a step).
    assert (rates == rates.round(3)).all()
    config = json.loads(at.dataframe[0].proto.columns)["Tỷ lệ hoàn thành"]["type_config"]
    # one decimal of a percentage in every cell ("100,0%" beside "72,5%"): a step of 0.1 %
    assert config == {"type": "number", "format": "percent", "step": 0.001}


def test_what_falls_due_next(page: AppTest) -> None:
    page.query_params["as_of"] = "2026-11-23"
    upcoming = page.run().dataframe[1].value
    assert upcoming["Hạn"].dt.date.unique().tolist() == [date(2026, 12, 31)]
    assert upcoming["Còn (ngày)"].unique().tolist() == [38]


# Latest actual by the as-of day, judged with its operator: on 01/07 the half-year
# figures are latest, and 80% does not meet ">80%".
@pytest.mark.parametrize(
    ("as_of", "counts"),
    [
        ("2026-07-01", ("2", "4", "0")),
        ("2026-11-23", ("4", "2", "0")),
        ("2026-02-01", ("0", "0", "6")),
    ],
)
def test_kpi_summary(page: AppTest, as_of: str, counts: tuple[str, str, str]) -> None:
    page.query_params["as_of"] = as_of
    assert kpi_counts(page.run()) == counts


def test_kpi_results_are_numbers_beside_their_unit(page: AppTest) -> None:
    page.query_params["as_of"] = "2026-07-01"
    table = page.run().dataframe[-1].value
    first = table.iloc[0]  # 80% on the half-year against ">80%"
    assert (first["Kết quả mới nhất"], first["Đơn vị tính"]) == (80.0, "%")


def test_kpi_targets_read_as_on_chi_tieu(page: AppTest) -> None:
    """Seed 004's targets, written ">80%", "100%"…, read with their operator as Chỉ tiêu
    shows them (tests/test_page_chi_tieu.py)."""
    table = page.run().dataframe[-1].value
    assert table["Mục tiêu"].tolist() == ["> 80%", "> 80%", "≥ 100%", "≥ 50%", "≥ 100%", "≥ 95%"]


def test_kpis_follow_the_plan_filter(page: AppTest) -> None:
    page.query_params["plan"] = "KH-92A-UBND"
    page.run()
    assert "Chỉ tiêu đạt" not in [metric.label for metric in page.metric]
    assert "Các kế hoạch đã chọn không có chỉ tiêu." in [c.value for c in page.caption]


# --- Empty states ---


def test_filters_that_match_nothing_say_what_to_do(page: AppTest) -> None:
    page.query_params.update({"plan": "KH-SKHCN-2025", "section": "II"})  # 002 has no sections
    page.run()
    assert not page.exception
    assert [info.value for info in page.info] == [NO_MATCH]
    assert not page.metric
    page.button(key=f"{StateKey.RESET_FILTERS}_empty").click().run()
    assert big_numbers(page)["Nhiệm vụ"][0] == "119"


def test_an_empty_database_says_to_upload(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = run_on_empty_database(PAGE, tmp_path, monkeypatch)
    assert [info.value for info in at.info] == [NO_DATA]
    assert not at.metric


# --- "What we knew then" ---


def test_known_only_before_anything_was_imported_says_so(page: AppTest) -> None:
    # The sample data was imported when the test database was built (today): on 1/1/2020
    # nothing was known, which is not the same as an empty database.
    page.query_params.update({"as_of": "2020-01-01", "known": "true"})
    page.run()
    assert not page.exception
    assert page.checkbox(key=StateKey.KNOWN_ONLY).value is True
    assert [info.value for info in page.info] == [
        "Đến hết ngày 01/01/2020 chưa có kế hoạch nào được nạp. Bỏ chọn “chỉ tính dữ liệu "
        "đã có đến ngày đó” để xem tình hình ngày đó theo mọi dữ liệu hiện có."
    ]


def test_known_only_today_shows_what_everything_shows(page: AppTest) -> None:
    page.query_params["as_of"] = vietnam_today().isoformat()
    everything = big_numbers(page.run())
    known = big_numbers(page.checkbox(key=StateKey.KNOWN_ONLY).check().run())
    # Everything was imported today, so today's numbers are those of all the data; the
    # changes differ: a month ago nothing had been imported yet, so all 119 tasks are new.
    assert {k: v[0] for k, v in known.items()} == {k: v[0] for k, v in everything.items()}
    assert known["Nhiệm vụ"] == ("119", "+119")
