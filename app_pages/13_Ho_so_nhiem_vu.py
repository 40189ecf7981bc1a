"""Hồ sơ nhiệm vụ: one task's full record at its own address (?nhiem_vu=<id>), to share."""

from __future__ import annotations

import streamlit as st

from labels import format_date
from ui.common import illustrative_notice
from ui.data import load_all_statuses, load_task_detail
from ui.filters import page_filters
from ui.task_links import NO_SUCH_TASK, TASK_PARAM, task_id_from
from ui.task_record import RECORD_TITLE, task_record

filters = page_filters()
task_id = task_id_from(st.query_params.get(TASK_PARAM))
detail = load_task_detail(task_id) if task_id is not None else None
statuses = load_all_statuses(filters.as_of) if detail is not None else None
rows = statuses[statuses["task_id"] == task_id] if statuses is not None else None
if detail is None or rows is None or rows.empty:
    st.title(RECORD_TITLE)
    st.info(NO_SUCH_TASK, icon=":material/search_off:")
    st.stop()
st.caption(f"Trạng thái tính đến {format_date(filters.as_of)} (chọn ngày khác ở thanh bên).")
illustrative_notice()
task_record(detail, rows.iloc[0], filters.as_of)
