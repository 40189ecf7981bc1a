"""Tổng quan: plans with their task and KPI counts (a thin first view)."""

from __future__ import annotations

import streamlit as st

from ui.data import DataUnavailableError, load_overview
from ui.labels import DEADLINE_KIND_LABELS, ILLUSTRATIVE_NOTE, format_date, format_int

st.title("Tổng quan")

try:
    overview = load_overview()
except DataUnavailableError as error:
    st.error(str(error))
    st.stop()

plans = overview.plans
if plans.empty:
    st.info("Chưa có kế hoạch nào trong cơ sở dữ liệu.")
    st.stop()
if overview.illustrative:
    st.info(ILLUSTRATIVE_NOTE)

plan_col, task_col, kpi_col, done_col = st.columns(4)
plan_col.metric("Kế hoạch", format_int(len(plans)))
task_col.metric("Nhiệm vụ", format_int(int(plans["tasks"].sum())))
kpi_col.metric("Chỉ tiêu", format_int(int(plans["kpis"].sum())))
done_col.metric("Nhiệm vụ đã hoàn thành", format_int(int(plans["completed"].sum())))

st.subheader("Theo kế hoạch")
st.dataframe(
    plans.assign(issued_on=plans["issued_on"].map(format_date)).rename(
        columns={
            "code": "Mã kế hoạch",
            "title": "Tên kế hoạch",
            "issued_on": "Ngày ban hành",
            "tasks": "Số nhiệm vụ",
            "kpis": "Số chỉ tiêu",
            "completed": "Đã hoàn thành",
        }
    ),
    hide_index=True,
)

st.subheader("Theo loại thời hạn")
kinds = overview.deadline_kinds
st.dataframe(
    kinds.assign(
        deadline_kind=kinds["deadline_kind"].map(lambda k: DEADLINE_KIND_LABELS.get(k, k))
    ).rename(
        columns={
            "deadline_kind": "Loại thời hạn",
            "tasks": "Số nhiệm vụ",
            "completed": "Đã hoàn thành",
        }
    ),
    hide_index=True,
)
