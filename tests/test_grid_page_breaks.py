"""The row interpreter across page breaks and sections: repeated headers, continuation rows,
column numbering rows, section rows, duplicates within a section."""

from __future__ import annotations

from datetime import date

from tests.grid_rows import HEADER, interpret, task_row

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
