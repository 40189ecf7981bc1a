"""The next weeks by agency: how many deadlines and milestones fall in each week."""

from __future__ import annotations

from datetime import date, timedelta

import altair as alt
import pandas as pd

from charts.common import (
    AGENCY_TITLE,
    AnyChart,
    agency_y,
    empty_chart,
    finish,
    limit_rows,
    picked_opacity,
    require_columns,
    rows_height,
)
from charts.deadlines import column_axis, count_ticks
from charts.palette import STATUS_COLORS
from data_access.queries.statuses import TaskStatus
from labels import DATE_FORMAT_PY, DAY_MONTH_FORMAT_PY

WEEK_PICK = "week_pick"
WEEK_TITLE = "Tuần (từ thứ Hai)"
COUNT_TITLE = "Số hạn và mốc"
WEEK_RANGE = ("#CFE3F2", STATUS_COLORS[TaskStatus.IN_PROGRESS])


def week_starts(first: date, weeks: int) -> list[date]:
    """The Mondays of ``weeks`` weeks, the first being the week of ``first``."""
    monday = first - timedelta(days=first.weekday())
    return [monday + timedelta(weeks=i) for i in range(weeks)]


def week_heatmap(
    matrix: pd.DataFrame,
    title: str,
    subtitle: str = "",
    *,
    first: date | None = None,
    weeks: int = 12,
    top_n: int | None = 20,
) -> AnyChart:
    """Agency × week rectangles over the ``weeks`` weeks from the week of ``first``.

    Input: ``agency, week_start`` (a Monday), ``count`` (deadlines and milestones
    that week); ``first`` defaults to the earliest week in it. Every week is a
    column, empty or not, labelled flat by its Monday ("30/06": five characters fit
    side by side in a twelfth of the width, at 16 px on a 1366 px projector too);
    the number in a cell is the count. Agencies with most dates come first, cut to
    ``top_n``. Clicking a cell selects ``week_pick`` with fields ``agency`` and
    ``week_key`` ("2026-06-29", the Monday).
    """
    require_columns(matrix, ("agency", "week_start", "count"), "week_heatmap")
    pick = alt.selection_point(name=WEEK_PICK, fields=["agency", "week_key"])
    week = pd.to_datetime(matrix["week_start"])
    if matrix.empty:
        return empty_chart(title, subtitle, pick)
    mondays = week_starts(first or week.min().date(), weeks)
    shown = matrix[(week >= pd.Timestamp(mondays[0])) & (week <= pd.Timestamp(mondays[-1]))]
    if shown.empty:
        return empty_chart(title, subtitle, pick)
    data = _week_frame(shown)
    totals = data.groupby("agency")["count"].sum().reset_index()
    ranked = totals.sort_values(["count", "agency"], ascending=[False, True])["agency"].tolist()
    order, subtitle = limit_rows(ranked, top_n, subtitle)
    data = data[data["agency"].isin(order)]
    labels = [monday.strftime(DAY_MONTH_FORMAT_PY) for monday in mondays]
    base = alt.Chart(data).encode(
        x=alt.X("week_label:O", title=WEEK_TITLE, sort=labels, **column_axis(labels, angle=0)),
        y=agency_y(order),
        tooltip=[
            alt.Tooltip("agency:N", title=AGENCY_TITLE),
            alt.Tooltip("week_text:N", title="Tuần"),
            alt.Tooltip("count:Q", title=COUNT_TITLE, format="d"),
        ],
    )
    rects = base.mark_rect(stroke="white").encode(
        color=alt.Color(
            "count:Q",
            title=COUNT_TITLE,
            scale=alt.Scale(range=list(WEEK_RANGE), domainMin=0),
            legend=alt.Legend(format="d", values=count_ticks(int(data["count"].max()))),
        ),
        opacity=picked_opacity(pick),
    )
    text = base.mark_text(fontSize=11).encode(text=alt.Text("count:Q", format="d"))
    return finish(rects.add_params(pick) + text, title, subtitle, height=rows_height(len(order)))


def _week_frame(matrix: pd.DataFrame) -> pd.DataFrame:
    monday = pd.to_datetime(matrix["week_start"]).dt.normalize()
    sunday = monday + pd.Timedelta(days=6)
    return matrix.assign(
        agency=matrix["agency"].astype(str),
        count=matrix["count"].astype(int),
        week_key=monday.dt.strftime("%Y-%m-%d"),
        week_label=monday.dt.strftime(DAY_MONTH_FORMAT_PY),
        week_text=monday.dt.strftime(DATE_FORMAT_PY) + " – " + sunday.dt.strftime(DATE_FORMAT_PY),
    )
