"""A plotly treemap of the whole plan set: plan → agency → status → task, to click through."""

from __future__ import annotations

import json

import pandas as pd
import plotly.graph_objects as go

from charts.common import plotly_lines, plotly_literal, require_columns
from charts.palette import STATUS_COLORS
from labels import status_label

LEVELS = ("plan_code", "agency", "status", "task_id")  # the path of a node, outermost first
GROUP_COLOR = "#F2F2F2"  # plans and agencies; statuses and tasks take their status colour
TASK_LABEL_CHARS = 60
SMALLEST_TILE_TEXT_PX = 12


def node_id(path: tuple[object, ...]) -> str:
    """A node's id: its path as JSON, ``["PL-II-2026", "Sở A", "overdue", 42]``."""
    return json.dumps(list(path), ensure_ascii=False)


def node_path(clicked_id: str) -> dict[str, object]:
    """The levels a clicked node fixes, ``{"plan_code": …, "agency": …}``; {} if not a node."""
    try:
        path = json.loads(clicked_id)
    except (TypeError, ValueError):
        return {}
    if not isinstance(path, list) or not 0 < len(path) <= len(LEVELS):
        return {}
    return dict(zip(LEVELS, path, strict=False))


def rows_under(tasks: pd.DataFrame, path: dict[str, object]) -> pd.DataFrame:
    """The rows of ``tasks`` (the treemap's input) under the node ``path`` fixes."""
    keep = pd.Series(True, index=tasks.index)
    for level, value in path.items():
        column = tasks[level].astype(int) if level == "task_id" else tasks[level].astype(str)
        keep &= column == value
    return tasks[keep]


def plan_drilldown(tasks: pd.DataFrame, title: str) -> go.Figure:
    """A treemap with one leaf per task and agency; a click zooms in and selects the node.

    Input: ``plan_code, agency, status, task_id, name`` (a task led by two agencies
    is a leaf under each). Each node's ``id`` is ``node_id`` of its path; the size
    of a group is its number of tasks.
    """
    require_columns(tasks, (*LEVELS, "name"), "plan_drilldown")
    leaves = tasks.assign(task_id=tasks["task_id"].astype(int), value=1)
    ids: list[str] = []
    parents: list[str] = []
    labels: list[str] = []
    hover: list[str] = []  # a task's whole name (its tile may show it cut)
    values: list[int] = []
    colours: list[str] = []
    for depth in range(1, len(LEVELS) + 1):
        keys = list(LEVELS[:depth])
        groups = leaves.groupby(keys, sort=True).agg(value=("value", "sum"), name=("name", "first"))
        for key, row in groups.iterrows():
            path = key if isinstance(key, tuple) else (key,)
            ids.append(node_id(path))
            parents.append(node_id(path[:-1]) if depth > 1 else "")
            labels.append(plotly_literal(_label(path, str(row["name"]))))
            hover.append(plotly_lines(_label(path, str(row["name"]), whole=True)))
            values.append(int(row["value"]))
            colours.append(
                STATUS_COLORS.get(str(path[2]), GROUP_COLOR) if depth > 2 else GROUP_COLOR
            )
    figure = go.Figure(
        go.Treemap(
            ids=ids,
            parents=parents,
            labels=labels,
            values=values,
            branchvalues="total",
            marker={"colors": colours},
            hovertext=hover,
            hovertemplate="%{hovertext}<br>%{value} nhiệm vụ<extra></extra>",
            maxdepth=3,
        )
    )
    figure.update_layout(
        title=title,
        margin={"t": 50, "l": 0, "r": 0, "b": 0},
        height=560,
        # a tile's label is never shrunk below a small text's size: one that cannot fit is
        # left out, its hover shows it whole (presentation raises the size)
        uniformtext={"minsize": SMALLEST_TILE_TEXT_PX, "mode": "hide"},
    )
    return figure


def _label(path: tuple[object, ...], name: str, *, whole: bool = False) -> str:
    if len(path) == 3:
        return status_label(str(path[2]))
    if len(path) == 4:
        cut = not whole and len(name) > TASK_LABEL_CHARS
        short = name[: TASK_LABEL_CHARS - 1] + "…" if cut else name
        return f"#{path[3]} {short}"
    return str(path[-1])
