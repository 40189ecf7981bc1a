"""How long overdue tasks have been overdue, overall and per agency."""

from __future__ import annotations

import altair as alt
import pandas as pd

from charts.common import (
    AGENCY_TITLE,
    AnyChart,
    count_axis,
    empty_chart,
    finish,
    limit_rows,
    require_columns,
    rows_height,
    stacked_agency_bars,
    totals_per_code,
    with_ranked_labels,
)
from charts.palette import ageing_color_scale, ageing_colors, ageing_domain
from labels import AGEING_BUCKET_LABELS, AGEING_BUCKETS, format_int

AGENCY_PICK = "agency_pick"
BUCKET_TITLE = "Số ngày quá hạn"
COUNT_TITLE = "Số nhiệm vụ quá hạn"


def with_bucket_labels(df: pd.DataFrame) -> pd.DataFrame:
    """Add ``bucket_label`` and ``bucket_rank`` (position in AGEING_BUCKETS)."""
    return with_ranked_labels(
        df, "bucket", list(AGEING_BUCKETS), lambda c: AGEING_BUCKET_LABELS.get(c, c)
    )


def ageing_bars(ageing: pd.DataFrame, title: str, subtitle: str = "") -> AnyChart:
    """Vertical bars: overdue tasks per bucket, every bucket shown, shortest wait first.

    Input: ``bucket`` (a code of AGEING_BUCKETS, e.g. "31–90"), ``count``.
    """
    require_columns(ageing, ("bucket", "count"), "ageing_bars")
    if ageing.empty:
        return empty_chart(title, subtitle)
    data = with_bucket_labels(totals_per_code(ageing, "bucket", AGEING_BUCKETS))
    data = data.assign(count_text=data["count"].map(format_int))
    base = alt.Chart(data).encode(
        x=alt.X(
            "bucket_label:N", title=BUCKET_TITLE, sort=ageing_domain(), axis=alt.Axis(labelAngle=0)
        ),
        y=alt.Y("count:Q", title=COUNT_TITLE, axis=count_axis()),
        tooltip=[
            alt.Tooltip("bucket_label:N", title=BUCKET_TITLE),
            alt.Tooltip("count_text:N", title=COUNT_TITLE),
        ],
    )
    bars = base.mark_bar().encode(
        color=alt.Color("bucket_label:N", scale=ageing_color_scale(), legend=None)
    )
    text = base.mark_text(baseline="bottom", dy=-3).encode(text=alt.Text("count_text:N"))
    return finish(bars + text, title, subtitle, height=260)


def overdue_by_agency(
    df: pd.DataFrame, title: str, subtitle: str = "", *, top_n: int | None = 15
) -> AnyChart:
    """Stacked horizontal bars of overdue tasks per agency, split by bucket.

    Input: ``agency, bucket, count``. Agencies with most overdue come first, cut
    to ``top_n``. Clicking a bar selects ``agency_pick`` with field ``agency``.
    """
    require_columns(df, ("agency", "bucket", "count"), "overdue_by_agency")
    pick = alt.selection_point(name=AGENCY_PICK, fields=["agency"])
    if df.empty:
        return empty_chart(title, subtitle, pick)
    data = with_bucket_labels(df.assign(agency=df["agency"].astype(str)))
    totals = data.groupby("agency")["count"].sum().rename("total").reset_index()
    ranked = totals.sort_values(["total", "agency"], ascending=[False, True])
    order, subtitle = limit_rows(ranked["agency"].tolist(), top_n, subtitle)
    data = data.merge(totals, on="agency")
    data = data[data["agency"].isin(order) & (data["count"] > 0)]
    chart = stacked_agency_bars(
        data,
        order,
        field="bucket_label",
        colors=ageing_colors(),
        legend_title=BUCKET_TITLE,
        rank="bucket_rank",
        count_title=COUNT_TITLE,
        tooltip=[
            alt.Tooltip("agency:N", title=AGENCY_TITLE),
            alt.Tooltip("bucket_label:N", title=BUCKET_TITLE),
            alt.Tooltip("count:Q", title=COUNT_TITLE, format="d"),
            alt.Tooltip("total:Q", title="Tổng số quá hạn", format="d"),
        ],
        pick=pick,
    )
    return finish(chart, title, subtitle, height=rows_height(len(order)))
