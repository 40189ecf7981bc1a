"""A plotly timeline (Gantt) of deadlines and milestones, one line per task, to explore.

Plotly for the charts people explore on screen (zoom, hover, click; the toolbar saves a
PNG); Altair stays for the charts exported as images.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

from charts.common import plotly_lines, plotly_literal, require_columns
from charts.palette import STATUS_COLORS
from labels import DATE_FORMAT_D3, STATUS_ORDER, status_label

TODAY_COLOR = "#D55E00"
ROW_PIXELS = 24
PLOT_MARGIN = 140  # title, axis and legend around the rows
SHOWN_BEFORE = pd.Timedelta(days=90)  # the first view: at least three months back…
SHOWN_AFTER = pd.Timedelta(days=365)  # …and a year ahead of today
BAR_PADDING = pd.Timedelta(days=14)  # the first view's margin around the earliest and latest bar
UPLOADED_TEXT = ("row", "agency")  # drawn literally (plotly_literal); the name on lines
TIMELINE_COLUMNS = ("task_id", "agency", "row", "name", "status", "kind", "milestone", "start")


def first_view(segments: pd.DataFrame, today_at: pd.Timestamp) -> list[pd.Timestamp]:
    """From the earliest ``start`` to the latest ``end``, two weeks' margin either side, and
    never less than three months back to a year ahead of ``today_at``."""
    starts = pd.concat([segments["start"] - BAR_PADDING, pd.Series([today_at - SHOWN_BEFORE])])
    ends = pd.concat([segments["end"] + BAR_PADDING, pd.Series([today_at + SHOWN_AFTER])])
    return [starts.min(), ends.max()]


def deadline_timeline(segments: pd.DataFrame, title: str, today: date) -> go.Figure:
    """Bars from ``start`` to ``end`` on each task's line (``row``), coloured by status.

    Input: ``queries.calendar.timeline_segments``. Each bar carries its task id as
    ``customdata[0]`` (what a click reports); a dashed line marks ``today``; the
    first view (``first_view``) shows every bar, overdue ones included.
    """
    require_columns(segments, (*TIMELINE_COLUMNS, "end"), "deadline_timeline")
    data = segments.assign(
        status_label=segments["status"].map(status_label),
        milestone=segments["milestone"].fillna("").map(plotly_literal),
        name=segments["name"].map(plotly_lines),
        **{column: segments[column].map(plotly_literal) for column in UPLOADED_TEXT},
    )
    colours = {status_label(s): STATUS_COLORS[s] for s in STATUS_ORDER}
    rows = list(dict.fromkeys(data["row"]))
    figure = px.timeline(
        data,
        x_start="start",
        x_end="end",
        y="row",
        color="status_label",
        color_discrete_map=colours,
        category_orders={"row": rows, "status_label": list(colours)},
        custom_data=["task_id", "agency", "name", "kind", "milestone"],
        title=title,
    )
    figure.update_traces(
        hovertemplate=(
            "<b>%{y}</b> · %{customdata[1]}<br>%{customdata[2]}<br>"
            f"%{{customdata[3]}} %{{customdata[4]}}: %{{x|{DATE_FORMAT_D3}}}<extra></extra>"
        )
    )
    today_at = pd.Timestamp(today)
    figure.add_vline(x=today_at, line_dash="dash", line_color=TODAY_COLOR)
    figure.add_annotation(
        x=today_at, y=1, yref="paper", text="Hôm nay", showarrow=False, yanchor="bottom"
    )
    figure.update_yaxes(title=None)
    figure.update_xaxes(
        title=None,
        tickformat=DATE_FORMAT_D3,
        range=first_view(segments, today_at),
    )
    figure.update_layout(
        height=max(len(rows), 4) * ROW_PIXELS + PLOT_MARGIN,
        legend={"title": {"text": "Trạng thái"}, "orientation": "h", "y": -0.02, "yanchor": "top"},
        dragmode="zoom",
    )
    return figure
