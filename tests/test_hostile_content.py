"""Valid files with broken or deceptive content: what the user is told, and what is read.

The files come from tests/hostile_files.py; each expectation below is reasoned from
what that module says it put in the file.
"""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from loaders.load import load_bytes
from loaders.records import LoadResult, ProblemCode, UnreadableFileError
from loaders.text import BIDI_CONTROLS, ZERO_WIDTH
from tests import hostile_files
from tests.backends import ON_BOTH_DATABASES
from tests.upload_db import dump, fresh_engine, import_file, planned_engine

pytestmark = ON_BOTH_DATABASES

HIDDEN = ProblemCode.HIDDEN_CHARACTERS
HIDDEN_ALPHABET = ZERO_WIDTH + BIDI_CONTROLS


def flat(result: LoadResult) -> list[tuple[str, int | None, str, ProblemCode]]:
    return [(p.sheet, p.row, p.column, p.code) for p in result.problems]


# Formula cells ---------------------------------------------------------------


def test_formulas_saved_without_values_refuse_the_file_naming_the_first_cell() -> None:
    with pytest.raises(UnreadableFileError) as refused:
        load_bytes(hostile_files.formula_without_values(), "cong_thuc.xlsx")
    # C12, D12 and E12 are formulas without values: the first is named, the others counted.
    assert str(refused.value) == (
        "Ô C12 (trang “Sheet1”) và 2 ô khác của tệp “cong_thuc.xlsx” là công thức chưa có "
        "giá trị đã tính; hãy mở tệp bằng Excel, lưu lại rồi tải lên."
    )


def test_formulas_with_stored_values_read_as_their_values() -> None:
    result = load_bytes(hostile_files.formula_with_values(), "cong_thuc.xlsx")
    assert [t.number for t in result.tasks] == [str(n) for n in range(1, 12)]
    last = result.tasks[-1]
    assert last.name == hostile_files.STORED_VALUES["C12"][2]
    assert last.due_date == hostile_files.FORMULA_DUE
    assert last.notes == ""  # the formula computed the empty text
    assert flat(result) == []


def test_a_refused_formula_file_writes_nothing() -> None:
    engine = planned_engine()
    before = dump(engine)
    with pytest.raises(UnreadableFileError):
        import_file(engine, hostile_files.formula_without_values(), "cong_thuc.xlsx")
    assert dump(engine) == before


# Invisible and bidi characters -----------------------------------------------


def test_invisible_and_bidi_characters_are_removed_and_named_per_cell() -> None:
    result = load_bytes(hostile_files.zero_width_and_bidi(), "an.xlsx")
    one, two, three = result.tasks
    assert one.sheet == "Kế hoạch"  # the title's U+200F is gone too
    assert one.number == "1"  # "1\u200b." used to be "not a number"
    assert one.name == "Xây dựng cơ sở dữ liệu"
    assert one.lead_agencies == ["Sở Nội vụ"]
    assert one.due_date == date(2026, 6, 30)
    assert (one.notes, one.completed) == ("Đã hoàn thành", True)
    assert (two.number, two.name, two.lead_agencies) == ("2", "Số hoá hồ sơ", ["Sở Tư pháp"])
    assert three.coordinating_agencies == ["Sở Tài chính"]
    assert three.due_date == date(2026, 12, 31)
    sheet = "Kế hoạch"
    assert flat(result) == [
        (sheet, 3, "STT", HIDDEN),
        (sheet, 3, "Tên nhiệm vụ", HIDDEN),
        (sheet, 3, "Cơ quan chủ trì", HIDDEN),
        (sheet, 3, "Thời gian hoàn thành", HIDDEN),
        (sheet, 3, "Ghi chú", HIDDEN),
        (sheet, 5, "Cơ quan phối hợp", HIDDEN),
        (sheet, 5, "Thời gian hoàn thành", HIDDEN),
    ]
    messages = [p.message for p in result.problems]
    assert messages[1] == (
        "Trang tính “Kế hoạch”, dòng 3, cột “Tên nhiệm vụ”: có ký tự điều khiển hướng chữ "
        "(U+202E), đã được bỏ."
    )
    assert messages[2].endswith("có ký tự ẩn (U+00AD), đã được bỏ.")
    assert messages[6].endswith(
        "có ký tự điều khiển hướng chữ (U+200E) và ký tự ẩn (U+200B), đã được bỏ."
    )
    assert not any(c in m for m in messages for c in HIDDEN_ALPHABET)


def test_a_right_to_left_override_is_not_stored() -> None:
    engine = fresh_engine()
    import_file(engine, hostile_files.zero_width_and_bidi(), "an.xlsx", plan_code="KH-AN")
    stored = [v for rows in dump(engine).values() for row in rows for v in row]
    assert "Xây dựng cơ sở dữ liệu" in stored
    assert not [v for v in stored if isinstance(v, str) and any(c in v for c in HIDDEN_ALPHABET)]


@settings(max_examples=40, deadline=None)
@given(
    name=st.text(st.characters(codec="utf-8", categories=("L", "N", "P", "Zs")), min_size=1),
    inserted=st.lists(st.tuples(st.integers(0, 200), st.sampled_from(HIDDEN_ALPHABET)), min_size=1),
)
def test_a_name_with_hidden_characters_anywhere_reads_as_the_name_without_them(
    name: str, inserted: list[tuple[int, str]]
) -> None:
    hidden = name
    for position, char in inserted:
        at = position % (len(hidden) + 1)
        hidden = hidden[:at] + char + hidden[at:]
    plain, tainted = (load_bytes(_one_task(text), "t.xlsx") for text in (name, hidden))
    assert [t.name for t in tainted.tasks] == [t.name for t in plain.tasks]
    # The same problems (a name that cleans to nothing is still missing), and one warning.
    expected = [*flat(plain), ("Sheet", 2, "Tên nhiệm vụ", HIDDEN)]
    assert sorted(flat(tainted), key=repr) == sorted(expected, key=repr)


def _one_task(name: str) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["STT", "Tên nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành"])
    sheet.append([1, name, "Sở Nội vụ", "30/6/2026"])
    return hostile_files.saved(book)


# Word tables -----------------------------------------------------------------


def test_a_nested_word_table_is_read_as_lines_with_a_warning() -> None:
    result = load_bytes(hostile_files.nested_word_table(), "long.docx")
    assert [t.number for t in result.tasks] == ["1", "2", "3", "4"]
    assert result.tasks[-1].name == (
        "Chuyển đổi số theo các bước:\nBước 1 | Khảo sát\nBước 2 | Triển khai"
    )
    assert result.tasks[-1].lead_agencies == ["Sở Tài chính"]
    assert flat(result) == [("Bảng 2", 5, "Nội dung nhiệm vụ", ProblemCode.NESTED_TABLE)]
    assert result.problems[0].message == (
        "Bảng 2, dòng 5, cột “Nội dung nhiệm vụ”: ô chứa một bảng lồng; nội dung được đọc "
        "thành các dòng chữ, mỗi dòng của bảng lồng một dòng, các ô cách nhau bằng dấu “|”."
    )


def test_a_merge_from_above_in_a_tables_first_row_is_a_plain_cell() -> None:
    result = load_bytes(hostile_files.vmerge_first_row(), "gop.docx")
    leads = [(t.number, t.lead_agencies) for t in result.tasks]
    assert leads == [
        ("1", ["Văn phòng UBND tỉnh"]),
        ("2", ["Văn phòng UBND tỉnh"]),  # merged down inside table 1
        ("3", ["Sở Tài chính"]),  # nothing above it: its own text
        ("4", ["Sở Tài chính"]),  # merged down from task 3's cell
    ]
    assert flat(result) == []
