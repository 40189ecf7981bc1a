"""A table as presented (ui.presented_table.presented_cells), read without Streamlit: what
each cell of the static table says, and that Markdown in data shows as typed."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from exports.table_format import Number, Percent
from ui.presented_table import presented_cells
from ui.safe_text import WORD_JOINER


def plain(text: str) -> str:
    """What a reader sees of a literal() cell: escapes and word joiners gone."""
    return text.replace("\\", "").replace(WORD_JOINER, "")


def test_cells_read_as_the_screen_and_the_csv_do() -> None:
    frame = pd.DataFrame(
        {
            "Cơ quan": ["Sở Tài chính", "Công an tỉnh"],
            "Quá hạn": [1234, 7],
            "Tỷ lệ đúng hạn": [0.725, None],
            "Hạn": pd.to_datetime(["2026-06-30", None]),
            "Ngày báo cáo": [date(2026, 5, 21), None],
            "Giá trị": [86.0, 2.5],
            "Minh chứng": [True, False],
        }
    )
    formats = {"Tỷ lệ đúng hạn": Percent(decimals=1), "Giá trị": Number(decimals=1)}
    cells = presented_cells(frame, formats, {})
    rows = [[plain(cell) for cell in row] for row in cells.to_numpy().tolist()]
    assert rows == [
        ["Sở Tài chính", "1.234", "72,5%", "30/06/2026", "21/05/2026", "86,0", "Có"],
        ["Công an tỉnh", "7", "", "", "", "2,5", ""],
    ]


def test_markdown_in_data_and_headings_arrives_escaped() -> None:
    payload = "**Sở** :red[đỏ] [x](http://example.invalid) $x^2$ <b>in</b>"
    frame = pd.DataFrame({payload: [payload]})
    cells = presented_cells(frame, {}, {})
    (heading,) = cells.columns
    (cell,) = cells.to_numpy().ravel()
    for text in (heading, cell):
        assert plain(text) == payload
        assert not any(part in text for part in ("**Sở**", ":red[", "](http", "$x^2$", "<b>"))


def test_link_columns_are_left_out() -> None:
    frame = pd.DataFrame({"Hồ sơ": ["/ho-so-nhiem-vu?nhiem_vu=1"], "Nhiệm vụ": ["Một"]})
    config = {"Hồ sơ": st.column_config.LinkColumn(display_text="Mở hồ sơ")}
    assert [plain(name) for name in presented_cells(frame, {}, config).columns] == ["Nhiệm vụ"]


def test_sorted_and_filtered_frames_keep_every_row_in_their_order() -> None:
    frame = pd.DataFrame({"STT": [3, 1, 2], "Tên": ["c", "a", "b"]}, index=[7, 2, 9])
    shown = frame.sort_values("STT", ascending=False)
    cells = presented_cells(shown[shown["STT"] > 1], {}, {})
    assert [plain(name) for name in cells["Tên"]] == ["c", "b"]
