"""The periodic report as a .docx, in the usual administrative layout.

Sections follow the usual order: I. Kết quả thực hiện, II. Tồn tại, hạn chế,
III. Nhiệm vụ trọng tâm kỳ tới, as Word headings (the navigation pane and a table
of contents list them). Every table is plain Word text, so the report can be
edited before it is signed. What it says is exports.periodic_report.
"""

from __future__ import annotations

import pandas as pd
from docx.document import Document as DocxDocument

from data_access.queries.discipline import (
    DISCIPLINE_TITLE,
    NO_REPORTER,
    VIEW_HEADERS,
    discipline_view,
)
from data_access.queries.status_rules import RULE_NOTES_VI
from data_access.queries.statuses import TaskStatus
from exports import docx_admin as admin
from exports.content import composed, due_text, is_missing
from exports.periodic_report import PeriodicReport, in_sentence, summary_rows
from labels import (
    EMPTY_VALUE,
    ILLUSTRATIVE_NOTE,
    LEAD_AGENCY_HEADING,
    MINUS,
    STATUS_ORDER,
    format_date,
    format_int,
    format_percent,
    status_label,
)

NUMBER_LINE = "Số:        /BC-SKHCN"
STATUS_ROWS = 200  # rows per task table; a longer list is cut with a note
LIST_ROWS = 500  # rows of the overdue, agency and missing-report tables
HEADINGS = ("I. KẾT QUẢ THỰC HIỆN", "II. TỒN TẠI, HẠN CHẾ", "III. NHIỆM VỤ TRỌNG TÂM KỲ TỚI")
SUMMARY_HEADERS = ("Chỉ số", "Kỳ này", "Kỳ trước", f"Tăng (+), giảm ({MINUS})")
TASK_HEADERS = ("TT", "Số hiệu", "Nhiệm vụ", LEAD_AGENCY_HEADING, "Hạn hoàn thành")
OVERDUE_HEADERS = (*TASK_HEADERS, "Số ngày quá hạn")
AGENCY_HEADERS = (
    "TT",
    LEAD_AGENCY_HEADING,
    "Số nhiệm vụ",
    "Đã hoàn thành",
    "Quá hạn",
    "Tỷ lệ hoàn thành",
    "Tỷ lệ đúng hạn",
)
KPI_HEADERS = ("TT", "Chỉ tiêu", "Mục tiêu", "Kết quả gần nhất", "Kỳ số liệu", "Đánh giá")
MISSING_HEADERS = ("TT", "Cơ quan", "Số nhiệm vụ cần báo cáo")
TASK_WIDTHS = (0.9, 2.3, 7.0, 3.9, 2.4)
OVERDUE_WIDTHS = (0.9, 2.3, 6.0, 3.4, 2.2, 1.7)
AGENCY_WIDTHS = (0.9, 5.6, 1.8, 2.0, 1.6, 2.3, 2.3)
KPI_WIDTHS = (0.9, 6.8, 2.0, 2.4, 2.6, 1.8)
MISSING_WIDTHS = (0.9, 11.0, 4.6)
DISCIPLINE_HEADERS = ("TT", *VIEW_HEADERS)
DISCIPLINE_WIDTHS = (0.9, 8.0, 2.6, 2.6, 2.4)
SUMMARY_WIDTHS = (6.5, 3.3, 3.3, 3.4)
RECIPIENTS = (
    "UBND tỉnh (để báo cáo);",
    "Ban Chỉ đạo tỉnh (để báo cáo);",
    "Giám đốc, các Phó Giám đốc Sở;",
    "Lưu: VT, VP.",
)


def periodic_report_docx(report: PeriodicReport) -> bytes:
    document = admin.new_document()
    admin.letterhead(document, subject="", day=report.period.as_of, number=NUMBER_LINE)
    admin.title(
        document,
        "BÁO CÁO",
        f"Kết quả triển khai thực hiện Nghị quyết số 57-NQ/TW {in_sentence(report.period)}",
    )
    admin.body(document, f"Phạm vi số liệu: {report.scope}.", italic=True)
    if report.illustrative:
        admin.body(document, f"Lưu ý: {ILLUSTRATIVE_NOTE}", italic=True)
    _results(document, report)
    _shortcomings(document, report)
    _next_period(document, report)
    _rule_notes(document)
    admin.closing(document, RECIPIENTS)
    return admin.to_bytes(document)


RULE_NOTES_HEADING = "Ghi chú về cách tính theo quy định của các kế hoạch:"


def _rule_notes(document: DocxDocument) -> None:
    """The plans' own rules the figures follow (status_rules), as the dashboard's help says."""
    admin.body(document, RULE_NOTES_HEADING, italic=True)
    for note in RULE_NOTES_VI:
        admin.body(document, f"- {note}", italic=True)


def _results(document: DocxDocument, report: PeriodicReport) -> None:
    now, end = report.metrics, format_date(report.period.as_of)
    admin.heading(document, HEADINGS[0])
    admin.heading(document, "1. Kết quả chung", level=2)
    admin.body(
        document,
        f"Tính đến ngày {end}, tổng số {format_int(now.total)} nhiệm vụ; đã hoàn thành "
        f"{format_int(now.completed)}/{format_int(now.with_due_date)} nhiệm vụ có thời hạn "
        f"(tỷ lệ {format_percent(now.completion_rate)}), "
        f"{_change_words(now.completed - report.previous.completed)} so với kỳ trước; "
        f"{format_int(now.overdue)} nhiệm vụ quá hạn.",
    )
    admin.grid_table(document, SUMMARY_HEADERS, summary_rows(now, report.previous), SUMMARY_WIDTHS)
    admin.heading(document, "2. Tình hình thực hiện theo trạng thái", level=2)
    for number, status in enumerate(STATUS_ORDER, start=1):
        rows = report.tasks[report.tasks["status"] == status]
        admin.heading(
            document,
            f"2.{number}. {status_label(status)}: {format_int(len(rows))} nhiệm vụ",
            level=3,
        )
        if status == TaskStatus.OVERDUE:
            admin.body(document, "Chi tiết tại mục II.1.")
        elif not rows.empty:
            admin.grid_table(
                document, TASK_HEADERS, _task_rows(rows), TASK_WIDTHS, limit=STATUS_ROWS
            )
    admin.heading(document, "3. Kết quả theo cơ quan chủ trì", level=2)
    admin.grid_table(
        document, AGENCY_HEADERS, _agency_rows(report.agencies), AGENCY_WIDTHS, limit=LIST_ROWS
    )
    admin.heading(document, "4. Kết quả thực hiện các chỉ tiêu", level=2)
    if report.kpis.empty:
        admin.body(document, "Không có chỉ tiêu trong phạm vi báo cáo.")
    else:
        admin.grid_table(document, KPI_HEADERS, _kpi_rows(report.kpis), KPI_WIDTHS)
    _discipline(document, report)


def _discipline(document: DocxDocument, report: PeriodicReport) -> None:
    """Who sent the period's report on time, late or not at all (discipline)."""
    admin.heading(document, f"5. {DISCIPLINE_TITLE} {in_sentence(report.period)}", level=2)
    if report.discipline.empty:
        admin.body(document, NO_REPORTER)
        return
    view = discipline_view(report.discipline)
    rows = [(str(i), *row) for i, row in enumerate(view.itertuples(index=False), start=1)]
    admin.grid_table(document, DISCIPLINE_HEADERS, rows, DISCIPLINE_WIDTHS, limit=LIST_ROWS)


def _shortcomings(document: DocxDocument, report: PeriodicReport) -> None:
    admin.heading(document, HEADINGS[1])
    admin.heading(
        document, f"1. Nhiệm vụ quá hạn: {format_int(len(report.overdue))} nhiệm vụ", level=2
    )
    if not report.overdue.empty:
        rows = [
            (*row, format_int(d))
            for row, d in zip(
                _task_rows(report.overdue), report.overdue["days_overdue"], strict=True
            )
        ]
        admin.grid_table(document, OVERDUE_HEADERS, rows, OVERDUE_WIDTHS, limit=LIST_ROWS)
    due = format_date(report.period.report_due())
    admin.heading(document, "2. Cơ quan chưa gửi báo cáo tiến độ trong kỳ", level=2)
    if report.missing.empty:
        admin.body(document, "Các cơ quan chủ trì đều đã gửi báo cáo tiến độ trong kỳ.")
    else:
        admin.body(document, f"Hạn gửi báo cáo kỳ này: trước ngày {due}. Các cơ quan chưa gửi:")
        rows = [
            (str(i), str(r.agency), format_int(r.tasks))
            for i, r in enumerate(report.missing.itertuples(), start=1)
        ]
        admin.grid_table(document, MISSING_HEADERS, rows, MISSING_WIDTHS, limit=LIST_ROWS)
    if report.metrics.no_deadline:
        admin.body(
            document,
            f"{format_int(report.metrics.no_deadline)} nhiệm vụ chưa xác "
            "định được thời hạn, cần rà soát, bổ sung.",
        )


def _next_period(document: DocxDocument, report: PeriodicReport) -> None:
    following = report.period.following()
    when = f"{'từ nay đến hết' if report.period.until else 'trong'} {in_sentence(following)}"
    admin.heading(document, HEADINGS[2])
    admin.body(
        document, "1. Tập trung chỉ đạo hoàn thành dứt điểm các nhiệm vụ quá hạn nêu tại mục II.1."
    )
    admin.body(
        document,
        f"2. Triển khai các nhiệm vụ đến hạn {when}: {format_int(len(report.next_due))} nhiệm vụ.",
    )
    if not report.next_due.empty:
        rows = _task_rows(report.next_due)
        admin.grid_table(document, TASK_HEADERS, rows, TASK_WIDTHS, limit=STATUS_ROWS)
    admin.body(document, "3. Các cơ quan gửi báo cáo tiến độ đúng hạn, kèm minh chứng kết quả.")


def _task_rows(tasks: pd.DataFrame) -> list[tuple[str, ...]]:
    return [
        (
            str(i),
            f"{r.plan_code} - {r.reference}",
            composed(str(r.name)),
            str(r.leads) or "—",
            due_text(r.due_date, r.indicative) or str(r.deadline_text),
        )
        for i, r in enumerate(tasks.itertuples(index=False), start=1)
    ]


def _agency_rows(agencies: pd.DataFrame) -> list[tuple[str, ...]]:
    return [
        (
            str(i),
            str(r.agency),
            format_int(r.total),
            format_int(r.completed),
            format_int(r.overdue),
            format_percent(_rate(r.completion_rate), fixed=True),
            format_percent(_rate(r.on_time_rate), fixed=True),
        )
        for i, r in enumerate(agencies.itertuples(index=False), start=1)
    ]


def _kpi_rows(kpis: pd.DataFrame) -> list[tuple[str, ...]]:
    return [
        (str(i), r.kpi, r.target, r.actual, r.period_label or EMPTY_VALUE, r.result)
        for i, r in enumerate(kpis.itertuples(index=False), start=1)
    ]


def _rate(value: object) -> float | None:
    return None if is_missing(value) or not isinstance(value, int | float) else float(value)


def _change_words(delta: int) -> str:
    if delta == 0:
        return "không thay đổi"
    return f"{'tăng' if delta > 0 else 'giảm'} {format_int(abs(delta))} nhiệm vụ"
