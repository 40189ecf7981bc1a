"""When tasks fall due: the agency × month heatmap, and the pieces it shares with the weeks' one."""

from __future__ import annotations

from typing import Literal

import altair as alt
import pandas as pd

from charts.common import (
    AGENCY_TITLE,
    AnyChart,
    agency_y,
    as_datetime,
    empty_chart,
    finish,
    limit_rows,
    picked_opacity,
    require_columns,
    rows_height,
)
from charts.palette import HEAT_RANGE
from labels import MONTH_SHORT_FORMAT_PY, format_percent

HeatColor = Literal["overdue", "overdue_share"]

CELL_PICK = "cell_pick"
MONTH_TITLE = "Tháng"
UPRIGHT = -90  # degrees: a column label read bottom to top
HEAT_TITLES: dict[HeatColor, str] = {
    "overdue": "Số nhiệm vụ quá hạn",
    "overdue_share": "Tỷ lệ quá hạn",
}
DARK_CELL = 0.6  # above this share of the colour range, cell text turns white


def deadline_heatmap(
    matrix: pd.DataFrame,
    title: str,
    subtitle: str = "",
    *,
    color_by: HeatColor = "overdue",
    top_n: int | None = 20,
) -> AnyChart:
    """Agency × month rectangles; the number in a cell is how many tasks fall due.

    Input: ``agency, month`` (first day of the month), ``due, overdue,
    completed``. Colour is the number overdue (``color_by="overdue"``, the
    default: size of the backlog) or the share of that month's tasks overdue
    (``"overdue_share"``: fair to small agencies). Agencies with most overdue
    come first, cut to ``top_n``. Clicking a cell selects ``cell_pick`` with
    fields ``agency`` and ``month_key`` ("2026-06").
    """
    columns = ("agency", "month", "due", "overdue", "completed")
    require_columns(matrix, columns, "deadline_heatmap")
    pick = alt.selection_point(name=CELL_PICK, fields=["agency", "month_key"])
    if matrix.empty:
        return empty_chart(title, subtitle, pick)
    named = matrix.assign(agency=matrix["agency"].astype(str))
    order = (
        named.groupby("agency")["overdue"]
        .sum()
        .reset_index()
        .sort_values(["overdue", "agency"], ascending=[False, True])["agency"]
        .tolist()
    )
    order, subtitle = limit_rows(order, top_n, subtitle)
    data = _heatmap_frame(named[named["agency"].isin(order)], color_by)  # only the rows shown
    months = month_labels(data["month"])
    base = alt.Chart(data).encode(
        x=alt.X("month_label:O", title=MONTH_TITLE, sort=months, **column_axis(months)),
        y=agency_y(order),
        tooltip=[
            alt.Tooltip("agency:N", title=AGENCY_TITLE),
            alt.Tooltip("month_label:N", title=MONTH_TITLE),
            alt.Tooltip("due:Q", title="Đến hạn", format="d"),
            alt.Tooltip("overdue:Q", title="Quá hạn", format="d"),
            alt.Tooltip("completed:Q", title="Đã hoàn thành", format="d"),
            alt.Tooltip("share_text:N", title="Tỷ lệ quá hạn"),
        ],
    )
    heat_scale = alt.Scale(range=list(HEAT_RANGE), domainMin=0)
    rects = base.mark_rect(stroke="white").encode(
        color=alt.Color(
            f"{color_by}:Q",
            title=HEAT_TITLES[color_by],
            scale=heat_scale,
            legend=_heat_legend(data, color_by),
        ),
        opacity=picked_opacity(pick),
    )
    dark = alt.datum.heat > DARK_CELL
    text = base.mark_text(fontSize=11).encode(
        text=alt.Text("due:Q", format="d"),
        color=alt.when(dark).then(alt.value("white")).otherwise(alt.value("black")),
    )
    layered = rects.add_params(pick) + text
    return finish(layered, title, subtitle, height=rows_height(len(order)))


def month_labels(months: pd.Series) -> list[str]:
    """Every month from the first to the last of ``months``, "06/26": a column each, empty or not.

    An ordinal axis shows only the values it gets: without the empty months 12/2026
    would sit next to 10/2027 as if a month apart.
    """
    span = pd.period_range(months.min(), months.max(), freq="M")
    return [str(month) for month in span.strftime(MONTH_SHORT_FORMAT_PY)]


def column_axis(labels: list[str], *, angle: int = UPRIGHT) -> dict[str, object]:
    """An ordinal x axis that keeps every column, even empty ones, and labels each one.

    Labels are never hidden for overlapping (Vega's ``labelOverlap``) and each is centred
    on its column (not pushed inside the ends, ``labelFlush``). They stand upright by
    default, which fits 34 months at 1366 px; a chart with few columns may lay them flat
    (``angle=0``), which reads better from the back of a room.
    """
    axis = alt.Axis(labelAngle=angle, labelOverlap=False, labelFlush=False, labelPadding=4)
    return {"scale": alt.Scale(domain=labels), "axis": axis}


def _heat_legend(data: pd.DataFrame, color_by: HeatColor) -> alt.Legend:
    if color_by == "overdue_share":
        return alt.Legend(format=".0%")
    return alt.Legend(format="d", values=count_ticks(int(data["overdue"].max())))


def _heatmap_frame(matrix: pd.DataFrame, color_by: HeatColor) -> pd.DataFrame:
    month = as_datetime(matrix["month"]).dt.to_period("M").dt.to_timestamp()
    due = matrix["due"].fillna(0).astype(int)
    overdue = matrix["overdue"].fillna(0).astype(int)
    share = (overdue / due.where(due > 0)).astype(float)
    data = matrix.assign(
        agency=matrix["agency"].astype(str),
        month=month,
        month_key=month.dt.strftime("%Y-%m"),
        month_label=month.dt.strftime(MONTH_SHORT_FORMAT_PY),
        due=due,
        overdue=overdue,
        completed=matrix["completed"].fillna(0).astype(int),
        overdue_share=share.fillna(0.0),
        share_text=share.map(lambda x: format_percent(None if pd.isna(x) else float(x))),
    )
    peak = float(data[color_by].max())
    return data.assign(heat=data[color_by] / peak if peak > 0 else 0.0)


def count_ticks(peak: int) -> list[int]:
    """Whole-number legend ticks from 0 to ``peak`` in steps of 1, 2 or 5 × 10ⁿ, about six.

    A gradient legend ignores ``tickMinStep``: with one deadline a day at most it
    would label 0, 0.5 and 1 as "0, 1, 1".
    """
    peak = max(peak, 1)
    magnitude = 10 ** max(0, len(str(peak)) - 2)
    step = next(m * magnitude for m in (1, 2, 5, 10, 20, 50) if m * magnitude * 5 >= peak)
    return list(range(0, peak + 1, step))
