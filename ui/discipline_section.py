"""The "Tình hình gửi báo cáo" section of Báo cáo và xuất: who reported the period on time."""

from __future__ import annotations

from datetime import date

import streamlit as st

from charts.discipline import verdict_bars
from data_access.queries.discipline import (
    DISCIPLINE_TITLE,
    NO_REPORTER,
    discipline_view,
    verdict_counts,
)
from data_access.queries.filters import TaskFilters
from data_access.queries.reporting_calendar import REPORT_DAYS_VI, ReportingPeriod
from exports.periodic_report import in_sentence
from labels import format_date
from ui.common import show_chart, show_table
from ui.data import load_discipline
from ui.downloads import offer_table
from ui.state import StateKey

DISCIPLINE_HELP = (
    "Cơ quan chủ trì có nhiệm vụ phải báo cáo trong kỳ; ngày gửi là ngày của báo cáo tiến độ "
    "đầu tiên nhận được từ đầu kỳ đến hạn gửi báo cáo của kỳ sau (không tính lần nạp đã hoàn "
    f"tác). Hạn gửi: {REPORT_DAYS_VI}."
)


def discipline_section(filters: TaskFilters, period: ReportingPeriod, seen_by: date) -> None:
    """The table and chart of ``period``'s reporting discipline, as reports stood on ``seen_by``."""
    st.subheader(DISCIPLINE_TITLE)
    st.caption(f"{DISCIPLINE_HELP} Tính đến ngày {format_date(seen_by)}.")
    table = load_discipline(filters, period, seen_by)
    if table.empty:
        st.info(NO_REPORTER)
        return
    title = f"{DISCIPLINE_TITLE} {in_sentence(period)}"
    show_chart(verdict_bars, verdict_counts(table), title, "")
    view = discipline_view(table)
    show_table(view, hide_index=True, key=StateKey.REPORT_DISCIPLINE)
    offer_table(view, title=title, key=f"{StateKey.REPORT_DISCIPLINE}_dl")
