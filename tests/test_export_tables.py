"""Tables as xlsx and CSV: values, real date cells, frozen filtered header, defused formulas,
and the exporter's pure pieces (formula triggers, sheet names, date columns)."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date, datetime

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl.worksheet.worksheet import Worksheet

from exports.tables import (
    MAX_WIDTH,
    is_date_column,
    needs_neutralising,
    safe_sheet_name,
    table_csv,
    table_xlsx,
)
from tests.table_files import open_sheet

HEADER_ROW = 5  # title, two subtitle lines, a blank row


def overdue_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Số TT": ["1", "2", "3"],
            "Tên nhiệm vụ": [
                "Xây dựng Chiến lược chuyển đổi số của tỉnh",
                '=HYPERLINK("http://x","bấm")',
                "- Rà soát thủ tục hành chính",
            ],
            "Hạn hoàn thành": pd.to_datetime(["2026-03-31", "2026-06-30", None]),
            "Số ngày quá hạn": [237, 146, None],
            "Ngày báo cáo": [date(2026, 4, 10), None, date(2026, 5, 1)],
        }
    )


@pytest.fixture
def sheet() -> Worksheet:
    data = table_xlsx(
        overdue_frame(),
        title="Nhiệm vụ quá hạn",
        subtitle="Tính đến 23/11/2026 · Kế hoạch: tất cả\nSố liệu MINH HỌA",
        sheet_name="Quá hạn",
    )
    return open_sheet(data)


# --- xlsx: heading, header, values ---
def test_xlsx_heading_and_header(sheet: Worksheet) -> None:
    assert sheet.title == "Quá hạn"
    assert sheet["A1"].value == "Nhiệm vụ quá hạn"
    assert sheet["A1"].font.bold
    assert sheet["A2"].value == "Tính đến 23/11/2026 · Kế hoạch: tất cả"
    assert sheet["A3"].value == "Số liệu MINH HỌA"
    header = [c.value for c in sheet[HEADER_ROW]]
    assert header == list(overdue_frame().columns)
    assert all(c.font.bold and c.fill.fgColor.rgb.endswith("1F4E79") for c in sheet[HEADER_ROW])


def test_xlsx_values_round_trip(sheet: Worksheet) -> None:
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=HEADER_ROW + 1)]
    assert [r[0] for r in rows] == ["1", "2", "3"]
    assert rows[0][1] == "Xây dựng Chiến lược chuyển đổi số của tỉnh"
    assert [r[3] for r in rows] == [237, 146, None]


def test_xlsx_dates_are_real_date_cells_in_dd_mm_yyyy(sheet: Worksheet) -> None:
    due = sheet.cell(row=HEADER_ROW + 1, column=3)
    assert due.is_date and due.value == datetime(2026, 3, 31)
    assert due.number_format == "dd/mm/yyyy"
    reported = sheet.cell(row=HEADER_ROW + 1, column=5)
    assert reported.is_date and reported.value == datetime(2026, 4, 10)
    assert reported.number_format == "dd/mm/yyyy"
    assert sheet.cell(row=HEADER_ROW + 3, column=3).value is None  # NaT stays empty


def test_xlsx_header_is_frozen_and_filtered(sheet: Worksheet) -> None:
    assert sheet.freeze_panes == f"A{HEADER_ROW + 1}"
    assert sheet.auto_filter.ref == f"A{HEADER_ROW}:E{HEADER_ROW + 3}"
    assert sheet.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}"  # repeated on every page


def test_xlsx_columns_are_sized_and_text_wraps(sheet: Worksheet) -> None:
    name_width = sheet.column_dimensions["B"].width
    number_width = sheet.column_dimensions["A"].width
    assert name_width > number_width
    assert name_width <= MAX_WIDTH
    assert sheet.column_dimensions["C"].width >= len("dd/mm/yyyy")
    assert sheet.cell(row=HEADER_ROW + 1, column=2).alignment.wrap_text


# --- xlsx: formulas never run ---
def test_xlsx_formula_text_is_a_quote_prefixed_text_cell(sheet: Worksheet) -> None:
    cell = sheet.cell(row=HEADER_ROW + 2, column=2)
    assert cell.value == '=HYPERLINK("http://x","bấm")'
    assert cell.data_type == "s"
    assert cell.quotePrefix
    dash = sheet.cell(row=HEADER_ROW + 3, column=2)
    assert dash.value == "- Rà soát thủ tục hành chính" and dash.quotePrefix


def test_xlsx_file_holds_no_formula_element() -> None:
    data = table_xlsx(overdue_frame(), title="=1+1", subtitle="@SUM(A1)")
    xml = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml")
    assert b"<f>" not in xml and b"<f " not in xml


@given(st.lists(st.text(max_size=30), min_size=1, max_size=5))
@settings(max_examples=40, deadline=None)
def test_xlsx_never_stores_a_formula(texts: list[str]) -> None:
    frame = pd.DataFrame({"Nội dung": texts})
    sheet = open_sheet(table_xlsx(frame, title="T"))
    cells = [sheet.cell(row=4 + i, column=1) for i in range(len(texts))]  # no subtitle
    assert all(c.data_type != "f" for c in cells)


def test_xlsx_of_an_empty_frame_keeps_its_header() -> None:
    sheet = open_sheet(table_xlsx(overdue_frame().head(0), title="Trống"))
    assert [c.value for c in sheet[3]] == list(overdue_frame().columns)


# --- CSV ---
def test_csv_is_utf8_with_bom_and_reads_back() -> None:
    data = table_csv(overdue_frame())
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == list(overdue_frame().columns)
    assert rows[1] == [
        "1",
        "Xây dựng Chiến lược chuyển đổi số của tỉnh",
        "31/03/2026",
        "237",
        "10/04/2026",
    ]
    assert rows[3][2:4] == ["", ""]


def test_csv_defuses_formula_text() -> None:
    rows = list(csv.reader(io.StringIO(table_csv(overdue_frame()).decode("utf-8-sig"))))
    assert rows[2][1] == '\'=HYPERLINK("http://x","bấm")'
    assert rows[3][1] == "'- Rà soát thủ tục hành chính"


@given(st.lists(st.text(max_size=30), min_size=1, max_size=5))
@settings(max_examples=60, deadline=None)
def test_csv_never_starts_a_cell_with_a_formula_trigger(texts: list[str]) -> None:
    data = table_csv(pd.DataFrame({"Nội dung": texts}))
    cells = [row[0] for row in csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""))]
    assert not any(needs_neutralising(c) for c in cells[1:])


# --- Helpers ---
@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+2", True),
        ("+84 912", True),
        ("-5", True),
        ("@SUM(A1)", True),
        ("\t=1", True),
        ("\r=1", True),
        ("Xây dựng", False),
        ("1=1", False),
        (5, False),
    ],
)
def test_needs_neutralising(value: object, expected: bool) -> None:
    assert needs_neutralising(value) is expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Quá hạn", "Quá hạn"),
        ("Kế hoạch 92A/KH-UBND", "Kế hoạch 92A KH-UBND"),
        ("a" * 40, "a" * 31),
        ("[]", "Dữ liệu"),
    ],
)
def test_safe_sheet_name(name: str, expected: str) -> None:
    assert safe_sheet_name(name) == expected


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (pd.to_datetime(["2026-01-01"]), True),
        ([date(2026, 1, 1), None], True),
        (["01/01/2026"], False),
        ([None, None], False),
        ([1, 2], False),
    ],
)
def test_is_date_column(values: object, expected: bool) -> None:
    assert is_date_column(pd.Series(values)) is expected
