"""One task's full record (hồ sơ nhiệm vụ), as plain text: never Markdown or HTML.

Shown on its own page (Hồ sơ nhiệm vụ, ``ui.task_links``) and under Quá hạn's list.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from data_access.queries.status_rules import milestone_states
from data_access.queries.statuses import TaskStatus
from data_access.queries.task_record import TaskDetail
from labels import (
    COORDINATING_AGENCY_HEADING,
    DEADLINE_KIND_LABELS,
    EMPTY_VALUE,
    INDICATIVE_DUE_NOTE,
    ISSUER_UNKNOWN,
    LEAD_AGENCY_HEADING,
    MILESTONE_STATE_LABELS,
    format_date,
    format_int,
    status_label,
)
from loaders.lineage import numbered_reference
from ui.common import show_table
from ui.downloads import offer_table
from ui.session import acting_account
from ui.submissions import task_audit
from ui.task_lineage import (
    imports_section,
    lineage_section,
    open_record_button,
    reference_text,
)

PROGRESS_COLUMNS = {
    "reported_on": "Ngày báo cáo",
    "status": "Tình trạng",
    "completion_date": "Ngày hoàn thành",
    "evidence": "Minh chứng",
    "description": "Mô tả",
    "evaluation": "Đánh giá",
    "illustrative": "Dữ liệu",
    "source": "Nguồn",
    "imported_by": "Người nạp",
}
RECORD_TITLE = "Hồ sơ nhiệm vụ"
EVIDENCE_RULES = {
    True: "Bắt buộc: nhiệm vụ báo cáo Ban Chỉ đạo Trung ương chỉ tính hoàn thành khi có minh "
    "chứng.",
    False: "Không bắt buộc để tính hoàn thành.",
}


def task_record(
    detail: TaskDetail, row: pd.Series, as_of: date, *, open_link: bool = False
) -> None:
    """Everything stored about one task; ``row`` is its line of the status frame.

    ``open_link`` adds the "Mở hồ sơ riêng" button (where the record is part of a page).
    """
    task = detail.task
    with st.container(border=True):
        st.subheader(RECORD_TITLE)
        if open_link and task.id is not None:
            open_record_button(task.id)
        field("Tên nhiệm vụ", task.name)
        field("Trạng thái", status_line(row, as_of))
        left, right = st.columns(2)
        with left:
            field("Kế hoạch", f"{detail.plan_code} — {detail.plan_title}")
            field("Cơ quan ban hành", detail.plan_issuer or ISSUER_UNKNOWN)
            section = f"{task.section_code}. {detail.section_title}" if task.section_code else ""
            field("Mục", section)
            field("Số thứ tự", task.number)
            field(LEAD_AGENCY_HEADING, "\n".join(detail.lead_agencies))
            field(COORDINATING_AGENCY_HEADING, "\n".join(detail.coordinating_agencies))
        with right:
            deadline_fields(detail, row, as_of)
            field("Văn bản giao", task.basis)
            field("Sản phẩm, yêu cầu kết quả", task.expected_output)
        field("Minh chứng", EVIDENCE_RULES[task.report_to_central])
        extra_fields(detail)
        lineage_section(detail.lineage)
        progress_history(detail.progress)
        imports_section(detail.imports)
        if task.id is not None:
            submission_history(task.id)


def status_line(row: pd.Series, as_of: date) -> str:
    """ "Quá hạn 326 ngày (tính đến 23/11/2026)"; a recurring task late with its report:
    "Thường xuyên – chưa báo cáo kỳ này, trễ hạn gửi báo cáo 3 ngày (…)"; without days when
    there are none."""
    status = str(row["status"])
    days = int(row["days_overdue"])
    late_report = ", trễ hạn gửi báo cáo" if status == TaskStatus.RECURRING_NOT_REPORTED else ""
    late = f"{late_report} {format_int(days)} ngày" if days > 0 else ""
    return f"{status_label(status)}{late} (tính đến {format_date(as_of)})"


def field(label: str, value: str) -> None:
    """One labelled field of the record; the value is plain text, line breaks kept."""
    st.caption(label)
    st.text(value or EMPTY_VALUE)


def deadline_fields(detail: TaskDetail, row: pd.Series, as_of: date) -> None:
    task = detail.task
    field("Thời hạn (theo văn bản)", task.deadline_text)
    kind = DEADLINE_KIND_LABELS.get(task.deadline_kind, task.deadline_kind)
    indicative = f" ({INDICATIVE_DUE_NOTE})" if task.deadline_indicative else ""
    field("Hạn hoàn thành (đã đọc)", f"{format_date(task.due_date)}{indicative} — {kind}")
    if len(detail.milestones) > 1:
        days = pd.Series([m.due_date for m in detail.milestones])
        states = milestone_states(
            days,
            pd.Series(row["completed"], index=days.index),
            pd.Series(row["completed_on"], index=days.index),
            as_of,
        )
        lines = [
            f"{format_date(m.due_date) or EMPTY_VALUE}: {m.label} — {MILESTONE_STATE_LABELS[s]}"
            for m, s in zip(detail.milestones, states, strict=True)
        ]
        field("Các mốc thời gian", "\n".join(lines))


def progress_history(progress: pd.DataFrame) -> None:
    st.caption("Lịch sử báo cáo tiến độ")
    if progress.empty:
        st.text("Chưa có báo cáo tiến độ nào.")
        return
    display = progress_table(progress)
    show_table(display, hide_index=True)
    offer_table(display, title="Lịch sử báo cáo tiến độ", key="progress_history")


def progress_table(progress: pd.DataFrame) -> pd.DataFrame:
    """The task's reports as shown and exported: Vietnamese headers, dates dd/mm/yyyy."""
    history = progress.assign(
        reported_on=progress["reported_on"].map(format_date),
        completion_date=progress["completion_date"].map(format_date),
        illustrative=progress["is_illustrative"].map({True: "Minh họa", False: "Thực tế"}),
        imported_by=progress["imported_by"].fillna(""),
    )
    return history[list(PROGRESS_COLUMNS)].rename(columns=PROGRESS_COLUMNS)


def submission_history(task_id: int) -> None:
    """The agency's reports and the Sở's answers: names and comments, for signed-in staff."""
    if acting_account() is None:
        return
    st.caption("Báo cáo của đơn vị và phê duyệt")
    audit = task_audit(task_id)
    if audit.empty:
        st.text("Đơn vị chưa gửi báo cáo nào qua ứng dụng.")
        return
    show_table(audit, hide_index=True)


def extra_fields(detail: TaskDetail) -> None:
    """Fields only some plans carry, shown when filled."""
    task = detail.task
    numbered = numbered_reference(task.reference_number, task.reference_document)
    extras = {
        "Ghi chú": task.notes,
        "Lãnh đạo theo dõi": task.leader,
        "Báo cáo Ban Chỉ đạo Trung ương": "Có" if task.report_to_central else "",
        "Tần suất báo cáo": task.reporting_cadence,
        "Đánh giá": task.evaluation,
        "Mô tả": task.description,
        "Nội dung điều chỉnh": task.adjustment,
        "Số thứ tự ở văn bản khác": reference_text(numbered) if numbered else "",
    }
    for label, value in extras.items():
        if label == "Ghi chú" or value:
            field(label, value)
