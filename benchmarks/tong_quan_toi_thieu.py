"""The least a Tổng quan page can draw and still show what issue 3 asks of it, from constants.

Timed by ``bench_pages`` beside the real pages: the shared filter sidebar, the
title and filter line, five big numbers with their changes, a status chart,
three small tables (agencies with most overdue tasks, what falls due next, the
KPIs), and the PNG/SVG or Excel/CSV buttons every chart and table carries
(issue 5). No query, no computation: its warm run is the floor under the real
page's, whatever the data code does.
"""

import pandas as pd
import streamlit as st

from ui.common import show_table
from ui.downloads import deferred_download
from ui.filters import page_filters

STATUS_SPEC = {
    "mark": "bar",
    "encoding": {
        "x": {"field": "count", "type": "quantitative"},
        "y": {"field": "status", "type": "nominal"},
        "color": {"field": "status", "type": "nominal"},
    },
}


@st.cache_resource
def tables() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    rows = range(8)
    return (
        pd.DataFrame({"status": [f"Trạng thái {i}" for i in range(6)], "count": range(6)}),
        pd.DataFrame({"Cơ quan": [f"Sở {i}" for i in rows], "Quá hạn": rows}),
        pd.DataFrame({"Nhiệm vụ": [f"Nhiệm vụ {i}" for i in rows], "Hạn": ["31/12/2026"] * 8}),
        pd.DataFrame({"Chỉ tiêu": [f"Chỉ tiêu {i}" for i in rows], "Mục tiêu": ["80%"] * 8}),
    )


def export_buttons(name: str, formats: tuple[str, str]) -> None:
    for ext in formats:
        deferred_download(f"Tải {ext}", bytes, file_name=f"{name}.{ext}", key=f"{name}_{ext}")


filters = page_filters()
st.title("Tổng quan")
st.caption(filters.describe_vi())
counts, late, due, kpis = tables()
for cell, label in zip(
    st.columns(5), ("Nhiệm vụ", "Hoàn thành", "Đúng hạn", "Quá hạn", "Sắp đến hạn"), strict=True
):
    cell.metric(label, 100, "+1")
st.vega_lite_chart(counts, STATUS_SPEC)
export_buttons("trang-thai", ("png", "svg"))
for name, table in (("qua-han", late), ("sap-den-han", due), ("chi-tieu", kpis)):
    st.subheader(name)
    show_table(table, hide_index=True)
    export_buttons(name, ("xlsx", "csv"))
