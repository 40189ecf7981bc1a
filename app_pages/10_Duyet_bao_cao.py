"""Duyệt báo cáo: the Sở's queue of agencies' pending reports, by agency, oldest first,
each with what it changes against the task's current record, its evidence, and the two
answers: approve (it then counts on every page) or return with a comment."""

from __future__ import annotations

import streamlit as st

from data_access.clock import local_time_text
from errors import UserFacingError
from ui import submissions as ui
from ui.downloads import deferred_download
from ui.safe_text import literal

FLASH = "duyet_thong_bao"
APPROVED = "Đã duyệt báo cáo số {number}; số liệu trên các trang đã cập nhật."
RETURNED = "Đã trả lại báo cáo số {number} kèm ý kiến của Sở."


def answered(message: str) -> None:
    st.session_state[FLASH] = message
    st.rerun()


def queue_entry(entry: ui.views.QueueEntry) -> None:
    view = entry.view
    number = view.submission.id
    assert number is not None
    with st.container(border=True):
        st.text(f"Báo cáo số {number}: {view.task}")
        sent = local_time_text(view.submission.submitted_at)
        st.text(f"Gửi lúc {sent} — {view.submitted_by}")
        if entry.diff:
            st.dataframe(ui.diff_table(entry), hide_index=True, key=f"diff_{number}")
        else:
            st.text("Báo cáo không thay đổi gì so với hồ sơ hiện tại.")
        for file_id, name in view.evidence_files:
            deferred_download(
                f"Tải minh chứng: {literal(name)}",
                lambda file_id=file_id: ui.evidence(file_id).content,
                file_name=name,
                key=f"evidence_{file_id}",
                icon=":material/attach_file:",
            )
        approve, give_back = st.columns(2)
        try:
            if approve.button("Duyệt", type="primary", key=f"approve_{number}"):
                ui.approve(number)
                answered(APPROVED.format(number=number))
            comment = give_back.text_input("Ý kiến khi trả lại", key=f"comment_{number}")
            if give_back.button("Trả lại", key=f"return_{number}"):
                ui.give_back(number, comment)
                answered(RETURNED.format(number=number))
        except UserFacingError as error:
            st.error(literal(str(error)))


st.title("Duyệt báo cáo của đơn vị")
if flash := st.session_state.pop(FLASH, None):
    st.success(flash)
queue = ui.approval_queue()
if not queue:
    st.info("Không có báo cáo nào chờ duyệt.")
agency = None
for entry in queue:
    if entry.view.agency != agency:
        agency = entry.view.agency
        st.subheader(literal(agency))
    queue_entry(entry)
