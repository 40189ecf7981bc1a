"""Which problems block an import, by kind of import."""

from __future__ import annotations

import pytest

from data_access.imports.validation import blocking, validate
from data_access.kinds import ImportKind
from loaders.records import LoadResult, Problem, ProblemCode, ProblemLevel, TaskRecord

TASK = TaskRecord(number="1", name="Xây dựng kho dữ liệu mở")


def _problem(code: ProblemCode, column: str = "") -> Problem:
    return Problem(ProblemLevel.WARNING, code, "Dòng 5: …", "f.xlsx", "Sheet", 5, column)


@pytest.mark.parametrize(
    ("code", "column", "kind", "level"),
    [
        # always blocking: values that cannot be stored faithfully
        (ProblemCode.INVALID_DATE, "Ngày hoàn thành", ImportKind.PROGRESS, ProblemLevel.ERROR),
        (ProblemCode.INVALID_DATE, "Ngày báo cáo", ImportKind.PLAN, ProblemLevel.ERROR),
        (ProblemCode.INVALID_NUMBER, "Kết quả Quý I/2026", ImportKind.KPI_ACTUALS,
         ProblemLevel.ERROR),
        (ProblemCode.DUPLICATE_NUMBER, "STT", ImportKind.PLAN, ProblemLevel.ERROR),
        (ProblemCode.TOO_LONG, "Tên nhiệm vụ", ImportKind.PROGRESS, ProblemLevel.ERROR),
        (ProblemCode.TOO_LONG, "Ghi chú", ImportKind.KPI_ACTUALS, ProblemLevel.ERROR),
        # a nameless task blocks a plan, not a progress report (the number finds the task)
        (ProblemCode.MISSING_VALUE, "Tên nhiệm vụ", ImportKind.PLAN, ProblemLevel.ERROR),
        (ProblemCode.MISSING_VALUE, "Nội dung nhiệm vụ", ImportKind.PLAN, ProblemLevel.ERROR),
        (ProblemCode.MISSING_VALUE, "Tên chỉ tiêu", ImportKind.PLAN, ProblemLevel.ERROR),
        (ProblemCode.MISSING_VALUE, "Tên nhiệm vụ", ImportKind.PROGRESS, ProblemLevel.WARNING),
        # recorded, shown, not blocking
        (ProblemCode.MISSING_VALUE, "Cơ quan chủ trì", ImportKind.PLAN, ProblemLevel.WARNING),
        (ProblemCode.MISSING_VALUE, "Thời gian hoàn thành", ImportKind.PLAN,
         ProblemLevel.WARNING),
        (ProblemCode.UNKNOWN_AGENCY, "Cơ quan chủ trì", ImportKind.PLAN, ProblemLevel.WARNING),
        (ProblemCode.UNPARSED_DEADLINE, "Thời hạn", ImportKind.PLAN, ProblemLevel.WARNING),
        (ProblemCode.UNKNOWN_STATUS, "Tình trạng", ImportKind.PROGRESS, ProblemLevel.WARNING),
        (ProblemCode.ORPHAN_CONTINUATION, "STT", ImportKind.PLAN, ProblemLevel.WARNING),
        (ProblemCode.MISSING_COLUMN, "", ImportKind.PLAN, ProblemLevel.WARNING),
    ],
)  # fmt: skip
def test_level(code: ProblemCode, column: str, kind: ImportKind, level: ProblemLevel) -> None:
    result = LoadResult("f.xlsx", tasks=[TASK], problems=[_problem(code, column)])
    assert [p.level for p in validate(result, kind) if p.code is code] == [level]


def test_errors_come_first_and_keep_their_location() -> None:
    problems = [_problem(ProblemCode.UNKNOWN_AGENCY), _problem(ProblemCode.INVALID_DATE, "Ngày")]
    graded = validate(LoadResult("f.xlsx", tasks=[TASK], problems=problems), ImportKind.PLAN)
    assert [(p.code, p.sheet, p.row, p.column) for p in graded] == [
        (ProblemCode.INVALID_DATE, "Sheet", 5, "Ngày"),
        (ProblemCode.UNKNOWN_AGENCY, "Sheet", 5, ""),
    ]
    assert [p.code for p in blocking(graded)] == [ProblemCode.INVALID_DATE]


def test_a_table_without_rows_is_an_error() -> None:
    (problem,) = validate(LoadResult("trong.xlsx"), ImportKind.PLAN)
    assert (problem.level, problem.code) == (ProblemLevel.ERROR, ProblemCode.NO_TABLE)
    assert problem.message.startswith("Tệp “trong.xlsx” có bảng nhưng không có dòng")


def test_kpi_results_say_the_task_rows_are_left_out() -> None:
    result = LoadResult("f.xlsx", tasks=[TASK, TASK])
    [left_out] = validate(result, ImportKind.KPI_ACTUALS)
    assert (left_out.level, left_out.code) == (ProblemLevel.WARNING, ProblemCode.ROWS_LEFT_OUT)
    assert "2 dòng nhiệm vụ" in left_out.message
    assert validate(result, ImportKind.PROGRESS) == []
