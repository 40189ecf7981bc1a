"""Reminder letters as Word files: one .docx per lead agency, or all of them in a .zip.

The usual administrative layout (exports.docx_admin), ready to be edited and sent;
an internal unit's slip has no "Kính gửi" and asks for the internal reporting day
(``reporting_calendar``: the 12th). What each letter lists is exports.reminder_letters.
"""

from __future__ import annotations

import io
import zipfile
from datetime import date, timedelta

import pandas as pd
from docx.document import Document as DocxDocument

from data_access.rules import DUE_SOON_DAYS, INTERNAL_MONTHLY_REPORT_DAY, MONTHLY_REPORT_DAY
from exports import docx_admin as admin
from exports.chart_images import export_file_name, slugify
from exports.content import (
    composed,
    due_text,
)
from exports.periodic_report import in_sentence
from exports.reminder_letters import ReminderLetter
from labels import ILLUSTRATIVE_NOTE, format_date, format_int

SUBJECT = "V/v đôn đốc thực hiện nhiệm vụ triển khai Nghị quyết số 57-NQ/TW"
RESOLUTION = (
    "Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, "
    "công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia"
)
OVERDUE_HEADING = "1. Các nhiệm vụ đã quá hạn nhưng chưa hoàn thành"
UPCOMING_HEADING = f"2. Các nhiệm vụ đến hạn trong {DUE_SOON_DAYS} ngày tới"
FOLLOW_UP_HEADING = "3. Các nhiệm vụ cần bổ sung báo cáo"
NONE_LISTED = "Không có nhiệm vụ nào."
MISSED_REPORT = "Đến ngày {as_of}, đơn vị chưa gửi báo cáo {period} (hạn gửi: {due})."
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
NOTE_TITLE = "PHIẾU NHẮC VIỆC"
NOTE_SUBTITLE = "(nội bộ) Về thực hiện nhiệm vụ triển khai Nghị quyết số 57-NQ/TW"
NOTE_RECIPIENT = "Đơn vị được nhắc: "
NOTE_RECIPIENTS = ("Như trên;", "Lưu: VP.")


def reminder_letter_docx(letter: ReminderLetter, *, reply_by: date | None = None) -> bytes:
    """The letter as an editable .docx; agencies are asked to report by ``reply_by``.

    An internal unit's is a reminder slip from its body (``reminder_note``).
    """
    if letter.is_internal:
        return reminder_note(letter, reply_by=reply_by)
    document = admin.new_document()
    admin.letterhead(document, subject=SUBJECT, day=letter.as_of)
    admin.addressee(document, letter.agency)
    if letter.illustrative:
        admin.body(document, f"Lưu ý: {ILLUSTRATIVE_NOTE}", italic=True)
    admin.body(document, _opening(letter))
    _missed_report(document, letter)
    _task_tables(document, letter)
    admin.body(document, _request(letter.agency, reply_by or next_report_day(letter.as_of)))
    admin.closing(document, RECIPIENTS)
    return admin.to_bytes(document)


def reminder_note(letter: ReminderLetter, *, reply_by: date | None = None) -> bytes:
    """An internal unit's reminder slip (phiếu nhắc việc) from its body, as an editable .docx."""
    reply_by = reply_by or next_report_day(letter.as_of, INTERNAL_MONTHLY_REPORT_DAY)
    document = admin.new_document()
    admin.note_head(document, sender=letter.body, day=letter.as_of)
    admin.title(document, NOTE_TITLE, NOTE_SUBTITLE)
    admin.labelled(document, NOTE_RECIPIENT, letter.agency)
    if letter.illustrative:
        admin.body(document, f"Lưu ý: {ILLUSTRATIVE_NOTE}", italic=True)
    admin.body(document, _note_opening(letter))
    _missed_report(document, letter)
    _task_tables(document, letter)
    admin.body(
        document,
        f"Đề nghị {letter.agency} khẩn trương hoàn thành các nhiệm vụ đã quá hạn, chủ động triển "
        "khai các nhiệm vụ sắp đến hạn và báo cáo kết quả thực hiện (kèm minh chứng) trước ngày "
        f"{format_date(reply_by)} để tổng hợp, báo cáo Lãnh đạo {letter.body}./.",
    )
    admin.closing(document, NOTE_RECIPIENTS)
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


def next_report_day(as_of: date, report_day: int = MONTHLY_REPORT_DAY) -> date:
    """The next monthly reporting day (``report_day``) at least a week after ``as_of``."""
    earliest = as_of + timedelta(days=7)
    day = earliest.replace(day=report_day)
    if day < earliest:
        day = (day.replace(day=1) + timedelta(days=32)).replace(day=report_day)
    return day


def _opening(letter: ReminderLetter) -> str:
    return (
        f"Thực hiện {RESOLUTION} và các kế hoạch triển khai của tỉnh, theo dõi tình hình thực "
        f"hiện đến ngày {format_date(letter.as_of)}, {admin.SENDER_NAME} nhận thấy "
        f"{letter.agency} còn {format_int(len(letter.overdue))} nhiệm vụ đã quá hạn nhưng chưa "
        f"hoàn thành, {_still_to_do(letter)}, cụ thể như sau:"
    )


def _note_opening(letter: ReminderLetter) -> str:
    return (
        f"Theo dõi tình hình thực hiện các nhiệm vụ triển khai Nghị quyết số 57-NQ/TW đến ngày "
        f"{format_date(letter.as_of)}, {letter.agency} còn {format_int(len(letter.overdue))} "
        f"nhiệm vụ đã quá hạn nhưng chưa hoàn thành, {_still_to_do(letter)}, cụ thể như sau:"
    )


def _still_to_do(letter: ReminderLetter) -> str:
    """ "2 nhiệm vụ đến hạn trong 30 ngày tới và 3 nhiệm vụ cần bổ sung báo cáo"."""
    return (
        f"{format_int(len(letter.upcoming))} nhiệm vụ đến hạn trong {DUE_SOON_DAYS} ngày tới và "
        f"{format_int(len(letter.follow_up))} nhiệm vụ cần bổ sung báo cáo"
    )


def _request(agency: str, reply_by: date) -> str:
    return (
        f"Để bảo đảm tiến độ chung của tỉnh, {admin.SENDER_NAME} đề nghị {agency} khẩn trương "
        "chỉ đạo hoàn thành các nhiệm vụ đã quá hạn, chủ động triển khai các nhiệm vụ sắp đến "
        "hạn và gửi báo cáo kết quả thực hiện (kèm minh chứng) về "
        f"{admin.SENDER_NAME} trước ngày {format_date(reply_by)} để tổng hợp, báo cáo "
        "Ủy ban nhân dân tỉnh./."
    )


def _missed_report(document: DocxDocument, letter: ReminderLetter) -> None:
    """The latest monthly report the agency has not sent, by its period's name."""
    if letter.missed is not None:
        missed = letter.missed
        admin.body(
            document,
            MISSED_REPORT.format(
                as_of=format_date(letter.as_of),
                period=in_sentence(missed.period),
                due=format_date(missed.due),
            ),
            bold=True,
        )


def _task_tables(document: DocxDocument, letter: ReminderLetter) -> None:
    admin.body(document, OVERDUE_HEADING, bold=True)
    _task_table(document, letter.overdue, OVERDUE_HEADERS, "days_overdue")
    admin.body(document, UPCOMING_HEADING, bold=True)
    _task_table(document, letter.upcoming, UPCOMING_HEADERS, "days_left")
    if not letter.follow_up.empty:
        admin.body(document, FOLLOW_UP_HEADING, bold=True)
        _task_table(document, letter.follow_up, FOLLOW_UP_HEADERS, "request")


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
