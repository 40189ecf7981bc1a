"""Công khai: progress by lead agency and the task list, for the public (PUBLIC_VIEW=1).

Everything shown comes from ``data_access.queries.public``'s whitelisted frames, as of
today; text from the data is shown through ``st.dataframe`` only.
"""

from __future__ import annotations

import streamlit as st

from data_access.clock import vietnam_today
from data_access.kinds import AgencyRole
from data_access.queries.public import public_agency_progress, public_task_list
from data_access.queries.rollups import STATUS_COLUMNS
from data_access.queries.status import RATE_HELP_VI
from exports.table_format import Percent
from labels import (
    LEAD_AGENCY_HEADING,
    RATE_HEADINGS,
    TOTAL_HEADING,
    as_of_words,
    format_int,
    status_label,
)
from ui.common import TASK_TABLE_COLUMNS, illustrative_notice, show_table
from ui.data import load_all_statuses, load_role_links
from ui.filters import ALL_PLACEHOLDER, PLANS_LABEL, SEARCH_LABEL, SEARCH_PLACEHOLDER
from ui.state import StateKey

TITLE = "Công khai tiến độ thực hiện nhiệm vụ"
INTRO = "Tình hình thực hiện các nhiệm vụ của các kế hoạch, {as_of}."
NOTHING_YET = "Chưa có nhiệm vụ nào được công khai."
NO_MATCH = "Không có nhiệm vụ nào khớp lựa chọn — hãy bỏ bớt điều kiện hoặc thử từ khóa khác."
AGENCY_HEADINGS = {
    "agency": LEAD_AGENCY_HEADING,
    **{code: status_label(code) for code in STATUS_COLUMNS},
    "total": TOTAL_HEADING,
    "completion_rate": RATE_HEADINGS["completion"],
}
AGENCY_FORMATS = {RATE_HEADINGS["completion"]: Percent(1, bar=True)}
TASK_HEADINGS = {
    "plan_code": TASK_TABLE_COLUMNS["plan_code"],
    "plan_title": "Tên kế hoạch",
    "section_code": TASK_TABLE_COLUMNS["section_code"],
    "number": TASK_TABLE_COLUMNS["number"],
    "name": TASK_TABLE_COLUMNS["name"],
    "lead_agencies": LEAD_AGENCY_HEADING,
    "deadline": TASK_TABLE_COLUMNS["due_date"],
    "status": TASK_TABLE_COLUMNS["status_label"],
    "completed_on": "Ngày hoàn thành",
}

today = vietnam_today()
st.title(TITLE)
st.caption(INTRO.format(as_of=as_of_words(today)))
statuses, links = load_all_statuses(today), load_role_links(AgencyRole.LEAD)
if statuses.empty:
    st.info(NOTHING_YET)
    st.stop()
illustrative_notice()
plans = st.multiselect(
    PLANS_LABEL,
    sorted(statuses["plan_code"].unique()),
    key=StateKey.PUBLIC_PLANS,
    placeholder=ALL_PLACEHOLDER,
    bind="query-params",
)

st.subheader("Tiến độ theo cơ quan chủ trì", help=RATE_HELP_VI)
progress = public_agency_progress(statuses, links, plans)
show_table(progress.rename(columns=AGENCY_HEADINGS), formats=AGENCY_FORMATS, hide_index=True)

st.subheader("Danh sách nhiệm vụ")
agency_column, search_column = st.columns(2)
agency = agency_column.selectbox(
    LEAD_AGENCY_HEADING,
    list(progress["agency"]),
    index=None,
    key=StateKey.PUBLIC_AGENCY,
    placeholder=ALL_PLACEHOLDER,
    bind="query-params",
)
query = search_column.text_input(
    SEARCH_LABEL,
    key=StateKey.PUBLIC_SEARCH,
    placeholder=SEARCH_PLACEHOLDER,
    bind="query-params",
)
tasks = public_task_list(statuses, links, plan_codes=plans, agency=agency, query=query or "")
if tasks.empty:
    st.info(NO_MATCH)
else:
    st.caption(f"{format_int(len(tasks))} nhiệm vụ.")
    show_table(
        tasks.rename(columns=TASK_HEADINGS),
        hide_index=True,
        column_config={TASK_HEADINGS["name"]: st.column_config.TextColumn(width="large")},
    )
