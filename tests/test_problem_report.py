"""The validation report as a workbook: the upload with problem cells filled and commented."""

from __future__ import annotations

from io import BytesIO

import pytest
from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook

from data_access.imports.validation import validate
from data_access.kinds import ImportKind
from exports.problem_report import (
    ERROR_FILL,
    LIST_HEADER,
    LIST_SHEET,
    WARNING_FILL,
    problem_report_xlsx,
)
from loaders.load import load_bytes
from loaders.records import Problem, ProblemCode, ProblemLevel
from tests.upload_db import edit_cell, progress_file, report

UPLOAD = edit_cell(
    progress_file(
        [
            report("I", "1", "Đã hoàn thành", done_on=None),
            report("I", "2", "Làm được một nửa"),  # unknown status: a warning
        ]
    ),
    "Tiến độ",
    "G2",
    "31/02/2026",  # not a date: an error
)


def _report(problems: list[Problem], data: bytes = UPLOAD, is_xlsx: bool = True) -> Workbook:
    return load_workbook(BytesIO(problem_report_xlsx(data, problems, is_xlsx=is_xlsx)))


@pytest.fixture(scope="module")
def graded() -> list[Problem]:
    return validate(load_bytes(UPLOAD, "bc.xlsx"), ImportKind.PROGRESS)


def test_problem_cells_are_filled_by_level_and_commented(graded: list[Problem]) -> None:
    assert [(p.level, p.row, p.column) for p in graded] == [
        (ProblemLevel.ERROR, 2, "Ngày hoàn thành"),
        (ProblemLevel.WARNING, 3, "Tình trạng"),
    ]
    sheet = _report(graded)["Tiến độ"]
    error, warning = sheet["G2"], sheet["F3"]
    assert error.fill.start_color.rgb.endswith(ERROR_FILL.start_color.rgb)
    assert warning.fill.start_color.rgb.endswith(WARNING_FILL.start_color.rgb)
    assert error.comment.text == f"Lỗi: {graded[0].message}"
    assert warning.comment.text == f"Cảnh báo: {graded[1].message}"
    assert sheet["F2"].comment is None
    assert sheet["G2"].value == "31/02/2026"  # the upload's content is untouched


def test_the_list_sheet_comes_first_with_every_problem(graded: list[Problem]) -> None:
    book = _report(graded)
    assert book.sheetnames == [LIST_SHEET, "Tiến độ"]
    rows = list(book[LIST_SHEET].values)
    assert rows[0] == LIST_HEADER
    assert rows[1:] == [
        ("Lỗi", "Tiến độ", 2, "Ngày hoàn thành", graded[0].message),
        ("Cảnh báo", "Tiến độ", 3, "Tình trạng", graded[1].message),
    ]


def test_problems_on_one_cell_share_one_comment() -> None:
    problems = [
        Problem(ProblemLevel.WARNING, ProblemCode.UNKNOWN_AGENCY, "A.", "f", "Tiến độ", 2, "STT"),
        Problem(ProblemLevel.ERROR, ProblemCode.DUPLICATE_NUMBER, "B.", "f", "Tiến độ", 2, "STT"),
    ]
    cell = _report(problems)["Tiến độ"]["C2"]
    assert cell.comment.text == "Cảnh báo: A.\nLỗi: B."
    assert cell.fill.start_color.rgb.endswith(ERROR_FILL.start_color.rgb)


def test_unknown_columns_and_file_level_problems_still_reach_the_list() -> None:
    problems = [
        Problem(ProblemLevel.WARNING, ProblemCode.UNKNOWN_STATUS, "A.", "f", "Tiến độ", 3, "?"),
        Problem(ProblemLevel.ERROR, ProblemCode.NO_TABLE, "Không có dòng nào.", "f"),
    ]
    book = _report(problems)
    assert book["Tiến độ"]["A3"].comment.text == "Cảnh báo: A."  # first column of the row
    assert len(list(book[LIST_SHEET].values)) == 3


def test_a_word_upload_gets_the_list_alone() -> None:
    problems = [Problem(ProblemLevel.WARNING, ProblemCode.UNKNOWN_AGENCY, "A.", "f", "Bảng 1", 4)]
    book = _report(problems, data=b"not a workbook", is_xlsx=False)
    assert book.sheetnames == [LIST_SHEET]
    assert list(book[LIST_SHEET].values)[1] == ("Cảnh báo", "Bảng 1", 4, None, "A.")


def test_text_that_looks_like_a_formula_stays_text() -> None:
    formula = '=HYPERLINK("http://example.com","bấm")'
    problems = [Problem(ProblemLevel.WARNING, ProblemCode.UNKNOWN_STATUS, "A.", "f", formula, 3)]
    cell = _report(problems)[LIST_SHEET]["B2"]
    assert (cell.value, cell.data_type) == (formula, "s")
