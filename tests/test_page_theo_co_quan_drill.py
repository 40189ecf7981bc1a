"""Theo cơ quan's units switch (a body counts its units' tasks) and the drill-down from a
row or a bar to the agency's tasks."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.pages_db import page_test
from tests.theo_co_quan_page import AS_OF, EDUCATION, GROUP, PAGE, SKHCN, STAFF, ranking, select_row
from ui.state import StateKey


@pytest.fixture
def page(sample_url: str, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    return page_test(monkeypatch, sample_url, PAGE, {"as_of": AS_OF.isoformat()})


SKHCN_UNITS = {  # 002's lead column: every task led by one of them (20 tasks)
    "Phòng Chuyển đổi số (Sở KH&CN)": 11,  # tasks 1, 4–7, 10, 13, 14, 16, 17, 19
    "Trung tâm Công nghệ thông tin và Truyền thông (Sở KH&CN)": 4,  # 8, 11, 18, 20
    "Văn phòng Sở (Sở KH&CN)": 2,  # 2, 3
    "Phòng Kế hoạch - Tài chính (Sở KH&CN)": 2,  # 9, 12
    "Phòng Quản lý công nghệ và Đổi mới sáng tạo (Sở KH&CN)": 1,  # 15
}
STAND_IN = "Đơn vị ban hành DC-CT-NV-2026"  # 004 names no issuing body


def test_the_units_switch_rolls_units_into_their_body(page: AppTest) -> None:
    flat = ranking(page.run()).set_index("Cơ quan chủ trì")
    page.checkbox(key=StateKey.INCLUDE_UNITS).check().run()
    rolled = ranking(page)
    names = rolled["Cơ quan chủ trì"].tolist()
    # the Sở gains the 20 tasks of 002, all led by its units and none by itself
    body = names.index(SKHCN)
    assert rolled["Tổng số"].iloc[body] == flat.loc[SKHCN, "Tổng số"] + 20
    # its units come right below it, marked, each with its own count unchanged
    beneath = names[body + 1 : body + 1 + len(SKHCN_UNITS)]
    assert sorted(beneath) == sorted(f"↳ {unit}" for unit in SKHCN_UNITS)
    for unit, count in SKHCN_UNITS.items():
        assert flat.loc[unit, "Tổng số"] == count
        assert rolled.set_index("Cơ quan chủ trì").loc[f"↳ {unit}", "Tổng số"] == count
    # 004's units gather under the body that issued it: its 21 tasks
    stand_in = names.index(STAND_IN)
    assert rolled["Tổng số"].iloc[stand_in] == 21
    assert names[stand_in + 1].startswith("↳ ") and names[stand_in + 1].endswith(
        "(đơn vị ban hành DC-CT-NV-2026)"
    )
    assert any(c.value.startswith("Đang gồm các đơn vị thuộc Sở") for c in page.caption)


def test_without_the_switch_no_unit_is_rolled_up(page: AppTest) -> None:
    names = ranking(page.run())["Cơ quan chủ trì"].tolist()
    assert not any(name.startswith("↳ ") for name in names)
    assert STAND_IN not in names  # it leads nothing itself


def test_a_body_clicked_with_the_switch_lists_its_units_tasks(
    page: AppTest, sample_url: str
) -> None:
    page.query_params["units"] = "true"
    rolled = ranking(page.run())
    row = rolled["Cơ quan chủ trì"].tolist().index(SKHCN)
    select_row(page, row)
    page.run()
    assert page.text[0].value == SKHCN
    tasks = page.dataframe[1].value
    assert len(tasks) == rolled["Tổng số"].iloc[row]
    assert set(tasks["Kế hoạch"]) >= {"KH-SKHCN-2025"}


# --- Drill-down: a row or a bar opens the agency's tasks ---


def test_no_task_list_until_an_agency_is_chosen(page: AppTest) -> None:
    page.run()
    assert len(page.dataframe) == 1
    assert not page.text


# DC-CT-NV-2026 (seed 004, Phụ lục 02): the lead cells name "GDTX, GDNN&ĐH (2)" in task 1,
# "GDTX, GDNN&ĐH" in 12 and "Phòng GDTX, GDNN&ĐH" in 14 and 15; "Văn phòng, TCCB" in 13.
@pytest.mark.parametrize(("unit", "numbers"), [(EDUCATION, [1, 12, 14, 15]), (STAFF, [13])])
def test_clicking_a_row_lists_its_tasks(page: AppTest, unit: str, numbers: list[int]) -> None:
    page.query_params["plan"] = "DC-CT-NV-2026"
    row = ranking(page.run())["Cơ quan chủ trì"].tolist().index(unit)
    select_row(page, row)
    page.run()
    assert page.text[0].value == unit
    tasks = page.dataframe[1].value
    assert set(tasks["Kế hoạch"]) == {"DC-CT-NV-2026"}
    assert sorted(tasks["STT"].tolist()) == numbers  # sent as numbers
    assert tasks["Hạn hoàn thành"].dropna().is_monotonic_increasing


def test_clicking_a_bar_lists_its_tasks(page: AppTest) -> None:
    page.run()
    page.session_state[StateKey.AGENCY_CHART] = {"selection": {"agency_pick": [{"agency": GROUP}]}}
    page.run()
    assert not page.exception
    assert page.text[0].value == GROUP
    tasks = page.dataframe[1].value
    # Seed 000 (Phụ lục II, PL-II-2026) is the only plan whose lead column names the sở,
    # ban, ngành and localities together: tasks 2, 7, 8, 14, 15, 17, 19, 25, 26, 27 as
    # "Các sở, ban, ngành, địa phương", 5, 6, 11 without the comma (28's "Các Sở, ban,
    # ngành" leaves out the localities).
    assert set(tasks["Kế hoạch"]) == {"PL-II-2026"}
    numbers = [2, 5, 6, 7, 8, 11, 14, 15, 17, 19, 25, 26, 27]
    assert sorted(tasks["STT"].tolist()) == numbers  # sent as numbers
