"""Files that are valid packages but whose content is broken or deceptive, built by code.

Each function returns the bytes of one file; the module docstring of each says what
is inside, so a test can reason about what the user must be told. Nothing here is
committed as a file: the suite builds them on the fly.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date

from docx import Document
from docx.document import Document as WordDocument
from docx.table import Table
from openpyxl import Workbook

PLAN_HEADER = ("STT", "Cơ quan chủ trì", "Tên nhiệm vụ", "Thời gian hoàn thành", "Ghi chú")
SHEET = "Sheet1"
FORMULA_SHEET_MEMBER = "xl/worksheets/sheet1.xml"
EXCEL_EPOCH = date(1899, 12, 30)
FORMULA_DUE = date(2026, 6, 30)
# Row 12's formulas, with the type and value Excel stores beside each when it saves
# (type "str" for a text result, none for a number; a date is a day count).
STORED_VALUES = {
    "C12": ('=B12&" chủ trì thẩm định hồ sơ"', "str", "Sở Tư pháp chủ trì thẩm định hồ sơ"),
    "D12": ("=DATE(2026,6,30)", "", str((FORMULA_DUE - EXCEL_EPOCH).days)),
    "E12": ('=IF(A12>100,"Đã hoàn thành","")', "str", ""),
}
DOCX_HEADER = ("STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành")


def formula_without_values() -> bytes:
    """A plan sheet ("Sheet1") written by openpyxl: rows 2-11 hold tasks 1-10 as values;
    row 12 is task 11 whose name (C12), deadline (D12) and note (E12) are formulas,
    saved as openpyxl saves them: without any computed value."""
    return _plan_with_formulas()


def formula_with_values() -> bytes:
    """formula_without_values() with each formula's computed value stored beside it, as
    Excel saves it (``STORED_VALUES``): task 11 reads as "Sở Tư pháp chủ trì thẩm định
    hồ sơ", due 30/6/2026 (a day count), with an empty note (a formula giving "")."""
    data = _plan_with_formulas()
    sheet = member_text(data, FORMULA_SHEET_MEMBER)
    for ref, (_formula, kind, value) in STORED_VALUES.items():
        typed = f' t="{kind}"' if kind else ""
        match = re.search(rf'<c r="{ref}"(?: [^>]*)?>(<f>[^<]*</f>)<v\s*/?>(?:</v>)?', sheet)
        assert match, f"openpyxl wrote {ref} differently"
        sheet = sheet.replace(match.group(0), f'<c r="{ref}"{typed}>{match.group(1)}<v>{value}</v>')
    return replace_member(data, FORMULA_SHEET_MEMBER, sheet.encode())


def zero_width_and_bidi() -> bytes:
    """A plan sheet titled "Kế hoạch" + U+200F, dated 01/11/2025 above its table, whose
    cells hide characters:

    row 3, task "1" + U+200B + "." (the user sees "1."), its name with a right-to-left
    override U+202E inside, its lead "Sở N" + soft hyphen + "ội vụ", its deadline
    after a byte-order mark U+FEFF, its note "Đã hoàn thành" between U+2066 and U+2069;
    row 4, task 2, clean; row 5, task 3, a coordinating agency ending in U+200D and
    a deadline with U+200E and U+200B in it.
    """
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Kế hoạch\u200f"
    sheet.append(["Hà Tĩnh, ngày 01 tháng 11 năm 2025"])
    sheet.append(["STT", "Tên nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp",
                  "Thời gian hoàn thành", "Ghi chú"])  # fmt: skip
    sheet.append(["1\u200b.", "Xây dựng \u202ecơ sở dữ liệu", "Sở N\u00adội vụ", "",
                  "\ufeff30/6/2026", "\u2066Đã hoàn thành\u2069"])  # fmt: skip
    sheet.append([2, "Số hoá hồ sơ", "Sở Tư pháp", "", "Quý II/2026", ""])
    sheet.append([3, "Đào tạo kỹ năng số", "Sở Nội vụ", "Sở Tài chính\u200d",
                  "31/12/\u200e2026\u200b", ""])  # fmt: skip
    return workbook_bytes(book)


def nested_word_table() -> bytes:
    """A Word plan: table 1 is the letterhead, table 2 the plan (header, tasks 1-4 in
    rows 2-5); row 5's "Nội dung nhiệm vụ" cell holds "Chuyển đổi số theo các bước:"
    then a nested table of two rows: "Bước 1" | "Khảo sát", "Bước 2" | "Triển khai"."""
    document = Document()
    document.add_paragraph("KẾ HOẠCH CHUYỂN ĐỔI SỐ")
    _add_table(document, [["UBND TỈNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]])
    rows = [
        list(DOCX_HEADER),
        ["1", "Rà soát quy trình", "Văn phòng UBND tỉnh", "30/6/2026"],
        ["2", "Cắt giảm thủ tục", "Sở Tư pháp", "Quý III/2026"],
        ["3", "Số hoá hồ sơ", "Sở Nội vụ", "31/12/2026"],
        ["4", "Chuyển đổi số theo các bước:", "Sở Tài chính", "Năm 2026"],
    ]
    table = _add_table(document, rows)
    nested = table.cell(4, 1).add_table(rows=2, cols=2)
    for r, (step, work) in enumerate([("Bước 1", "Khảo sát"), ("Bước 2", "Triển khai")]):
        nested.cell(r, 0).text = step
        nested.cell(r, 1).text = work
    return document_bytes(document)


def vmerge_first_row() -> bytes:
    """A Word plan cut by a page break into two tables. Table 1: header, task 1 (lead
    "Văn phòng UBND tỉnh" merged down over task 2's row), task 2. Table 2 starts with
    task 3, whose lead cell says "continue the merge from above" (vMerge=continue) with
    no row above it and holds "Sở Tài chính"; task 4's lead continues that merge."""
    document = Document()
    first = _add_table(document, [
        list(DOCX_HEADER),
        ["1", "Rà soát quy trình", "Văn phòng UBND tỉnh", "30/6/2026"],
        ["2", "Cắt giảm thủ tục", "", "31/12/2026"],
    ])  # fmt: skip
    first.cell(1, 2).merge(first.cell(2, 2)).text = "Văn phòng UBND tỉnh"
    _add_table(document, [
        ["3", "Số hoá hồ sơ", "Sở Tài chính", "Quý II/2026"],
        ["4", "Đào tạo kỹ năng số", "", "Năm 2026"],
    ])  # fmt: skip
    second = document.element.body.tbl_lst[1]
    for tr in second.tr_lst:
        tr.tc_lst[2].vMerge = "continue"
    return document_bytes(document)


def _plan_with_formulas() -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = SHEET
    sheet.append(PLAN_HEADER)
    for number in range(1, 11):
        sheet.append([number, "Sở Tư pháp", f"Nhiệm vụ số {number}", "30/6/2026", ""])
    sheet.append([11, "Sở Tư pháp", None, None, None])
    for ref, (formula, _kind, _value) in STORED_VALUES.items():
        sheet[ref] = formula
    return workbook_bytes(book)


def _add_table(document: WordDocument, rows: list[list[str]]) -> Table:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    document.add_paragraph("")
    return table


def workbook_bytes(book: Workbook) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def document_bytes(document: WordDocument) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def member_text(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name).decode()


def replace_member(data: bytes, name: str, content: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            payload = content if item.filename == name else source.read(item.filename)
            target.writestr(item, payload, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()
