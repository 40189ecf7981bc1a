"""Tables while presenting: static HTML tables that wrap long text and fit the page.

Streamlit's dataframe is a canvas grid: at a projector's type size its long names are cut
mid-word and its right-hand columns (the counts a meeting reads) scroll out of view, and a
printout holds only the rows in view. While presenting, ``show_table`` draws ``st.table``
instead: every row, every column in the page's width, long text on several lines.

``st.table`` reads Markdown in every cell and heading, so each one goes through
``ui.safe_text.literal`` and shows exactly its characters. Numbers read as on screen and
in the CSV (the table's declared formats, vi_VN separators), dates dd/mm/yyyy. Link columns
(a register's "Mở hồ sơ") are left out: nothing is clicked on a projector, and the grid
returns with presentation off.
"""

from __future__ import annotations

import numbers
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

import numpy as np
import pandas as pd
import streamlit as st

from exports.table_format import ColumnFormat, TableFormats, csv_text
from labels import format_date, format_decimal, format_int
from ui.safe_text import literal

YES = "Có"


def presented_table(
    frame: pd.DataFrame,
    formats: TableFormats,
    column_config: Mapping[str, Any],
    *,
    hide_index: bool | None = None,
) -> None:
    cells = presented_cells(frame, formats, column_config)
    st.table(cells, hide_index=hide_index, border="horizontal")


def presented_cells(
    frame: pd.DataFrame, formats: TableFormats, column_config: Mapping[str, Any]
) -> pd.DataFrame:
    """``frame`` as the static table shows it: every cell and heading literal text."""
    shown = frame.drop(columns=[name for name in frame if _is_link(column_config.get(name))])
    cells = {
        literal(str(name)): [literal(_cell(value, formats.get(str(name)))) for value in shown[name]]
        for name in shown
    }
    return pd.DataFrame(cells, index=[literal(str(label)) for label in shown.index])


def _is_link(config: Any) -> bool:
    type_config = config.get("type_config") if isinstance(config, Mapping) else None
    return isinstance(type_config, Mapping) and type_config.get("type") == "link"


def _cell(value: Any, spec: ColumnFormat | None) -> str:
    """One cell's text: "" when empty, a number with the column's decimals, a date."""
    if value is None or (not isinstance(value, str | list | tuple) and pd.isna(value)):
        return ""
    if isinstance(value, bool | np.bool_):
        return YES if value else ""
    if isinstance(value, numbers.Real) and spec is not None:
        return csv_text(spec, float(value))
    if isinstance(value, datetime):  # pd.Timestamp too
        return format_date(value.date())
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, numbers.Integral):
        return format_int(int(value))
    if isinstance(value, numbers.Real):
        return format_decimal(float(value))
    return str(value)
