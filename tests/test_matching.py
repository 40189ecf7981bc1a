"""Matching file rows to stored tasks: by plan, section and number, else by name similarity."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from data_access.db import session_scope
from data_access.imports.matching import (
    CONFIRM_AT,
    MIN_SCORE,
    Candidate,
    Matcher,
    MatchMethod,
    id_batches,
    kpi_matcher,
    number_key,
    task_matcher,
)
from data_access.models import Plan, Task
from tests.backends import ON_BOTH_DATABASES
from tests.upload_db import PLAN_CODE, TASKS, fresh_engine, planned_engine

pytestmark = ON_BOTH_DATABASES

STRATEGY = "Xây dựng Chiến lược chuyển đổi số của tỉnh giai đoạn 2026-2030"
RULES = "Ban hành quy chế quản lý, khai thác dữ liệu dùng chung của tỉnh"
SECURITY = "Triển khai trung tâm giám sát an ninh mạng tập trung cho các hệ thống trọng yếu"
OTHER_PLAN_TASK = "Tổ chức hội thảo về đổi mới sáng tạo trong doanh nghiệp"
MATCHER = Matcher(
    [
        Candidate(1, "KH-01", "I", "1", STRATEGY),
        Candidate(2, "KH-01", "I", "2", RULES),
        Candidate(3, "KH-01", "II", "1", SECURITY),
        Candidate(4, "KH-02", "", "1", OTHER_PLAN_TASK),
    ]
)


@pytest.mark.parametrize(
    ("plan", "section", "number", "name", "expected"),
    [
        # plan, section and number, names agreeing
        ("KH-01", "I", "1", STRATEGY, (1, MatchMethod.NUMBER, 100.0)),
        ("KH-01", "i", "1.", STRATEGY, (1, MatchMethod.NUMBER, 100.0)),
        # no name in the file: the number alone decides
        ("KH-01", "II", "1", "", (3, MatchMethod.NUMBER, 100.0)),
        # renumbered: the name belongs to another task of the plan
        ("KH-01", "I", "1", RULES, (2, MatchMethod.NAME, 100.0)),
        ("KH-01", "I", "7", SECURITY, (3, MatchMethod.NAME, 100.0)),
        # case, diacritics and spacing do not matter
        ("KH-01", "I", "9", "BAN HANH QUY CHE QUAN LY,  KHAI THAC DU LIEU DUNG CHUNG CUA TINH",
         (2, MatchMethod.NAME, 100.0)),
        # no plan given: any plan's task, by name
        ("", "", "5", OTHER_PLAN_TASK, (4, MatchMethod.NAME, 100.0)),
        # a plan given: another plan's task is never chosen
        ("KH-01", "", "5", OTHER_PLAN_TASK, None),
        # nothing alike
        ("KH-01", "III", "4", "Mua sắm trang thiết bị phòng cháy chữa cháy", None),
    ],
)  # fmt: skip
def test_match(
    plan: str,
    section: str,
    number: str,
    name: str,
    expected: tuple[int, MatchMethod, float] | None,
) -> None:
    match = MATCHER.match(plan_code=plan, section=section, number=number, name=name)
    found = (match.row_id, match.method, match.score) if match else None
    assert found == expected


def test_a_shortened_name_is_a_suggestion_to_confirm() -> None:
    match = MATCHER.match(
        plan_code="KH-01", section="I", number="8", name="Quy chế dữ liệu dùng chung"
    )
    assert match is not None
    assert match.row_id == 2
    assert MIN_SCORE <= match.score < CONFIRM_AT
    assert not match.sure


def test_a_number_with_a_somewhat_different_name_is_a_suggestion() -> None:
    match = MATCHER.match(
        plan_code="KH-01", section="II", number="1", name="Giám sát an ninh mạng tập trung"
    )
    assert match is not None
    assert (match.row_id, match.method) == (3, MatchMethod.NUMBER)
    assert MIN_SCORE <= match.score < CONFIRM_AT


def test_a_number_with_an_unrelated_name_is_no_match() -> None:
    match = MATCHER.match(
        plan_code="KH-01", section="II", number="1", name="Mua sắm xe ô tô chuyên dùng"
    )
    assert match is None


@pytest.mark.parametrize(("number", "key"), [("1", "1"), ("1.", "1"), (" 2.1 ", "2.1")])
def test_number_key(number: str, key: str) -> None:
    assert number_key(number) == key


@given(st.text(), st.text(), st.text(), st.text())
def test_match_never_raises(plan: str, section: str, number: str, name: str) -> None:
    match = MATCHER.match(plan_code=plan, section=section, number=number, name=name)
    assert match is None or 0 <= match.score <= 100


# --- Matchers built from the database ---


def test_task_matcher_reads_the_stored_tasks_of_the_given_plans() -> None:
    engine = planned_engine()
    with session_scope(engine) as session:
        plan = Plan(code="KH-02")
        session.add(plan)
        session.flush()
        session.add(Task(plan_id=plan.id or 0, number="1", name=OTHER_PLAN_TASK))
        session.flush()
        everything = task_matcher(session=session)
        only_ours = task_matcher(session=session, plan_codes=[PLAN_CODE])
        kpis = kpi_matcher(session=session, plan_codes=[PLAN_CODE])
    assert len(everything.candidates) == len(TASKS) + 1
    assert [(c.section, c.number) for c in only_ours.candidates] == [t[:2] for t in TASKS]
    assert [c.number for c in kpis.candidates] == ["1", "2"]


def test_an_empty_database_matches_nothing() -> None:
    with session_scope(fresh_engine()) as session:
        matcher = task_matcher(session=session)
    assert matcher.match(plan_code="", section="", number="1", name=STRATEGY) is None


@pytest.mark.parametrize(
    ("ids", "size", "batches"),
    [
        ([], 3, []),
        ([5, 1, 5, 2], 3, [[1, 2, 5]]),
        (range(7), 3, [[0, 1, 2], [3, 4, 5], [6]]),
    ],
)
def test_id_batches(ids: list[int], size: int, batches: list[list[int]]) -> None:
    assert list(id_batches(ids, size)) == batches
