"""Exported tables hold the rows given, in the order given, whatever the frame's index."""

from __future__ import annotations

from datetime import date, datetime

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exports.tables import table_csv, table_xlsx
from tests.frames import CELL_TEXT, DAYS, reindexed
from tests.table_files import csv_rows, open_sheet

SHOWN_COLUMNS = ["Nhiệm vụ", "Số ngày quá hạn", "Hạn hoàn thành"]
Row = tuple[str, int, date]


@st.composite
def shown_table(draw: st.DrawFn) -> tuple[pd.DataFrame, list[Row]]:
    """A table as a page shows it (sorted, filtered…) and its rows as the reader sees them."""
    rows = draw(
        st.lists(st.tuples(CELL_TEXT, st.integers(-1000, 10**6), DAYS), min_size=1, max_size=12)
    )
    frame = pd.DataFrame(rows, columns=SHOWN_COLUMNS)
    frame["Hạn hoàn thành"] = pd.to_datetime(frame["Hạn hoàn thành"])
    return draw(reindexed(frame)), rows


@given(shown_table())
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_csv_rows_are_the_rows_given_in_order(table: tuple[pd.DataFrame, list[Row]]) -> None:
    frame, rows = table
    written = csv_rows(table_csv(frame))
    assert written[0] == SHOWN_COLUMNS
    assert written[1:] == [[name, str(days), f"{due:%d/%m/%Y}"] for name, days, due in rows]


@given(shown_table())
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_xlsx_rows_are_the_rows_given_in_order(table: tuple[pd.DataFrame, list[Row]]) -> None:
    frame, rows = table
    sheet = open_sheet(table_xlsx(frame, title="Bảng"))
    written = [[c.value for c in row] for row in sheet.iter_rows(min_row=4)]  # no subtitle
    assert written == [
        [name, days, datetime(due.year, due.month, due.day)] for name, days, due in rows
    ]


def test_csv_of_a_sorted_filtered_table_has_every_row_in_order() -> None:
    """Regression: the CSV was rebuilt on 0..n-1 while its columns kept the table's index, so a
    sorted, filtered list came out with rows blank and the rest back in the original order."""
    tasks = pd.DataFrame(
        {"Nhiệm vụ": [f"Nhiệm vụ {i}" for i in range(60)], "Số ngày quá hạn": range(60)}
    )
    shown = tasks[tasks["Số ngày quá hạn"] % 6 != 0].sort_values("Số ngày quá hạn", ascending=False)
    written = csv_rows(table_csv(shown))[1:]
    assert len(written) == 50  # 60 rows less the 10 whose days are a multiple of 6
    assert written[:2] == [["Nhiệm vụ 59", "59"], ["Nhiệm vụ 58", "58"]]
    assert [int(days) for _, days in written] == sorted(
        (d for d in range(60) if d % 6), reverse=True
    )
