"""Hạn hoàn thành: when tasks fall due, per agency and month, and day by day with milestones."""

from __future__ import annotations

from datetime import date

import streamlit as st

from charts import calendar_heatmap, compose_subtitle, deadline_heatmap
from charts.deadlines import CELL_PICK, DAY_PICK, HEAT_TITLES, HeatColor
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
    load_calendar,
    load_cell_tasks,
    load_day_tasks,
    load_month_matrix,
)
from ui.filters import page_filters
from ui.state import StateKey

ROLE = "lead"  # the heatmap rows are lead agencies (the "Theo cơ quan" page also has coordinating)
TOP_AGENCIES = 25


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


def month_cell(filters: TaskFilters, subtitle: str) -> None:
    """Agency × month heatmap; a clicked cell lists its tasks."""
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


def calendar_day(filters: TaskFilters, subtitle: str) -> None:
    """Deadlines and milestones day by day; a clicked day lists what falls on it."""
    st.caption(
        "Mỗi ô là một ngày; các mốc trung gian của nhiệm vụ nhiều mốc hiện ở ngày riêng. "
        "Bấm vào một ngày để xem chi tiết."
    )
    day = chart_pick(
        calendar_heatmap,
        load_calendar(filters),
        "Lịch hạn hoàn thành và các mốc",
        subtitle,
        key=StateKey.CALENDAR_CHART,
        param=DAY_PICK,
    ).get("day")
    if day:
        day_text = format_date(date.fromisoformat(str(day)))
        st.subheader(f"Hạn và mốc ngày {day_text}")
        task_table(
            load_day_tasks(filters, str(day)),
            leading={"kind": "Loại", "milestone": "Mốc"},
        )


filters = page_filters()
page_header("Hạn hoàn thành", filters)
filtered_tasks_or_stop(filters)
illustrative_notice()
subtitle = compose_subtitle(filters.describe_vi(), illustrative=has_illustrative_data())
month_cell(filters, subtitle)
calendar_day(filters, subtitle)
