"""Task counts by status: overall, and stacked per agency."""

from __future__ import annotations

from typing import Any, Literal

import altair as alt
import pandas as pd

from charts.common import (
    AGENCY_TITLE,
    AnyChart,
    count_axis,
    empty_chart,
    finish,
    limit_rows,
    picked_opacity,
    require_columns,
    rows_height,
    stacked_agency_bars,
    totals_per_code,
    with_ranked_labels,
)
from charts.palette import status_color_scale, status_colors, status_domain
from data_access.queries.statuses import TaskStatus
from labels import STATUS_ORDER, format_int, format_percent, status_label

AgencySort = Literal["overdue", "completion_rate", "total"]

STATUS_PICK = "status_pick"
AGENCY_PICK = "agency_pick"

STATUS_TITLE = "Trạng thái"
COUNT_TITLE = "Số nhiệm vụ"


def with_status_labels(df: pd.DataFrame) -> pd.DataFrame:
    """Add ``status_label`` and ``status_rank`` (position in STATUS_ORDER) to rows."""
    return with_ranked_labels(df, "status", [str(s) for s in STATUS_ORDER], status_label)


def status_breakdown(counts: pd.DataFrame, title: str, subtitle: str = "") -> AnyChart:
    """Horizontal bars: tasks per status, every status shown (0 when absent).

    Input: ``status`` (TaskStatus code), ``count``. Clicking a bar selects its
    code in the point selection ``status_pick`` (field ``status``).
    """
    require_columns(counts, ("status", "count"), "status_breakdown")
    pick = alt.selection_point(name=STATUS_PICK, fields=["status"])
    if counts.empty:
        return empty_chart(title, subtitle, pick)
    totals = totals_per_code(counts, "status", [str(s) for s in STATUS_ORDER])
    grand_total = int(totals["count"].sum())
    data = with_status_labels(totals)
    data = data.assign(
        count_text=data["count"].map(format_int),
        share_text=data["count"].map(
            lambda n: format_percent(n / grand_total if grand_total else None)
        ),
    )
    base = alt.Chart(data).encode(
        y=alt.Y("status_label:N", title=None, sort=status_domain(), axis=alt.Axis(labelLimit=220)),
        x=alt.X("count:Q", title=COUNT_TITLE, axis=count_axis()),
        tooltip=[
            alt.Tooltip("status_label:N", title=STATUS_TITLE),
            alt.Tooltip("count_text:N", title=COUNT_TITLE),
            alt.Tooltip("share_text:N", title="Tỷ lệ"),
        ],
    )
    bars = base.mark_bar().encode(
        color=alt.Color("status_label:N", scale=status_color_scale(), legend=None),
        opacity=picked_opacity(pick),
    )
    text = base.mark_text(align="left", dx=4).encode(text=alt.Text("count_text:N"))
    layered = bars.add_params(pick) + text
    return finish(layered, title, subtitle, height=rows_height(len(data)))


def agency_order(summary: pd.DataFrame, sort_by: AgencySort) -> list[str]:
    """Agencies, worst first: most overdue, lowest completion rate, or most tasks."""
    overdue = summary["count"].where(summary["status"] == TaskStatus.OVERDUE, 0)
    per_agency = (
        summary.assign(overdue=overdue)
        .groupby("agency", sort=False)
        .agg(overdue=("overdue", "sum"), total=("total", "max"), rate=("completion_rate", "max"))
        .reset_index()
    )
    keys: dict[AgencySort, tuple[list[str], list[bool]]] = {
        "overdue": (["overdue", "total", "agency"], [False, False, True]),
        "completion_rate": (["rate", "overdue", "agency"], [True, False, True]),
        "total": (["total", "overdue", "agency"], [False, False, True]),
    }
    columns, ascending = keys[sort_by]
    ordered = per_agency.sort_values(columns, ascending=ascending, na_position="last")
    return [str(a) for a in ordered["agency"]]


def agency_status_bars(
    summary: pd.DataFrame,
    title: str,
    subtitle: str = "",
    *,
    sort_by: AgencySort = "overdue",
    top_n: int | None = 15,
) -> AnyChart:
    """Stacked horizontal bars of tasks by status for each agency.

    Input rows: ``agency, status, count, total, completion_rate, on_time_rate``
    (rates are fractions 0..1 or missing). Agencies are sorted by ``sort_by``
    (worst first) and cut to ``top_n``; the subtitle then says how many are
    shown. Clicking a bar selects its agency in the point selection
    ``agency_pick`` (field ``agency``).
    """
    columns = ("agency", "status", "count", "total", "completion_rate", "on_time_rate")
    require_columns(summary, columns, "agency_status_bars")
    pick = alt.selection_point(name=AGENCY_PICK, fields=["agency"])
    if summary.empty:
        return empty_chart(title, subtitle, pick)
    data = with_status_labels(summary.assign(agency=summary["agency"].astype(str)))
    order = agency_order(data, sort_by)
    order, subtitle = limit_rows(order, top_n, subtitle)
    data = data[data["agency"].isin(order) & (data["count"] > 0)]
    data = data.assign(
        total_text=data["total"].map(format_int),
        completion_text=data["completion_rate"].map(_rate_text),
        on_time_text=data["on_time_rate"].map(_rate_text),
    )
    chart = stacked_agency_bars(
        data,
        order,
        field="status_label",
        colors=status_colors(),
        legend_title=STATUS_TITLE,
        rank="status_rank",
        count_title=COUNT_TITLE,
        tooltip=[
            alt.Tooltip("agency:N", title=AGENCY_TITLE),
            alt.Tooltip("status_label:N", title=STATUS_TITLE),
            alt.Tooltip("count:Q", title=COUNT_TITLE, format="d"),
            alt.Tooltip("total_text:N", title="Tổng số nhiệm vụ"),
            alt.Tooltip("completion_text:N", title="Tỷ lệ hoàn thành"),
            alt.Tooltip("on_time_text:N", title="Tỷ lệ hoàn thành đúng hạn"),
        ],
        pick=pick,
    )
    return finish(chart, title, subtitle, height=rows_height(len(order)))


def _rate_text(value: Any) -> str:
    return format_percent(None if pd.isna(value) else float(value))
