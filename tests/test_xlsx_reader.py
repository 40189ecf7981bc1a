"""Messy real-world workbooks: layout noise, odd cell types, lying dimensions."""

import unicodedata
import zipfile
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook

from loaders.load import load_file
from loaders.records import DeadlineKind, ProblemCode

MakeXlsx = Callable[..., Path]
HEADER = ["STT", "Tên nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành", "Ghi chú"]


def test_blank_columns_title_rows_repeated_headers_and_nfd_text(make_xlsx: MakeXlsx) -> None:
    nfd = unicodedata.normalize("NFD", "Tổ chức tập huấn kỹ năng số")
    nfd_header = [unicodedata.normalize("NFD", h) for h in HEADER]
    path = make_xlsx(
        {
            "Phụ lục": [
                [None, None, "PHỤ LỤC NHIỆM VỤ"],
                [],
                [None, None, *nfd_header],
                [None, None, "I", "Về công tác chỉ đạo"],
                [None, None, 1, nfd, "Sở\u00a0Khoa học và Công nghệ", "30/6/2026"],
                [None, None, *HEADER],
                [None, None, None, "cho cán bộ"],
                [None, None, 2, "<p>Rà soát</p>", "Sở Nội vụ", "Quý II/2026"],
            ]
        }
    )
    result = load_file(path)
    one, two = result.tasks
    assert one.name == "Tổ chức tập huấn kỹ năng số cho cán bộ"
    assert unicodedata.is_normalized("NFC", one.name)
    assert one.lead_agencies == ["Sở Khoa học và Công nghệ"]
    assert (one.section, one.section_title, one.source_row) == ("I", "Về công tác chỉ đạo", 5)
    assert (two.name, two.due_date) == ("Rà soát", date(2026, 6, 30))
    assert result.title == "PHỤ LỤC NHIỆM VỤ"
    assert result.problems == []


def test_excel_dates_serial_numbers_and_an_invalid_date(make_xlsx: MakeXlsx) -> None:
    header = [*HEADER, "Ngày hoàn thành"]
    serial = (date(2026, 6, 30) - date(1899, 12, 30)).days
    path = make_xlsx(
        {
            "Tiến độ": [
                header,
                [1, "A", "Sở Tài chính", datetime(2026, 9, 30), None, datetime(2026, 9, 1)],
                [2, "B", "Sở Tài chính", serial, None, None],
                [3, "C", "Sở Tài chính", "30-6-2026", None, "31/02/2026"],
            ]
        }
    )
    result = load_file(path)
    a, b, c = result.tasks
    assert (a.due_date, a.deadline_kind, a.completion_date) == (
        date(2026, 9, 30),
        DeadlineKind.DATE,
        date(2026, 9, 1),
    )
    assert a.completed
    assert b.due_date == date(2026, 6, 30)
    assert (c.due_date, c.completion_date, c.completed) == (date(2026, 6, 30), None, False)
    assert [(p.sheet, p.row, p.column, p.code, p.value) for p in result.problems] == [
        ("Tiến độ", 4, "Ngày hoàn thành", ProblemCode.INVALID_DATE, "31/02/2026")
    ]


def test_kpi_sheet_with_percent_formats_next_to_a_task_sheet(make_xlsx: MakeXlsx) -> None:
    kpis = [
        ["TT", "Tên chỉ tiêu", "Chỉ tiêu năm 2026", "Kết quả Quý I/2026",
         "Kết quả 6 tháng đầu năm 2026"],
        [1, "Tỉ lệ hồ sơ trực tuyến", ">80%", 0.72, 0.8],
        [2, "Tỉ lệ hài lòng", "95%", 93.2, "không rõ"],
    ]  # fmt: skip
    path = make_xlsx(
        {
            "Chỉ tiêu": kpis,
            "Nhiệm vụ": [HEADER, [1, "Nhiệm vụ", "Sở Tài chính", "Năm 2026"]],
            "Hướng dẫn": [["Ghi chép tự do, không phải bảng"]],
        },
        formats={("Chỉ tiêu", "D2"): "0%", ("Chỉ tiêu", "E2"): "0.0%"},
    )
    result = load_file(path)
    first, second = result.kpis
    assert [(a.period, a.value) for a in first.actuals] == [("2026-Q1", 72.0), ("2026-H1", 80.0)]
    assert [(a.period, a.value) for a in second.actuals] == [("2026-Q1", 93.2)]
    assert (first.sheet, result.tasks[0].sheet) == ("Chỉ tiêu", "Nhiệm vụ")
    assert result.tasks[0].due_date == date(2026, 12, 31)
    assert [(p.row, p.column, p.code) for p in result.problems] == [
        (3, "Kết quả 6 tháng đầu năm 2026", ProblemCode.INVALID_NUMBER)
    ]


def test_merged_section_title_is_read_from_its_first_cell(tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    sheet.append(["II", "Về hoàn thiện thể chế, chính sách"])
    sheet.merge_cells("B2:E2")
    sheet.append([1, "Rà soát", "Sở Tư pháp", "Tháng 6/2026"])
    path = tmp_path / "merged.xlsx"
    workbook.save(path)
    (task,) = load_file(path).tasks
    assert (task.section, task.section_title) == ("II", "Về hoàn thiện thể chế, chính sách")


def _claim_dimension(path: Path, ref: str) -> None:
    """Rewrite the sheet's <dimension> the way some exporters do."""
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    sheet = "xl/worksheets/sheet1.xml"
    members[sheet] = members[sheet].replace(
        b'<dimension ref="A1:E31"/>', f'<dimension ref="{ref}"/>'.encode()
    )
    assert ref.encode() in members[sheet]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def test_a_huge_claimed_dimension_is_not_read(make_xlsx: MakeXlsx) -> None:
    rows = [
        HEADER,
        *([n, f"Nhiệm vụ {n}", "Sở Tài chính", "30/6/2026", None] for n in range(1, 31)),
    ]
    path = make_xlsx({"Sheet": rows})
    _claim_dimension(path, "A1:XFD1048576")
    told: list[int] = []
    result = load_file(path, progress=told.append)
    # 31 rows read, not the 1,048,576 claimed: progress is told every 1,000 rows, so never.
    assert told == []
    assert len(result.tasks) == 30


def test_a_stray_cell_far_below_the_table_is_not_reached(tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    for n in range(1, 31):
        sheet.append([n, f"Nhiệm vụ {n}", "Sở Tài chính", "30/6/2026"])
    sheet["XFD1048576"] = " "
    path = tmp_path / "stray.xlsx"
    workbook.save(path)
    told: list[int] = []
    result = load_file(path, progress=told.append)
    # 31 rows, then the sheet counts as finished after 1,000 empty rows (MAX_BLANK_RUN):
    # 1,032 rows read, so progress (every 1,000 rows) is told once, never near row 1,048,576.
    assert told == [1000]
    assert len(result.tasks) == 30


def test_kpi_table_below_a_task_table_still_gets_its_percent_formats(make_xlsx: MakeXlsx) -> None:
    rows = [HEADER, [1, "Nhiệm vụ", "Sở Tài chính", "Năm 2026"], [],
            ["TT", "Tên chỉ tiêu", "Chỉ tiêu năm 2026", "Kết quả năm 2026"],
            [1, "Tỉ lệ hồ sơ trực tuyến", ">80%", 0.85]]  # fmt: skip
    path = make_xlsx({"Tổng hợp": rows}, formats={("Tổng hợp", "D5"): "0.00%"})
    result = load_file(path)
    assert [t.name for t in result.tasks] == ["Nhiệm vụ"]
    (kpi,) = result.kpis
    assert ([(a.period, a.value) for a in kpi.actuals], kpi.source_row) == ([("2026", 85.0)], 5)
