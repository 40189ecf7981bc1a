"""The illustrative progress workbook: labelled so, naming real tasks, reports over time."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime
from typing import Any

import pytest
from openpyxl.worksheet.worksheet import Worksheet

from sample_data.build_progress import ILLUSTRATIVE_NOTICE, TASK_HEADER, rough_due_date
from sample_data.manifest import PROGRESS_WORKBOOK
from sample_data.progress_kpis import KPI_HEADER
from tests.sample_files import (
    ROMAN,
    STATUSES,
    TASK_SHEETS,
    is_task_number,
    open_workbook,
    plan_sheet,
    sheet_rows,
)

# --- the illustrative progress workbook ------------------------------------------------------


def _progress(sheet: str) -> Worksheet:
    return open_workbook(PROGRESS_WORKBOOK)[sheet]


def _due_dates() -> dict[tuple[str, str | None, int], date | None]:
    """Due date of every task in the plan workbooks, keyed like progress rows."""
    dues: dict[tuple[str, str | None, int], date | None] = {}
    for code, sheet, number_column, deadline_column, _ in TASK_SHEETS:
        ws = plan_sheet(code, sheet)
        section: str | None = None
        for row in range(1, ws.max_row + 1):
            number = ws[f"{number_column}{row}"].value
            marker = ws[f"B{row}"].value if code == "DC-CT-NV-2026" else number
            if isinstance(marker, str) and ROMAN.fullmatch(marker):
                section = marker
            elif is_task_number(number):
                deadline = str(ws[f"{deadline_column}{row}"].value or "")
                dues[(code, section, int(str(number).rstrip(".")))] = rough_due_date(deadline)
    return dues


def _progress_rows() -> list[tuple[Any, ...]]:
    return sheet_rows(_progress("Tiến độ"))[3:]


@pytest.mark.parametrize("sheet", ["Tiến độ", "Chỉ tiêu"])
def test_progress_first_row_says_it_is_illustrative(sheet: str) -> None:
    assert _progress(sheet)["A1"].value == ILLUSTRATIVE_NOTICE
    assert "MINH HỌA" in ILLUSTRATIVE_NOTICE and "không phải tiến độ thực tế" in ILLUSTRATIVE_NOTICE


def test_progress_rows_name_real_tasks_with_valid_statuses_and_dates() -> None:
    ws = _progress("Tiến độ")
    assert sheet_rows(ws)[2] == TASK_HEADER
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
    rows = sheet_rows(ws)
    assert rows[2] == KPI_HEADER
    kpis = rows[3:]
    assert [row[0] for row in kpis] == [1, 2, 3, 4, 5, 6]
    assert [row[2] for row in kpis] == [">80%", ">80%", "100%", "50%", "100%", "95%"]
    formats = {ws.cell(row=r, column=c).number_format for r in range(4, 10) for c in (4, 5, 6)}
    assert {"0%", "General"} <= formats
    assert kpis[0][4] == pytest.approx(0.8) and ws["E4"].number_format == "0%"  # >80%: not met
