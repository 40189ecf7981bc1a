"""Nhiệm vụ của đơn vị: an agency reporter's tasks (led, then coordinated), the report form
for a task it leads, its filled template sent as reports (ui.submission_upload), and the
reports it has sent with the Sở's answer.

A report is pending until a Sở editor approves it (Duyệt báo cáo); text typed here is
shown only through st.text and st.dataframe.
"""

from __future__ import annotations

import streamlit as st

from data_access.clock import vietnam_today
from data_access.submissions.form import (
    COMPLETION_DATE_LABEL,
    DESCRIPTION_LABEL,
    EVIDENCE_DATE_LABEL,
    EVIDENCE_NUMBER_LABEL,
    STATUS_LABEL,
    SUBMITTED_STATUSES,
    EvidenceUpload,
    SubmissionForm,
)
from errors import UserFacingError
from labels import FILE_PICKER_HELP
from loaders.limits import MAX_EVIDENCE_BYTES, MEGABYTE
from ui import submissions as ui
from ui.filters import date_picker
from ui.safe_text import literal
from ui.submission_upload import report_file_tab

FLASH = "don_vi_thong_bao"
SENT = "Đã gửi báo cáo số {number}; báo cáo chờ Sở Khoa học và Công nghệ duyệt."
EVIDENCE_LABEL = f"Tệp minh chứng (PDF, PNG hoặc JPEG, tối đa {MAX_EVIDENCE_BYTES // MEGABYTE} MB)"


def report_form(task_id: int, task_name: str) -> None:
    st.subheader("Báo cáo tiến độ nhiệm vụ đã chọn")
    st.text(task_name)
    with st.form(f"report_{task_id}", clear_on_submit=True):
        status = st.selectbox(STATUS_LABEL, SUBMITTED_STATUSES, key=f"status_{task_id}")
        done_on = date_picker(COMPLETION_DATE_LABEL, f"done_{task_id}", None, bound=False)
        number = st.text_input(EVIDENCE_NUMBER_LABEL, key=f"evidence_{task_id}")
        dated = date_picker(EVIDENCE_DATE_LABEL, f"evidence_date_{task_id}", None, bound=False)
        description = st.text_area(DESCRIPTION_LABEL, key=f"description_{task_id}")
        file = st.file_uploader(
            EVIDENCE_LABEL,
            type=["pdf", "png", "jpg", "jpeg"],
            help=FILE_PICKER_HELP,
            key=f"evidence_file_{task_id}",
        )
        if not st.form_submit_button("Gửi báo cáo", type="primary"):
            return
    form = SubmissionForm(status, done_on, number, dated, description)
    evidence = EvidenceUpload(file.name, file.getvalue()) if file is not None else None
    try:
        sent = ui.submit(task_id, form, evidence)
    except UserFacingError as error:
        st.error(literal(str(error)))
        return
    st.session_state[FLASH] = SENT.format(number=sent.id)
    st.rerun()


def lead_tab(tasks: ui.AgencyTasks) -> None:
    if tasks.lead.empty:
        st.info("Cơ quan chưa chủ trì nhiệm vụ nào trong các kế hoạch đã nạp.")
        return
    st.caption("Chọn một nhiệm vụ để báo cáo tiến độ.")
    event = st.dataframe(
        ui.task_table(tasks.lead),
        column_config=ui.TASK_COLUMN_CONFIG,
        hide_index=True,
        on_select="rerun",
        selection_mode="single-row",
        key="lead_tasks",
    )
    rows = event.selection.rows
    if rows:
        chosen = tasks.lead.iloc[rows[0]]
        report_form(int(chosen["task_id"]), str(chosen["name"]))


actor = ui.reporter()
assert actor.agency_id is not None  # a reporter belongs to one agency
agency = ui.agency_name(actor.agency_id)
st.title("Nhiệm vụ của đơn vị")
st.text(agency)
if flash := st.session_state.pop(FLASH, None):
    st.success(flash)
tasks = ui.tasks_of(actor.agency_id, vietnam_today())
sent = ui.sent_by_agency(actor.agency_id)
lead, coordinating, from_file, reports = st.tabs(
    [
        f"Chủ trì ({len(tasks.lead)})",
        f"Phối hợp ({len(tasks.coordinating)})",
        "Nộp theo mẫu",
        f"Báo cáo đã gửi ({len(sent)})",
    ]
)
with lead:
    lead_tab(tasks)
with coordinating:
    st.caption("Cơ quan phối hợp báo cáo phần việc của mình cho cơ quan chủ trì.")
    st.dataframe(
        ui.task_table(tasks.coordinating),
        column_config=ui.TASK_COLUMN_CONFIG,
        hide_index=True,
        key="coordinating_tasks",
    )
with from_file:
    report_file_tab(agency, actor.agency_id, FLASH)
with reports:
    st.dataframe(sent, hide_index=True, key="sent_reports")
