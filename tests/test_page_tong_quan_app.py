"""Tổng quan through app.py: the first run loads the samples, a failed one says so in
Vietnamese, filters carry across pages."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from data_access.queries.filters import TaskFilters
from tests.pages_db import APP, TIMEOUT, use_database
from tests.tong_quan_page import KH_92A_IN_2026, big_numbers
from ui.common import NO_DATA
from ui.safe_text import literal
from ui.state import StateKey

OTHER_PAGE = "app_pages/2_Theo_co_quan.py"


def test_first_run_loads_the_samples_and_opens_the_overview(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'nq57.sqlite'}")
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert not at.exception
    assert not at.error
    assert at.title[0].value == "Tổng quan"
    assert big_numbers(at)["Nhiệm vụ"][0] == "119"
    assert at.multiselect(key=StateKey.PLANS)  # the shared filters are in the sidebar


def test_a_failed_first_run_shows_a_vietnamese_error_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'nq57.sqlite'}")
    monkeypatch.setenv("SAMPLE_DATA_DIR", str(tmp_path / "khong_co"))
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert not at.exception
    assert at.error[0].value.startswith(literal("Chưa nạp được dữ liệu mẫu:"))
    assert [info.value for info in at.info] == [NO_DATA]


def test_sample_loading_can_be_turned_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    use_database(monkeypatch, f"sqlite:///{tmp_path / 'nq57.sqlite'}")
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert not at.exception
    assert not at.error
    assert [info.value for info in at.info] == [NO_DATA]


def test_filters_carry_across_pages(sample_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    use_database(monkeypatch, sample_url)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params["as_of"] = "2026-07-01"
    at.run()
    at.multiselect(key=StateKey.PLANS).select("KH-92A-UBND").run()
    filters = TaskFilters(as_of=date(2026, 7, 1), plan_codes=("KH-92A-UBND",))
    assert big_numbers(at) == KH_92A_IN_2026
    at.switch_page(OTHER_PAGE).run()
    assert at.title[0].value == "Theo cơ quan"
    assert at.caption[0].value == literal(filters.describe_vi())
    at.switch_page("app_pages/1_Tong_quan.py").run()
    assert at.title[0].value == "Tổng quan"
    assert big_numbers(at)["Nhiệm vụ"][0] == "35"
    assert len(at.get("multiselect")) == 4  # one set of filters, drawn by app.py
