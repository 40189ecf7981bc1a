"""The row interpreter on rows given directly: the shapes page breaks and conversions leave."""

from collections.abc import Sequence
from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from loaders.agencies import AgencyDirectory
from loaders.assemble import Assembler
from loaders.cells import task_number
from loaders.grid import HEADER_SEARCH_ROWS, TableInterpreter
from loaders.problems import ProblemCollector
from loaders.records import DeadlineKind

HEADER = ["STT", "Tên nhiệm vụ", "Văn bản giao", "Cơ quan chủ trì", "Cơ quan phối hợp",
          "Thời gian hoàn thành", "Ghi chú"]  # fmt: skip


def interpret(
    rows: Sequence[Sequence[object]], sheet: str = "Phụ lục"
) -> tuple[TableInterpreter, list[tuple[int | None, str, str]]]:
    """Feed rows numbered from 1; problems flattened to (row, column, code)."""
    collector = ProblemCollector("plan.xlsx")
    interpreter = TableInterpreter(Assembler(collector, AgencyDirectory.load_default()), sheet)
    for number, row in enumerate(rows, start=1):
        interpreter.feed(number, row)
    interpreter.finish()
    return interpreter, [(p.row, p.column, str(p.code)) for p in collector.problems]


def task_row(number: object, name: str, **cells: str) -> list[object]:
    return [number, name, cells.get("basis", "Kế hoạch số 02-KH/BCĐTW"),
            cells.get("lead", "Công an tỉnh"), cells.get("coordinating", "Sở Tài chính"),
            cells.get("deadline", "30/6/2026"), cells.get("notes", "")]  # fmt: skip


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


# Page breaks: repeated header and continuation rows -----------------------


def test_continuation_after_repeated_header_completes_the_task_like_seed_000_task_5() -> None:
    interpreter, problems = interpret(
        [
            HEADER,
            task_row(
                "5.",
                "Triển khai mô hình bảo đảm an toàn thông tin 4 lớp",
                basis="Kế hoạch số 04-KH/BCĐTW, ngày",
            ),  # fmt: skip
            HEADER,
            [None, None, "05/01/2026", None, None, None, None],
            task_row(
                "18.",
                "Rà soát, xây dựng hoàn thiện các tiêu chuẩn, phục vụ phát triển",
                coordinating="Các sở, ban, ngành, địa",
            ),  # fmt: skip
            HEADER,
            [None, "kinh tế xã hội", "02/02/2026", None, "phương", None, None],
        ]
    )
    five, eighteen = interpreter.tasks
    assert five.basis == "Kế hoạch số 04-KH/BCĐTW, ngày 05/01/2026"
    assert eighteen.name.endswith("phục vụ phát triển kinh tế xã hội")
    assert eighteen.coordinating_agencies == ["Các sở, ban, ngành, địa phương"]
    assert problems == []


def test_continuation_keeps_the_line_break_the_text_was_split_at() -> None:
    interpreter, _ = interpret(
        [
            HEADER,
            task_row(1, "(1) Phổ biến, quán triệt chủ trương;\n"),
            [None, "(2) Triển khai phong trào “Bình dân học vụ số”.", None, None, None, None, None],
        ]
    )
    assert interpreter.tasks[0].name == (
        "(1) Phổ biến, quán triệt chủ trương;\n(2) Triển khai phong trào “Bình dân học vụ số”."
    )


def test_column_numbering_row_under_the_header_is_skipped() -> None:
    interpreter, problems = interpret(
        [
            HEADER,
            ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"],
            [1, 2, 3, 4, 5, 6, 7],
            task_row(1, "Xây dựng"),
        ]  # fmt: skip
    )
    assert [t.name for t in interpreter.tasks] == ["Xây dựng"]
    assert problems == []


# Sections ----------------------------------------------------------------


def test_section_rows_in_the_number_column_set_section_and_title() -> None:
    interpreter, problems = interpret(
        [
            HEADER,
            ["I", "Về công tác chỉ đạo, điều hành", None, None, None, None, None],
            task_row(1, "Nhiệm vụ một"),
            ["II.", "Một số nhiệm vụ trọng tâm", None, None, None, None, None],
            task_row(1, "Nhiệm vụ hai"),
            ["III. Về bảo đảm kinh phí", None, None, None, None, None, None],
            task_row(1, "Nhiệm vụ ba"),
        ]
    )
    assert [(t.section, t.section_title, t.number) for t in interpreter.tasks] == [
        ("I", "Về công tác chỉ đạo, điều hành", "1"),
        ("II", "Một số nhiệm vụ trọng tâm", "1"),
        ("III", "Về bảo đảm kinh phí", "1"),
    ]
    assert problems == []


def test_section_numeral_in_the_column_after_an_empty_number_like_seed_004() -> None:
    header = ["TT", "STT\n(TB02)", "Tên nhiệm vụ", "Đơn vị chủ trì", "Thời gian thực hiện"]
    interpreter, _ = interpret(
        [
            [None, *header],
            [None, None, "II", "Về hoàn thiện thể chế, chính sách", None, None],
            [None, 3, 9, "Chủ động rà soát", "Văn phòng Sở", "Tháng 6/2026"],
        ]
    )
    (task,) = interpreter.tasks
    assert (task.number, task.reference_number) == ("3", "9")
    assert (task.section, task.section_title) == ("II", "Về hoàn thiện thể chế, chính sách")
    assert task.due_date == date(2026, 6, 30)


def test_a_note_under_a_section_is_not_a_task_like_seed_001() -> None:
    note = "Nhiệm vụ trọng tâm, xuyên suốt: Tập trung hoàn thành nhiệm vụ chuyển đổi số"
    interpreter, problems = interpret(
        [
            HEADER,
            ["II", "Một số nhiệm vụ trọng tâm", None, None, None, None, None],
            [note, None, None, None, None, None, None],
            task_row(1, "Tiếp tục triển khai việc đồng bộ dữ liệu"),
        ]
    )
    assert [t.name for t in interpreter.tasks] == ["Tiếp tục triển khai việc đồng bộ dữ liệu"]
    assert problems == [(3, "STT", "orphan_continuation")]


def test_duplicate_numbers_are_flagged_within_a_section_only() -> None:
    _, problems = interpret(
        [
            HEADER,
            ["I", "Mục một", None, None, None, None, None],
            task_row(1, "A"),
            task_row(1, "B"),
            ["II", "Mục hai", None, None, None, None, None],
            task_row(1, "C"),
        ]
    )
    assert problems == [(4, "STT", "duplicate_number")]


# Rows that fit nowhere -----------------------------------------------------


def test_numbered_rows_left_empty_in_a_form_are_not_tasks() -> None:
    interpreter, problems = interpret([HEADER, task_row(1, "A"), [2], [3, None, None], [4, " "]])
    assert [t.number for t in interpreter.tasks] == ["1"]
    assert problems == []


def test_orphan_continuation_and_invalid_number_are_reported() -> None:
    interpreter, problems = interpret(
        [
            HEADER,
            [None, "chữ không thuộc nhiệm vụ nào", None, None, None, None, None],
            task_row("a)", "Nhiệm vụ có số lạ"),
        ]
    )
    assert [t.number for t in interpreter.tasks] == ["a)"]
    assert problems == [(2, "", "orphan_continuation"), (3, "STT", "invalid_number")]


# Fields parsed after merging ----------------------------------------------


def test_deadline_agencies_dates_and_completion() -> None:
    header = [*HEADER, "Tình trạng", "Ngày hoàn thành"]
    interpreter, problems = interpret(
        [
            header,
            [*task_row(1, "A", deadline="Sớm nhất có thể"), None, None],
            [*task_row(2, "B", lead="Sở Không Tồn Tại"), None, "31/02/2026"],
            [*task_row(3, "C", notes="Đã hoàn thành"), None, None],
            [*task_row(4, "D"), "Hoàn thành", datetime(2026, 5, 2)],
            [*task_row(5, "E", deadline="Thường xuyên"), "Đang thực hiện", None],
        ]
    )
    a, b, c, d, e = interpreter.tasks
    assert a.deadline_kind is DeadlineKind.UNPARSED and a.deadline_text == "Sớm nhất có thể"
    assert b.lead_agencies == ["Sở Không Tồn Tại"] and b.completion_date is None
    assert (c.completed, d.completed, d.completion_date) == (True, True, date(2026, 5, 2))
    assert e.deadline_kind is DeadlineKind.RECURRING and not e.completed
    assert problems == [
        (2, "Thời gian hoàn thành", "unparsed_deadline"),
        (3, "Cơ quan chủ trì", "unknown_agency"),
        (3, "Ngày hoàn thành", "invalid_date"),
    ]


def test_missing_name_lead_and_deadline_are_reported() -> None:
    interpreter, problems = interpret([HEADER, [7, None, None, None, None, None, "ghi chú"]])
    assert interpreter.tasks[0].notes == "ghi chú"
    assert problems == [
        (2, "Tên nhiệm vụ", "missing_value"),
        (2, "Cơ quan chủ trì", "missing_value"),
        (2, "Thời gian hoàn thành", "missing_value"),
    ]


def test_plan_table_without_lead_or_deadline_column_is_reported_once() -> None:
    _, problems = interpret([["STT", "Tên nhiệm vụ"], [1, "A"], [2, "B"]])
    assert problems == [(1, "", "missing_column"), (1, "", "missing_column")]


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
