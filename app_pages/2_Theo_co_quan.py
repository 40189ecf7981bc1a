"""Theo cơ quan: tasks by status for each agency, a ranking table, one agency's tasks, and a
drill-down of the plans whose click narrows the task list."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from charts import agency_status_bars, compose_subtitle
from charts.drilldown import node_path, plan_drilldown, rows_under
from charts.status import AGENCY_PICK, AgencySort
from data_access.kinds import AgencyRole
from data_access.queries.filters import TaskFilters
from data_access.queries.rollups import STATUS_COLUMNS
from data_access.queries.status import RATE_HELP_VI
from exports.table_format import Percent
from labels import (
    AGENCY_KIND_LABELS,
    RATE_HEADINGS,
    ROLE_WORDS,
    TOTAL_HEADING,
    status_label,
)
from ui.common import (
    chart_pick,
    filtered_tasks_or_stop,
    illustrative_notice,
    page_header,
    picked_row,
    show_table,
    task_table,
)
from ui.data import (
    has_illustrative_data,
    load_agency_tasks,
    load_agency_view,
    load_drilldown,
    load_statuses,
)
from ui.downloads import offer_table
from ui.explore import clicked_node, explore_chart, open_record
from ui.filters import ROLE_CHOICES, page_filters
from ui.state import StateKey

TOP_AGENCIES = 20
VIEW_ROLES = (AgencyRole.LEAD, AgencyRole.COORDINATING)
SORTS: dict[AgencySort, str] = {
    "overdue": "Nhiều quá hạn nhất",
    "completion_rate": "Tỷ lệ hoàn thành thấp nhất",
    "total": "Nhiều nhiệm vụ nhất",
}
RANKING_FORMATS = {heading: Percent(1, bar=True) for heading in RATE_HEADINGS.values()}
UNIT_MARK = "↳ "  # a unit shown under its body
UNITS_NOTE = (
    "Đang gồm các đơn vị thuộc Sở: mỗi Sở (cơ quan) được tính cả nhiệm vụ của các đơn vị thuộc "
    "mình, và các đơn vị được liệt kê ngay dưới (↳)."
)


def view_controls() -> tuple[str, AgencySort]:
    role_col, sort_col = st.columns(2)
    role = role_col.segmented_control(
        "Tính theo cơ quan",
        VIEW_ROLES,
        default=AgencyRole.LEAD,
        required=True,
        format_func=ROLE_CHOICES.__getitem__,
        key=StateKey.AGENCY_VIEW_ROLE,
        help="Chủ trì: mỗi nhiệm vụ tính cho từng cơ quan chủ trì. Phối hợp: góc nhìn bổ sung, "
        "tính cho từng cơ quan phối hợp.",
        bind="query-params",
    )
    sort_by = sort_col.selectbox(
        "Sắp xếp",
        list(SORTS),
        format_func=SORTS.__getitem__,
        key=StateKey.AGENCY_SORT,
        bind="query-params",
    )
    return role or AgencyRole.LEAD, sort_by or "overdue"


def ranking_table(summary: pd.DataFrame, order: list[str], role: str, units: bool) -> str | None:
    """The table of agencies in ``order``; the agency of the clicked row, if any.

    With ``units`` (the filter "Gồm các đơn vị thuộc Sở"), a unit listed under its
    body is marked "↳".
    """
    ranked = summary.set_index("agency").loc[order].reset_index()
    columns = {"shown": f"Cơ quan {ROLE_WORDS[role]}", "kind": "Loại"}
    columns |= {code: status_label(code) for code in STATUS_COLUMNS}
    columns |= {"total": TOTAL_HEADING, **RATE_HEADINGS}
    beneath = ranked["parent"].isin(ranked["agency"]) & units
    table = ranked.assign(
        shown=ranked["agency"].where(~beneath, UNIT_MARK + ranked["agency"]),
        kind=ranked["agency_kind"].map(lambda kind: AGENCY_KIND_LABELS.get(kind, kind)),
        completion=ranked["completion_rate"],
        on_time=ranked["on_time_rate"],
    )[list(columns)].rename(columns=columns)
    event = show_table(
        table,
        formats=RANKING_FORMATS,
        key=StateKey.AGENCY_TABLE,
        hide_index=True,
        on_select="rerun",
        selection_mode="single-row",
    )
    offer_table(table, title="Xếp hạng cơ quan", key=StateKey.AGENCY_TABLE, formats=RANKING_FORMATS)
    row = picked_row(event)
    return None if row is None or row >= len(ranked) else str(ranked["agency"].iloc[row])


def agency_tasks(filters: TaskFilters, role: str, agency: str) -> None:
    st.subheader("Nhiệm vụ của cơ quan đã chọn")
    st.text(agency)
    task_table(load_agency_tasks(filters, role, agency))


def drilldown(filters: TaskFilters, role: str, agency: str | None) -> None:
    """Plan → agency → status → task; a click narrows the task list below it to that part.

    An agency chosen above (a bar or a row) narrows the treemap to its tasks.
    """
    st.subheader("Toàn cảnh: kế hoạch → cơ quan → trạng thái → nhiệm vụ")
    leaves = load_drilldown(filters, role)
    if agency:
        leaves = leaves[leaves["agency"] == agency]
        st.caption("Chỉ các nhiệm vụ của cơ quan đã chọn ở trên.")
    st.caption(
        "Bấm vào một ô để đi sâu vào nó và xem danh sách nhiệm vụ của phần đó; bấm vào dải "
        "tiêu đề phía trên để quay ra."
    )
    figure = plan_drilldown(leaves, "Nhiệm vụ theo kế hoạch, cơ quan và trạng thái")
    node = clicked_node(explore_chart(figure, key=StateKey.DRILLDOWN_CHART))
    path = node_path(node) if node else {}
    if not path:
        return
    chosen = rows_under(leaves, path)
    st.subheader("Nhiệm vụ của phần đã chọn")
    st.text(" › ".join(_path_words(path)))
    statuses = load_statuses(filters)
    task_table(statuses[statuses["task_id"].isin(chosen["task_id"])], key=StateKey.DRILLDOWN_TASKS)
    if "task_id" in path and not chosen.empty:
        open_record(int(chosen["task_id"].iloc[0]), str(chosen["name"].iloc[0]))


def _path_words(path: dict[str, object]) -> list[str]:
    words = [str(path[level]) for level in ("plan_code", "agency") if level in path]
    if "status" in path:
        words.append(status_label(str(path["status"])))
    if "task_id" in path:
        words.append(f"#{path['task_id']}")
    return words


filters = page_filters()
page_header("Theo cơ quan", filters)
filtered_tasks_or_stop(filters)
illustrative_notice()
role, sort_by = view_controls()
view = load_agency_view(filters, role, sort_by)
subtitle = compose_subtitle(filters.describe_vi(), illustrative=has_illustrative_data())
clicked = chart_pick(
    agency_status_bars,
    view.long,
    "Nhiệm vụ theo trạng thái của từng cơ quan",
    subtitle,
    key=StateKey.AGENCY_CHART,
    param=AGENCY_PICK,
    sort_by=sort_by,
    top_n=TOP_AGENCIES,
).get("agency")
st.subheader("Xếp hạng cơ quan", help=RATE_HELP_VI)
st.caption("Bấm vào một dòng (hoặc một thanh trên biểu đồ) để xem danh sách nhiệm vụ.")
if filters.include_units:
    st.caption(UNITS_NOTE)
chosen = ranking_table(view.summary, view.order, role, filters.include_units) or clicked
if chosen:
    agency_tasks(filters, role, str(chosen))
drilldown(filters, role, str(chosen) if chosen else None)
