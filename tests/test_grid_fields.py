"""The row interpreter's rows that fit nowhere, and the fields parsed after merging."""

from __future__ import annotations

from datetime import date, datetime

from loaders.records import DeadlineKind
from tests.grid_rows import HEADER, interpret, task_row

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
