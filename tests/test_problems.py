"""Problem messages are Vietnamese sentences with their location; the collector caps them."""

import pytest

from loaders.limits import MAX_QUOTED_CHARS
from loaders.problems import (
    ProblemCollector,
    hidden_characters_phrase,
    shorten,
    unreadable_message,
    where,
)
from loaders.records import ProblemCode, ProblemLevel


def test_message_names_sheet_row_and_column_and_keeps_fields() -> None:
    collector = ProblemCollector("ke_hoach.xlsx")
    collector.add(
        ProblemCode.INVALID_DATE, sheet="Phụ lục", row=12, column="Ngày hoàn thành",
        value="31/02/2026",
    )  # fmt: skip
    (problem,) = collector.problems
    assert problem.message == (
        "Trang tính “Phụ lục”, dòng 12, cột “Ngày hoàn thành”: “31/02/2026” "
        "không phải ngày hợp lệ (dd/mm/yyyy)."
    )
    assert (problem.file, problem.sheet, problem.row, problem.column, problem.value) == (
        "ke_hoach.xlsx", "Phụ lục", 12, "Ngày hoàn thành", "31/02/2026",
    )  # fmt: skip
    assert problem.level is ProblemLevel.WARNING


def test_word_tables_are_named_as_tables() -> None:
    assert where(3, "STT", "Bảng 2") == "Bảng 2, dòng 3, cột “STT”"
    assert where(None) == "Tệp"


def test_collector_caps_problems_with_one_final_note() -> None:
    collector = ProblemCollector("big.xlsx", limit=3)
    for row in range(10):
        collector.add(ProblemCode.UNKNOWN_AGENCY, row=row, column="Cơ quan chủ trì", value="X")
    codes = [p.code for p in collector.problems]
    assert codes == [ProblemCode.UNKNOWN_AGENCY] * 3 + [ProblemCode.TOO_MANY_PROBLEMS]
    assert "3 vấn đề đầu tiên" in collector.problems[-1].message


def test_long_values_are_shortened_to_one_line() -> None:
    text = shorten("dòng một\n" + "x" * 100_000)
    assert "\n" not in text and len(text) == MAX_QUOTED_CHARS and text.endswith("…")


def test_unreadable_message_is_one_sentence_naming_the_file() -> None:
    message = unreadable_message("legacy_xls", "cu.xls")
    assert "“cu.xls”" in message and message.endswith(".") and "\n" not in message


@pytest.mark.parametrize(
    ("characters", "phrase"),
    [
        (("\u202e",), "ký tự điều khiển hướng chữ (U+202E)"),
        (("\u00ad", "\u200b"), "ký tự ẩn (U+00AD, U+200B)"),
        (
            ("\u200b", "\u200e", "\u2066"),
            "ký tự điều khiển hướng chữ (U+200E, U+2066) và ký tự ẩn (U+200B)",
        ),
    ],
)
def test_hidden_characters_are_named_by_kind_and_code(characters, phrase) -> None:
    assert hidden_characters_phrase(characters) == phrase


def test_a_value_is_quoted_whole_up_to_the_limit_and_cut_past_it() -> None:
    collector = ProblemCollector("ke_hoach.xlsx")
    for value in ("x" * MAX_QUOTED_CHARS, "x" * (MAX_QUOTED_CHARS + 1)):
        collector.add(ProblemCode.UNKNOWN_STATUS, row=2, value=value)
    whole, cut_one = (p.message for p in collector.problems)
    assert f"“{'x' * MAX_QUOTED_CHARS}”" in whole
    assert f"“{'x' * (MAX_QUOTED_CHARS - 1)}…”" in cut_one


def test_nothing_from_the_file_makes_a_message_longer_than_its_quotes() -> None:
    huge = "y" * 100_000
    collector = ProblemCollector("ke_hoach.xlsx")
    collector.add(
        ProblemCode.DUPLICATE_NUMBER, sheet=huge, row=3, column=huge, value=huge,
        details={"scope": huge},
    )  # fmt: skip
    (problem,) = collector.problems
    template = "Trang tính “”, dòng 3, cột “”: số thứ tự “” bị trùng trong ."
    assert len(problem.message) == len(template) + 4 * MAX_QUOTED_CHARS
    assert len(unreadable_message("corrupt", huge)) < 2 * MAX_QUOTED_CHARS
