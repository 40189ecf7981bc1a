"""Reporting discipline: how many agencies sent the period's report on time, late, or not."""

from __future__ import annotations

import altair as alt
import pandas as pd

from charts.common import AnyChart, count_axis, empty_chart, finish, require_columns, rows_height
from charts.palette import STATUS_COLORS
from data_access.queries.discipline import VERDICT_LABELS, VERDICT_ORDER, Verdict
from data_access.queries.statuses import TaskStatus
from labels import format_int

AGENCIES_TITLE = "Số cơ quan"
VERDICT_TITLE = "Tình hình"
VERDICT_COLORS: dict[str, str] = {  # the status palette's meaning of each colour
    Verdict.ON_TIME: STATUS_COLORS[TaskStatus.DONE_ON_TIME],
    Verdict.LATE: STATUS_COLORS[TaskStatus.DONE_LATE],
    Verdict.MISSING: STATUS_COLORS[TaskStatus.OVERDUE],
    Verdict.NOT_DUE: STATUS_COLORS[TaskStatus.RECURRING_NOT_DUE],
}


def verdict_bars(counts: pd.DataFrame, title: str, subtitle: str = "") -> AnyChart:
    """Horizontal bars: agencies per verdict, in VERDICT_ORDER.

    Input: ``discipline.verdict_counts`` (verdict, label, count); no agency: an empty chart.
    """
    require_columns(counts, ("verdict", "label", "count"), "verdict_bars")
    if int(counts["count"].sum()) == 0:
        return empty_chart(title, subtitle)
    data = counts.assign(count_text=counts["count"].map(format_int))
    labels = [VERDICT_LABELS[v] for v in VERDICT_ORDER]
    scale = alt.Scale(domain=labels, range=[VERDICT_COLORS[v] for v in VERDICT_ORDER])
    base = alt.Chart(data).encode(
        y=alt.Y("label:N", title=None, sort=labels),
        x=alt.X("count:Q", title=AGENCIES_TITLE, axis=count_axis()),
        tooltip=[
            alt.Tooltip("label:N", title=VERDICT_TITLE),
            alt.Tooltip("count_text:N", title=AGENCIES_TITLE),
        ],
    )
    bars = base.mark_bar().encode(color=alt.Color("label:N", scale=scale, legend=None))
    text = base.mark_text(align="left", dx=4).encode(text=alt.Text("count_text:N"))
    return finish(bars + text, title, subtitle, height=rows_height(len(data)))
