"""The row interpreter on rows given directly: task numbers, the header under title rows,
several tables on a sheet, cells merged down in Word tables, and any rows never raise."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from loaders.agencies import AgencyDirectory
from loaders.assemble import Assembler
from loaders.cells import task_number
from loaders.grid import HEADER_SEARCH_ROWS, TableInterpreter
from loaders.problems import ProblemCollector
from tests.grid_rows import HEADER, interpret, task_row

# Task numbers -------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [(1, "1"), (1.0, "1"), ("1.", "1"), (" 12 ", "12"), ("2.1", "2.1"), ("II", None),
     ("STT", None), ("", None), (None, None), (True, None), (0.0, None)],
)  # fmt: skip
def test_task_number(value: object, expected: str | None) -> None:
    assert task_number(value) == expected


# Title rows, header, blank rows -------------------------------------------


def test_title_rows_blank_rows_and_numbers_with_a_dot() -> None:
    interpreter, problems = interpret(
        [
            ["Phụ lục II: Danh mục các nhiệm vụ trọng tâm"],
            [],
            ["(Ban hành kèm theo Kế hoạch số … /KH-BCĐ)"],
            HEADER,
            task_row("1.", "Xây dựng Trung tâm giám sát an ninh mạng"),
            [None, None, None, None, None, None, None],
            task_row("2.", "Rà soát điều kiện chuyển đổi số"),
        ]
    )
    assert [t.number for t in interpreter.tasks] == ["1", "2"]
    assert [t.source_row for t in interpreter.tasks] == [5, 7]
    assert interpreter.title_lines == [
        "Phụ lục II: Danh mục các nhiệm vụ trọng tâm",
        "(Ban hành kèm theo Kế hoạch số … /KH-BCĐ)",
    ]
    assert problems == []


def test_gives_up_when_no_header_near_the_top() -> None:
    interpreter, _ = interpret([[f"Đoạn văn {i}"] for i in range(HEADER_SEARCH_ROWS)])
    assert interpreter.gave_up
    assert not interpreter.found_table


# Several tables on one sheet ------------------------------------------------


def test_a_new_header_starts_a_new_table_kpis_then_tasks() -> None:
    interpreter, problems = interpret(
        [
            ["TT", "Tên chỉ tiêu", "Chỉ tiêu năm 2026", "Đơn vị chủ trì theo dõi, đánh giá"],
            [1, "Tỉ lệ TTHC cung cấp DVCTT toàn trình", ">80%", "Văn phòng Sở"],
            [None, "trên tổng số TTHC đặc thù", None, None],
            ["Phụ lục số 02: Điều chỉnh, bổ sung nhiệm vụ"],
            ["TT", "Tên nhiệm vụ", "Đơn vị chủ trì", "Thời gian thực hiện/hoàn thành"],
            [1, "Tổ chức phổ biến", "Văn phòng Sở", "Thường xuyên"],
        ]
    )
    (kpi,) = interpreter.kpis
    assert kpi.name == "Tỉ lệ TTHC cung cấp DVCTT toàn trình trên tổng số TTHC đặc thù"
    assert (kpi.target_operator, kpi.target_value, kpi.year) == (">", 80.0, 2026)
    assert kpi.owner == "Văn phòng Sở"
    assert [t.name for t in interpreter.tasks] == ["Tổ chức phổ biến"]
    assert problems == [(4, "TT", "orphan_continuation")]


# Word tables: cells merged down from the row above -------------------------


def test_inherited_cells_are_shared_by_new_tasks_and_ignored_by_continuations() -> None:
    collector = ProblemCollector("plan.docx")
    interpreter = TableInterpreter(Assembler(collector, AgencyDirectory.load_default()), "Bảng 1")
    interpreter.feed(1, HEADER)
    interpreter.feed(2, task_row(1, "A", lead="Sở Tài chính"))
    interpreter.feed(3, task_row(2, "B", lead="Sở Tài chính"), inherited=frozenset({3}))
    interpreter.feed(4, [2, "tiếp", None, "Sở Tài chính", None, None, None],
                     inherited=frozenset({0, 3}))  # fmt: skip
    interpreter.finish()
    assert [(t.name, t.lead_agencies) for t in interpreter.tasks] == [
        ("A", ["Sở Tài chính"]),
        ("B tiếp", ["Sở Tài chính"]),
    ]
    assert collector.problems == []


# Never raises -----------------------------------------------------------------

CELLS = st.one_of(
    st.none(),
    st.text(max_size=30),
    st.sampled_from(["I", "II.", "1.", "STT", "Tên nhiệm vụ", "Thường xuyên", "31/02/2026",
                     "(1)", "Đã hoàn thành", "Sở Tài chính; Công an tỉnh", "\n", " "]),
    st.integers(-5, 50_000),
    st.floats(allow_nan=True, allow_infinity=True),
    st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2100, 1, 1)),
)  # fmt: skip


@given(st.lists(st.lists(CELLS, max_size=9), max_size=25))
def test_any_rows_after_a_header_never_raise(rows: list[list[object]]) -> None:
    interpreter, problems = interpret([[*HEADER, "Ngày hoàn thành", "Tình trạng"], *rows])
    assert all(isinstance(t.number, str) for t in interpreter.tasks)
    assert all(row is None or row >= 1 for row, _, _ in problems)
