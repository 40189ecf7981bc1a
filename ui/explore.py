"""Plotly charts to explore on a page: shown with their toolbar (in large type while
presenting), clicks read back."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import plotly.graph_objects as go
import streamlit as st

from charts.presentation import large_figure_type
from ui.presentation import presenting
from ui.task_lineage import OPEN_RECORD_HELP
from ui.task_links import task_record_url

TOOLBAR_NOTE = (
    "Kéo chuột trên biểu đồ để phóng to, bấm đúp để xem lại toàn bộ; nút máy ảnh trên thanh "
    "công cụ của biểu đồ (góc trên bên phải) tải biểu đồ xuống thành ảnh PNG."
)
CONFIG = {"displaylogo": False, "toImageButtonOptions": {"format": "png", "scale": 2}}


def explore_chart(figure: go.Figure, *, key: str) -> list[Mapping[str, Any]]:
    """Show ``figure`` with the toolbar note; the points of the click, if any."""
    st.caption(TOOLBAR_NOTE)
    event = st.plotly_chart(
        large_figure_type(figure) if presenting() else figure,
        key=key,
        on_select="rerun",
        selection_mode="points",
        config=CONFIG,
    )
    selection = event.get("selection", {}) if isinstance(event, Mapping) else {}
    points = selection.get("points", []) if isinstance(selection, Mapping) else []
    return [p for p in points if isinstance(p, Mapping)]


def clicked_task(points: list[Mapping[str, Any]]) -> int | None:
    """The task id a clicked bar carries as ``customdata[0]`` (None when nothing is clicked)."""
    for point in points:
        data = point.get("customdata")
        if isinstance(data, list) and data and str(data[0]).isdigit():
            return int(data[0])
    return None


def clicked_node(points: list[Mapping[str, Any]]) -> str | None:
    """The ``id`` of a clicked treemap node (None when nothing is clicked)."""
    ids = [p.get("id") for p in points]
    return next((str(i) for i in ids if i), None)


def open_record(task_id: int, name: str) -> None:
    """The clicked task's name and the button that opens its record."""
    st.text(name)
    st.link_button(
        "Mở hồ sơ nhiệm vụ",
        task_record_url(task_id),
        icon=":material/open_in_new:",
        type="primary",
        help=OPEN_RECORD_HELP,
    )
