"""Which problems of an uploaded file block its import, depending on what is imported.

The loaders report every problem as a warning; whether one blocks depends on the
use. A value that cannot be stored faithfully blocks: an unreadable date (a report
with no date, a wrong completion date), a KPI result that is not a number, a number
used twice, a cell or field longer than its limit (loaders/limits.py), and, for a
new plan, a task or KPI with no name. Everything else (an unknown agency, a deadline
to clean up later, an unknown status wording) is recorded and shown but does not block.
"""

from __future__ import annotations

from dataclasses import replace

from data_access.kinds import ImportKind
from loaders.headers import Column, classify
from loaders.records import LoadResult, Problem, ProblemCode, ProblemLevel

ALWAYS_BLOCKING = frozenset(
    {
        ProblemCode.INVALID_DATE,
        ProblemCode.INVALID_NUMBER,
        ProblemCode.DUPLICATE_NUMBER,
        ProblemCode.TOO_LONG,
    }
)
NAME_COLUMNS = frozenset({Column.NAME, Column.KPI_NAME})
EMPTY_FILE = "Tệp “{name}” có bảng nhưng không có dòng nhiệm vụ hay chỉ tiêu nào để nạp."
TASKS_LEFT_OUT = (
    "Tệp có {count} dòng nhiệm vụ; loại dữ liệu đã chọn là kết quả chỉ tiêu nên các dòng này "
    "không được nạp. Chọn “Cập nhật tiến độ nhiệm vụ” để nạp cả tiến độ nhiệm vụ."
)


def validate(result: LoadResult, kind: ImportKind) -> list[Problem]:
    """The file's problems with their level for an import of ``kind``, errors first."""
    problems = [_with_level(problem, kind) for problem in result.problems]
    if not result.tasks and not result.kpis:
        message = EMPTY_FILE.format(name=result.file_name)
        problems.append(
            Problem(ProblemLevel.ERROR, ProblemCode.NO_TABLE, message, result.file_name)
        )
    if kind is ImportKind.KPI_ACTUALS and result.tasks:
        message = TASKS_LEFT_OUT.format(count=len(result.tasks))
        problems.append(
            Problem(ProblemLevel.WARNING, ProblemCode.ROWS_LEFT_OUT, message, result.file_name)
        )
    return sorted(problems, key=lambda p: p.level is not ProblemLevel.ERROR)


def imported_part(result: LoadResult, kind: ImportKind) -> LoadResult:
    """What an import of ``kind`` writes: KPI results alone leave the task rows out."""
    if kind is ImportKind.KPI_ACTUALS and result.tasks:
        return replace(result, tasks=[])
    return result


def blocking(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.level is ProblemLevel.ERROR]


def _with_level(problem: Problem, kind: ImportKind) -> Problem:
    if _blocks(problem, kind):
        return replace(problem, level=ProblemLevel.ERROR)
    return problem


def _blocks(problem: Problem, kind: ImportKind) -> bool:
    if problem.level is ProblemLevel.ERROR or problem.code in ALWAYS_BLOCKING:
        return True
    return (
        kind is ImportKind.PLAN
        and problem.code is ProblemCode.MISSING_VALUE
        and classify(problem.column) in NAME_COLUMNS
    )
