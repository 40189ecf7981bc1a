"""What pages derive from a frame for display: kept per frame object, sent as Arrow."""

from __future__ import annotations

import gc
from datetime import datetime

import pandas as pd
import pyarrow as pa
from streamlit.testing.v1 import AppTest

from ui import memo
from ui.common import arrow_table


def test_derived_is_built_once_per_frame_and_key() -> None:
    frame = pd.DataFrame({"a": [1, 2]})
    calls: list[str] = []

    def build(label: str) -> str:
        calls.append(label)
        return f"{label}-{len(calls)}"

    assert memo.derived(frame, "x", lambda: build("x")) == "x-1"
    assert memo.derived(frame, "x", lambda: build("x")) == "x-1"
    assert memo.derived(frame, "y", lambda: build("y")) == "y-2"
    assert memo.derived(frame.copy(), "x", lambda: build("x")) == "x-3"  # equal, not the same
    assert calls == ["x", "y", "x"]


def test_derived_values_go_with_their_frame() -> None:
    frame = pd.DataFrame({"a": [1]})
    memo.derived(frame, "x", lambda: "value")
    frame_id = id(frame)
    assert frame_id in memo._derived
    del frame
    gc.collect()
    assert frame_id not in memo._derived


def test_arrow_table_keeps_columns_and_values_without_the_index() -> None:
    frame = pd.DataFrame(
        {"Cơ quan": ["Sở Y tế", "UBND xã A"], "Hạn": [datetime(2026, 12, 31), None]},
        index=[7, 3],
    )
    table = arrow_table(frame)
    assert isinstance(table, pa.Table)
    assert table.column_names == ["Cơ quan", "Hạn"]
    assert table.column("Cơ quan").to_pylist() == ["Sở Y tế", "UBND xã A"]
    assert table.column("Hạn").to_pylist() == [datetime(2026, 12, 31), None]


def test_arrow_table_leaves_mixed_columns_to_streamlit() -> None:
    frame = pd.DataFrame({"Giá trị": [1, "một"]}, dtype=object)
    assert arrow_table(frame) is frame


SHOW_TABLE_SCRIPT = """
import pandas as pd
from ui.common import show_table

show_table(pd.DataFrame({"Cơ quan": ["Sở Y tế", "Sở Tài chính"], "Quá hạn": [3, 1]},
                        index=[5, 9]), hide_index=True)
"""


def test_show_table_shows_the_frame() -> None:
    app = AppTest.from_string(SHOW_TABLE_SCRIPT).run()
    assert not app.exception
    shown = app.dataframe[0].value
    assert shown["Cơ quan"].tolist() == ["Sở Y tế", "Sở Tài chính"]
    assert shown["Quá hạn"].tolist() == [3, 1]
