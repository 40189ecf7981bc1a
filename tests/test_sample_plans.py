"""The committed sample plans hold every seed task and KPI and keep the documents' realities
(title rows, repeated headers, split rows, debris); the Word sample holds the appendix."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import docx
import pytest

from sample_data.manifest import SAMPLE_PLAN_DOCX, SAMPLE_PLANS
from tests.sample_files import (
    ROMAN,
    TASK_NUMBER,
    all_text,
    column_values,
    is_task_number,
    plan_sheet,
    sheet_rows,
)

# --- every task and KPI is there -------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "sheet", "column", "count"),
    [
        ("PL-II-2026", "Phụ lục II", "A", 29),
        ("KH-92A-UBND", "Phụ lục nhiệm vụ", "A", 35),
        ("KH-SKHCN-2025", "Phụ lục 2", "B", 20),
        ("DM-BS-2026", "Phụ lục", "A", 14),
        ("DC-CT-NV-2026", "Phụ lục 02", "A", 21),
        ("DC-CT-NV-2026", "Phụ lục 01", "A", 6),  # the KPIs
    ],
)
def test_number_cells_count_the_tasks(code: str, sheet: str, column: str, count: int) -> None:
    numbers = [v for v in column_values(plan_sheet(code, sheet), column) if is_task_number(v)]
    assert len(numbers) == count


def test_000_numbers_are_written_with_a_trailing_dot() -> None:
    numbers = [
        v for v in column_values(plan_sheet("PL-II-2026", "Phụ lục II"), "A") if is_task_number(v)
    ]
    assert numbers == [f"{n}." for n in range(1, 30)]


@pytest.mark.parametrize(
    ("code", "sheet", "section_column", "expected"),
    [
        # 001: numbering restarts in each section
        ("KH-92A-UBND", "Phụ lục nhiệm vụ", "A", {"I": 3, "II": 30, "III": 2}),
        # 003: section VI does not exist
        (
            "DM-BS-2026",
            "Phụ lục",
            "A",
            {"I": 1, "II": 1, "III": 4, "IV": 1, "V": 4, "VII": 1, "VIII": 1, "IX": 1},
        ),  # fmt: skip
        # 004: the Roman numeral sits in the STT (TB02) column
        (
            "DC-CT-NV-2026",
            "Phụ lục 02",
            "B",
            {"I": 2, "II": 2, "III": 5, "IV": 2, "V": 2, "VI": 2, "VII": 6},
        ),  # fmt: skip
    ],
)
def test_sections_hold_their_tasks(
    code: str, sheet: str, section_column: str, expected: dict[str, int]
) -> None:
    ws = plan_sheet(code, sheet)
    counts: dict[str, int] = defaultdict(int)
    section = ""
    for number, marker in zip(
        column_values(ws, "A"), column_values(ws, section_column), strict=True
    ):
        if isinstance(marker, str) and ROMAN.fullmatch(marker):
            section = marker
        elif is_task_number(number):
            counts[section] += 1
    assert counts == expected


def test_001_keeps_the_note_row_under_section_II() -> None:
    column = column_values(plan_sheet("KH-92A-UBND", "Phụ lục nhiệm vụ"), "A")
    note_at = next(i for i, v in enumerate(column) if str(v).startswith("Nhiệm vụ trọng tâm"))
    assert column[note_at - 1] == "II"
    assert column[note_at].startswith("Nhiệm vụ trọng tâm, xuyên suốt: Tập trung hoàn thành")


# --- the documents' realities are kept --------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "sheet", "cell", "title"),
    [
        ("PL-II-2026", "Phụ lục II", "A1", "Phụ lục II: Danh mục các nhiệm vụ trọng tâm"),
        ("PL-II-2026", "Phụ lục II", "A2", "(Ban hành kèm theo Kế hoạch số"),
        ("KH-92A-UBND", "Phụ lục nhiệm vụ", "A1", "PHỤ LỤC NHIỆM VỤ"),
        ("KH-92A-UBND", "Phụ lục nhiệm vụ", "A2", "(Kèm theo Kế hoạch số 92A/KH-UBND"),
        ("KH-SKHCN-2025", "Phụ lục 2", "B1", "Phụ lục 2"),
        ("KH-SKHCN-2025", "Phụ lục 2", "B5", "Lưu ý: Nhiệm vụ BC BCĐTW"),
        ("DM-BS-2026", "Phụ lục", "A2", "DANH MỤC BỔ SUNG CÁC NHIỆM VỤ"),
        ("DC-CT-NV-2026", "Phụ lục 01", "A1", " [bookmark: _GoBack]Phụ lục số 01:"),
        ("DC-CT-NV-2026", "Phụ lục 02", "A1", "Phụ lục số 02: Điều chỉnh"),
    ],
)
def test_title_rows_sit_above_the_header(code: str, sheet: str, cell: str, title: str) -> None:
    assert str(plan_sheet(code, sheet)[cell].value).startswith(title)


@pytest.mark.parametrize(
    ("code", "sheet", "column", "header_first", "headers"),
    [
        ("PL-II-2026", "Phụ lục II", "A", "Stt", 5),
        ("KH-92A-UBND", "Phụ lục nhiệm vụ", "A", "STT", 14),
        ("KH-SKHCN-2025", "Phụ lục 2", "B", "TT", 6),
        ("DM-BS-2026", "Phụ lục", "A", "STT", 9),
    ],
)
def test_header_repeats_at_each_page_break(
    code: str, sheet: str, column: str, header_first: str, headers: int
) -> None:
    ws = plan_sheet(code, sheet)
    assert column_values(ws, column).count(header_first) == headers
    assert len(ws.row_breaks.brk) == headers - 1


@pytest.mark.parametrize(
    ("code", "sheet", "continuations", "example"),
    [
        ("PL-II-2026", "Phụ lục II", 2, (None, None, "05/01/2026", None, None, None, None)),
        ("KH-92A-UBND", "Phụ lục nhiệm vụ", 11, (None, None, None, "Các sở, ban, ngành")),
        ("DM-BS-2026", "Phụ lục", 5, (None, None, None, "ngành, địa phương")),
    ],
)
def test_continuation_rows_carry_split_text(
    code: str, sheet: str, continuations: int, example: tuple[Any, ...]
) -> None:
    rows = sheet_rows(plan_sheet(code, sheet))
    first_header = next(i for i, row in enumerate(rows) if row[0] in ("Stt", "STT"))
    found = [
        row
        for row in rows[first_header:]
        if row[0] is None and any(row) and not (isinstance(row[1], str) and ROMAN.fullmatch(row[1]))
    ]
    assert len(found) == continuations
    assert any(row[: len(example)] == example for row in found)
    # a continuation follows the repeated header of a page break
    assert all(rows[rows.index(row) - 1][0] in ("Stt", "STT") for row in found)


def test_002_table_starts_at_column_b() -> None:
    ws = plan_sheet("KH-SKHCN-2025", "Phụ lục 2")
    assert set(column_values(ws, "A")) == {None}
    header_row = column_values(ws, "B").index("TT") + 1
    assert ws.cell(row=header_row, column=3).value == "Tên nhiệm vụ"
    assert ws.cell(row=header_row, column=11).value == "Mô tả"


def test_003_section_titles_are_merged_across_the_row() -> None:
    ws = plan_sheet("DM-BS-2026", "Phụ lục")
    merged = {str(r) for r in ws.merged_cells.ranges}
    section_rows = [
        i for i, v in enumerate(column_values(ws, "A"), 1) if v and ROMAN.fullmatch(str(v))
    ]
    assert len(section_rows) == 8
    assert all(f"B{row}:I{row}" in merged for row in section_rows)


@pytest.mark.parametrize("debris", ["<p>", '<ul style="', "<i>", "**", "[bookmark: _GoBack]"])
def test_markup_debris_is_kept_for_the_loader_to_clean(debris: str) -> None:
    assert any(debris in all_text(plan.path) for plan in SAMPLE_PLANS)


def test_004_multi_line_cells_keep_their_line_breaks() -> None:
    ws = plan_sheet("DC-CT-NV-2026", "Phụ lục 02")
    values = {cell.value for row in ws.iter_rows() for cell in row}
    assert "Văn phòng (1)\nGDTX, GDNN&ĐH (2)" in values
    assert "STT\n(TB02)" in values


# --- the Word sample -------------------------------------------------------------------------


def test_docx_holds_the_appendix_as_one_table_with_merged_section_rows() -> None:
    document = docx.Document(str(SAMPLE_PLAN_DOCX))
    assert document.paragraphs[1].text.startswith("DANH MỤC BỔ SUNG")
    (table,) = document.tables
    columns = len(table.columns)
    header, *rows = table.rows
    assert header.cells[0].text == "STT" and columns == 9
    assert header._tr.trPr.xpath("./w:tblHeader")  # Word repeats it at page breaks
    sections = [row for row in rows if ROMAN.fullmatch(row.cells[0].text)]
    tasks = [row for row in rows if TASK_NUMBER.fullmatch(row.cells[0].text)]
    assert len(sections) == 8 and len(tasks) == 14
    assert len(rows) == len(sections) + len(tasks)  # no continuation rows, no repeated headers
    for row in sections:
        numeral_cell, title_cell = row._tr.tc_lst
        assert title_cell.grid_span == columns - 1
    assert tasks[1].cells[1].text.endswith("chương trình của Ban Chỉ đạo Trung ương, Ban Thường vụ "
                                          "Tỉnh ủy, Ban Chỉ đạo tỉnh; đẩy mạnh công tác thông tin, "
                                          "tuyên truyền về kết quả triển khai thực hiện Nghị quyết "
                                          "số 57-NQ/TW.")  # fmt: skip
