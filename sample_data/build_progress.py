"""Build the ILLUSTRATIVE progress workbook: invented reports on the sample plans' tasks and KPIs.

Run: ``python -m sample_data.build_progress [--seeds DIR] [--out FILE]``. The numbers are
drawn from ``random.Random(57)`` so every build is the same; they are not real progress,
and the first row of every sheet says so.
"""

from __future__ import annotations

import argparse
import calendar
import random
import re
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path

from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from data_access.rules import MONTHLY_REPORT_DAY
from labels import DATE_FORMAT_EXCEL, format_date
from sample_data.layouts import PLAN_LAYOUTS
from sample_data.manifest import PROGRESS_WORKBOOK, SOURCES_DIR
from sample_data.progress_kpis import write_kpi_sheet
from sample_data.tasks import TaskStub, task_stubs
from sample_data.workbooks import new_workbook, normalize_package

ILLUSTRATIVE_NOTICE = "SỐ LIỆU MINH HỌA – không phải tiến độ thực tế"
TASK_HEADER = (
    "Kế hoạch",
    "Mục",
    "STT",
    "Tên nhiệm vụ",
    "Ngày báo cáo",
    "Tình trạng",
    "Ngày hoàn thành",
    "Minh chứng",
    "Mô tả",
)
DONE, IN_PROGRESS, NOT_STARTED = "Đã hoàn thành", "Đang thực hiện", "Chưa thực hiện"
COMPLETED_SHARE = 0.4
FIRST_REPORT = date(2025, 10, 1)
LAST_REPORT = date(2026, 11, 30)
# When agencies could start reporting on each plan (its issue date, or shortly after).
PLAN_STARTS = {
    "PL-II-2026": date(2026, 2, 16),
    "KH-92A-UBND": date(2025, 11, 3),
    "KH-SKHCN-2025": date(2025, 10, 22),
    "DM-BS-2026": date(2026, 5, 18),
    "DC-CT-NV-2026": date(2026, 1, 12),
}
_DAY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_MONTH = re.compile(r"(\d{1,2})(?:/|\s+năm\s+)(\d{4})")
_QUARTER = re.compile(r"Quý\s+(I{1,3}|IV)(?:/|\s+năm\s+)(\d{4})", re.IGNORECASE)
_YEAR = re.compile(r"năm\s+(\d{4})", re.IGNORECASE)
_QUARTER_END_MONTH = {"I": 3, "II": 6, "III": 9, "IV": 12}

Row = tuple[str, str | None, int, str, date, str, date | None, str | None, str]


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def rough_due_date(text: str) -> date | None:
    """The last date a deadline text names; just enough for inventing progress, not the loader."""
    days = [date(int(y), int(m), int(d)) for d, m, y in _DAY.findall(text)]
    months = [_month_end(int(y), int(m)) for m, y in _MONTH.findall(text)]
    if days or months:
        return max(days + months)
    if quarter := _QUARTER.search(text):
        return _month_end(int(quarter.group(2)), _QUARTER_END_MONTH[quarter.group(1).upper()])
    if year := _YEAR.search(text):
        return date(int(year.group(1)), 12, 31)
    return None


def _between(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randint(0, max((last - first).days, 0)))


def _row(
    task: TaskStub,
    reported: date,
    status: str,
    description: str,
    completed: date | None = None,
    evidence: str | None = None,
) -> Row:
    section = task.section or None
    plan, number, name = task.plan_code, task.number, task.name
    return (plan, section, number, name, reported, status, completed, evidence, description)


def _completion(rng: random.Random, due: date, start: date) -> date:
    """On time about two times in three, otherwise a few days to weeks late."""
    if due > LAST_REPORT:
        return _between(rng, start + timedelta(days=30), LAST_REPORT - timedelta(days=10))
    if rng.random() < 0.65:
        completed = due - timedelta(days=rng.randint(0, 40))
    else:
        completed = due + timedelta(days=rng.randint(3, 75))
    return min(completed, LAST_REPORT - timedelta(days=5))


def _completed_rows(task: TaskStub, due: date, rng: random.Random) -> list[Row]:
    start = PLAN_STARTS[task.plan_code]
    completed = _completion(rng, due, start)
    reported = min(max(completed, start) + timedelta(days=rng.randint(0, 12)), LAST_REPORT)
    rows: list[Row] = []
    if rng.random() < 0.5 and (reported - start).days > 30:
        interim = _between(rng, start, reported - timedelta(days=20))
        rows.append(_row(task, interim, IN_PROGRESS, "Đang triển khai, đã xây dựng dự thảo."))
    with_evidence = rng.random() < 0.8  # some completions arrive without evidence
    evidence = f"Văn bản số {rng.randint(100, 2999)}/BC-ĐV ngày {format_date(completed)}"
    description = "Đã hoàn thành, đã gửi sản phẩm theo yêu cầu."
    rows.append(
        _row(task, reported, DONE, description, completed, evidence if with_evidence else None)
    )
    return rows


def _open_rows(task: TaskStub, due: date, rng: random.Random) -> list[Row]:
    start = PLAN_STARTS[task.plan_code]
    last = min(LAST_REPORT, max(due + timedelta(days=60), start + timedelta(days=30)))
    draw = rng.random()
    if draw < 0.55:
        dates = sorted({_between(rng, start, last) for _ in range(rng.randint(1, 3))})
        shares = sorted(rng.randint(1, 9) * 10 for _ in dates)
        return [
            _row(task, day, IN_PROGRESS, f"Đang triển khai, ước đạt {share}% khối lượng.")
            for day, share in zip(dates, shares, strict=True)
        ]
    if draw < 0.75:
        reason = rng.choice(("chờ hướng dẫn của cơ quan cấp trên.", "chưa được bố trí kinh phí."))
        return [_row(task, _between(rng, start, last), NOT_STARTED, f"Chưa triển khai: {reason}")]
    return []


def _recurring_rows(task: TaskStub, rng: random.Random) -> list[Row]:
    """Periodic "in progress" reports, monthly or quarterly, with the odd month missed."""
    if rng.random() < 0.2:
        return []
    monthly = "hằng tháng" in task.deadline_text or task.plan_code == "KH-SKHCN-2025"
    start = PLAN_STARTS[task.plan_code]
    rows: list[Row] = []
    year, month = start.year, start.month
    while (day := date(year, month, rng.randint(8, MONTHLY_REPORT_DAY))) <= LAST_REPORT:
        due_month = monthly or month % 3 == 0
        if due_month and day >= start and rng.random() < 0.8:
            period = f"tháng {month}/{year}" if monthly else f"quý {(month - 1) // 3 + 1}/{year}"
            description = f"Báo cáo định kỳ {period}: tiếp tục thực hiện."
            rows.append(_row(task, day, IN_PROGRESS, description))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return rows


def progress_rows(tasks: Sequence[TaskStub], rng: random.Random) -> list[Row]:
    """Reports for every task: 40% of dated tasks completed (those the plan already marks done
    among them), recurring ones reported periodically."""
    dues = {task: rough_due_date(task.deadline_text) for task in tasks}
    dated = [task for task in tasks if dues[task] is not None]
    done = [task for task in dated if task.done_in_source]
    others = [task for task in dated if not task.done_in_source]
    share = round(COMPLETED_SHARE * len(dated)) - len(done)
    completed = set(done) | set(rng.sample(others, share))
    rows: list[Row] = []
    for task in tasks:
        due = dues[task]
        if due is None:
            rows.extend(_recurring_rows(task, rng))
        elif task in completed:
            rows.extend(_completed_rows(task, due, rng))
        else:
            rows.extend(_open_rows(task, due, rng))
    return rows


def _write_task_sheet(sheet: Worksheet, rows: Sequence[Row]) -> None:
    sheet.append([ILLUSTRATIVE_NOTICE])
    sheet["A1"].font = Font(bold=True, color="C00000", size=13)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(TASK_HEADER))
    sheet.append([])
    sheet.append(list(TASK_HEADER))
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(list(row))
        for column in (5, 7):
            sheet.cell(row=sheet.max_row, column=column).number_format = DATE_FORMAT_EXCEL
    widths = (16, 6, 6, 60, 14, 16, 16, 36, 44)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for line in sheet.iter_rows(min_row=4, min_col=4, max_col=4):
        line[0].alignment = Alignment(wrap_text=True, vertical="top")


def build_progress(seeds_dir: Path, path: Path = PROGRESS_WORKBOOK) -> Path:
    """Write the illustrative progress workbook for the sample plans read from ``seeds_dir``."""
    tasks: list[TaskStub] = []
    kpi_table = None
    for layout in PLAN_LAYOUTS:
        for sheet, table in zip(layout.sheets, layout.read_tables(seeds_dir), strict=True):
            if "Tên chỉ tiêu" in table.header:
                kpi_table = table
            else:
                tasks.extend(task_stubs(layout.plan.code, table, sheet.number_columns))
    if kpi_table is None:
        raise ValueError("no KPI table among the seeds")
    workbook = new_workbook(ILLUSTRATIVE_NOTICE)
    _write_task_sheet(workbook.create_sheet("Tiến độ"), progress_rows(tasks, random.Random(57)))
    write_kpi_sheet(workbook.create_sheet("Chỉ tiêu"), kpi_table, ILLUSTRATIVE_NOTICE)
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    normalize_package(path)
    return path


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=Path, default=SOURCES_DIR)
    parser.add_argument("--out", type=Path, default=PROGRESS_WORKBOOK)
    args = parser.parse_args(argv)
    print(build_progress(args.seeds, args.out))


if __name__ == "__main__":
    main()
