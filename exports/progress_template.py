"""A progress-report template for one agency: its tasks pre-filled, ready to fill in and return.

The table uses the headers the loaders read as a progress table (Kế hoạch, Mục,
STT, Tên nhiệm vụ, Ngày báo cáo, Tình trạng, Ngày hoàn thành, Minh chứng, Mô tả),
so a returned copy loads with no problems. Tình trạng has a drop-down of the
allowed statuses; the date columns are formatted dd/mm/yyyy and accept dates only.
"""

from __future__ import annotations

from datetime import date
from io import BytesIO

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from labels import DATE_FORMAT_EXCEL, format_date

SHEET = "Báo cáo tiến độ"
ALLOWED_STATUSES = ("Đã hoàn thành", "Đang thực hiện", "Chưa thực hiện")
HEADER = (
    "Kế hoạch",
    "Mục",
    "STT",
    "Tên nhiệm vụ",
    "Hạn theo kế hoạch",  # for reference: a header the loaders do not read
    "Ngày báo cáo",
    "Tình trạng",
    "Ngày hoàn thành",
    "Minh chứng",
    "Mô tả",
)
WIDTHS = (16, 7, 7, 60, 22, 14, 18, 16, 40, 50)
HEADER_ROW = 4
DATE_COLUMNS = ("F", "H")
STATUS_COLUMN = "G"
GIVEN_FILL = PatternFill("solid", start_color="EDEDED", end_color="EDEDED")  # do not edit
INSTRUCTIONS = (
    "Điền Ngày báo cáo, Tình trạng (chọn trong danh sách), Ngày hoàn thành (dd/mm/yyyy), "
    "Minh chứng và Mô tả; không sửa các cột tô xám."
)
MIN_DATE = date(2000, 1, 1)


def progress_template_xlsx(tasks: pd.DataFrame, *, agency: str, created_on: date) -> bytes:
    """The template for ``tasks`` (columns plan_code, section, number, name, deadline_text)."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = SHEET
    sheet["A1"] = f"MẪU BÁO CÁO TIẾN ĐỘ – {agency}"
    sheet["A1"].font = Font(bold=True, size=13)
    sheet["A2"] = f"Lập ngày {format_date(created_on)}. {INSTRUCTIONS}"
    sheet.append([])
    sheet.append(HEADER)
    for cell in sheet[HEADER_ROW]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    for task in tasks.itertuples(index=False):
        values = (task.plan_code, task.section, task.number, task.name, task.deadline_text)
        sheet.append([*(_as_text(v) for v in values), None, None, None, None, None])
    last = max(sheet.max_row, HEADER_ROW + 1)
    _format(sheet, last)
    _validate(sheet, last)
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def _as_text(value: object) -> str:
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def _format(sheet: Worksheet, last: int) -> None:
    for index, width in enumerate(WIDTHS):
        sheet.column_dimensions[chr(ord("A") + index)].width = width
    for row in sheet.iter_rows(min_row=HEADER_ROW + 1, max_row=last):
        for cell in row[:5]:
            cell.fill = GIVEN_FILL
            cell.data_type = "s"  # task text is text, even when it starts with "="
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for column in DATE_COLUMNS:
        for (cell,) in sheet[f"{column}{HEADER_ROW + 1}:{column}{last}"]:
            cell.number_format = DATE_FORMAT_EXCEL
    sheet.freeze_panes = f"F{HEADER_ROW + 1}"


def _validate(sheet: Worksheet, last: int) -> None:
    status = DataValidation(
        type="list",
        formula1='"' + ",".join(ALLOWED_STATUSES) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Tình trạng không hợp lệ",
        error="Hãy chọn một tình trạng trong danh sách.",
    )
    status.add(f"{STATUS_COLUMN}{HEADER_ROW + 1}:{STATUS_COLUMN}{last}")
    dates = DataValidation(
        type="date",
        operator="greaterThan",
        formula1=str((MIN_DATE - date(1899, 12, 30)).days),
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Ngày không hợp lệ",
        error="Hãy nhập ngày dạng dd/mm/yyyy.",
    )
    for column in DATE_COLUMNS:
        dates.add(f"{column}{HEADER_ROW + 1}:{column}{last}")
    sheet.add_data_validation(status)
    sheet.add_data_validation(dates)
