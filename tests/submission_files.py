"""The Sở KH&CN's progress template, as the page offers it, filled in with openpyxl.

From the sample (tests.submission_db): the template lists the tasks the Sở KH&CN leads,
PL-II-2026 tasks 10, 13, 18, 23, 24 first (rows 5 to 9); task 13's latest report says
"Chưa thực hiện", task 24 (due 15/06/2026) is led by the Sở KH&CN too; task 12 is Sở Tài
chính's; task 1 is led by another agency with the Sở KH&CN coordinating.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from io import BytesIO

from openpyxl import load_workbook
from sqlalchemy import Engine

from data_access.db import session_scope
from data_access.imports.agencies import agency_tasks
from exports.progress_template import HEADER, HEADER_ROW, progress_template_xlsx
from tests.submission_db import PLAN, SKHCN

SECOND_SHEET = "Bổ sung"
COLUMNS = {name: index for index, name in enumerate(HEADER)}
TASK_12 = "Chủ động rà soát bố trí kinh phí để nâng cấp, thay thế hoặc bổ sung trang thiết bị CNTT đã xuống cấp"  # noqa: E501
# The two reports of the Sở KH&CN: (task number, Tình trạng, Ngày hoàn thành, Minh chứng, Mô tả).
OWN_REPORTS = (
    ("13", "Đã hoàn thành", date(2026, 5, 15), "Báo cáo số 12/BC-SKHCN ngày 15/5/2026", ""),
    ("24", "Đang triển khai", None, "", "Đã nâng cấp thiết bị tại 12/20 xã."),
)


def filled_template(
    engine: Engine,
    reports: Sequence[tuple[str, str, date | str | None, str, str]],
    extra_rows: Sequence[Sequence[object]] = (),
    second_sheet: Sequence[Sequence[object]] = (),
) -> bytes:
    """The Sở KH&CN's template with ``reports`` filled in on their tasks' rows (PL-II-2026),
    ``extra_rows`` (whole rows, as HEADER orders them) added below, and ``second_sheet``'s
    rows, under the same header, on a sheet "Bổ sung"."""
    with session_scope(engine) as session:
        tasks = agency_tasks(session=session, agency_name=SKHCN)
    book = load_workbook(
        BytesIO(progress_template_xlsx(tasks, agency=SKHCN, created_on=date(2026, 12, 1)))
    )
    sheet = book.active
    assert sheet is not None
    rows = {
        (row[COLUMNS["Kế hoạch"]].value, row[COLUMNS["STT"]].value): row
        for row in sheet.iter_rows(min_row=HEADER_ROW + 1)
    }
    for number, status, done_on, evidence, description in reports:
        row = rows[(PLAN, number)]
        for column, value in (
            ("Tình trạng", status),
            ("Ngày hoàn thành", done_on),
            ("Minh chứng", evidence),
            ("Mô tả", description),
        ):
            row[COLUMNS[column]].value = value or None
    for extra in extra_rows:
        sheet.append(list(extra))
    if second_sheet:
        more = book.create_sheet(SECOND_SHEET)
        for values in (HEADER, *second_sheet):
            more.append(list(values))
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def other_task_row(number: str, name: str, status: str = "Đã hoàn thành") -> list[object]:
    """A row added to the template naming a PL-II-2026 task by its number and name."""
    row: list[object] = [None] * len(HEADER)
    row[COLUMNS["Kế hoạch"]], row[COLUMNS["STT"]], row[COLUMNS["Tên nhiệm vụ"]] = PLAN, number, name
    row[COLUMNS["Tình trạng"]] = status
    if status == "Đã hoàn thành":
        row[COLUMNS["Ngày hoàn thành"]] = date(2026, 6, 1)
    return row
