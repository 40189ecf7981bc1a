"""The table limits of loaders/limits.py (rows, columns, characters per cell and field,
continuation rows), at their boundaries and against real hostile files.

Limits met while reading a table are blocking problems naming sheet, row and column.
Expected numbers are worked out from the limits and the generators in
tests/hostile_files.py, written the Vietnamese way ("." between thousands, "," before
decimals)."""

from __future__ import annotations

import io

import pytest
from docx import Document

from data_access.imports.validation import blocking, validate
from data_access.kinds import ImportKind
from loaders import limits
from loaders.load import load_bytes
from loaders.records import LoadResult, Problem, ProblemCode, ProblemLevel
from tests.hostile_files import (
    FIRST_TASK_ROW,
    SHEET_NAME,
    continuation_rows,
    edited_seed,
    huge_cell,
    long_names,
)
from tests.limit_checks import refusal
from tests.zip_bombs import GOOD_DOCX, GOOD_XLSX

SEED_SHEET_ROWS = 39  # the seed sheet's <dimension ref="A1:G39">


def too_long(result: LoadResult) -> list[tuple[str, int | None, str]]:
    return [(p.sheet, p.row, p.column) for p in result.problems if p.code is ProblemCode.TOO_LONG]


def only(result: LoadResult, code: ProblemCode) -> Problem:
    (problem,) = [p for p in result.problems if p.code is code]
    return problem


# Rows and columns --------------------------------------------------------------------


def test_rows_per_sheet_at_its_boundary(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("loaders.xlsx_reader.MAX_ROWS_PER_SHEET", SEED_SHEET_ROWS)
    assert load_bytes(GOOD_XLSX, "vua.xlsx").tasks
    monkeypatch.setattr("loaders.xlsx_reader.MAX_ROWS_PER_SHEET", SEED_SHEET_ROWS - 1)
    assert refusal(GOOD_XLSX, "dai.xlsx") == (
        f"Trang tính “{SHEET_NAME}” của tệp “dai.xlsx” có hơn 38 dòng, vượt mức tối đa; "
        "hãy tách thành nhiều tệp."
    )


def test_rows_of_a_word_document_at_their_boundary(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = sum(len(table.rows) for table in Document(io.BytesIO(GOOD_DOCX)).tables)
    monkeypatch.setattr("loaders.docx_reader.MAX_ROWS_PER_SHEET", rows)
    assert load_bytes(GOOD_DOCX, "vua.docx").tasks
    monkeypatch.setattr("loaders.docx_reader.MAX_ROWS_PER_SHEET", rows - 1)
    message = refusal(GOOD_DOCX, "dai.docx")
    assert message == (
        f"Các bảng của tệp “dai.docx” có hơn {rows - 1} dòng, vượt mức tối đa; "
        "hãy tách thành nhiều tệp."
    )


def test_cells_past_the_last_column_read_are_reported_once() -> None:
    last, first_left_out = "BL", "BM"  # columns 64 and 65
    within = load_bytes(edited_seed({f"{last}{FIRST_TASK_ROW}": "ghi chú lề"}), "vua.xlsx")
    assert ProblemCode.COLUMNS_LEFT_OUT not in {p.code for p in within.problems}
    wide = edited_seed({f"{first_left_out}{row}": "ghi chú lề" for row in (5, 7)})
    problem = only(load_bytes(wide, "rong.xlsx"), ProblemCode.COLUMNS_LEFT_OUT)
    assert (problem.level, problem.sheet, problem.row) == (ProblemLevel.WARNING, SHEET_NAME, 5)
    assert problem.message == (
        f"Trang tính “{SHEET_NAME}”, dòng 5: có dữ liệu ngoài 64 cột đầu tiên "
        "(từ cột BM trở đi), phần này không được đọc."
    )


# Characters per cell and per field ---------------------------------------------------


def test_a_cell_at_excels_maximum_is_read_and_one_more_character_is_not() -> None:
    spare = f"H{FIRST_TASK_ROW}"  # a column the table does not read: only the cell limit applies
    assert not too_long(load_bytes(edited_seed({spare: "x" * 32_767}), "vua.xlsx"))
    result = load_bytes(edited_seed({spare: "x" * 32_768}), "qua.xlsx")
    assert too_long(result) == [(SHEET_NAME, FIRST_TASK_ROW, "H")]
    assert only(result, ProblemCode.TOO_LONG).message == (
        f"Trang tính “{SHEET_NAME}”, dòng 5, cột “H”: “{'x' * 199}…” dài 32.768 ký tự, "
        "vượt mức tối đa 32.767 ký tự."
    )


def test_huge_cell_blocks_the_import_and_is_not_kept_whole() -> None:
    result = load_bytes(huge_cell(), "o_lon.xlsx")
    problem = only(result, ProblemCode.TOO_LONG)
    assert (problem.sheet, problem.row, problem.column) == (
        SHEET_NAME, FIRST_TASK_ROW, "Tên nhiệm vụ",
    )  # fmt: skip
    (blocked,) = blocking(validate(result, ImportKind.PLAN))
    assert blocked.message == problem.message
    assert problem.message.endswith("dài 100.000 ký tự, vượt mức tối đa 32.767 ký tự.")
    assert len(problem.message) < 2 * limits.MAX_QUOTED_CHARS
    assert len(result.tasks[0].name) == limits.MAX_QUOTED_CHARS


def test_long_names_are_refused_and_no_agency_is_made_of_them() -> None:
    result = load_bytes(long_names(), "ten_dai.xlsx")
    assert too_long(result) == [
        (SHEET_NAME, FIRST_TASK_ROW, "Tên nhiệm vụ"),
        (SHEET_NAME, FIRST_TASK_ROW, "Cơ quan chủ trì"),
    ]
    assert ProblemCode.UNKNOWN_AGENCY not in {p.code for p in result.problems}
    assert result.tasks[0].lead_agencies == []
    assert max(len(p.message) for p in result.problems) < 2 * limits.MAX_QUOTED_CHARS


@pytest.mark.parametrize(
    ("column", "limit", "label", "over_text", "limit_text"),
    [
        ("B", limits.MAX_NAME_CHARS, "Tên nhiệm vụ", "4.001", "4.000"),
        ("G", limits.MAX_TEXT_CHARS, "Ghi chú", "8.001", "8.000"),
        ("F", limits.MAX_TEXT_CHARS, "Thời gian hoàn thành", "8.001", "8.000"),  # read raw
    ],
)
def test_a_field_at_its_limit_is_kept_and_one_more_character_is_not(
    column: str, limit: int, label: str, over_text: str, limit_text: str
) -> None:
    cell = f"{column}{FIRST_TASK_ROW}"
    within = load_bytes(edited_seed({cell: "x" * limit}), "vua.xlsx")
    assert not too_long(within)
    over = load_bytes(edited_seed({cell: "x" * (limit + 1)}), "qua.xlsx")
    assert too_long(over) == [(SHEET_NAME, FIRST_TASK_ROW, label)]
    assert only(over, ProblemCode.TOO_LONG).message.endswith(
        f"dài {over_text} ký tự, vượt mức tối đa {limit_text} ký tự."
    )


def test_an_agency_at_its_limit_is_kept_and_one_more_character_is_not() -> None:
    within = load_bytes(long_names(50, limits.MAX_AGENCY_CHARS), "vua.xlsx")
    assert not too_long(within)
    assert [len(name) for name in within.tasks[0].lead_agencies] == [limits.MAX_AGENCY_CHARS]
    over = load_bytes(long_names(50, limits.MAX_AGENCY_CHARS + 1), "qua.xlsx")
    assert too_long(over) == [(SHEET_NAME, FIRST_TASK_ROW, "Cơ quan chủ trì")]
    assert over.tasks[0].lead_agencies == []


def _progress_workbook(plan_code: str) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["STT", "Mã kế hoạch", "Tên nhiệm vụ", "Tình trạng", "Ngày báo cáo"])
    sheet.append(["1", plan_code, "Rà soát thủ tục", "Đang thực hiện", "15/05/2026"])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def test_a_plan_code_at_its_limit_is_kept_and_one_more_character_is_not() -> None:
    limit = limits.MAX_PLAN_CODE_CHARS
    within = load_bytes(_progress_workbook("K" * limit), "vua.xlsx")
    assert not too_long(within) and within.tasks[0].plan_code == "K" * limit
    over = load_bytes(_progress_workbook("K" * (limit + 1)), "qua.xlsx")
    assert too_long(over) == [("Sheet", 2, "Mã kế hoạch")]


# Continuation rows -----------------------------------------------------------------


def test_fifty_thousand_continuation_rows_make_one_over_long_name() -> None:
    result = load_bytes(continuation_rows(50_000), "noi_dai.xlsx")
    # "Xây dựng kho dữ liệu" (20) and 50,000 times " và phần tiếp theo" (18 each).
    problem = only(result, ProblemCode.TOO_LONG)
    assert (problem.row, problem.column) == (3, "Tên nhiệm vụ")
    assert problem.message.endswith("dài 900.020 ký tự, vượt mức tối đa 4.000 ký tự.")
    assert [task.number for task in result.tasks] == ["1", "2"]
    assert result.tasks[1].name == "Rà soát thủ tục"
