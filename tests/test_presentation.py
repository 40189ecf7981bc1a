"""Presentation mode through app.py (AppTest): ``?trinh_chieu=1`` on every dashboard page,
the previous / next page buttons in menu order, and the switch that sets the address."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.pages_db import APP, open_through_app, page_test
from ui.presentation import NEXT_KEY, PRESENTATION_CSS, PREVIOUS_KEY
from ui.state import StateKey

# The dashboards in the menu's order (issue 15: a leader presents them in turn).
DASHBOARDS = [
    ("app_pages/1_Tong_quan.py", "Tổng quan"),
    ("app_pages/2_Theo_co_quan.py", "Theo cơ quan"),
    ("app_pages/3_Han_hoan_thanh.py", "Hạn hoàn thành"),
    ("app_pages/4_Chi_tieu.py", "Chỉ tiêu"),
    ("app_pages/5_Qua_han.py", "Quá hạn"),
    ("app_pages/12_Danh_muc_nhiem_vu.py", "Danh mục nhiệm vụ"),
]
PRESENTING = {StateKey.PRESENTATION: "1"}


def presents(at: AppTest) -> bool:
    return any(PRESENTATION_CSS.strip() in html.proto.body for html in at.html)


def title(at: AppTest) -> str:
    assert not at.exception
    return str(at.title[0].value)


@pytest.mark.parametrize(("path", "heading"), DASHBOARDS)
def test_every_dashboard_page_presents_from_the_address(
    sample_url: str, monkeypatch: pytest.MonkeyPatch, path: str, heading: str
) -> None:
    at = open_through_app(monkeypatch, sample_url, path, PRESENTING)
    assert title(at) == heading
    assert presents(at)
    assert at.toggle(key=StateKey.PRESENTATION).value is True


def test_the_older_true_still_presents(sample_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    at = page_test(monkeypatch, sample_url, APP, {StateKey.PRESENTATION: "true"}).run()
    assert title(at) == "Tổng quan"
    assert presents(at)


def test_next_walks_the_dashboards_in_menu_order_and_keeps_presenting(
    sample_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = page_test(monkeypatch, sample_url, APP, PRESENTING).run()
    seen = [title(at)]
    assert at.button(key=PREVIOUS_KEY).disabled  # nothing before the first page
    while not at.button(key=NEXT_KEY).disabled:
        at.button(key=NEXT_KEY).click().run()
        seen.append(title(at))
        assert presents(at)
        assert at.query_params[StateKey.PRESENTATION] == "1"
    assert seen == [heading for _, heading in DASHBOARDS]
    at.button(key=PREVIOUS_KEY).click().run()
    assert title(at) == DASHBOARDS[-2][1]
    assert presents(at)


def test_the_switch_sets_and_clears_the_address(
    sample_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = open_through_app(monkeypatch, sample_url, "app_pages/4_Chi_tieu.py")
    assert not presents(at)
    assert not [button for button in at.button if button.key in (PREVIOUS_KEY, NEXT_KEY)]
    at.toggle(key=StateKey.PRESENTATION).set_value(True).run()
    assert presents(at)
    assert at.query_params[StateKey.PRESENTATION] == "1"
    at.toggle(key=StateKey.PRESENTATION).set_value(False).run()
    assert not presents(at)
    assert StateKey.PRESENTATION not in at.query_params


def test_other_pages_have_no_presentation_switch(
    sample_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = open_through_app(monkeypatch, sample_url, "app_pages/7_Bao_cao.py", PRESENTING)
    assert not presents(at)
    assert StateKey.PRESENTATION not in [toggle.key for toggle in at.toggle]


def test_the_menu_links_keep_presenting_on_dashboards_only(
    sample_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = page_test(monkeypatch, sample_url, APP, PRESENTING).run()
    links = {link.proto.label: link.proto.query_string for link in at.sidebar.get("page_link")}
    assert [links[heading] for _, heading in DASHBOARDS] == ["trinh_chieu=1"] * len(DASHBOARDS)
    assert links["Báo cáo và xuất"] == ""


def test_a_tasks_record_presents_without_page_buttons(
    sample_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The record opens from links, not in the sequence: large type, no previous / next."""
    at = open_through_app(monkeypatch, sample_url, "app_pages/13_Ho_so_nhiem_vu.py", PRESENTING)
    assert presents(at)
    assert not [button for button in at.button if button.key in (PREVIOUS_KEY, NEXT_KEY)]
