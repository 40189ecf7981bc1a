"""The import history of "Cập nhật dữ liệu": who imported and whether it was undone first,
the content hash short and last, undone imports muted. The frame holds upload text (file
names): shown with ``st.dataframe`` only.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st
from pandas.io.formats.style import Styler

from data_access.imports.history import import_history
from data_access.imports.kind import KIND_LABELS
from data_access.kinds import ImportKind
from ui.cache import database_url, query, reading
from ui.upload import local_time

HISTORY_COLUMNS = {
    "imported_by": "Người nạp",
    "state": "Tình trạng",
    "batch_id": "Lần nạp",
    "imported_at": "Thời gian",
    "file_name": "Tệp",
    "kind": "Loại",
    "plan_code": "Kế hoạch",
    "task_count": "Nhiệm vụ",
    "progress_count": "Báo cáo tiến độ, kết quả chỉ tiêu",
    "kpi_count": "Chỉ tiêu",
    "problem_count": "Vấn đề",
    "content_hash": "Mã tệp",
}
HASH_SHOWN = 12  # characters of the SHA-256: enough to tell files apart by eye
IN_FORCE = "Có hiệu lực"
ILLUSTRATIVE = "Có hiệu lực (số liệu minh họa)"
UNDONE = "Đã hoàn tác"  # then " lúc dd/mm/yyyy HH:MM"
MUTED = "color: #8a8a8a; font-style: italic"  # an undone import: kept for the record only
HISTORY_HELP = {
    "task_count": "Kế hoạch: số nhiệm vụ trong tệp. Tiến độ: số nhiệm vụ được báo cáo.",
    "progress_count": (
        "Số báo cáo tiến độ nhiệm vụ cộng số kết quả chỉ tiêu theo kỳ mà lần nạp thêm vào."
    ),
    "content_hash": f"{HASH_SHOWN} ký tự đầu của mã băm SHA-256 của tệp: cùng mã là cùng nội dung.",
}


def _state_text(undone_at: Any, illustrative: bool) -> str:
    """ "Đã hoàn tác lúc …", or in force (saying when its figures are made up)."""
    if undone_at is not None and pd.notna(undone_at):
        return f"{UNDONE} lúc {local_time(undone_at)}"
    return ILLUSTRATIVE if illustrative else IN_FORCE


@query(max_entries=4)
def history_table() -> pd.DataFrame:
    """Every import, newest first, as shown on the page."""
    with reading(database_url()) as session:
        history = import_history(session=session)
    states = [
        _state_text(undone, demo)
        for undone, demo in zip(history["undone_at"], history["is_illustrative"], strict=True)
    ]
    frame = history.assign(
        imported_at=history["imported_at"].map(local_time),
        kind=history["kind"].map(lambda k: KIND_LABELS.get(ImportKind(k), k)),
        state=states,
        content_hash=history["content_hash"].str[:HASH_SHOWN],
    )
    return frame[list(HISTORY_COLUMNS)].rename(columns=HISTORY_COLUMNS)


def undone_rows_muted(table: pd.DataFrame) -> Styler:
    """``table`` with undone imports greyed; the style reads only the state we wrote."""
    undone = table[HISTORY_COLUMNS["state"]].str.startswith(UNDONE)
    return table.style.apply(
        lambda row: [MUTED if undone[row.name] else ""] * len(row), axis="columns"
    )


def show_history() -> None:
    table = history_table()
    config = {
        HISTORY_COLUMNS[name]: st.column_config.Column(help=text)
        for name, text in HISTORY_HELP.items()
    }
    st.dataframe(undone_rows_muted(table), hide_index=True, column_config=config, key="history")
