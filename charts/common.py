"""Pieces shared by the chart builders: titles, the empty-state chart, input checks."""

from __future__ import annotations

import html
import textwrap
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import altair as alt
import pandas as pd

from labels import ILLUSTRATIVE_NOTE

EMPTY_MESSAGE = "Không có dữ liệu để hiển thị"
ROW_HEIGHT = 28  # pixels per bar/row in horizontal charts
AGENCY_TITLE = "Cơ quan"
AGENCY_LABEL_LIMIT = 260  # pixels; a longer agency name ends in "…" (the tooltip has it whole)
LEGEND_LABEL_LIMIT = 220
HOVER_LINE_CHARS = 60  # characters per line of a plotly hover label
MIN_HEIGHT = 120
LABEL_SHARE = 0.04  # a segment this share of the longest bar is wide enough for its number
DARK_LUMINANCE = 0.4  # on a colour darker than this, a label is white
UNPICKED_OPACITY = 0.4  # items not clicked fade while a selection is active
# Fill the width; the height is the plot's, with title, axes and legend added on top
# (Streamlit would otherwise squeeze everything into ``height``).
FIT_WIDTH = alt.AutoSizeParams(type="fit-x", contains="padding")

AnyChart = alt.Chart | alt.LayerChart


def count_axis() -> alt.Axis:
    """Whole-number ticks for counts of tasks."""
    return alt.Axis(format="d", tickMinStep=1)


def agency_y(order: list[str]) -> alt.Y:
    """Agencies down the side in ``order``, with no axis title (the chart's title names them).

    An axis title there would overlap the longest names.
    """
    return alt.Y("agency:N", title=None, sort=order, axis=alt.Axis(labelLimit=AGENCY_LABEL_LIMIT))


def top_legend(title: str) -> alt.Legend:
    """A legend above the plot, in view however many agencies the bars list."""
    return alt.Legend(title=title, orient="top", columns=2, labelLimit=LEGEND_LABEL_LIMIT)


def with_ranked_labels(
    df: pd.DataFrame, column: str, order: Sequence[str], label: Callable[[str], str]
) -> pd.DataFrame:
    """Add ``<column>_label`` and ``<column>_rank`` (position in ``order``, unknown codes last)."""
    rank = {code: i for i, code in enumerate(order)}
    codes = df[column].astype(str)
    return df.assign(
        **{
            column: codes,
            f"{column}_label": codes.map(label),
            f"{column}_rank": codes.map(lambda c: rank.get(c, len(rank))),
        }
    )


def totals_per_code(df: pd.DataFrame, column: str, codes: Sequence[str]) -> pd.DataFrame:
    """``column, count``: counts summed per code, one row per code in ``codes`` (0 if absent)."""
    totals = df.assign(**{column: df[column].astype(str)}).groupby(column)["count"].sum()
    totals = totals.reindex(list(codes), fill_value=0)
    return totals.rename("count").rename_axis(column).reset_index()


def stacked_agency_bars(
    data: pd.DataFrame,
    order: list[str],
    *,
    field: str,
    colors: Mapping[str, str],
    legend_title: str,
    rank: str,
    count_title: str,
    tooltip: list[alt.Tooltip],
    pick: alt.Parameter,
) -> alt.LayerChart:
    """Horizontal bars of ``count`` per agency in ``order``, stacked by ``field`` (coloured by
    ``colors``, in ``rank`` order) and labelled: each segment wide enough carries its count,
    each bar its total at the end; the legend sits above the bars, in view. Clicking a bar
    selects its agency in ``pick``."""
    stacked = _stacked_labels(data, rank, colors, field)
    scale = alt.Scale(domain=list(colors), range=list(colors.values()))
    base = alt.Chart(stacked).encode(y=agency_y(order))
    bars = base.mark_bar().encode(
        x=alt.X("count:Q", title=count_title, stack="zero", axis=count_axis()),
        color=alt.Color(f"{field}:N", scale=scale, legend=top_legend(legend_title)),
        order=alt.Order(f"{rank}:Q", sort="ascending"),
        opacity=picked_opacity(pick),
        tooltip=tooltip,
    )
    inside = base.transform_filter(alt.datum.wide).mark_text(fontSize=11)
    inside = inside.encode(
        x=alt.X("middle:Q"),
        text=alt.Text("count:Q", format="d"),
        color=alt.Color("ink:N", scale=None),
    )
    ends = base.transform_filter(alt.datum.last).mark_text(
        align="left", dx=4, fontSize=11, fontWeight="bold"
    )
    ends = ends.encode(x=alt.X("bar_total:Q"), text=alt.Text("bar_total:Q", format="d"))
    return alt.layer(bars.add_params(pick), inside, ends)


def _stacked_labels(
    data: pd.DataFrame, rank: str, colors: Mapping[str, str], field: str
) -> pd.DataFrame:
    """``data`` with each segment's ``middle``, its bar's ``bar_total`` (on its ``last``),
    whether it is ``wide`` enough for its number (LABEL_SHARE of the longest bar) and the
    ``ink`` readable on it."""
    ordered = data.sort_values(["agency", rank], kind="stable")
    end = ordered.groupby("agency")["count"].cumsum()
    bar_total = ordered.groupby("agency")["count"].transform("sum")
    longest = float(bar_total.max()) if len(bar_total) else 0.0
    return ordered.assign(
        middle=end - ordered["count"] / 2,
        last=~ordered["agency"].duplicated(keep="last"),
        bar_total=bar_total,
        wide=ordered["count"] >= LABEL_SHARE * longest,
        ink=ordered[field].map(lambda value: _ink(colors.get(value, "#FFFFFF"))),
    )


def _ink(background: str) -> str:
    """Black on light colours, white on dark ones (Rec. 709 weights on the sRGB values)."""
    red, green, blue = (int(background[i : i + 2], 16) / 255 for i in (1, 3, 5))
    luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    return "#000000" if luminance > DARK_LUMINANCE else "#FFFFFF"


def chart_title(title: str, subtitle: str = "") -> alt.TitleParams:
    """Title and optional subtitle (one line per ``\\n``), left aligned."""
    lines = [line for line in subtitle.splitlines() if line.strip()]
    if not lines:
        return alt.TitleParams(text=title, anchor="start")
    return alt.TitleParams(text=title, subtitle=lines, anchor="start")


def compose_subtitle(*lines: str, illustrative: bool = False) -> str:
    """Subtitle lines (as-of date, filters…), ending with the illustrative-data note if asked."""
    parts = [line for line in lines if line.strip()]
    if illustrative:
        parts.append(ILLUSTRATIVE_NOTE)
    return "\n".join(parts)


def plotly_literal(text: object) -> str:
    """``text`` as plotly draws it, literally. Plotly reads <b>, <br>, <span style=…>,
    <a href=…> and entities in every label and hover text it draws; escaped, a name
    uploaded with them shows as typed (plotly turns &lt; &gt; &amp; back into < > &)."""
    return html.escape(str(text), quote=False)


def plotly_lines(text: object, width: int = HOVER_LINE_CHARS) -> str:
    """``text`` drawn literally by plotly, broken into lines of at most ``width`` characters
    (a hover label does not wrap: a long task name ran past the chart's edge)."""
    lines = textwrap.wrap(str(text), width) or [""]
    return "<br>".join(plotly_literal(line) for line in lines)


def require_columns(df: pd.DataFrame, columns: Iterable[str], builder: str) -> None:
    """A builder's input must carry its columns; a missing one is a programming error."""
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise ValueError(f"{builder}: missing columns {missing}")


def finish(chart: AnyChart, title: str, subtitle: str, height: int | None = None) -> AnyChart:
    """Top-level properties every builder sets the same way; ``height`` is the plot area's."""
    props: dict[str, object] = {
        "title": chart_title(title, subtitle),
        "width": "container",
        "autosize": FIT_WIDTH,
    }
    if height is not None:
        props["height"] = height
    return chart.properties(**props)


def rows_height(n_rows: int) -> int:
    return max(MIN_HEIGHT, n_rows * ROW_HEIGHT)


def limit_rows(order: list[str], top_n: int | None, subtitle: str) -> tuple[list[str], str]:
    """Keep the first ``top_n`` agencies; the subtitle then says how many are shown."""
    if top_n is None or len(order) <= top_n:
        return order, subtitle
    shown = f"Hiển thị {top_n} trên {len(order)} cơ quan"
    return order[:top_n], f"{subtitle}\n{shown}" if subtitle else shown


def picked_opacity(selection: alt.Parameter) -> Any:
    """Full colour for the clicked item (or everything when nothing is clicked)."""
    return alt.when(selection).then(alt.value(1.0)).otherwise(alt.value(UNPICKED_OPACITY))


def empty_chart(title: str, subtitle: str = "", *params: alt.Parameter) -> AnyChart:
    """A valid chart that says there is nothing to show.

    It keeps the builder's selection params so ``st.altair_chart(on_select=...)``
    still accepts it, and is marked in ``usermeta`` so callers can tell.
    """
    data = pd.DataFrame({"message": [EMPTY_MESSAGE]})
    chart = (
        alt.Chart(data)
        .mark_text(fontSize=14, color="#666666")
        .encode(text=alt.Text("message:N"))
        .properties(usermeta={"empty": True})
    )
    if params:
        chart = chart.add_params(*params)
    return finish(chart, title, subtitle, height=MIN_HEIGHT)


def is_empty_chart(chart: AnyChart) -> bool:
    """True for the placeholder returned on empty input."""
    meta = getattr(chart, "usermeta", None)
    return isinstance(meta, dict) and meta.get("empty") is True


def as_datetime(values: pd.Series) -> pd.Series:
    """Dates (``date``, ISO text or timestamps) as naive datetimes for temporal fields."""
    return pd.to_datetime(values).dt.tz_localize(None).dt.normalize()
