"""Hồ sơ nhiệm vụ through app.py, opened by its address: the full record, lineage links both
ways, a completed task's evidence, and one sentence for an address naming no task."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from labels import ILLUSTRATIVE_NOTE
from tests.pages_db import open_through_app
from tests.sample_tasks import ADJUSTED, ADJUSTING, NAMES_AN_UNLOADED_TASK, task_id
from tests.tb02_plan import NAMES_TB02_1, NAMES_TB02_6, load_tb02
from ui.task_links import NO_SUCH_TASK, TASK_PARAM, task_record_url

PAGE = "app_pages/13_Ho_so_nhiem_vu.py"


def open_record(monkeypatch: pytest.MonkeyPatch, url: str, value: str) -> AppTest:
    return open_through_app(monkeypatch, url, PAGE, {"as_of": "2026-11-23", TASK_PARAM: value})


def link_urls(at: AppTest) -> list[str]:
    return [button.proto.url for button in at.get("link_button")]


def texts(at: AppTest) -> list[str]:
    return [text.value for text in at.text]


def test_seed_003_row_1_links_to_the_task_it_renames(
    sample_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = open_record(monkeypatch, sample_url, str(task_id(sample_url, *ADJUSTING)))
    shown = texts(at)
    assert "Nhiệm vụ số 03 Phụ lục II cập nhật lại tên theo Kế hoạch số 07-KH/BCĐ" in shown
    assert "Điều chỉnh nhiệm vụ (cập nhật lại tên):" in shown
    assert link_urls(at) == [task_record_url(task_id(sample_url, *ADJUSTED))]
    label = at.get("link_button")[0].proto.label  # escaped Markdown: it shows as written
    assert label.startswith("PL\\-II\\-2026\\, nhiệm vụ 3\\: Tổ chức rà soát")


def test_seed_000_task_3_links_back_and_shows_its_evidence(
    sample_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = open_record(monkeypatch, sample_url, str(task_id(sample_url, *ADJUSTED)))
    assert "Được điều chỉnh bởi (cập nhật lại tên):" in texts(at)
    assert link_urls(at) == [task_record_url(task_id(sample_url, *ADJUSTING))]
    history = next(t.value for t in at.dataframe if "Minh chứng" in t.value)
    done = history[history["Tình trạng"] == "Đã hoàn thành"]
    assert done["Minh chứng"].tolist() == ["Văn bản số 1498/BC-ĐV ngày 21/05/2026"]
    assert done["Ngày hoàn thành"].tolist() == ["21/05/2026"]
    assert "Hoàn thành đúng hạn (tính đến 23/11/2026)" in texts(at)


def test_a_task_that_is_not_loaded_is_named_as_text(
    sample_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = open_record(monkeypatch, sample_url, str(task_id(sample_url, *NAMES_AN_UNLOADED_TASK)))
    assert (
        "Điều chỉnh: Nhiệm vụ số 122 Phụ lục II (cập nhật lại tên, Kế hoạch số 07-KH/BCĐ) — "
        "chưa có trong dữ liệu đã nạp."
    ) in texts(at)
    assert link_urls(at) == []


def test_seed_004_names_its_tb02_number_as_text_while_tb02_is_not_loaded(
    sample_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed_task, _tb02_task = NAMES_TB02_1
    at = open_record(monkeypatch, sample_url, str(task_id(sample_url, *seed_task)))
    shown = texts(at)
    assert "STT 1 tại văn bản TB02" in shown  # the field "Số thứ tự ở văn bản khác"
    assert "Là nhiệm vụ STT 1 tại văn bản TB02 — chưa có trong dữ liệu đã nạp." in shown
    assert link_urls(at) == []


def test_seed_004_and_a_loaded_tb02_link_to_each_other(
    sample_copy_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_tb02(sample_copy_url)
    seed_task, tb02_task = NAMES_TB02_6
    seed_id, tb02_id = task_id(sample_copy_url, *seed_task), task_id(sample_copy_url, *tb02_task)
    at = open_record(monkeypatch, sample_copy_url, str(seed_id))
    assert "Là nhiệm vụ STT 6 tại văn bản TB02:" in texts(at)
    assert link_urls(at) == [task_record_url(tb02_id)]
    assert at.get("link_button")[0].proto.label.startswith("TB02\\, mục I\\, nhiệm vụ 6\\: ")
    back = open_record(monkeypatch, sample_copy_url, str(tb02_id))
    assert "Kế hoạch sau dẫn chiếu nhiệm vụ này (STT 6 tại văn bản TB02):" in texts(back)
    assert link_urls(back) == [task_record_url(seed_id)]


def test_the_record_lists_the_imports_that_touched_the_task(
    sample_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = open_record(monkeypatch, sample_url, str(task_id(sample_url, *ADJUSTED)))
    imports = next(t.value for t in at.dataframe if "Người nạp" in t.value and "Tệp" in t.value)
    assert imports["Tệp"].tolist() == [
        "000_phu_luc_II_nhiem_vu_2026.xlsx",
        "tien_do_MINH_HOA_illustrative.xlsx",
    ]
    assert set(imports["Tình trạng"]) == {"Đang áp dụng"}


@pytest.mark.parametrize("value", ["", "abc", "0", "-1", "999999", "9" * 30])
def test_an_address_naming_no_task_gets_one_sentence(
    sample_url: str, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    at = open_record(monkeypatch, sample_url, value)
    assert [i.value for i in at.info if i.value == NO_SUCH_TASK] == [NO_SUCH_TASK]
    assert not at.error and not at.get("link_button")


def test_an_address_without_a_task_gets_the_sentence(
    sample_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = open_through_app(monkeypatch, sample_url, PAGE, {"as_of": "2026-11-23"})
    assert NO_SUCH_TASK in [i.value for i in at.info]


def test_a_record_built_on_the_sample_progress_says_it_is_illustrative(
    sample_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = open_record(monkeypatch, sample_url, str(task_id(sample_url, *ADJUSTED)))
    assert [info.value for info in at.info] == [ILLUSTRATIVE_NOTE]
