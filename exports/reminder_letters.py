"""Reminder letters (văn bản đôn đốc): one .docx per lead agency, or all of them in a .zip.

A letter lists the agency's overdue tasks, those falling due in the next 30
days (number, task, assigning document, deadline, days), and those whose report
is owed (late on a milestone, done without evidence, a recurring report not
sent), in the usual administrative layout, ready to be edited and sent.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd
from docx.document import Document as DocxDocument

from data_access.reporting_calendar import MONTHLY_REPORT_DAY
from data_access.rollups import UNASSIGNED_AGENCY, upcoming
from data_access.statuses import TaskStatus
from exports import docx_admin as admin
from exports.chart_images import export_file_name, slugify
from exports.content import composed, due_text, overdue_tasks, task_list
from labels import ILLUSTRATIVE_NOTE, format_date, format_int

WINDOW_DAYS = 30
SUBJECT = "V/v đôn đốc thực hiện nhiệm vụ triển khai Nghị quyết số 57-NQ/TW"
RESOLUTION = (
    "Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, "
    "công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia"
)
OVERDUE_HEADING = "1. Các nhiệm vụ đã quá hạn nhưng chưa hoàn thành"
UPCOMING_HEADING = f"2. Các nhiệm vụ đến hạn trong {WINDOW_DAYS} ngày tới"
FOLLOW_UP_HEADING = "3. Các nhiệm vụ cần bổ sung báo cáo"
# What the agency is asked to send for each status chased besides overdue tasks.
FOLLOW_UP_REQUESTS: dict[str, str] = {
    TaskStatus.MILESTONE_LATE: "Báo cáo kết quả mốc đã qua (chậm mốc)",
    TaskStatus.DONE_NO_EVIDENCE: "Gửi minh chứng hoàn thành (số, ngày văn bản hoặc tài liệu)",
    TaskStatus.RECURRING_NOT_REPORTED: "Gửi báo cáo định kỳ kỳ này",
}
NONE_LISTED = "Không có nhiệm vụ nào."
HEADERS = ("TT", "Số hiệu", "Nhiệm vụ", "Văn bản giao", "Hạn hoàn thành")
OVERDUE_HEADERS = (*HEADERS, "Số ngày quá hạn")
UPCOMING_HEADERS = (*HEADERS, "Số ngày còn lại")
FOLLOW_UP_HEADERS = (*HEADERS, "Cần bổ sung")
WIDTHS = (0.9, 2.3, 6.2, 3.4, 2.2, 1.5)  # cm, 16.5 in all
RECIPIENTS = (
    "Như trên;",
    "UBND tỉnh (để báo cáo);",
    "Giám đốc Sở (để báo cáo);",
    "Lưu: VT, VP.",
)
LETTER_ROWS = 300  # per table; a longer list is cut with a note


@dataclass(frozen=True)
class ReminderLetter:
    """What one letter says; the task lists are ``content.task_list`` frames."""

    agency: str
    as_of: date
    overdue: pd.DataFrame
    upcoming: pd.DataFrame  # with ``days_left``
    follow_up: pd.DataFrame  # with ``request``: what to send (FOLLOW_UP_REQUESTS)
    illustrative: bool

    @property
    def is_empty(self) -> bool:
        return bool(self.overdue.empty and self.upcoming.empty and self.follow_up.empty)


def reminder_letter(
    agency: str,
    *,
    statuses: pd.DataFrame,
    agency_links: pd.DataFrame,
    documents: pd.DataFrame,
    as_of: date,
    illustrative: bool,
) -> ReminderLetter:
    """The content of ``agency``'s letter: the tasks it leads that are overdue, due within 30
    days, or owe a report."""
    letters = reminder_letters(
        [agency],
        statuses=statuses,
        agency_links=agency_links,
        documents=documents,
        as_of=as_of,
        illustrative=illustrative,
    )
    return letters[0]


def reminder_letters(
    agencies: list[str],
    *,
    statuses: pd.DataFrame,
    agency_links: pd.DataFrame,
    documents: pd.DataFrame,
    as_of: date,
    illustrative: bool,
) -> list[ReminderLetter]:
    """One letter's content per agency; the tasks to chase are found once for all of them."""
    overdue = overdue_tasks(statuses)
    soon = upcoming(statuses, as_of, WINDOW_DAYS)
    owed = reports_owed(statuses)
    chased = pd.concat([overdue["task_id"], soon["task_id"], owed["task_id"]])
    leads = agency_links[(agency_links["role"] == "lead") & agency_links["task_id"].isin(chased)]
    documents = documents[documents["task_id"].isin(chased)]  # merged once per letter below
    letters = []
    for agency in agencies:
        ids = leads.loc[leads["agency"] == agency, "task_id"]
        own_soon, own_owed = soon[soon["task_id"].isin(ids)], owed[owed["task_id"].isin(ids)]
        letters.append(
            ReminderLetter(
                agency=agency,
                as_of=as_of,
                overdue=task_list(overdue[overdue["task_id"].isin(ids)], leads, documents),
                upcoming=task_list(own_soon, leads, documents).assign(
                    days_left=own_soon["days_left"].to_numpy("int64")
                ),
                follow_up=task_list(own_owed, leads, documents).assign(
                    request=own_owed["status"].map(FOLLOW_UP_REQUESTS).to_numpy()
                ),
                illustrative=illustrative,
            )
        )
    return letters


def reports_owed(statuses: pd.DataFrame) -> pd.DataFrame:
    """Rows whose status asks for a report (FOLLOW_UP_REQUESTS), in that order, most days first."""
    rows = statuses[statuses["status"].isin(list(FOLLOW_UP_REQUESTS))]
    rank = rows["status"].map({code: i for i, code in enumerate(FOLLOW_UP_REQUESTS)})
    order = rows.assign(rank=rank).sort_values(["rank", "days_overdue"], ascending=[True, False])
    return order.drop(columns="rank")


def agencies_to_remind(
    statuses: pd.DataFrame, agency_links: pd.DataFrame, as_of: date
) -> list[str]:
    """Lead agencies with a task overdue, due soon or owing a report; most overdue first."""
    due_soon = upcoming(statuses, as_of, WINDOW_DAYS)["task_id"]
    overdue = overdue_tasks(statuses)["task_id"]
    owed = reports_owed(statuses)["task_id"]
    leads = agency_links[agency_links["role"] == "lead"]
    leads = leads[leads["task_id"].isin(pd.concat([overdue, due_soon, owed]))]
    counts = leads.assign(late=leads["task_id"].isin(overdue)).groupby("agency")["late"]
    ranked = counts.agg(["sum", "size"]).reset_index()
    ranked = ranked.sort_values(["sum", "size", "agency"], ascending=[False, False, True])
    return [str(a) for a in ranked["agency"] if a not in UNASSIGNED_AGENCY.values()]


def reminder_letter_docx(letter: ReminderLetter, *, reply_by: date | None = None) -> bytes:
    """The letter as an editable .docx; agencies are asked to report by ``reply_by``."""
    document = admin.new_document()
    admin.letterhead(document, subject=SUBJECT, day=letter.as_of)
    admin.addressee(document, letter.agency)
    if letter.illustrative:
        admin.body(document, f"Lưu ý: {ILLUSTRATIVE_NOTE}", italic=True)
    admin.body(document, _opening(letter))
    admin.body(document, OVERDUE_HEADING, bold=True)
    _task_table(document, letter.overdue, OVERDUE_HEADERS, "days_overdue")
    admin.body(document, UPCOMING_HEADING, bold=True)
    _task_table(document, letter.upcoming, UPCOMING_HEADERS, "days_left")
    if not letter.follow_up.empty:
        admin.body(document, FOLLOW_UP_HEADING, bold=True)
        _task_table(document, letter.follow_up, FOLLOW_UP_HEADERS, "request")
    admin.body(document, _request(letter.agency, reply_by or next_report_day(letter.as_of)))
    admin.closing(document, RECIPIENTS)
    return admin.to_bytes(document)


def reminder_letters_zip(letters: list[ReminderLetter]) -> bytes:
    """One .docx per letter in a .zip; ASCII file names, unique even when agencies slug alike."""
    buffer = io.BytesIO()
    used: set[str] = set()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for letter in letters:
            name = _unique(letter_file_name(letter.agency, letter.as_of), used)
            archive.writestr(name, reminder_letter_docx(letter))
    return buffer.getvalue()


def letter_file_name(agency: str, as_of: date) -> str:
    """ "don-doc-so-khoa-hoc-va-cong-nghe_23-11-2026.docx"."""
    return export_file_name(f"don-doc {slugify(agency)[:60]}", as_of, "docx")


def next_report_day(as_of: date) -> date:
    """The next monthly reporting day (the 20th) at least a week after ``as_of``."""
    earliest = as_of + timedelta(days=7)
    day = earliest.replace(day=MONTHLY_REPORT_DAY)
    if day < earliest:
        day = (day.replace(day=1) + timedelta(days=32)).replace(day=MONTHLY_REPORT_DAY)
    return day


def _opening(letter: ReminderLetter) -> str:
    return (
        f"Thực hiện {RESOLUTION} và các kế hoạch triển khai của tỉnh, theo dõi tình hình thực "
        f"hiện đến ngày {format_date(letter.as_of)}, {admin.SENDER_NAME} nhận thấy "
        f"{letter.agency} còn {format_int(len(letter.overdue))} nhiệm vụ đã quá hạn nhưng chưa "
        f"hoàn thành, {format_int(len(letter.upcoming))} nhiệm vụ đến hạn trong "
        f"{WINDOW_DAYS} ngày tới và {format_int(len(letter.follow_up))} nhiệm vụ cần bổ sung "
        "báo cáo, cụ thể như sau:"
    )


def _request(agency: str, reply_by: date) -> str:
    return (
        f"Để bảo đảm tiến độ chung của tỉnh, {admin.SENDER_NAME} đề nghị {agency} khẩn trương "
        "chỉ đạo hoàn thành các nhiệm vụ đã quá hạn, chủ động triển khai các nhiệm vụ sắp đến "
        "hạn và gửi báo cáo kết quả thực hiện (kèm minh chứng) về "
        f"{admin.SENDER_NAME} trước ngày {format_date(reply_by)} để tổng hợp, báo cáo "
        "Ủy ban nhân dân tỉnh./."
    )


def _task_table(
    document: DocxDocument, tasks: pd.DataFrame, headers: tuple[str, ...], last: str
) -> None:
    """One row per task; the ``last`` column: a number of days, or a request's text."""
    if tasks.empty:
        admin.body(document, NONE_LISTED)
        return
    rows = [
        (
            str(i),
            f"{r.plan_code} - {r.reference}",
            composed(str(r.name)),
            str(r.document),
            due_text(r.due_date, r.indicative),
            value if isinstance(value := getattr(r, last), str) else format_int(int(value)),
        )
        for i, r in enumerate(tasks.itertuples(index=False), start=1)
    ]
    admin.grid_table(document, headers, rows, WIDTHS, limit=LETTER_ROWS)


def _unique(name: str, used: set[str]) -> str:
    stem, _, ext = name.rpartition(".")
    candidate, n = name, 1
    while candidate in used:
        n += 1
        candidate = f"{stem}-{n}.{ext}"
    used.add(candidate)
    return candidate
