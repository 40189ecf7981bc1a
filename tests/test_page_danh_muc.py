"""Danh mục nhiệm vụ through app.py: every sample task, searchable without diacritics,
each row linked to its record."""

from __future__ import annotations

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from tests.pages_db import open_through_app
from tests.sample_tasks import task_id
from ui.state import StateKey
from ui.task_links import task_record_url
from ui.task_register import RECORD_HEADING

PAGE = "app_pages/12_Danh_muc_nhiem_vu.py"
# DOMAIN.md: 29 (seed 000) + 35 (001) + 20 (002) + 14 (003) + 21 (004) tasks
SAMPLE_TASKS = 119


def register(at: AppTest) -> pd.DataFrame:
    assert not at.exception
    tables = [t for t in at.dataframe if RECORD_HEADING in t.value]  # the one with links
    assert len(tables) == 1
    return tables[0].value


@pytest.fixture
def page(sample_url: str, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    return open_through_app(monkeypatch, sample_url, PAGE, {"as_of": "2026-11-23"})


def test_the_register_lists_every_sample_task(page: AppTest, sample_url: str) -> None:
    listed = register(page)
    assert len(listed) == SAMPLE_TASKS
    assert listed.groupby("Kế hoạch").size().to_dict() == {
        "PL-II-2026": 29,
        "KH-92A-UBND": 35,
        "KH-SKHCN-2025": 20,
        "DM-BS-2026": 14,
        "DC-CT-NV-2026": 21,
    }
    first = listed.iloc[0]  # plan order: seed 000's task 1 first
    assert (first["Kế hoạch"], first["STT"]) == ("PL-II-2026", 1)
    assert first[RECORD_HEADING] == task_record_url(task_id(sample_url, "PL-II-2026", "1"))


def test_the_numbers_sort_as_numbers(page: AppTest) -> None:
    listed = register(page)
    assert pd.api.types.is_integer_dtype(listed["STT"])  # every sample number is in digits
    # seed 000 (PL-II-2026) numbers its 29 tasks 1 to 29: sorted, 9 comes before 10
    numbers = listed.loc[listed["Kế hoạch"] == "PL-II-2026", "STT"]
    assert numbers.tolist() == list(range(1, 30))
    assert numbers.sort_values().tolist()[8:10] == [9, 10]


def test_a_search_without_diacritics_finds_the_task(page: AppTest, sample_url: str) -> None:
    page.text_input(key=StateKey.REGISTER_SEARCH).input("to chuc thi online tim hieu").run()
    listed = register(page)
    # seed 003, row 2: "Tổ chức thi Online tìm hiểu về Nghị quyết số 57-NQ/TW …"
    assert listed[["Kế hoạch", "STT"]].values.tolist() == [["DM-BS-2026", 2]]
    assert listed[RECORD_HEADING].tolist() == [
        task_record_url(task_id(sample_url, "DM-BS-2026", "2"))
    ]


def test_a_search_that_finds_nothing_says_so(page: AppTest) -> None:
    page.text_input(key=StateKey.REGISTER_SEARCH).input("khong co nhiem vu nay").run()
    assert page.info[-1].value == "Không có nhiệm vụ nào khớp từ khóa — hãy thử từ khóa khác."
    assert not [t for t in page.dataframe if RECORD_HEADING in t.value]


def test_a_completed_task_shows_its_evidence(page: AppTest) -> None:
    listed = register(page).set_index(["Kế hoạch", "STT"])
    # the illustrative progress: seed 000's task 3 done on 21/05/2026, with this document
    done = listed.loc[("PL-II-2026", 3)]
    assert done["Minh chứng"] == "Văn bản số 1498/BC-ĐV ngày 21/05/2026"
    assert done["Trạng thái"] == "Hoàn thành đúng hạn"


def test_the_menu_lists_the_register_but_not_the_record(page: AppTest) -> None:
    links = [link.proto.label for link in page.get("page_link")]
    assert "Danh mục nhiệm vụ" in links
    assert "Hồ sơ nhiệm vụ" not in links
