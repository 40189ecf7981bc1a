"""The app's entry point and the overview page, driven by AppTest on a SQLite file."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from data_access.bootstrap import ensure_sample_data
from data_access.db import get_engine
from ui.labels import ILLUSTRATIVE_NOTE

REPO_ROOT = Path(__file__).resolve().parent.parent
APP = REPO_ROOT / "app.py"
OVERVIEW = REPO_ROOT / "pages" / "1_Tong_quan.py"
TIMEOUT = 120  # the first run reads every sample workbook


@pytest.fixture
def database_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite:///{tmp_path / 'nq57.sqlite'}"
    monkeypatch.setenv("DATABASE_URL", url)
    return url


def _metrics(at: AppTest) -> dict[str, str]:
    return {metric.label: metric.value for metric in at.metric}


# --- app.py ---


def test_first_run_shows_the_sample_plans(database_url: str) -> None:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert not at.exception
    assert not at.error
    assert at.title[0].value == "Tổng quan"
    assert _metrics(at)["Nhiệm vụ"] == "119"
    assert _metrics(at)["Kế hoạch"] == "5"
    assert _metrics(at)["Chỉ tiêu"] == "6"
    assert [info.value for info in at.info] == [ILLUSTRATIVE_NOTE]


def test_a_failed_first_run_shows_a_vietnamese_error_not_a_traceback(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SAMPLE_DATA_DIR", str(tmp_path / "khong_co"))
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert not at.exception
    assert at.error[0].value.startswith("Chưa nạp được dữ liệu mẫu: ")
    assert [info.value for info in at.info] == ["Chưa có kế hoạch nào trong cơ sở dữ liệu."]


def test_sample_loading_can_be_turned_off(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LOAD_SAMPLE_DATA", "0")
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert not at.exception
    assert not at.error
    assert [info.value for info in at.info] == ["Chưa có kế hoạch nào trong cơ sở dữ liệu."]


# --- pages/1_Tong_quan.py on its own ---


def test_overview_page_counts_tasks_per_plan(database_url: str) -> None:
    ensure_sample_data(get_engine(database_url))
    at = AppTest.from_file(OVERVIEW, default_timeout=TIMEOUT).run()
    assert not at.exception
    assert _metrics(at)["Nhiệm vụ"] == "119"
    plans, kinds = (frame.value for frame in at.dataframe)
    assert plans["Số nhiệm vụ"].tolist() == [29, 35, 20, 14, 21]
    assert plans["Số chỉ tiêu"].tolist() == [0, 0, 0, 0, 6]
    assert kinds["Số nhiệm vụ"].sum() == 119
    assert "Thường xuyên" in kinds["Loại thời hạn"].tolist()


def test_overview_page_on_an_empty_database_says_so(database_url: str) -> None:
    at = AppTest.from_file(OVERVIEW, default_timeout=TIMEOUT).run()
    assert not at.exception
    assert not at.metric
    assert [info.value for info in at.info] == ["Chưa có kế hoạch nào trong cơ sở dữ liệu."]
