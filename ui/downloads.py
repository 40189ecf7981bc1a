"""Download buttons for charts, tables and reports, shared by every page.

A file is built only when its button is clicked: the button gets a callable,
which Streamlit runs on its own thread while the button shows a spinner, so
the page never waits for an export and never reruns because of one.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from typing import Literal

import pandas as pd
import streamlit as st

from charts import compose_subtitle
from charts.common import AnyChart
from data_access.clock import vietnam_today
from data_access.queries.filters import TaskFilters
from exports.chart_images import chart_png, chart_svg, export_file_name
from exports.table_format import TableFormats
from exports.tables import table_csv, table_xlsx
from ui.data import has_illustrative_data
from ui.state import StateKey

ButtonKind = Literal["primary", "secondary", "tertiary"]
MIME = {
    "png": "image/png",
    "svg": "image/svg+xml",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "pdf": "application/pdf",
    "zip": "application/zip",
}
PNG_HELP = "Ảnh rộng 2.700 điểm ảnh, đủ nét để in hoặc dán vào báo cáo Word, trình chiếu."
SVG_HELP = "Ảnh véc-tơ: phóng to không vỡ, chèn được vào Word và PowerPoint."
# The grid sorts in the browser only; a file is built on the server, in the table's own order.
ROW_ORDER_NOTE = (
    "Các dòng theo thứ tự mặc định của bảng: sắp xếp bằng cách bấm tiêu đề cột chỉ áp dụng "
    "trên màn hình."
)
XLSX_HELP = (
    "Bảng Excel: tiêu đề, bộ lọc đang chọn, dòng tiêu đề cố định, ngày dạng dd/mm/yyyy, tỷ lệ "
    f"là số dạng phần trăm. {ROW_ORDER_NOTE}"
)
CSV_HELP = f"Tệp CSV (UTF-8), Excel mở đúng tiếng Việt. {ROW_ORDER_NOTE}"


def deferred_download(
    label: str,
    build: Callable[[], bytes],
    *,
    file_name: str,
    key: str,
    icon: str | None = None,
    help: str | None = None,
    kind: ButtonKind = "secondary",
) -> None:
    """A button that builds its file on click (spinner meanwhile) and does not rerun the page."""
    st.download_button(
        label,
        data=build,
        file_name=file_name,
        mime=MIME.get(file_name.rsplit(".", 1)[-1]),
        key=key,
        on_click="ignore",
        icon=icon,
        help=help,
        type=kind,
    )


def chart_downloads(chart: AnyChart, *, name: str, as_of: date, key: str) -> None:
    """PNG and SVG buttons under a chart; the image keeps the chart's title and subtitle."""
    with st.container(horizontal=True, gap="small", key=f"{key}_downloads"):
        for ext, label, icon, builder, help_text in (
            ("png", "Tải ảnh PNG", ":material/image:", chart_png, PNG_HELP),
            ("svg", "Tải ảnh SVG", ":material/polyline:", chart_svg, SVG_HELP),
        ):
            deferred_download(
                label,
                partial(builder, chart),
                file_name=export_file_name(name, as_of, ext),
                key=f"{key}_{ext}",
                icon=icon,
                help=help_text,
                kind="tertiary",
            )


def table_downloads(
    table: pd.DataFrame,
    *,
    title: str,
    subtitle: str,
    name: str,
    as_of: date,
    key: str,
    formats: TableFormats | None = None,
) -> None:
    """Excel and CSV buttons under a table, for the rows and columns as sent to the screen."""
    xlsx = partial(
        table_xlsx, table, title=title, subtitle=subtitle, sheet_name=title, formats=formats
    )
    with st.container(horizontal=True, gap="small", key=f"{key}_downloads"):
        deferred_download(
            "Tải Excel",
            xlsx,
            file_name=export_file_name(name, as_of, "xlsx"),
            key=f"{key}_xlsx",
            icon=":material/table_view:",
            help=XLSX_HELP,
            kind="tertiary",
        )
        deferred_download(
            "Tải CSV",
            partial(table_csv, table, formats),
            file_name=export_file_name(name, as_of, "csv"),
            key=f"{key}_csv",
            icon=":material/description:",
            help=CSV_HELP,
            kind="tertiary",
        )


def export_subtitle(filters: TaskFilters, illustrative: bool) -> str:
    """What an exported table or chart says under its title: as-of date, filters, sample note."""
    return compose_subtitle(filters.describe_vi(), illustrative=illustrative)


def offer_chart(chart: AnyChart, *, title: str, key: str) -> None:
    """The PNG/SVG buttons for a chart on a dashboard page (one line at each chart)."""
    chart_downloads(chart, name=title, as_of=_active_filters().as_of, key=f"{key}_dl")


def offer_table(
    table: pd.DataFrame, *, title: str, key: str, formats: TableFormats | None = None
) -> None:
    """The Excel/CSV buttons for a table as shown (``formats`` as given to ``show_table``),
    headed by its title and the page's filters."""
    filters = _active_filters()
    table_downloads(
        table,
        title=title,
        subtitle=export_subtitle(filters, has_illustrative_data()),
        name=title,
        as_of=filters.as_of,
        key=f"{key}_dl",
        formats=formats,
    )


def _active_filters() -> TaskFilters:
    """The filters app.py drew for this run (today, unfiltered, when a page runs on its own)."""
    active = st.session_state.get(StateKey.ACTIVE_FILTERS)
    return active if isinstance(active, TaskFilters) else TaskFilters(as_of=vietnam_today())
