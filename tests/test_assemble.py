"""Building one record from its merged cells: flags, statuses, KPI targets and actuals."""

from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from loaders.agencies import AgencyDirectory
from loaders.assemble import Assembler
from loaders.cells import PendingRow, clean
from loaders.headers import HeaderMap, detect_header
from loaders.problems import ProblemCollector
from loaders.records import DeadlineKind, ProblemCode

TASKS = ["STT", "Tên nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành", "BC BCĐTW",
         "Tình trạng"]  # fmt: skip
KPIS = ["TT", "Tên chỉ tiêu", "Chỉ tiêu năm 2026", "Kết quả Quý III/2026"]


Flat = list[tuple[int | None, str, ProblemCode]]


def build(
    header_row: list[str], cells: dict[int, object], formats: dict[int, str] | None = None
) -> tuple[Any, Flat]:
    """Assemble row 7 of a table with this header; problems as (row, column, code)."""
    header = detect_header(header_row)
    assert isinstance(header, HeaderMap)
    collector = ProblemCollector("f.xlsx")
    assembler = Assembler(collector, AgencyDirectory.load_default())
    row = PendingRow("S", 7, "1", "", "", {i: [v] for i, v in cells.items()}, formats or {})
    record = (
        assembler.task(row, header) if "Tên nhiệm vụ" in header_row else assembler.kpi(row, header)
    )
    return record, [(p.row, p.column, p.code) for p in collector.problems]


BASE = {1: "Nhiệm vụ", 2: "Sở Tài chính", 3: "30/6/2026"}


@pytest.mark.parametrize(
    ("cell", "reported"),
    [("Nhiệm vụ BC BCĐTW", True), ("x", True), ("Không", False), ("-", False), (None, False)],
)
def test_report_to_central_is_any_mark_but_a_no(cell: object, reported: bool) -> None:
    cells = BASE | ({4: cell} if cell else {})
    task, problems = build(TASKS, cells)
    assert task.report_to_central is reported and problems == []


@pytest.mark.parametrize(
    ("status", "completed", "problems"),
    [
        ("Hoàn thành", True, []),
        ("Hoàn thành đúng hạn", True, []),
        ("Đã hoàn thành", True, []),
        ("Đang thực hiện", False, []),
        ("Chưa hoàn thành", False, []),
        ("Quá hạn", False, []),
        ("Gần xong rồi", False, [(7, "Tình trạng", ProblemCode.UNKNOWN_STATUS)]),
    ],
)
def test_status_says_whether_the_task_is_done(
    status: str, completed: bool, problems: list[tuple[int, str, ProblemCode]]
) -> None:
    task, found = build(TASKS, BASE | {5: status})
    assert (task.status, task.completed) == (status, completed)
    assert found == problems


@pytest.mark.parametrize(
    ("name", "deadline", "kind", "problems"),
    [
        # the name makes it recurring; the date stays as its first due date
        ("Rà soát (nhiệm vụ thường xuyên)", "30/6/2026", DeadlineKind.RECURRING, []),
        # an unreadable deadline is still listed for cleanup, though the name says recurring
        ("Rà soát (nhiệm vụ thường xuyên)", "Sau khi có hướng dẫn", DeadlineKind.RECURRING,
         [(7, "Thời gian hoàn thành", ProblemCode.UNPARSED_DEADLINE)]),
        # an empty deadline is no problem when the name says recurring …
        ("Thường xuyên rà soát", None, DeadlineKind.RECURRING, []),
        # … and is one when it does not
        ("Rà soát", None, DeadlineKind.MISSING,
         [(7, "Thời gian hoàn thành", ProblemCode.MISSING_VALUE)]),
    ],
)  # fmt: skip
def test_a_name_that_says_recurring(
    name: str, deadline: str | None, kind: DeadlineKind, problems: Flat
) -> None:
    cells = {i: v for i, v in (BASE | {1: name, 3: deadline}).items() if v is not None}
    task, found = build(TASKS, cells)
    assert task.deadline_kind is kind and found == problems
    assert task.due_date == (date(2026, 6, 30) if deadline == "30/6/2026" else None)


def test_kpi_target_actual_with_percent_format_and_a_bad_target() -> None:
    kpi, problems = build(KPIS, {1: "Tỉ lệ", 2: ">80%", 3: 0.85}, {3: "0%"})
    assert (kpi.target_operator, kpi.target_value, kpi.year) == (">", 80.0, 2026)
    assert [(a.period, a.value) for a in kpi.actuals] == [("2026-Q3", 85.0)]
    assert problems == []
    bad, problems = build(KPIS, {1: "Tỉ lệ", 2: "cao nhất có thể"})
    assert bad.target_operator is None and bad.target_text == "cao nhất có thể"
    assert problems == [(7, "Chỉ tiêu năm 2026", ProblemCode.INVALID_TARGET)]


# One assembler caches cleaned cell texts: never a different answer from clean() --------

_CELLS = st.one_of(
    st.sampled_from([1, 1.0, True, "1", " 1 ", "Sở  Tài chính", "<b>Sở Tài chính</b>"]),
    st.text(),
    st.integers(),
    st.floats(allow_nan=False),
)


@given(st.lists(st.tuples(_CELLS, _CELLS), min_size=1, max_size=8))
def test_cached_cell_texts_equal_clean(rows: list[tuple[object, object]]) -> None:
    header = detect_header(["STT", "Tên nhiệm vụ", "Ghi chú", "Thời gian hoàn thành"])
    assert isinstance(header, HeaderMap)
    assembler = Assembler(ProblemCollector("f.xlsx"), AgencyDirectory.load_default())
    for number, (name, note) in enumerate(rows, 1):
        row = PendingRow("S", number, str(number), "", "", {1: [name], 2: [note]})
        task = assembler.task(row, header)
        assert (task.name, task.notes) == (clean(name), clean(note))
