"""Tổng quan: the few numbers a meeting needs, their change in a month, what is late and next."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Literal

import pandas as pd
import streamlit as st

from charts import compose_subtitle, status_breakdown
from data_access.kinds import AgencyRole
from data_access.queries.filters import TaskFilters
from data_access.queries.status import RATE_HELP_VI
from exports.table_format import Number, Percent
from labels import (
    AGENCY_KIND_LABELS,
    KPI_VERDICTS,
    format_date,
    format_int,
    format_percent,
    kpi_targets,
    kpi_verdict,
    status_label,
)
from ui.common import (
    DUE_NOTE_HEADING,
    UNIT_HEADING,
    count_delta,
    date_column,
    filtered_tasks_or_stop,
    illustrative_notice,
    month_before,
    page_header,
    points_delta,
    show_chart,
    show_table,
    with_due_note,
)
from ui.data import (
    DUE_SOON_DAYS,
    has_illustrative_data,
    load_agency_summary,
    load_latest_kpis,
    load_status_counts,
    load_summary,
    load_upcoming,
)
from ui.downloads import offer_table
from ui.filters import page_filters

DeltaColor = Literal["normal", "inverse", "off"]  # "inverse": fewer is better (overdue)
TOP_AGENCIES = 8
UPCOMING_DAYS = 90
UPCOMING_ROWS = 10


def headline(filters: TaskFilters) -> None:
    """Five big numbers, each with its change since the same day last month."""
    before_filters = replace(filters, as_of=month_before(filters.as_of))
    now, before = load_summary(filters), load_summary(before_filters)
    metrics: list[tuple[str, str, str | None, DeltaColor]] = [
        ("Nhiệm vụ", format_int(now.total), count_delta(now.total, before.total), "off"),
        (
            "Đã hoàn thành",
            format_int(now.completed),
            count_delta(now.completed, before.completed),
            "normal",
        ),
        (
            "Tỷ lệ đúng hạn",
            format_percent(now.on_time_rate),
            points_delta(now.on_time_rate, before.on_time_rate),
            "normal",
        ),
        ("Quá hạn", format_int(now.overdue), count_delta(now.overdue, before.overdue), "inverse"),
        (
            f"Đến hạn {DUE_SOON_DAYS} ngày tới",
            format_int(now.due_soon),
            count_delta(now.due_soon, before.due_soon),
            "off",
        ),
    ]
    st.caption(f"Mũi tên: thay đổi so với ngày {format_date(before_filters.as_of)}.")
    for cell, (label, value, delta, color) in zip(st.columns(len(metrics)), metrics, strict=True):
        cell.metric(
            label,
            value,
            delta,
            delta_color=color,
            help=RATE_HELP_VI,
            border=True,
            height="stretch",  # the cards line up when a label wraps onto two lines
        )


LATE_COLUMNS = {
    "agency": "Cơ quan",
    "agency_kind": "Loại",
    "overdue": "Quá hạn",
    "total": "Tổng số nhiệm vụ",
    "completion_rate": "Tỷ lệ hoàn thành",
}
NEXT_DUE_COLUMNS = {
    "due_date": "Hạn",
    "due_note": DUE_NOTE_HEADING,
    "days_left": "Còn (ngày)",
    "plan_code": "Kế hoạch",
    "number": "STT",
    "name": "Nhiệm vụ",
    "status": "Trạng thái",
}
LATE_FORMATS = {LATE_COLUMNS["completion_rate"]: Percent(1)}
KPI_COLUMNS = {
    "kpi": "Chỉ tiêu",
    "target_text": "Mục tiêu",
    "value": "Kết quả mới nhất",
    "unit": UNIT_HEADING,
    "period_end": "Số liệu đến ngày",
    "result": "Đánh giá",
    "owner": "Đơn vị theo dõi",
}
KPI_FORMATS = {KPI_COLUMNS["value"]: Number(1, unit_column=UNIT_HEADING)}


def late_agencies_table(filters: TaskFilters) -> pd.DataFrame:
    """The lead agencies with most overdue tasks, as shown."""
    agencies = load_agency_summary(filters, AgencyRole.LEAD)
    late = agencies[agencies["overdue"] > 0].head(TOP_AGENCIES)
    table = late.assign(
        agency_kind=late["agency_kind"].map(lambda kind: AGENCY_KIND_LABELS.get(kind, kind)),
    )
    return table[list(LATE_COLUMNS)].rename(columns=LATE_COLUMNS)


def section_table(
    heading: str, build: Callable[[TaskFilters], pd.DataFrame], filters: TaskFilters, empty: str
) -> pd.DataFrame | None:
    """A section's heading and its table, or ``empty`` said when it has no rows."""
    st.subheader(heading)
    table = build(filters)
    if table.empty:
        st.caption(empty)
        return None
    return table


def late_agencies(filters: TaskFilters) -> None:
    shown = section_table(
        "Cơ quan chủ trì có nhiều nhiệm vụ quá hạn nhất",
        late_agencies_table,
        filters,
        "Không có cơ quan nào có nhiệm vụ quá hạn.",
    )
    if shown is None:
        return
    show_table(shown, formats=LATE_FORMATS, hide_index=True)
    offer_table(
        shown,
        title="Cơ quan có nhiều nhiệm vụ quá hạn nhất",
        key="late_agencies",
        formats=LATE_FORMATS,
    )


def next_due_table(filters: TaskFilters) -> tuple[pd.DataFrame, int]:
    """The first tasks falling due, as shown, and how many fall due in all."""
    upcoming = load_upcoming(filters, UPCOMING_DAYS)
    shown = upcoming.head(UPCOMING_ROWS)
    display = with_due_note(shown).assign(status=shown["status"].map(status_label))
    display = display[list(NEXT_DUE_COLUMNS)]
    return display.rename(columns=NEXT_DUE_COLUMNS), len(upcoming)


def next_due(filters: TaskFilters) -> None:
    st.subheader(f"Sắp đến hạn ({UPCOMING_DAYS} ngày tới)")
    display, total = next_due_table(filters)
    if not total:
        st.caption(f"Không có nhiệm vụ nào đến hạn trong {UPCOMING_DAYS} ngày tới.")
        return
    show_table(display, hide_index=True, column_config={"Hạn": date_column("Hạn")})
    offer_table(display, title=f"Sắp đến hạn ({UPCOMING_DAYS} ngày tới)", key="next_due")
    if total > UPCOMING_ROWS:
        st.caption(f"Và {format_int(total - UPCOMING_ROWS)} nhiệm vụ khác.")


def kpi_summary_table(filters: TaskFilters) -> pd.DataFrame:
    """The chosen plans' KPIs with their latest result and verdict, as shown."""
    kpis = load_latest_kpis(filters.as_of, filters.plan_codes, filters.known_by)
    table = kpis.assign(
        result=kpis["met"].map(kpi_verdict),
        unit=kpis["unit"].fillna(""),
        target_text=kpi_targets(kpis),
    )
    return table[list(KPI_COLUMNS)].rename(columns=KPI_COLUMNS)


def result_counts(display: pd.DataFrame) -> dict[str, int]:
    """How many KPIs of the table are met, not met, without a result."""
    results = display[KPI_COLUMNS["result"]]
    return {label: int((results == label).sum()) for label in KPI_VERDICTS}


def kpi_summary(filters: TaskFilters) -> None:
    display = section_table(
        "Chỉ tiêu", kpi_summary_table, filters, "Các kế hoạch đã chọn không có chỉ tiêu."
    )
    if display is None:
        return
    counts = result_counts(display)
    for cell, (label, count) in zip(st.columns(3), counts.items(), strict=True):
        cell.metric(f"Chỉ tiêu {label.lower()}", format_int(count))
    show_table(
        display,
        formats=KPI_FORMATS,
        hide_index=True,
        column_config={"Số liệu đến ngày": date_column("Số liệu đến ngày")},
    )
    offer_table(display, title="Chỉ tiêu", key="kpi_summary", formats=KPI_FORMATS)


filters = page_filters()
page_header("Tổng quan", filters)
filtered_tasks_or_stop(filters)
illustrative_notice()
headline(filters)
chart_col, agency_col = st.columns(2)
with chart_col:
    subtitle = compose_subtitle(filters.describe_vi(), illustrative=has_illustrative_data())
    show_chart(status_breakdown, load_status_counts(filters), "Nhiệm vụ theo trạng thái", subtitle)
with agency_col:
    late_agencies(filters)
next_due(filters)
kpi_summary(filters)
