"""The "Chỉ tiêu" sheet of the illustrative progress workbook: invented results for 004's KPIs.

Results mix the two ways agencies type a rate: a fraction shown as a percentage
(0.78 formatted ``0%``) and a plain number of percentage points (78). Some targets
are met, some not; KPI 1 reaches exactly 80% at mid-year against ``>80%``, which is
NOT met.
"""

from __future__ import annotations

from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from sample_data.seeds import SeedTable

KPI_HEADER = (
    "TT",
    "Tên chỉ tiêu",
    "Chỉ tiêu năm 2026",
    "Kết quả Quý I/2026",
    "Kết quả 6 tháng đầu năm 2026",
    "Kết quả Quý III/2026",
)
PERCENT_FORMAT = "0%"
# (value, is_fraction) per period: Quý I, 6 tháng, Quý III; None = not reported yet.
KpiResult = tuple[float, bool] | None
KPI_RESULTS: dict[int, tuple[KpiResult, KpiResult, KpiResult]] = {
    1: ((0.72, True), (0.80, True), (0.86, True)),  # >80%: exactly 80% at mid-year is not met
    2: ((65, False), (78, False), (81.5, False)),  # >80%: met only in Quý III
    3: ((0.9, True), (1.0, True), (1.0, True)),  # 100%: met from mid-year
    4: ((20, False), (45, False), None),  # 50%: not met, Quý III not reported
    5: ((0.88, True), (0.95, True), (0.97, True)),  # 100%: never met
    6: ((93.2, False), (95, False), (96.1, False)),  # 95%: met from mid-year
}


def write_kpi_sheet(sheet: Worksheet, kpi_table: SeedTable, notice: str) -> None:
    """Notice row, header, then one row per KPI of the seed with its invented results."""
    sheet.append([notice])
    sheet["A1"].font = Font(bold=True, color="C00000", size=13)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(KPI_HEADER))
    sheet.append([])
    sheet.append(list(KPI_HEADER))
    for cell in sheet[3]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, horizontal="center")
    for number, name, target, *_ in kpi_table.rows[1:]:
        sheet.append([int(number), name, target])
        for column, result in enumerate(KPI_RESULTS[int(number)], start=4):
            if result is None:
                continue
            value, is_fraction = result
            cell = sheet.cell(row=sheet.max_row, column=column, value=value)
            if is_fraction:
                cell.number_format = PERCENT_FORMAT
        sheet.cell(row=sheet.max_row, column=2).alignment = Alignment(wrap_text=True)
    for letter, width in zip("ABCDEF", (5, 60, 16, 16, 18, 16), strict=True):
        sheet.column_dimensions[letter].width = width
