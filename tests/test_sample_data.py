"""The committed sample files hold every seed task, keep the documents' realities, and rebuild
identically from the seeds; the progress workbook is labelled illustrative."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from sample_data.build_progress import ILLUSTRATIVE_NOTICE, TASK_HEADER, rough_due_date
from sample_data.build_samples import build_all
from sample_data.manifest import (
    PROGRESS_WORKBOOK,
    SAMPLE_PLAN_DOCX,
    SAMPLE_PLANS,
    SOURCES_DIR,
    sample_plan,
)
from sample_data.progress_kpis import KPI_HEADER

TASK_NUMBER = re.compile(r"\d+\.?")
ROMAN = re.compile(r"[IVXL]+")
STATUSES = {"Đã hoàn thành", "Đang thực hiện", "Chưa thực hiện"}
# plan code, sheet, column of the task number, column of the deadline, header's first cell
TASK_SHEETS = [
    ("PL-II-2026", "Phụ lục II", "A", "F", "Stt"),
    ("KH-92A-UBND", "Phụ lục nhiệm vụ", "A", "E", "STT"),
    ("KH-SKHCN-2025", "Phụ lục 2", "B", "D", "TT"),
    ("DM-BS-2026", "Phụ lục", "A", "F", "STT"),
    ("DC-CT-NV-2026", "Phụ lục 02", "A", "G", "TT"),
]


@cache
def _workbook(path: Path) -> Workbook:
    return openpyxl.load_workbook(path)


def _sheet(code: str, name: str) -> Worksheet:
    return _workbook(sample_plan(code).path)[name]


def _column(sheet: Worksheet, letter: str) -> list[Any]:
    return [cell.value for cell in sheet[letter]]


def _is_task_number(value: Any) -> bool:
    return isinstance(value, int) or (isinstance(value, str) and bool(TASK_NUMBER.fullmatch(value)))


def _rows(sheet: Worksheet) -> list[tuple[Any, ...]]:
    return list(sheet.iter_rows(values_only=True))


def _all_text(path: Path) -> str:
    return "\n".join(
        str(value) for sheet in _workbook(path) for row in _rows(sheet) for value in row if value
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
    numbers = [v for v in _column(_sheet(code, sheet), column) if _is_task_number(v)]
    assert len(numbers) == count


def test_000_numbers_are_written_with_a_trailing_dot() -> None:
    numbers = [v for v in _column(_sheet("PL-II-2026", "Phụ lục II"), "A") if _is_task_number(v)]
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
    ws = _sheet(code, sheet)
    counts: dict[str, int] = defaultdict(int)
    section = ""
    for number, marker in zip(_column(ws, "A"), _column(ws, section_column), strict=True):
        if isinstance(marker, str) and ROMAN.fullmatch(marker):
            section = marker
        elif _is_task_number(number):
            counts[section] += 1
    assert counts == expected


def test_001_keeps_the_note_row_under_section_II() -> None:
    column = _column(_sheet("KH-92A-UBND", "Phụ lục nhiệm vụ"), "A")
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
    assert str(_sheet(code, sheet)[cell].value).startswith(title)


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
    ws = _sheet(code, sheet)
    assert _column(ws, column).count(header_first) == headers
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
    rows = _rows(_sheet(code, sheet))
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
    ws = _sheet("KH-SKHCN-2025", "Phụ lục 2")
    assert set(_column(ws, "A")) == {None}
    header_row = _column(ws, "B").index("TT") + 1
    assert ws.cell(row=header_row, column=3).value == "Tên nhiệm vụ"
    assert ws.cell(row=header_row, column=11).value == "Mô tả"


def test_003_section_titles_are_merged_across_the_row() -> None:
    ws = _sheet("DM-BS-2026", "Phụ lục")
    merged = {str(r) for r in ws.merged_cells.ranges}
    section_rows = [i for i, v in enumerate(_column(ws, "A"), 1) if v and ROMAN.fullmatch(str(v))]
    assert len(section_rows) == 8
    assert all(f"B{row}:I{row}" in merged for row in section_rows)


@pytest.mark.parametrize("debris", ["<p>", '<ul style="', "<i>", "**", "[bookmark: _GoBack]"])
def test_markup_debris_is_kept_for_the_loader_to_clean(debris: str) -> None:
    assert any(debris in _all_text(plan.path) for plan in SAMPLE_PLANS)


def test_004_multi_line_cells_keep_their_line_breaks() -> None:
    ws = _sheet("DC-CT-NV-2026", "Phụ lục 02")
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


# --- the illustrative progress workbook ------------------------------------------------------


def _progress(sheet: str) -> Worksheet:
    return _workbook(PROGRESS_WORKBOOK)[sheet]


def _due_dates() -> dict[tuple[str, str | None, int], date | None]:
    """Due date of every task in the plan workbooks, keyed like progress rows."""
    dues: dict[tuple[str, str | None, int], date | None] = {}
    for code, sheet, number_column, deadline_column, _ in TASK_SHEETS:
        ws = _sheet(code, sheet)
        section: str | None = None
        for row in range(1, ws.max_row + 1):
            number = ws[f"{number_column}{row}"].value
            marker = ws[f"B{row}"].value if code == "DC-CT-NV-2026" else number
            if isinstance(marker, str) and ROMAN.fullmatch(marker):
                section = marker
            elif _is_task_number(number):
                deadline = str(ws[f"{deadline_column}{row}"].value or "")
                dues[(code, section, int(str(number).rstrip(".")))] = rough_due_date(deadline)
    return dues


def _progress_rows() -> list[tuple[Any, ...]]:
    return _rows(_progress("Tiến độ"))[3:]


@pytest.mark.parametrize("sheet", ["Tiến độ", "Chỉ tiêu"])
def test_progress_first_row_says_it_is_illustrative(sheet: str) -> None:
    assert _progress(sheet)["A1"].value == ILLUSTRATIVE_NOTICE
    assert "MINH HỌA" in ILLUSTRATIVE_NOTICE and "không phải tiến độ thực tế" in ILLUSTRATIVE_NOTICE


def test_progress_rows_name_real_tasks_with_valid_statuses_and_dates() -> None:
    ws = _progress("Tiến độ")
    assert _rows(ws)[2] == TASK_HEADER
    dues = _due_dates()
    for index, (plan, section, number, _, reported, status, done_on, *_) in enumerate(
        _progress_rows(), start=4
    ):
        assert (plan, section, number) in dues
        assert status in STATUSES
        assert isinstance(reported, datetime)
        assert date(2025, 10, 1) <= reported.date() <= date(2026, 11, 30)
        assert ws[f"E{index}"].number_format == "dd/mm/yyyy"
        assert (done_on is not None) == (status == "Đã hoàn thành")
        if done_on is not None:
            assert isinstance(done_on, datetime) and ws[f"G{index}"].number_format == "dd/mm/yyyy"
            assert done_on <= reported


def test_progress_completes_about_40_percent_of_dated_tasks_some_late() -> None:
    dues = _due_dates()
    dated = {key for key, due in dues.items() if due is not None}
    finished = {(r[0], r[1], r[2]): r[6].date() for r in _progress_rows() if r[6] is not None}
    assert set(finished) <= dated
    assert 0.35 <= len(finished) / len(dated) <= 0.45
    late = [key for key, done_on in finished.items() if done_on > (dues[key] or done_on)]
    assert 0 < len(late) < len(finished)


def test_progress_reports_over_time_and_periodic_reports_for_recurring_tasks() -> None:
    reports: dict[tuple[Any, ...], list[tuple[datetime, str]]] = defaultdict(list)
    for plan, section, number, _, reported, status, *_ in _progress_rows():
        reports[(plan, section, number)].append((reported, status))
    assert sum(len(series) >= 2 for series in reports.values()) >= 10
    for series in reports.values():
        dates = [reported for reported, _ in series]
        assert dates == sorted(dates) and len(set(dates)) == len(dates)
    dues = _due_dates()
    recurring = [series for key, series in reports.items() if dues[key] is None]
    assert recurring and all(status == "Đang thực hiện" for s in recurring for _, status in s)
    assert max(len(series) for series in recurring) >= 6


def test_kpi_sheet_mixes_percent_cells_and_plain_numbers() -> None:
    ws = _progress("Chỉ tiêu")
    rows = _rows(ws)
    assert rows[2] == KPI_HEADER
    kpis = rows[3:]
    assert [row[0] for row in kpis] == [1, 2, 3, 4, 5, 6]
    assert [row[2] for row in kpis] == [">80%", ">80%", "100%", "50%", "100%", "95%"]
    formats = {ws.cell(row=r, column=c).number_format for r in range(4, 10) for c in (4, 5, 6)}
    assert {"0%", "General"} <= formats
    assert kpis[0][4] == pytest.approx(0.8) and ws["E4"].number_format == "0%"  # >80%: not met


# --- manifest ---------------------------------------------------------------------------------


def test_manifest_names_five_committed_plans() -> None:
    assert [plan.code for plan in SAMPLE_PLANS] == [
        "PL-II-2026",
        "KH-92A-UBND",
        "KH-SKHCN-2025",
        "DM-BS-2026",
        "DC-CT-NV-2026",
    ]
    assert all(plan.path.is_file() for plan in SAMPLE_PLANS)
    assert SAMPLE_PLAN_DOCX.is_file() and PROGRESS_WORKBOOK.is_file()
    assert sample_plan("KH-92A-UBND").issued_on == date(2025, 11, 1)
    assert sample_plan("KH-SKHCN-2025").issued_on == date(2025, 10, 22)
    # "ngày … tháng 5 năm 2026": the day is blank; the end of May is the latest it can be.
    assert sample_plan("DM-BS-2026").issued_on == date(2026, 5, 31)


# --- rebuilding from the seeds ---------------------------------------------------------------


def _values(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    workbook = openpyxl.load_workbook(path)
    return {sheet.title: _rows(sheet) for sheet in workbook}


def test_rebuilding_from_the_seeds_reproduces_the_committed_files(tmp_path: Path) -> None:
    written = build_all(SOURCES_DIR, tmp_path)
    committed = [plan.path for plan in SAMPLE_PLANS] + [SAMPLE_PLAN_DOCX, PROGRESS_WORKBOOK]
    assert sorted(p.name for p in written) == sorted(p.name for p in committed)
    for path in committed:
        rebuilt = tmp_path / path.parent.name / path.name
        if path.suffix == ".xlsx":
            assert _values(rebuilt) == _values(path), path.name
        else:
            texts = [
                [c.text for c in row.cells] for row in docx.Document(str(rebuilt)).tables[0].rows
            ]
            ours = [[c.text for c in row.cells] for row in docx.Document(str(path)).tables[0].rows]
            assert texts == ours


def _as_text(value: Any) -> str:
    return "" if value is None else str(value)


@pytest.mark.parametrize(("prefix", "code", "sheet", "first_column"), [
    ("000", "PL-II-2026", "Phụ lục II", 1),
    ("001", "KH-92A-UBND", "Phụ lục nhiệm vụ", 1),
    ("002", "KH-SKHCN-2025", "Phụ lục 2", 2),
    ("003", "DM-BS-2026", "Phụ lục", 1),
])  # fmt: skip
def test_every_table_line_of_a_tab_seed_is_a_row_cell_for_cell(
    prefix: str, code: str, sheet: str, first_column: int
) -> None:
    (seed,) = SOURCES_DIR.glob(f"{prefix}_*.txt")
    lines = [line for line in seed.read_text(encoding="utf-8").split("\n") if "\t" in line]
    rows = [
        tuple(_as_text(v) for v in row[first_column - 1 :]) for row in _rows(_sheet(code, sheet))
    ]
    table = rows[next(i for i, row in enumerate(rows) if row[0] in ("Stt", "STT", "TT")) :]
    assert table == [tuple(line.split("\t")) for line in lines]


def test_every_line_of_seed_004_is_in_its_workbook() -> None:
    (seed,) = SOURCES_DIR.glob("004_*.txt")
    text = _all_text(sample_plan("DC-CT-NV-2026").path)
    lines = [line.removeprefix("\t") for line in seed.read_text(encoding="utf-8").split("\n")]
    assert all(line in text for line in lines if line.strip())


def test_rebuilding_twice_gives_identical_bytes(tmp_path: Path) -> None:
    first = build_all(SOURCES_DIR, tmp_path / "a")
    second = build_all(SOURCES_DIR, tmp_path / "b")
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
