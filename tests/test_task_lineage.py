"""A task's lineage and imports on the sample plans: links both ways, text when not loaded."""

from __future__ import annotations

import pytest

from data_access.db import get_engine, session_scope
from data_access.models import Plan
from data_access.queries.lineage import matching_plans
from data_access.queries.task_record import TaskDetail, task_detail
from loaders.lineage import Change, TaskReference
from tests.sample_tasks import ADJUSTED, ADJUSTING, NAMES_AN_UNLOADED_TASK, task_id
from tests.tb02_plan import NAMES_TB02_1, NAMES_TB02_6, load_tb02


def detail_of(url: str, plan_code: str, number: str) -> TaskDetail:
    with session_scope(get_engine(url)) as session:
        detail = task_detail(session=session, task_id=task_id(url, plan_code, number))
    assert detail is not None
    return detail


def test_seed_003_row_1_links_to_seed_000_task_3(sample_url: str) -> None:
    [(reference, adjusts)] = detail_of(sample_url, *ADJUSTING).lineage.references
    assert reference.change is Change.RENAMED
    assert adjusts is not None
    assert (adjusts.plan_code, adjusts.number) == ADJUSTED
    assert adjusts.task_id == task_id(sample_url, *ADJUSTED)


def test_seed_000_task_3_is_adjusted_by_seed_003_row_1(sample_url: str) -> None:
    lineage = detail_of(sample_url, *ADJUSTED).lineage
    assert lineage.references == ()  # seed 000 has no adjustment or reference column
    assert [(t.plan_code, t.number, r.change) for t, r in lineage.named_by] == [
        (*ADJUSTING, Change.RENAMED)
    ]


def test_a_task_the_loaded_plan_does_not_hold_stays_text(sample_url: str) -> None:
    [(reference, adjusts)] = detail_of(sample_url, *NAMES_AN_UNLOADED_TASK).lineage.references
    assert reference.task_number == "122"
    assert adjusts is None


def test_a_new_task_names_none_and_nothing_names_it(sample_url: str) -> None:
    lineage = detail_of(sample_url, "DM-BS-2026", "2").lineage  # "Nhiệm vụ bổ sung theo …"
    [(reference, adjusts)] = lineage.references
    assert reference.change is Change.ADDED
    assert (adjusts, lineage.named_by) == (None, ())


@pytest.mark.parametrize(
    ("document", "matched"),
    [
        ("Phụ lục II", ["A"]),
        ("phu luc ii", ["A"]),  # no case, no diacritics
        ("Phụ lục III", ["B"]),
        ("Phụ lục I", []),  # "Phụ lục II" does not start with the word "I"
        ("", []),
        # a document whose letters and digits are a plan's code: seed 004's "STT (TB02)"
        ("TB02", ["TB-02"]),
        ("TB 02", ["TB-02"]),
        ("tb-02", ["TB-02"]),
        ("TB2", []),
        ("TB020", []),
    ],
)
def test_a_document_names_the_plan_whose_title_starts_with_it(
    document: str, matched: list[str]
) -> None:
    plans = [
        Plan(code="A", title="Phụ lục II: Danh mục các nhiệm vụ trọng tâm"),
        Plan(code="B", title="Phụ lục III: Danh mục khác"),
        Plan(code="TB-02", title="Thông báo kết luận của Ban Chỉ đạo"),
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


# --- seed 004's "STT (TB02)" numbers ---


def test_seed_004_names_tb02_as_text_while_tb02_is_not_loaded(sample_url: str) -> None:
    seed_task, _tb02_task = NAMES_TB02_1
    lineage = detail_of(sample_url, *seed_task).lineage
    assert lineage.references == ((TaskReference(Change.NUMBERED, "1", "TB02", ""), None),)


def test_a_loaded_tb02_links_both_ways(sample_copy_url: str) -> None:
    load_tb02(sample_copy_url)
    for seed_task, tb02_task in (NAMES_TB02_1, NAMES_TB02_6):
        [(reference, named)] = detail_of(sample_copy_url, *seed_task).lineage.references
        assert named is not None and named.task_id == task_id(sample_copy_url, *tb02_task)
        named_by = detail_of(sample_copy_url, *tb02_task).lineage.named_by
        assert [(t.task_id, r) for t, r in named_by] == [
            (task_id(sample_copy_url, *seed_task), reference)
        ]


def test_two_plans_coded_like_tb02_leave_the_number_as_text(sample_copy_url: str) -> None:
    load_tb02(sample_copy_url, "TB02")
    load_tb02(sample_copy_url, "TB-02")  # "TB-02" names TB02 as well: which one is unknown
    seed_task, tb02_task = NAMES_TB02_1
    [(_, named)] = detail_of(sample_copy_url, *seed_task).lineage.references
    assert named is None
    assert detail_of(sample_copy_url, *tb02_task).lineage.named_by == ()
