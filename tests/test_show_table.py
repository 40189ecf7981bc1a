"""show_table: a page table reaches the screen with its rows and values."""

from __future__ import annotations

import json

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


FORMATTED_SCRIPT = """
import pandas as pd
from exports.table_format import Number, Percent
from ui.common import show_table

frame = pd.DataFrame({"Tỷ lệ": [1.0, 3 / 13], "Kết quả": [86.0, 81.46]})
show_table(frame, formats={"Tỷ lệ": Percent(1), "Kết quả": Number(1)}, hide_index=True)
"""


def test_a_formatted_column_shows_one_number_of_decimals_in_every_cell() -> None:
    # The grid writes as many decimals as the step has (100,0% beside 23,1%; 86,0 beside
    # 81,5), on values rounded to that step first.
    app = AppTest.from_string(FORMATTED_SCRIPT).run()
    assert not app.exception
    table = app.dataframe[0]
    columns = json.loads(table.proto.columns)
    assert columns["Tỷ lệ"]["type_config"] == {"type": "number", "format": "percent", "step": 0.001}
    assert columns["Kết quả"]["type_config"]["step"] == 0.1
    assert table.value["Tỷ lệ"].tolist() == [1.0, 0.231]
    assert table.value["Kết quả"].tolist() == [86.0, 81.5]
