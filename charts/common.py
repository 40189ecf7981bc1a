"""Pieces shared by the chart builders: titles, the empty-state chart, input checks."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

import altair as alt
import pandas as pd

from labels import ILLUSTRATIVE_NOTE

EMPTY_MESSAGE = "Không có dữ liệu để hiển thị"
ROW_HEIGHT = 28  # pixels per bar/row in horizontal charts
AGENCY_TITLE = "Cơ quan"
AGENCY_LABEL_LIMIT = 260  # pixels; a longer agency name ends in "…" (the tooltip has it whole)
LEGEND_LABEL_LIMIT = 220
MIN_HEIGHT = 120
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


def bottom_legend(title: str) -> alt.Legend:
    """A legend under the plot in two columns, so no entry runs off a narrow chart's edge."""
    return alt.Legend(title=title, orient="bottom", columns=2, labelLimit=LEGEND_LABEL_LIMIT)


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
    color: alt.Color,
    rank: str,
    count_title: str,
    tooltip: list[alt.Tooltip],
    pick: alt.Parameter,
) -> alt.Chart:
    """Horizontal bars of ``count`` per agency in ``order``, stacked by ``color`` in ``rank``
    order; clicking a bar selects its agency in ``pick``."""
    return (
        alt.Chart(data)
        .mark_bar()
        .encode(
            y=agency_y(order),
            x=alt.X("count:Q", title=count_title, stack="zero", axis=count_axis()),
            color=color,
            order=alt.Order(f"{rank}:Q", sort="ascending"),
            opacity=picked_opacity(pick),
            tooltip=tooltip,
        )
        .add_params(pick)
    )


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
