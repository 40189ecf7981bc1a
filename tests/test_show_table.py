"""show_table: a page table reaches the screen with its rows and values."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

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
