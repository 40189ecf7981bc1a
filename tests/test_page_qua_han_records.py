"""Quá hạn's drill-down: agency, its overdue tasks, one task's record, indicative dates."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from data_access.db import get_engine, session_scope
from data_access.queries.filters import TaskFilters
from data_access.queries.task_record import task_detail
from tests.pages_db import page_test
from tests.qua_han_page import (
    AS_OF,
    OVERDUE_TASK,
    PAGE,
    POLICE,
    engine_overdue,
    metrics,
    open_row,
    pick_agency,
    task_list,
    texts,
)
from ui.state import StateKey
from ui.task_links import task_record_url


@pytest.fixture
def page(sample_url: str, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    return page_test(monkeypatch, sample_url, PAGE, {"as_of": AS_OF})


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
    row = (listed["Kế hoạch"] == plan) & (listed["STT"].astype(str) == number)
    position = int(listed.index[row][0])
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
    opens = [(b.proto.label, b.proto.url) for b in page.get("link_button")]
    assert opens == [("Mở hồ sơ riêng", task_record_url(task_id))]


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
    history = next(t.value for t in page.dataframe if "Ngày báo cáo" in t.value)
    assert list(history)[:4] == ["Ngày báo cáo", "Tình trạng", "Ngày hoàn thành", "Minh chứng"]


# --- Indicative due dates ("Theo lộ trình Bộ Công an (20/12/2025)", the Sở's #16) ---


def test_an_indicative_date_is_marked_and_the_switch_leaves_it_out(page: AppTest) -> None:
    def keys(listed: pd.DataFrame) -> pd.Series:
        return listed["Kế hoạch"] + " " + listed["STT"].astype(str)

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
    mine = (listed["Kế hoạch"] == "KH-SKHCN-2025") & (listed["STT"] == 16)
    open_row(page, int(listed.index[mine][0]))
    shown = texts(page)
    assert "20/12/2025 (hạn dự kiến) — Thời hạn dự kiến (theo hướng dẫn, lộ trình)" in shown
    assert "Theo lộ trình Bộ Công an (20/12/2025)" in shown


def test_without_a_selected_row_the_page_says_how_to_open_one(page: AppTest) -> None:
    page.run()
    assert "Bấm vào một dòng để xem toàn bộ hồ sơ của nhiệm vụ." in [c.value for c in page.caption]
    assert "Hồ sơ nhiệm vụ" not in [s.value for s in page.subheader]
