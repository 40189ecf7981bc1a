"""Hạn hoàn thành: when tasks fall due, per agency and month, the next weeks, and a timeline.

A cell clicked in either heatmap narrows the timeline to its agency.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from charts import compose_subtitle, deadline_heatmap, week_heatmap
from charts.deadlines import CELL_PICK, HEAT_TITLES, HeatColor
from charts.timeline import deadline_timeline
from charts.weeks import WEEK_PICK
from data_access.kinds import AgencyRole
from data_access.queries.filters import TaskFilters
from labels import format_date
from ui.common import (
    chart_pick,
    filtered_tasks_or_stop,
    illustrative_notice,
    page_header,
    task_table,
)
from ui.data import (
    has_illustrative_data,
    load_cell_tasks,
    load_month_matrix,
    load_timeline,
    load_week_matrix,
    load_week_tasks,
)
from ui.explore import clicked_task, explore_chart, open_record
from ui.filters import page_filters
from ui.state import StateKey

ROLE = (
    AgencyRole.LEAD
)  # the heatmap rows are lead agencies (the "Theo cơ quan" page also has coordinating)
TOP_AGENCIES = 25
WEEKS = 12


def heat_colour() -> HeatColor:
    colour = st.segmented_control(
        "Tô màu theo",
        list(HEAT_TITLES),
        default="overdue",
        required=True,
        format_func=HEAT_TITLES.__getitem__,
        key=StateKey.HEATMAP_COLOR,
        help="Số nhiệm vụ quá hạn cho thấy khối lượng tồn đọng; tỷ lệ quá hạn công bằng hơn "
        "với cơ quan có ít nhiệm vụ.",
        bind="query-params",
    )
    return colour or "overdue"


def month_cell(filters: TaskFilters, subtitle: str) -> str | None:
    """Agency × month heatmap; a clicked cell lists its tasks. The agency clicked."""
    colour = heat_colour()
    st.caption("Số trong ô: số nhiệm vụ đến hạn. Bấm vào một ô để xem các nhiệm vụ.")
    cell = chart_pick(
        deadline_heatmap,
        load_month_matrix(filters, ROLE),
        "Nhiệm vụ đến hạn theo cơ quan chủ trì và tháng",
        subtitle,
        key=StateKey.HEATMAP_CHART,
        param=CELL_PICK,
        color_by=colour,
        top_n=TOP_AGENCIES,
    )
    agency, month_key = cell.get("agency"), cell.get("month_key")
    if agency and month_key:
        year, month = str(month_key).split("-")
        st.subheader(f"Nhiệm vụ đến hạn tháng {month}/{year} của cơ quan đã chọn")
        st.text(str(agency))
        task_table(load_cell_tasks(filters, ROLE, str(agency), str(month_key)))
        return str(agency)
    return None


def weeks_ahead(filters: TaskFilters, subtitle: str) -> str | None:
    """The next WEEKS weeks by agency; a clicked cell lists its dates. The agency clicked."""
    st.caption(
        f"{WEEKS} tuần tới, từ tuần có ngày {format_date(filters.as_of)}: số hạn và mốc trung "
        "gian của mỗi cơ quan chủ trì trong từng tuần. Bấm vào một ô để xem chi tiết."
    )
    cell = chart_pick(
        week_heatmap,
        load_week_matrix(filters, ROLE),
        f"Hạn và mốc trong {WEEKS} tuần tới theo cơ quan chủ trì",
        subtitle,
        key=StateKey.WEEKS_CHART,
        param=WEEK_PICK,
        first=filters.as_of,
        weeks=WEEKS,
        top_n=TOP_AGENCIES,
    )
    agency, week_key = cell.get("agency"), cell.get("week_key")
    if not (agency and week_key):
        return None
    monday = date.fromisoformat(str(week_key))
    st.subheader(f"Hạn và mốc tuần từ {format_date(monday)} của cơ quan đã chọn")
    st.text(str(agency))
    task_table(
        load_week_tasks(filters, ROLE, str(agency), monday),
        leading={"kind": "Loại", "milestone": "Mốc"},
    )
    return str(agency)


def timeline(filters: TaskFilters, agency: str | None) -> None:
    """Every dated task's deadlines and milestones; a clicked bar opens the task's record."""
    st.subheader("Tiến trình các hạn và mốc")
    segments = load_timeline(filters, agency)  # a cell clicked above narrows it to its agency
    if agency:
        st.caption("Chỉ các nhiệm vụ của cơ quan đã chọn ở trên:")
        st.text(agency)
    if segments.empty:
        st.info("Không có hạn hay mốc nào để hiển thị.")
        return
    st.caption("Mỗi dòng là một nhiệm vụ; bấm vào một thanh để mở hồ sơ của nhiệm vụ.")
    figure = deadline_timeline(segments, "Hạn và mốc của từng nhiệm vụ", filters.as_of)
    task_id = clicked_task(explore_chart(figure, key=StateKey.TIMELINE_CHART))
    names = segments.set_index("task_id")["name"]
    if task_id is not None and task_id in names.index:
        open_record(task_id, str(names.loc[[task_id]].iloc[0]))


filters = page_filters()
page_header("Hạn hoàn thành", filters)
filtered_tasks_or_stop(filters)
illustrative_notice()
subtitle = compose_subtitle(filters.describe_vi(), illustrative=has_illustrative_data())
cell_agency = month_cell(filters, subtitle)
week_agency = weeks_ahead(filters, subtitle)
timeline(filters, week_agency or cell_agency)
