"""How a table's numbers read, declared once per table for the screen, the xlsx and the CSV.

A page names its percentage and number columns (heading -> ``Percent`` or
``Number``) in one constant: ``ui.common.show_table`` turns it into
``st.column_config`` entries, ``exports.tables`` into Excel number formats on
numeric cells and into CSV text rounded as on screen (``labels`` formatting).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from labels import format_decimal, format_percent

PERCENT_UNIT = "%"


@dataclass(frozen=True)
class Percent:
    """Fractions read as percentages: 0.725 -> 72,5% with ``decimals`` places."""

    decimals: int = 1
    bar: bool = False  # on screen, drawn as a bar from 0 to 100%


@dataclass(frozen=True)
class Number:
    """Numbers with ``decimals`` places.

    ``unit_column`` names the column holding each row's unit (a KPI's "%",
    "DVC"…); in Excel a row whose unit is "%" is a percentage cell (86 -> 86%).
    """

    decimals: int = 0
    unit_column: str | None = None


ColumnFormat = Percent | Number
TableFormats = Mapping[str, ColumnFormat]


def excel_cell(spec: ColumnFormat, value: float, unit: str = "") -> tuple[float, str]:
    """The value Excel stores for a number of this column, and its number format."""
    if isinstance(spec, Number) and unit != PERCENT_UNIT:
        return value, "#,##0" + _decimals(spec.decimals)
    scale = 100 if isinstance(spec, Number) else 1
    return value / scale, "0" + _decimals(spec.decimals) + "%"


def csv_text(spec: ColumnFormat, value: float) -> str:
    """A number of this column as the screen reads it, every cell with the column's decimals:
    "72,5%", "100,0%", "1.234,5"."""
    if isinstance(spec, Percent):
        return format_percent(value, spec.decimals, fixed=True)
    return format_decimal(value, spec.decimals, fixed=True)


def step(spec: ColumnFormat) -> float:
    """The screen's precision: the smallest step of the value as stored (fractions for %)."""
    return float(10 ** -_places(spec))


def rounded_as_shown(frame: pd.DataFrame, formats: TableFormats) -> pd.DataFrame:
    """``frame`` with each formatted column rounded to the screen's precision.

    The grid's number columns cut a value at their ``step`` instead of rounding it
    (3/13 showed as 23,0%); values rounded here first read as the CSV does (23,1%).
    """
    columns = {
        name: frame[name].round(_places(spec))
        for name, spec in formats.items()
        if name in frame and pd.api.types.is_numeric_dtype(frame[name])
    }
    return frame.assign(**columns) if columns else frame


def _places(spec: ColumnFormat) -> int:
    """Decimal places of the value as stored (a percentage is stored as a fraction)."""
    return spec.decimals + (2 if isinstance(spec, Percent) else 0)


def _decimals(places: int) -> str:
    return "." + "0" * places if places > 0 else ""
