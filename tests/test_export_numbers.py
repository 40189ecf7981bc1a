"""Numbers stay numbers: one format for the screen, the xlsx and the CSV."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exports.table_format import Number, Percent
from exports.tables import table_csv, table_xlsx
from tests.frames import reindexed
from tests.table_files import csv_rows, open_sheet

RATE, RESULT, UNIT = "Tỷ lệ hoàn thành", "Kết quả", "Đơn vị tính"
FORMATS = {RATE: Percent(1), RESULT: Number(1, unit_column=UNIT)}


def kpi_like() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Cơ quan": ["Công an tỉnh", "Sở Nội vụ", "Sở Y tế"],
            RATE: [0.13333333333333333, 1.0, None],
            RESULT: [86.0, 25.0, None],
            UNIT: ["%", "DVC", "%"],
        }
    ).iloc[::-1]  # as sorted on a page: the index runs backwards


def test_xlsx_percentages_are_numbers_with_a_percent_format() -> None:
    sheet = open_sheet(table_xlsx(kpi_like(), title="Bảng", formats=FORMATS))
    rate = [sheet.cell(row=r, column=2) for r in (4, 5, 6)]
    assert [c.value for c in rate] == [None, 1.0, pytest.approx(0.1333333)]
    assert [c.number_format for c in rate[1:]] == ["0.0%", "0.0%"]
    assert all(c.data_type == "n" for c in rate[1:])
    result = [sheet.cell(row=r, column=3) for r in (4, 5, 6)]
    assert [c.value for c in result] == [None, 25.0, pytest.approx(0.86)]  # 86% is 0.86
    assert [c.number_format for c in result[1:]] == ["#,##0.0", "0.0%"]


def test_csv_numbers_read_as_on_screen() -> None:
    rows = csv_rows(table_csv(kpi_like(), FORMATS))
    assert rows[1:] == [
        ["Sở Y tế", "", "", "%"],
        ["Sở Nội vụ", "100,0%", "25,0", "DVC"],  # one number of decimals per column
        ["Công an tỉnh", "13,3%", "86,0", "%"],
    ]
    unformatted = csv_rows(table_csv(kpi_like()))
    assert unformatted[3][1] == "0.13333333333333333"  # without a format: the value as is


@given(st.lists(st.floats(0, 1), min_size=1, max_size=8), st.data())
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_percentages_keep_their_value(rates: list[float], data: st.DataObject) -> None:
    """The xlsx keeps the fraction (to Excel's 15 digits); the CSV reads back within its
    rounding (0,05 percentage point)."""
    frame = data.draw(reindexed(pd.DataFrame({RATE: rates})))
    sheet = open_sheet(table_xlsx(frame, title="Bảng", formats=FORMATS))
    stored = [sheet.cell(row=4 + i, column=1).value for i in range(len(rates))]
    assert stored == pytest.approx(rates, rel=1e-14, abs=0)
    written = [row[0] for row in csv_rows(table_csv(frame, FORMATS))[1:]]
    for text, rate in zip(written, rates, strict=True):
        number = float(text.removesuffix("%").replace(",", "."))
        assert abs(number - rate * 100) <= 0.05 + 1e-9
