"""Recognising an upload: a new plan, an update of a stored plan, progress, or KPI results."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from data_access.db import session_scope
from data_access.imports.kind import KindGuess, carries_progress, recognise, suggest_plan_code
from data_access.kinds import ImportKind
from loaders.load import load_bytes
from loaders.records import TaskRecord
from tests.backends import ON_BOTH_DATABASES
from tests.upload_db import (
    PLAN_CODE,
    SKHCN,
    TASKS,
    fresh_engine,
    kpi_rows,
    plan_file,
    planned_engine,
    progress_file,
    report,
    workbook,
)

pytestmark = ON_BOTH_DATABASES

OTHER_TASKS = [
    ("", "1", "Tổ chức cuộc thi khởi nghiệp đổi mới sáng tạo", SKHCN, "", "Tháng 10/2026"),
    ("", "2", "Hỗ trợ doanh nghiệp đăng ký bảo hộ quyền sở hữu trí tuệ", SKHCN, "", "Năm 2026"),
]
EVALUATION_HEADER = ("STT", "Tên nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành", "Đánh giá")


def _recognise(engine: Engine, data: bytes, name: str = "tep.xlsx") -> KindGuess:
    result = load_bytes(data, name)
    with session_scope(engine) as session:
        return recognise(session=session, result=result)


def _evaluated(evaluation: str) -> bytes:
    rows = [list(EVALUATION_HEADER)]
    rows += [[n, name, lead, deadline, evaluation] for _, n, name, lead, _, deadline in TASKS[:2]]
    return workbook({"Nhiệm vụ": rows})


@pytest.mark.parametrize(
    ("data", "kind", "plan", "new_plan"),
    [
        # a plan none of whose tasks is stored
        (plan_file(OTHER_TASKS, with_kpis=False), ImportKind.PLAN, "KE-HOACH-MOI-2026", True),
        # the stored plan's own table again: a revision of that plan
        (plan_file(), ImportKind.PLAN, PLAN_CODE, False),
        # progress rows naming their plan
        (progress_file([report("I", "1", "Đang thực hiện")]), ImportKind.PROGRESS, PLAN_CODE,
         False),
        # progress rows with no plan column, found by their names
        (progress_file([report("I", "1", "Đang thực hiện", plan=""),
                        report("I", "2", "Đang thực hiện", plan="")]),
         ImportKind.PROGRESS, PLAN_CODE, False),
        # the plan's table sent back with Đánh giá filled in
        (_evaluated("Đã trình UBND tỉnh dự thảo"), ImportKind.PROGRESS, PLAN_CODE, False),
        # KPI results per period for the stored KPIs
        (workbook({"Chỉ tiêu": kpi_rows(results={"Kết quả Quý I/2026": [70, 40]})}),
         ImportKind.KPI_ACTUALS, PLAN_CODE, False),
        # KPIs no plan holds yet
        (workbook({"Chỉ tiêu": kpi_rows([("1", "Số sáng chế được cấp bằng", "10")])}),
         ImportKind.PLAN, "KE-HOACH-MOI-2026", True),
    ],
)  # fmt: skip
def test_recognise(data: bytes, kind: ImportKind, plan: str, new_plan: bool) -> None:
    guess = _recognise(planned_engine(), data, "Ke hoach moi 2026.xlsx")
    assert (guess.kind, guess.plan_code, guess.new_plan) == (kind, plan, new_plan)
    assert guess.reason.endswith(".")


def test_progress_for_several_plans_names_them_all() -> None:
    rows = [report("I", "1", "Đang thực hiện"), report("I", "1", "Đang thực hiện", plan="KH-02")]
    guess = _recognise(planned_engine(), progress_file(rows))
    assert (guess.kind, guess.plan_code) == (ImportKind.PROGRESS, "")
    assert "KH-01, KH-02" in guess.reason


def test_everything_is_a_new_plan_on_an_empty_database() -> None:
    guess = _recognise(fresh_engine(), plan_file(), "001_ke_hoach_92A_KH-UBND.xlsx")
    assert guess == KindGuess(
        ImportKind.PLAN,
        "001-KE-HOACH-92A-KH-UBND",
        new_plan=True,
        reason="Các nhiệm vụ, chỉ tiêu trong tệp chưa có trong cơ sở dữ liệu: đây là kế hoạch mới.",
    )


def test_an_unchanged_evaluation_is_a_plan_revision() -> None:
    engine = planned_engine()
    assert _recognise(engine, _evaluated("")).kind is ImportKind.PLAN


@pytest.mark.parametrize(
    ("file_name", "code"),
    [
        ("001_ke_hoach_92A_KH-UBND.xlsx", "001-KE-HOACH-92A-KH-UBND"),
        ("Kế hoạch số 5.docx", "K-HO-CH-S-5"),
        ("....xlsx", "KE-HOACH-MOI"),
        ("a" * 80 + ".xlsx", "A" * 40),
    ],
)
def test_suggest_plan_code(file_name: str, code: str) -> None:
    assert suggest_plan_code(file_name) == code


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({}, False),
        ({"evaluation": "Tốt", "description": "Đang làm"}, False),  # plan columns too
        ({"status": "Đang thực hiện"}, True),
        ({"plan_code": PLAN_CODE}, True),
        ({"evidence": "Văn bản số 1"}, True),
    ],
)
def test_carries_progress(fields: dict[str, str], expected: bool) -> None:
    assert carries_progress(TaskRecord(number="1", name="x", **fields)) is expected
