"""One table format, three media: Excel number formats, CSV text as on screen, screen step."""

from __future__ import annotations

import pandas as pd
import pytest

from exports.table_format import (
    ColumnFormat,
    Number,
    Percent,
    csv_text,
    excel_cell,
    rounded_as_shown,
    step,
)


@pytest.mark.parametrize(
    ("spec", "value", "unit", "expected"),
    [
        # percentages: the fraction itself, Excel multiplies by 100 on display
        (Percent(), 0.8666, "", (0.8666, "0.0%")),
        (Percent(0), 1.0, "", (1.0, "0%")),
        (Percent(2), 0.5, "", (0.5, "0.00%")),
        # numbers: as stored, with thousands grouped
        (Number(), 1234.0, "", (1234.0, "#,##0")),
        (Number(1), 25.0, "DVC", (25.0, "#,##0.0")),
        # a number whose unit is "%" is a percentage cell: 86 -> 0.86 shown 86,0%
        (Number(1), 86.0, "%", (0.86, "0.0%")),
    ],
)
def test_excel_cell(
    spec: ColumnFormat, value: float, unit: str, expected: tuple[float, str]
) -> None:
    stored, number_format = excel_cell(spec, value, unit)
    assert (stored, number_format) == (pytest.approx(expected[0]), expected[1])


@pytest.mark.parametrize(
    ("spec", "value", "expected"),
    [
        (Percent(), 0.13333333333333333, "13,3%"),  # not 13.333333333333334
        # every cell of a column has its decimals, as the screen's step and Excel's format
        (Percent(), 1.0, "100,0%"),
        (Percent(0), 0.726, "73%"),
        (Number(1), 1234.56, "1.234,6"),
        (Number(1), 86.0, "86,0"),
        (Number(1), -0.01, "0,0"),  # never "-0,0"
        (Number(), -3.0, "-3"),
    ],
)
def test_csv_text_reads_as_on_screen(spec: ColumnFormat, value: float, expected: str) -> None:
    assert csv_text(spec, value) == expected


@pytest.mark.parametrize(
    ("spec", "expected"),
    [(Percent(), 0.001), (Percent(0), 0.01), (Number(1), 0.1), (Number(), 1.0)],
)
def test_step_is_the_last_decimal_shown(spec: ColumnFormat, expected: float) -> None:
    assert step(spec) == pytest.approx(expected)


def test_values_are_rounded_as_the_screen_reads_them() -> None:
    # The grid cuts a number column at its step (3/13 read 23,0%); rounded first, it reads
    # 23,1%, as the CSV writes it. Columns without a declared format are left alone.
    frame = pd.DataFrame(
        {"rate": [3 / 13, 5 / 9], "result": [86.04, -4.96], "other": [1 / 3, 2 / 3]},
        index=[7, 3],
    )
    shown = rounded_as_shown(frame, {"rate": Percent(1), "result": Number(1)})
    assert shown["rate"].tolist() == [0.231, 0.556]
    assert shown["result"].tolist() == [86.0, -5.0]
    assert shown["other"].tolist() == frame["other"].tolist()
    assert shown.index.tolist() == [7, 3]
    assert [csv_text(Percent(1), v) for v in shown["rate"]] == ["23,1%", "55,6%"]
