"""Large type for a projector: one Vega-Lite config applied to every chart's spec.

At 1366×768 the default ~10 px axis text cannot be read from the back of a meeting room;
while presenting, every chart gets these sizes (numbers drawn in or beside bars and
heatmap cells too: a builder's smaller text mark is raised to a label's size) and is
drawn as SVG, which stays sharp when the projector scales it. No label
is cut short: a builder's ``labelLimit`` keeps a screen's chart compact, but at 16 px it
would cut most agency and KPI names, so long axis labels wrap onto more lines (the
rows grow to hold them), legend labels take the room they need and subtitle lines
are broken to fit a half-width chart. ``large_figure_type`` gives the plotly charts
(timeline, drill-down) the same sizes.
"""

from __future__ import annotations

import copy
import textwrap
from typing import Any

import plotly.graph_objects as go

AXIS_LABEL_PX = 16
AXIS_TITLE_PX = 18
LEGEND_LABEL_PX = 16
LEGEND_TITLE_PX = 18
TITLE_PX = 26
SUBTITLE_PX = 16
SUBTITLE_CHARS = 60  # characters of a subtitle per line: fits a half-width chart at 1366 px
NO_LIMIT = 0  # Vega-Lite's "no limit" for a label's length in pixels
LINE_CHARS = 55  # characters of an axis label per line (the longest KPI names take three)
# An axis label split at the last space before LINE_CHARS characters (Vega's expression
# language; a label given as a list of strings is drawn one line each).
WRAPPED_LABEL = (
    "split(trim(replace(datum.label, "
    f"regexp('(.{{1,{LINE_CHARS}}})(\\\\s+|$)', 'g'), '$1\\n')), '\\n')"
)
ROOM_FOR_LINES = 2  # plot height of a chart whose labels wrap, times the builder's

LARGE_TYPE: dict[str, Any] = {
    "axis": {"labelFontSize": AXIS_LABEL_PX, "titleFontSize": AXIS_TITLE_PX},
    "header": {"labelFontSize": AXIS_LABEL_PX, "titleFontSize": AXIS_TITLE_PX},
    "legend": {"labelFontSize": LEGEND_LABEL_PX, "titleFontSize": LEGEND_TITLE_PX},
    "title": {"fontSize": TITLE_PX, "subtitleFontSize": SUBTITLE_PX},
    "text": {"fontSize": AXIS_LABEL_PX},  # numbers beside bars, where a builder sets none
}


def large_type(spec: dict[str, Any]) -> dict[str, Any]:
    """A copy of the Vega-Lite ``spec`` with LARGE_TYPE over its config, whole labels and
    subtitle lines, drawn as SVG."""
    shown = copy.deepcopy(spec)
    config = shown.setdefault("config", {})
    for part, sizes in LARGE_TYPE.items():
        config[part] = {**config.get(part, {}), **sizes}
    _raise_text_marks(shown)
    wrapped = _longest(shown, _whole_labels(shown)) > LINE_CHARS
    if wrapped and isinstance(shown.get("height"), int | float):
        shown["height"] = round(shown["height"] * ROOM_FOR_LINES)
    title = shown.get("title")
    if isinstance(title, dict) and "subtitle" in title:
        title["subtitle"] = _wrapped(title["subtitle"])
    usermeta = shown.setdefault("usermeta", {})
    usermeta["embedOptions"] = {**usermeta.get("embedOptions", {}), "renderer": "svg"}
    return shown


def _wrapped(subtitle: str | list[str]) -> list[str]:
    """The subtitle's lines, each broken at spaces into lines of at most SUBTITLE_CHARS."""
    lines = [subtitle] if isinstance(subtitle, str) else subtitle
    return [part for line in lines for part in textwrap.wrap(line, SUBTITLE_CHARS) or [line]]


def _raise_text_marks(node: Any) -> None:
    """Every text mark under ``node`` drawn smaller than a label (a number in a heatmap
    cell or a bar's segment, 11 px on screen) is set to AXIS_LABEL_PX, in place."""
    if isinstance(node, dict):
        if node.get("type") == "text" and node.get("fontSize", AXIS_LABEL_PX) < AXIS_LABEL_PX:
            node["fontSize"] = AXIS_LABEL_PX
        for value in node.values():
            _raise_text_marks(value)
    elif isinstance(node, list):
        for item in node:
            _raise_text_marks(item)


def _whole_labels(node: Any, channel: Any = None) -> set[str]:
    """Lift every ``labelLimit`` under ``node`` (in place); axis labels wrap instead.

    Returns the fields whose axis labels now wrap (``channel``: the encoding being read).
    """
    fields: set[str] = set()
    if isinstance(node, dict):
        if "labelLimit" in node:
            node["labelLimit"] = NO_LIMIT
            if isinstance(channel, dict) and channel.get("axis") is node:
                node["labelExpr"] = WRAPPED_LABEL
                fields.add(str(channel.get("field")))
        for value in node.values():
            fields |= _whole_labels(value, node)
    elif isinstance(node, list):
        for item in node:
            fields |= _whole_labels(item, channel)
    return fields


def _longest(spec: dict[str, Any], fields: set[str]) -> int:
    """The length of the longest value of ``fields`` in the spec's inline datasets."""
    rows = [row for data in spec.get("datasets", {}).values() for row in data]
    return max((len(str(row.get(field, ""))) for row in rows for field in fields), default=0)


def large_figure_type(figure: go.Figure) -> go.Figure:
    """A copy of the plotly ``figure`` with LARGE_TYPE's sizes: tick labels, axis titles,
    legend, hover labels and title. Axes make room for their labels; text inside marks (a
    treemap's tiles) is never shrunk below a tick label's size: a label that cannot fit at
    that size is left out, its tile's hover shows it whole."""
    shown = go.Figure(figure)
    shown.update_layout(
        font={"size": AXIS_LABEL_PX},
        title={"font": {"size": TITLE_PX}},
        legend={"font": {"size": LEGEND_LABEL_PX}, "title": {"font": {"size": LEGEND_TITLE_PX}}},
        hoverlabel={"font": {"size": AXIS_LABEL_PX}},
        uniformtext={"minsize": AXIS_LABEL_PX, "mode": "hide"},
    )
    axes = [name for name in shown.layout.to_plotly_json() if name.startswith(("xaxis", "yaxis"))]
    for name in axes:  # only the axes the figure has (a treemap has none)
        shown.layout[name].update(
            tickfont={"size": AXIS_LABEL_PX},
            title={"font": {"size": AXIS_TITLE_PX}},
            automargin=True,
        )
    return shown
