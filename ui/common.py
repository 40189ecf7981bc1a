"""Small pieces every dashboard page shares: header line, notices, empty states, tables, charts.

Task text is data: it is only ever shown through ``st.dataframe``/``st.text``,
or through ``ui.safe_text.literal`` where an element reads Markdown; never as HTML.
"""

from __future__ import annotations

import calendar
import copy
import hashlib
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

import altair as alt
import pandas as pd
import streamlit as st

from charts.common import AnyChart
from charts.presentation import large_type
from data_access.queries.filters import TaskFilters
from exports.chart_images import slugify
from exports.table_format import Percent, TableFormats, rounded_as_shown, step
from labels import (
    DATE_FORMAT_WIDGET,
    ILLUSTRATIVE_NOTE,
    INDICATIVE_DUE_NOTE,
    KNOWN_BY_LABEL,
    MINUS,
    format_date,
    format_int,
    points_change,
    signed_change,
    status_label,
)
from ui.data import has_illustrative_data, load_all_statuses, load_statuses
from ui.downloads import offer_chart, offer_table
from ui.filters import reset_button
from ui.plan_numbers import NUMBER_HEADING, sortable_numbers
from ui.presentation import presenting
from ui.presented_table import presented_table
from ui.safe_text import literal
from ui.state import StateKey

NOTHING_KNOWN_YET = (
    "Đến hết ngày {day} chưa có kế hoạch nào được nạp. Bỏ chọn “"
    + KNOWN_BY_LABEL.lower()
    + "” để xem tình hình ngày đó theo mọi dữ liệu hiện có."
)
NO_DATA = (
    "Chưa có dữ liệu — hãy tải lên tệp kế hoạch (Excel hoặc Word) ở trang Cập nhật dữ liệu "
    "(mục Dữ liệu của menu), rồi quay lại trang này."
)
NO_MATCH = "Không có nhiệm vụ nào khớp bộ lọc — hãy nới bộ lọc hoặc bấm Đặt lại bộ lọc."
TASKS_EXPORT_TITLE = "Danh sách nhiệm vụ"
DUE_NOTE_HEADING = "Loại hạn"  # the column that marks an indicative due date
MAX_TABLE_ROWS = 2_000  # longer task lists are cut, with a note
TASK_TABLE_COLUMNS = {
    "plan_code": "Kế hoạch",
    "section_code": "Mục",
    "number": NUMBER_HEADING,
    "name": "Nhiệm vụ",
    "status_label": "Trạng thái",
    "due_date": "Hạn hoàn thành",
    "due_note": DUE_NOTE_HEADING,
    "days_overdue": "Số ngày quá hạn",
    "deadline_text": "Thời hạn (theo văn bản)",
}


def page_header(title: str, filters: TaskFilters) -> None:
    """The page title and the one line that states the as-of date and the active filters."""
    st.title(title)
    filters_caption(filters)


def filters_caption(filters: TaskFilters) -> None:
    st.caption(literal(filters.describe_vi()))


def illustrative_notice() -> None:
    """Say so when progress shown on this page is made-up sample data."""
    if has_illustrative_data():
        st.info(ILLUSTRATIVE_NOTE, icon=":material/science:")


def filtered_tasks_or_stop(filters: TaskFilters) -> pd.DataFrame:
    """The filtered status frame; stops the page with the right message when there is none."""
    statuses = load_statuses(filters)
    has_tasks = (
        statuses.shape[0] > 0 or load_all_statuses(filters.as_of, filters.known_by).shape[0] > 0
    )
    if not has_tasks and filters.known_only and load_all_statuses(filters.as_of).shape[0] > 0:
        st.info(NOTHING_KNOWN_YET.format(day=format_date(filters.as_of)), icon=":material/history:")
        st.stop()
    if not has_tasks:
        st.info(NO_DATA, icon=":material/upload_file:")
        st.stop()
    if statuses.empty:
        no_match_state()
        st.stop()
    return statuses


def no_match_state() -> None:
    st.info(NO_MATCH, icon=":material/filter_alt_off:")
    reset_button(f"{StateKey.RESET_FILTERS}_empty")


def show_chart(
    builder: Callable[..., AnyChart], frame: pd.DataFrame, title: str, subtitle: str, **options: Any
) -> None:
    """Build a chart with ``builder(frame, title, subtitle, **options)`` (cached) and show it."""
    chart, spec = _cached_chart(
        builder, _name(builder), frame, title, subtitle, tuple(options.items())
    )
    st.vega_lite_chart(spec=shown_spec(spec))
    offer_chart(chart, title=title, key=f"chart_{slugify(title)}")


def chart_pick(
    builder: Callable[..., AnyChart],
    frame: pd.DataFrame,
    title: str,
    subtitle: str,
    *,
    key: str,
    param: str,
    **options: Any,
) -> dict[str, Any]:
    """Show a chart whose items can be clicked; the fields of the clicked item, or {}."""
    chart, spec = _cached_chart(
        builder, _name(builder), frame, title, subtitle, tuple(options.items())
    )
    event = st.vega_lite_chart(
        spec=shown_spec(spec), key=key, on_select="rerun", selection_mode=param
    )
    offer_chart(chart, title=title, key=key)
    return first_pick(event, param)


def shown_spec(spec: dict[str, Any]) -> dict[str, Any]:
    """A copy of a cached spec to show (Streamlit edits it), in large type while presenting."""
    return large_type(spec) if presenting() else copy.deepcopy(spec)


def _name(builder: Callable[..., AnyChart]) -> str:
    return f"{builder.__module__}.{builder.__qualname__}"


@st.cache_resource(show_spinner=False, max_entries=64)
def _cached_chart(
    _builder: Callable[..., AnyChart],  # not hashed; ``name`` stands for it
    name: str,
    frame: pd.DataFrame,
    title: str,
    subtitle: str,
    options: tuple[tuple[str, Any], ...],
) -> tuple[AnyChart, dict[str, Any]]:
    """The chart and its Vega-Lite spec (Altair's public ``to_dict``), rebuilt only when
    their input changes. Kept by the frame's content, so they need no clearing on write.

    Building takes up to a second on large inputs; the spec, validated against the
    Vega-Lite schema, 30-60 ms a chart, which ``st.altair_chart`` pays on every rerun
    (0.12 s of Chỉ tiêu's 0.19 s warm rerun at national scale, measured with
    benchmarks/bench_pages.py --profile). Callers show a copy: Streamlit edits the spec.
    """
    chart = _builder(frame, title, subtitle, **dict(options))
    with alt.data_transformers.disable_max_rows():  # the charts aggregate; some exceed 5,000
        return chart, chart.to_dict()


def first_pick(event: Any, param: str) -> dict[str, Any]:
    """The first point of selection ``param`` in a chart event ({} when nothing is picked)."""
    selection = event.get("selection", {}) if isinstance(event, Mapping) else {}
    points = selection.get(param) if isinstance(selection, Mapping) else None
    if isinstance(points, list) and points and isinstance(points[0], Mapping):
        return dict(points[0])
    return {}


def picked_row(event: Any) -> int | None:
    """Position of the row selected in a ``st.dataframe(on_select=…)`` event, if any."""
    selection = event.get("selection", {}) if isinstance(event, Mapping) else {}
    rows = selection.get("rows", []) if isinstance(selection, Mapping) else []
    return int(rows[0]) if rows else None


def task_table(
    tasks: pd.DataFrame, *, key: str | None = None, leading: Mapping[str, str] | None = None
) -> None:
    """A read-only table of tasks, soonest due first; at most MAX_TABLE_ROWS rows.

    ``leading`` names extra columns of ``tasks`` (column -> heading) shown first.
    """
    columns = {**(leading or {}), **TASK_TABLE_COLUMNS}
    shown = tasks.sort_values(["due_date", "plan_code", "position"], kind="stable")
    if len(shown) > MAX_TABLE_ROWS:
        st.caption(f"Hiển thị {format_int(MAX_TABLE_ROWS)} trên {format_int(len(shown))} nhiệm vụ.")
        shown = shown.head(MAX_TABLE_ROWS)
    table = with_due_note(shown).assign(status_label=shown["status"].map(status_label))
    display = table[list(columns)].rename(columns=columns)
    show_table(
        sortable_numbers(display),
        key=key,
        hide_index=True,
        column_config={
            TASK_TABLE_COLUMNS["due_date"]: date_column(TASK_TABLE_COLUMNS["due_date"]),
            TASK_TABLE_COLUMNS["name"]: st.column_config.TextColumn(width="large"),
        },
    )
    ids = hashlib.blake2b(shown["task_id"].to_numpy().tobytes(), digest_size=4).hexdigest()
    offer_table(display, title=TASKS_EXPORT_TITLE, key=key or f"tasks_{ids}")


def with_due_note(tasks: pd.DataFrame) -> pd.DataFrame:
    """``tasks`` with ``due_note``: "Hạn dự kiến" where the plan calls the due date indicative."""
    mark = INDICATIVE_DUE_NOTE.capitalize()
    return tasks.assign(due_note=tasks["deadline_indicative"].map({True: mark, False: ""}))


WHOLE_TABLE_ROWS = 50  # a dashboard's tables (due soon, KPIs, report discipline) fit


def show_table(frame: pd.DataFrame, *, formats: TableFormats | None = None, **options: Any) -> Any:
    """``st.dataframe(frame, **options)``, numbers rounded as ``formats`` show them.

    ``formats`` (the table's declared number formats, also given to its downloads)
    become column configs; ``options["column_config"]`` adds to them. Returns the
    selection event, as ``st.dataframe`` (None while presenting: the table is static,
    ui.presented_table, whole and wrapped for a projector, and nothing is clicked). On
    screen a table of up to WHOLE_TABLE_ROWS rows that opens nothing on a click shows
    every row, so Ctrl+P prints it whole (a canvas table prints only the rows in view); a
    list whose clicked row opens a record below it keeps its scroll box, so that the
    record shows next to the list.
    """
    formats = formats or {}
    if presenting():
        own = options.get("column_config", {})
        presented_table(frame, formats, own, hide_index=options.get("hide_index"))
        return None
    config = {**number_columns(formats), **options.pop("column_config", {})}
    shown = rounded_as_shown(frame, formats)
    if len(frame) <= WHOLE_TABLE_ROWS and "on_select" not in options:
        options.setdefault("height", "content")
    return st.dataframe(shown, column_config=config or None, **options)


def number_columns(formats: TableFormats) -> dict[str, Any]:
    """Column configs for declared formats: percentages and numbers in the browser's locale."""
    config: dict[str, Any] = {}
    for name, spec in formats.items():
        if isinstance(spec, Percent) and spec.bar:
            config[name] = st.column_config.ProgressColumn(
                format="percent", min_value=0, max_value=1, step=step(spec)
            )
        else:
            # The step sets how many decimals every cell shows ("100,0%" beside "72,5%"); the
            # grid cuts values at it, so show_table rounds them to it first.
            kind = "percent" if isinstance(spec, Percent) else "localized"
            config[name] = st.column_config.NumberColumn(format=kind, step=step(spec))
    return config


def date_column(label: str, width: int | None = None) -> Any:
    """A date column shown dd/mm/yyyy; ``width`` in pixels (Streamlit sizes it if None)."""
    return st.column_config.DateColumn(label, format=DATE_FORMAT_WIDGET, width=width)


def month_before(day: date) -> date:
    """The same day one month earlier (31/03 -> 28/02 or 29/02)."""
    year, month = (day.year, day.month - 1) if day.month > 1 else (day.year - 1, 12)
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def metric_delta(change: str) -> str:
    """A signed change as ``st.metric`` needs it: Streamlit reads a decrease (its arrow and
    colour) only from a leading ASCII "-", so here alone the minus sign is a hyphen."""
    return change.replace(MINUS, "-", 1)


def count_delta(now: int, before: int) -> str:
    """A count's change for ``st.metric``: "+3", "-2", or NO_CHANGE."""
    return metric_delta(signed_change(now - before, decimals=0))


def points_delta(now: float | None, before: float | None) -> str | None:
    """A rate's change for ``st.metric``: "+2,5 điểm %", NO_CHANGE, or None if unknown."""
    change = points_change(now, before)
    return None if change is None else metric_delta(change)


UNIT_HEADING = "Đơn vị tính"  # a KPI's unit, beside its numbers ("%" makes them percentages)
