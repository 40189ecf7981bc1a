"""Theo cơ quan's plotly drill-down: plan → agency → status → task; a click narrows the list."""

from __future__ import annotations

import json
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from charts.drilldown import node_id
from tests.pages_db import page_test
from tests.theo_co_quan_page import AS_OF, GROUP, PAGE
from ui.explore import TOOLBAR_NOTE
from ui.state import StateKey
from ui.task_links import task_record_url

PLAN = "KH-SKHCN-2025"  # seed 002: every task led by one unit of the Sở KH&CN (20 tasks)
DIGITAL = "Phòng Chuyển đổi số (Sở KH&CN)"  # leads tasks 1, 4–7, 10, 13, 14, 16, 17, 19


@pytest.fixture
def page(sample_url: str, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    return page_test(monkeypatch, sample_url, PAGE, {"as_of": AS_OF.isoformat(), "plan": PLAN})


def treemap(at: AppTest) -> dict[str, Any]:
    assert not at.exception
    (chart,) = at.get("plotly_chart")
    (trace,) = json.loads(chart.proto.spec)["data"]  # type: ignore[attr-defined]
    return dict(trace)


def click(at: AppTest, node: tuple[object, ...]) -> AppTest:
    point = {"id": node_id(node), "label": str(node[-1]), "curve_number": 0}
    at.session_state[StateKey.DRILLDOWN_CHART] = {"selection": {"points": [point]}}
    return at.run()


def test_the_treemap_sizes_plans_and_agencies_by_their_tasks(page: AppTest) -> None:
    trace = treemap(page.run())
    values = dict(zip(trace["ids"], trace["values"], strict=True))
    assert values[node_id((PLAN,))] == 20
    assert values[node_id((PLAN, DIGITAL))] == 11
    assert TOOLBAR_NOTE in [caption.value for caption in page.caption]


def test_clicking_an_agency_narrows_the_task_list_to_it(page: AppTest) -> None:
    page.run()
    click(page, (PLAN, DIGITAL))
    assert not page.exception
    assert page.subheader[-1].value == "Nhiệm vụ của phần đã chọn"
    assert page.text[-1].value == f"{PLAN} › {DIGITAL}"
    tasks = page.dataframe[-1].value
    numbers = [1, 4, 5, 6, 7, 10, 13, 14, 16, 17, 19]
    assert sorted(tasks["STT"].tolist()) == numbers  # sent as numbers
    assert set(tasks["Kế hoạch"]) == {PLAN}


def test_clicking_a_task_offers_its_record(page: AppTest) -> None:
    trace = treemap(page.run())
    leaf = next(json.loads(i) for i in trace["ids"] if len(json.loads(i)) == 4)
    click(page, tuple(leaf))
    assert len(page.dataframe[-1].value) == 1
    (button,) = page.get("link_button")
    assert button.proto.url == task_record_url(leaf[3])  # type: ignore[attr-defined]


def test_nothing_clicked_no_narrowed_list(page: AppTest) -> None:
    page.run()
    assert "Nhiệm vụ của phần đã chọn" not in [s.value for s in page.subheader]


def test_a_bar_clicked_above_narrows_the_treemap_to_its_agency(
    sample_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = page_test(monkeypatch, sample_url, PAGE, {"as_of": AS_OF.isoformat()})
    at.run()
    at.session_state[StateKey.AGENCY_CHART] = {"selection": {"agency_pick": [{"agency": GROUP}]}}
    trace = treemap(at.run())
    agencies = {json.loads(i)[1] for i in trace["ids"] if len(json.loads(i)) == 2}
    assert agencies == {GROUP}
    # 13 tasks of PL-II-2026 name the sở, ban, ngành and localities together (the drill test)
    assert trace["values"][trace["ids"].index(node_id(("PL-II-2026",)))] == 13
