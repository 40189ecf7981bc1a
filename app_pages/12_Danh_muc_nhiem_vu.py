"""Danh mục nhiệm vụ: every task the shared filters keep, searchable, sortable, exported,
each row with a link to its record."""

from __future__ import annotations

import streamlit as st

from data_access.queries.rollups import search_tasks
from labels import format_int
from ui.common import (
    MAX_TABLE_ROWS,
    filtered_tasks_or_stop,
    illustrative_notice,
    page_header,
    show_table,
)
from ui.data import load_agency_links
from ui.downloads import offer_table
from ui.filters import SEARCH_LABEL, SEARCH_PLACEHOLDER, page_filters
from ui.plan_numbers import sortable_numbers
from ui.state import StateKey
from ui.task_register import (
    REGISTER_TITLE,
    in_plan_order,
    register_column_config,
    register_table,
    with_record_links,
)

filters = page_filters()
page_header(REGISTER_TITLE, filters)
statuses = filtered_tasks_or_stop(filters)
illustrative_notice()
query = st.text_input(
    SEARCH_LABEL,
    key=StateKey.REGISTER_SEARCH,
    placeholder=SEARCH_PLACEHOLDER,
    bind="query-params",
)
found = search_tasks(statuses, query or "")
if found.empty:
    st.info("Không có nhiệm vụ nào khớp từ khóa — hãy thử từ khóa khác.")
    st.stop()
tasks = in_plan_order(found)
table = register_table(tasks, load_agency_links(), filters.role)
st.caption(
    f"{format_int(len(table))} nhiệm vụ. Bấm tiêu đề cột để sắp xếp, bấm “Mở hồ sơ” để xem "
    "toàn bộ hồ sơ của nhiệm vụ (mở trong thẻ mới)."
)
if len(table) > MAX_TABLE_ROWS:
    st.caption(
        f"Hiển thị {format_int(MAX_TABLE_ROWS)} trên {format_int(len(table))} nhiệm vụ; "
        "tệp tải về có đủ mọi dòng."
    )
shown = with_record_links(
    sortable_numbers(table.head(MAX_TABLE_ROWS)), tasks["task_id"].head(MAX_TABLE_ROWS)
)
show_table(
    shown, key=StateKey.REGISTER_TABLE, hide_index=True, column_config=register_column_config()
)
offer_table(table, title=REGISTER_TITLE, key=StateKey.REGISTER_TABLE)
