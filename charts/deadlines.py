"""When tasks fall due: agency × month heatmap and a day-by-day calendar."""

from __future__ import annotations

from typing import Literal

import altair as alt
import pandas as pd

from charts.common import (
    AGENCY_TITLE,
    DATE_FORMAT,
    MONTH_FORMAT,
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
from charts.palette import BACKGROUND_COLOR, HEAT_RANGE, STATUS_COLORS
from data_access.queries.statuses import TaskStatus
from labels import WEEKDAY_LABELS, format_percent

HeatColor = Literal["overdue", "overdue_share"]

CELL_PICK = "cell_pick"
DAY_PICK = "day_pick"
MONTH_TITLE = "Tháng"
HEAT_TITLES: dict[HeatColor, str] = {
    "overdue": "Số nhiệm vụ quá hạn",
    "overdue_share": "Tỷ lệ quá hạn",
}
DARK_CELL = 0.6  # above this share of the colour range, cell text turns white
MAX_LABELS = 5  # task names listed in a calendar tooltip


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
    months = data.sort_values("month")["month_label"].unique().tolist()
    base = alt.Chart(data).encode(
        x=alt.X("month_label:O", title=MONTH_TITLE, sort=months, axis=alt.Axis(labelAngle=-45)),
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
        month_label=month.dt.strftime("%m/%Y"),
        due=due,
        overdue=overdue,
        completed=matrix["completed"].fillna(0).astype(int),
        overdue_share=share.fillna(0.0),
        share_text=share.map(lambda x: format_percent(None if pd.isna(x) else float(x))),
    )
    peak = float(data[color_by].max())
    return data.assign(heat=data[color_by] / peak if peak > 0 else 0.0)


def calendar_heatmap(deadlines: pd.DataFrame, title: str, subtitle: str = "") -> AnyChart:
    """A calendar: one column per week (Monday first), one row per weekday T2..CN.

    Input: ``due_date, count`` and optionally ``kind`` ("Hạn nhiệm vụ"/"Mốc")
    and ``label`` (task name); several rows on one day are added up and named in
    the tooltip. Days between the first and last date with nothing due are shown
    grey. Clicking a day selects ``day_pick`` with field ``day`` ("2026-06-30").
    """
    require_columns(deadlines, ("due_date", "count"), "calendar_heatmap")
    pick = alt.selection_point(name=DAY_PICK, fields=["day"])
    if deadlines.empty:
        return empty_chart(title, subtitle, pick)
    data = _calendar_frame(deadlines)
    color = (
        alt.when(alt.datum["count"] == 0)
        .then(alt.value(BACKGROUND_COLOR))
        .otherwise(
            alt.Color(
                "count:Q",
                title="Số hạn",
                scale=alt.Scale(range=["#CFE3F2", STATUS_COLORS[TaskStatus.IN_PROGRESS]]),
                legend=alt.Legend(format="d", values=count_ticks(int(data["count"].max()))),
            )
        )
    )
    month_axis = alt.Axis(format=MONTH_FORMAT, tickCount={"interval": "month", "step": 1})
    chart = (
        alt.Chart(data)
        .mark_rect(stroke="white", strokeWidth=1)
        .encode(
            x=alt.X("week_start:T", title="Tuần (từ thứ Hai)", axis=month_axis),
            x2="week_end:T",
            y=alt.Y("weekday:O", title=None, sort=list(WEEKDAY_LABELS)),
            color=color,
            tooltip=[
                alt.Tooltip("due_date:T", title="Ngày", format=DATE_FORMAT),
                alt.Tooltip("weekday:N", title="Thứ"),
                alt.Tooltip("count:Q", title="Số hạn", format="d"),
                alt.Tooltip("kinds:N", title="Loại"),
                alt.Tooltip("labels:N", title="Nhiệm vụ"),
            ],
        )
        .add_params(pick)
    )
    return finish(chart, title, subtitle, height=7 * 22)


def count_ticks(peak: int) -> list[int]:
    """Whole-number legend ticks from 0 to ``peak`` in steps of 1, 2 or 5 × 10ⁿ, about six.

    A gradient legend ignores ``tickMinStep``: with one deadline a day at most it
    would label 0, 0.5 and 1 as "0, 1, 1".
    """
    peak = max(peak, 1)
    magnitude = 10 ** max(0, len(str(peak)) - 2)
    step = next(m * magnitude for m in (1, 2, 5, 10, 20, 50) if m * magnitude * 5 >= peak)
    return list(range(0, peak + 1, step))


def _calendar_frame(deadlines: pd.DataFrame) -> pd.DataFrame:
    """One row per day, whole weeks from the first to the last date, with what falls due."""
    rows = deadlines.assign(due_date=as_datetime(deadlines["due_date"]))
    rows = rows[rows["due_date"].notna()]
    if "kind" not in rows.columns:
        rows = rows.assign(kind="")
    if "label" not in rows.columns:
        rows = rows.assign(label="")
    by_day = rows.groupby("due_date").agg(count=("count", "sum"))
    by_day = by_day.assign(labels=_labels_by_day(rows), kinds=_kinds_by_day(rows))
    first = by_day.index.min() - pd.Timedelta(days=by_day.index.min().weekday())
    last = by_day.index.max() + pd.Timedelta(days=6 - by_day.index.max().weekday())
    days = pd.date_range(first, last, freq="D", name="due_date")
    full = by_day.reindex(days).reset_index()
    full = full.assign(
        count=full["count"].fillna(0).astype(int),
        kinds=full["kinds"].fillna(""),
        labels=full["labels"].fillna(""),
    )
    week_start = full["due_date"] - pd.to_timedelta(full["due_date"].dt.day_of_week, unit="D")
    return full.assign(
        day=full["due_date"].dt.strftime("%Y-%m-%d"),
        weekday=full["due_date"].dt.day_of_week.map(lambda i: WEEKDAY_LABELS[i]),
        week_start=week_start,
        week_end=week_start + pd.Timedelta(days=7),
    )


def _kinds_by_day(rows: pd.DataFrame) -> pd.Series:
    """Per day: "Hạn nhiệm vụ: 2; Mốc: 1" (how many of each kind fall on it)."""
    named = rows[rows["kind"].astype(str).str.strip() != ""]
    per_kind = named.groupby(["due_date", "kind"], sort=False)["count"].sum().reset_index()
    text = per_kind["kind"].astype(str) + ": " + per_kind["count"].astype(int).astype(str)
    return text.groupby(per_kind["due_date"]).agg("; ".join)


def _labels_by_day(rows: pd.DataFrame) -> pd.Series:
    """Per day: the first MAX_LABELS names, "; "-joined, with "; …" when there are more."""
    text = rows["label"].fillna("").astype(str)
    named = rows.assign(label=text)[text.str.strip() != ""]
    rank = named.groupby("due_date").cumcount()
    shown = named[rank < MAX_LABELS].groupby("due_date")["label"].agg("; ".join)
    more = (named.groupby("due_date").size() > MAX_LABELS).reindex(shown.index)
    return shown + more.map({True: "; …", False: ""})
