"""Pieces of the "Cập nhật dữ liệu" page: the note after a write, the history and template tabs."""

from __future__ import annotations

from functools import partial

import streamlit as st

from data_access.db_errors import DataUnavailableError
from data_access.imports.history import UndoRefused
from data_access.permissions import NotAllowedError
from ui import upload as ui
from ui.downloads import deferred_download
from ui.upload_history import show_history


def show_flash() -> None:
    flash = st.session_state.pop(ui.UploadKey.FLASH, None)
    if flash:
        st.success(flash)


def history_section() -> None:
    show_history()
    if not ui.undo_available():
        st.caption("Không có lần nạp nào hoàn tác được (dữ liệu ban đầu không hoàn tác).")
        return
    sure = st.checkbox("Tôi muốn hoàn tác lần nạp gần nhất", key=ui.UploadKey.UNDO_CONFIRM)
    if st.button("Hoàn tác lần nạp gần nhất", disabled=not sure, key="undo"):
        try:
            batch = ui.undo_latest()
        except (UndoRefused, NotAllowedError, DataUnavailableError) as error:
            st.error("Chưa hoàn tác được; cơ sở dữ liệu không thay đổi.")
            st.text(str(error))
            return
        st.session_state[ui.UploadKey.FLASH] = f"Đã hoàn tác lần nạp số {batch.id}."
        st.session_state.pop(ui.UploadKey.UNDO_CONFIRM, None)
        st.rerun()


def template_section() -> None:
    st.write(
        "Mẫu Excel có sẵn các nhiệm vụ do cơ quan chủ trì, để cơ quan điền tiến độ và gửi lại."
    )
    agencies = ui.agency_names()
    if not agencies:
        st.info("Chưa có cơ quan nào trong danh mục.")
        return
    agency = st.selectbox("Cơ quan", agencies, key=ui.UploadKey.TEMPLATE_AGENCY)
    deferred_download(
        "Tải mẫu báo cáo tiến độ (.xlsx)",
        partial(ui.template_for, agency),
        file_name=ui.template_file_name(agency),
        key="template",
        icon=":material/download:",
    )
