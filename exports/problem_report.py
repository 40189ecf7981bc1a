"""The uploaded workbook handed back with every problem cell highlighted and commented.

Errors are filled red, warnings amber; each cell gets an Excel comment with its
messages. A "Danh sách vấn đề" sheet lists every problem. A Word upload has no
cells to mark, so its report is the list alone.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from io import BytesIO

from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from loaders.records import Problem, ProblemLevel
from loaders.text import clean_text

LIST_SHEET = "Danh sách vấn đề"
AUTHOR = "Kiểm tra dữ liệu"
ERROR_FILL = PatternFill("solid", start_color="FFC7CE", end_color="FFC7CE")
WARNING_FILL = PatternFill("solid", start_color="FFEB9C", end_color="FFEB9C")
LEVEL_LABELS = {ProblemLevel.ERROR: "Lỗi", ProblemLevel.WARNING: "Cảnh báo"}
LIST_HEADER = ("Mức độ", "Trang tính", "Dòng", "Cột", "Nội dung")
HEADER_SEARCH_ROWS = 120  # where a column's header is looked for
COMMENT_SIZE = (120, 320)  # height, width in points


def problem_report_xlsx(data: bytes, problems: Sequence[Problem], *, is_xlsx: bool) -> bytes:
    """``data`` (an .xlsx upload) with its problem cells marked; for a .docx, the list only."""
    book = load_workbook(BytesIO(data)) if is_xlsx else Workbook()
    if not is_xlsx:
        book.remove(book.active)
    else:
        _mark_cells(book, problems)
    _add_list(book, problems)
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def _mark_cells(book: Workbook, problems: Sequence[Problem]) -> None:
    notes: defaultdict[tuple[str, int, int], list[Problem]] = defaultdict(list)
    columns: dict[str, dict[str, int]] = {}
    for problem in problems:
        if problem.sheet not in book.sheetnames or problem.row is None:
            continue
        sheet = book[problem.sheet]
        if problem.sheet not in columns:
            columns[problem.sheet] = _header_columns(sheet)
        column = columns[problem.sheet].get(_label(problem.column), 1)
        notes[(problem.sheet, problem.row, column)].append(problem)
    for (sheet_name, row, column), found in notes.items():
        cell = book[sheet_name].cell(row=row, column=column)
        is_error = any(p.level is ProblemLevel.ERROR for p in found)
        cell.fill = ERROR_FILL if is_error else WARNING_FILL
        text = "\n".join(f"{LEVEL_LABELS[p.level]}: {p.message}" for p in found)
        comment = Comment(text, AUTHOR)
        comment.height, comment.width = COMMENT_SIZE
        cell.comment = comment


def _header_columns(sheet: Worksheet) -> dict[str, int]:
    """Header text (as the loaders write it in problems) -> column number, first seen wins."""
    found: dict[str, int] = {}
    for row in sheet.iter_rows(max_row=HEADER_SEARCH_ROWS):
        for cell in row:
            if isinstance(cell.value, str) and cell.value.strip():
                found.setdefault(_label(cell.value), int(cell.column))
    return found


def _label(text: str) -> str:
    return " ".join(clean_text(text).split())


def _add_list(book: Workbook, problems: Sequence[Problem]) -> None:
    sheet = book.create_sheet(LIST_SHEET, 0)
    sheet.append(LIST_HEADER)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for problem in problems:
        sheet.append(
            (
                LEVEL_LABELS[problem.level],
                problem.sheet,
                problem.row,
                problem.column,
                problem.message,
            )
        )
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # text from the upload, never a formula
        if problem.level is ProblemLevel.ERROR:
            sheet.cell(row=sheet.max_row, column=1).fill = ERROR_FILL
    for letter, width in zip("ABCDE", (10, 24, 8, 24, 100), strict=True):
        sheet.column_dimensions[letter].width = width
    for row in sheet.iter_rows(min_row=2, min_col=5, max_col=5):
        row[0].alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    book.active = 0
