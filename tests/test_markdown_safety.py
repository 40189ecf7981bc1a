"""Pages under AppTest with a Markdown payload as plan code and as agency name.

Every element that renders Markdown (captions, titles, alerts, metric labels…)
must receive the payload escaped (ui.safe_text.literal), never as markup; the
filter caption names both payloads. The browser test checks the rendered caption.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from data_access.db import get_engine, session_scope
from data_access.models import Task
from tests.hostile_db import AGENCY_PAYLOAD, MARKUP, PLAN_PAYLOAD, hostile_copy
from tests.pages_db import REPO_ROOT, open_through_app, page_test
from tests.sample_tasks import ADJUSTED, ADJUSTING, task_id
from ui.safe_text import literal
from ui.state import StateKey
from ui.task_links import TASK_PARAM

AS_OF = "2026-11-23"
PAGES = [
    *("1_Tong_quan", "2_Theo_co_quan", "3_Han_hoan_thanh", "4_Chi_tieu", "5_Qua_han"),
    "12_Danh_muc_nhiem_vu",
]
MARKDOWN_ELEMENTS = (
    *("markdown", "caption", "title", "header", "subheader"),
    *("info", "warning", "error", "success", "toast"),
)


@pytest.fixture(scope="module")
def hostile_url(sample_file: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    copy = tmp_path_factory.mktemp("hostile") / "nq57.sqlite"
    return f"sqlite:///{hostile_copy(sample_file, copy)}"


def markdown_bodies(at: AppTest) -> Iterator[str]:
    """The text of every element and label the page sent that Streamlit reads as Markdown."""
    for kind in MARKDOWN_ELEMENTS:
        for element in getattr(at, kind):
            yield str(element.value)
    for metric in at.metric:
        yield from (metric.label, str(metric.value), metric.proto.delta)
    for widget in (*at.multiselect, *at.selectbox, *at.radio, *at.checkbox, *at.button):
        yield from (widget.label, widget.help or "")
    for link in at.get("link_button"):
        yield from (link.proto.label, link.proto.help)


@pytest.mark.parametrize("page", PAGES)
def test_payloads_reach_markdown_only_escaped(
    page: str, hostile_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    query = {"plan": PLAN_PAYLOAD, "agency": AGENCY_PAYLOAD, "as_of": AS_OF}
    at = page_test(monkeypatch, hostile_url, REPO_ROOT / "app_pages" / f"{page}.py", query).run()
    assert not at.exception
    caption = at.caption[0].value
    assert literal(PLAN_PAYLOAD) in caption and literal(AGENCY_PAYLOAD) in caption
    bodies = list(markdown_bodies(at))
    assert [body for body in bodies if any(fragment in body for fragment in MARKUP)] == []


def test_the_payload_plan_is_offered_as_plain_options(
    hostile_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Select options are not Markdown: the payloads are offered exactly as stored."""
    at = page_test(monkeypatch, hostile_url, REPO_ROOT / "app_pages" / f"{PAGES[0]}.py").run()
    assert PLAN_PAYLOAD in at.multiselect(key=StateKey.PLANS).options
    assert AGENCY_PAYLOAD in at.multiselect(key=StateKey.AGENCIES).options


def test_the_public_page_shows_the_payloads_as_typed(
    hostile_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Công khai, with the payload plan and agency chosen: tables show them as stored."""
    query = {StateKey.PUBLIC_PLANS: PLAN_PAYLOAD, StateKey.PUBLIC_AGENCY: AGENCY_PAYLOAD}
    at = page_test(
        monkeypatch, hostile_url, REPO_ROOT / "app_pages" / "11_Cong_khai.py", query
    ).run()
    assert not at.exception
    tasks = next(df.value for df in at.dataframe if "Nhiệm vụ" in df.value.columns)
    assert set(tasks["Kế hoạch"]) == {PLAN_PAYLOAD}
    assert all(AGENCY_PAYLOAD in names.split("; ") for names in tasks["Cơ quan chủ trì"])
    bodies = list(markdown_bodies(at))
    assert [body for body in bodies if any(fragment in body for fragment in MARKUP)] == []


def test_a_lineage_link_shows_a_hostile_task_name_as_typed(
    sample_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The link to the adjusted task carries its name in a Markdown label: escaped."""
    url = f"sqlite:///{hostile_copy(sample_file, tmp_path / 'nq57.sqlite')}"
    with session_scope(get_engine(url)) as session:
        adjusted = session.get(Task, task_id(url, *ADJUSTED))
        assert adjusted is not None
        adjusted.name = f"{PLAN_PAYLOAD} {AGENCY_PAYLOAD}"
        session.add(adjusted)
    query = {"as_of": AS_OF, TASK_PARAM: str(task_id(url, *ADJUSTING))}
    at = open_through_app(monkeypatch, url, "app_pages/13_Ho_so_nhiem_vu.py", query)
    labels = [link.proto.label for link in at.get("link_button")]
    assert len(labels) == 1 and literal(AGENCY_PAYLOAD) in labels[0]
    bodies = list(markdown_bodies(at))
    assert [body for body in bodies if any(fragment in body for fragment in MARKUP)] == []


@pytest.mark.parametrize("page", PAGES)
def test_presented_tables_get_the_payloads_escaped(
    page: str, hostile_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While presenting, tables are st.table, which reads Markdown in every cell and
    heading (ui.presented_table): the payloads arrive escaped."""
    query = {"plan": PLAN_PAYLOAD, "agency": AGENCY_PAYLOAD, "as_of": AS_OF}
    presenting = {**query, StateKey.PRESENTATION: "1"}
    at = page_test(monkeypatch, hostile_url, REPO_ROOT / "app_pages" / f"{page}.py", presenting)
    at.run()
    assert not at.exception
    assert not at.dataframe  # every table static while presenting
    cells = [
        str(text)
        for table in at.table
        for text in [*table.value.columns, *table.value.to_numpy().ravel()]
    ]
    assert [cell for cell in cells if any(fragment in cell for fragment in MARKUP)] == []
    if page == "5_Qua_han":  # its list names each task's lead agency
        assert literal(AGENCY_PAYLOAD) in cells
