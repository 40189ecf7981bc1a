"""A task's lineage and imports on the sample plans: links both ways, text when not loaded."""

from __future__ import annotations

import pytest

from data_access.db import get_engine, session_scope
from data_access.models import Plan
from data_access.queries.lineage import matching_plans
from data_access.queries.task_record import TaskDetail, task_detail
from loaders.lineage import Change
from tests.sample_tasks import ADJUSTED, ADJUSTING, NAMES_AN_UNLOADED_TASK, task_id


def detail_of(url: str, plan_code: str, number: str) -> TaskDetail:
    with session_scope(get_engine(url)) as session:
        detail = task_detail(session=session, task_id=task_id(url, plan_code, number))
    assert detail is not None
    return detail


def test_seed_003_row_1_links_to_seed_000_task_3(sample_url: str) -> None:
    lineage = detail_of(sample_url, *ADJUSTING).lineage
    assert lineage.reference is not None and lineage.reference.change is Change.RENAMED
    assert lineage.adjusts is not None
    assert (lineage.adjusts.plan_code, lineage.adjusts.number) == ADJUSTED
    assert lineage.adjusts.task_id == task_id(sample_url, *ADJUSTED)


def test_seed_000_task_3_is_adjusted_by_seed_003_row_1(sample_url: str) -> None:
    lineage = detail_of(sample_url, *ADJUSTED).lineage
    assert lineage.reference is None  # seed 000 has no adjustment column
    assert [(t.plan_code, t.number, r.change) for t, r in lineage.adjusted_by] == [
        (*ADJUSTING, Change.RENAMED)
    ]


def test_a_task_the_loaded_plan_does_not_hold_stays_text(sample_url: str) -> None:
    lineage = detail_of(sample_url, *NAMES_AN_UNLOADED_TASK).lineage
    assert lineage.reference is not None and lineage.reference.task_number == "122"
    assert lineage.adjusts is None


def test_a_new_task_names_none_and_nothing_names_it(sample_url: str) -> None:
    lineage = detail_of(sample_url, "DM-BS-2026", "2").lineage  # "Nhiệm vụ bổ sung theo …"
    assert lineage.reference is not None and lineage.reference.change is Change.ADDED
    assert (lineage.adjusts, lineage.adjusted_by) == (None, ())


@pytest.mark.parametrize(
    ("document", "matched"),
    [
        ("Phụ lục II", ["A"]),
        ("phu luc ii", ["A"]),  # no case, no diacritics
        ("Phụ lục III", ["B"]),
        ("Phụ lục I", []),  # "Phụ lục II" does not start with the word "I"
        ("", []),
    ],
)
def test_a_document_names_the_plan_whose_title_starts_with_it(
    document: str, matched: list[str]
) -> None:
    plans = [
        Plan(code="A", title="Phụ lục II: Danh mục các nhiệm vụ trọng tâm"),
        Plan(code="B", title="Phụ lục III: Danh mục khác"),
    ]
    assert [p.code for p in matching_plans(plans, document)] == matched


def test_the_imports_that_touched_a_task(sample_url: str) -> None:
    imports = detail_of(sample_url, *ADJUSTED).imports
    # seed 000's workbook made the task; the illustrative progress file reported on it
    assert imports["file_name"].tolist() == [
        "000_phu_luc_II_nhiem_vu_2026.xlsx",
        "tien_do_MINH_HOA_illustrative.xlsx",
    ]
    assert imports["kind"].tolist() == ["sample", "progress"]
    assert imports["undone_at"].isna().all()
