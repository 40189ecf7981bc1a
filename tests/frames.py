"""Hypothesis strategies for frames whose index is not 0..n-1, as tables reach the exporters.

A table on screen has been sorted (shuffled index), filtered (gaps), built by a
merge or concat (duplicates), or indexed by a name or a date. An exporter must
write the rows in the order given, whatever the index says.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pandas as pd
from hypothesis import strategies as st

from exports.tables import needs_neutralising

INDEX_KINDS = ("range", "shuffled", "duplicated", "text", "datetime", "filtered")
# Letters (with Vietnamese ones), digits and inner spaces: text every format writes as is.
CELL_TEXT = (
    st.text(
        alphabet=st.sampled_from("abcdeghiklmnopqrstuvxyĐđăâêôơưáàảãạếềểễệốồổỗộứừửữự0123456789 "),
        min_size=1,
        max_size=20,
    )
    .map(str.strip)
    .filter(lambda text: bool(text) and not needs_neutralising(text))
)
DAYS = st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31))


@st.composite
def odd_index(draw: st.DrawFn, size: int, kind: str) -> pd.Index:
    """An index of ``size`` labels of ``kind`` (one of INDEX_KINDS but "filtered")."""
    if kind == "shuffled":
        return pd.Index(draw(st.permutations(range(size))))
    if kind == "duplicated":
        return pd.Index(draw(st.lists(st.integers(0, 2), min_size=size, max_size=size)))
    if kind == "text":
        return pd.Index(draw(st.lists(CELL_TEXT, min_size=size, max_size=size)))
    if kind == "datetime":
        moments = st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2030, 1, 1))
        return pd.DatetimeIndex(draw(st.lists(moments, min_size=size, max_size=size)))
    return pd.RangeIndex(size)


@st.composite
def reindexed(draw: st.DrawFn, frame: pd.DataFrame) -> pd.DataFrame:
    """``frame``'s rows (at least one), in the same order, under an index of INDEX_KINDS.

    "filtered" hides the rows among copies of the first and keeps them with a
    boolean mask, as a filter on screen does: the index has gaps.
    """
    kind = draw(st.sampled_from(INDEX_KINDS))
    if kind != "filtered":
        return frame.set_axis(draw(odd_index(len(frame), kind)))
    kept = draw(st.permutations([True] * len(frame) + [False] * draw(st.integers(1, 5))))
    rows = iter(range(len(frame)))
    positions = [next(rows) if keep else 0 for keep in kept]
    mixed = frame.iloc[positions].set_axis(draw(odd_index(len(kept), "shuffled")))
    return mixed[pd.Series(kept, index=mixed.index)]


@st.composite
def shuffled(draw: st.DrawFn, frame: pd.DataFrame) -> pd.DataFrame:
    """``frame``'s rows in any order, under any index: how a lookup table may arrive."""
    if frame.empty:
        return frame
    return draw(reindexed(frame.iloc[draw(st.permutations(range(len(frame))))]))


TASK_ROW = st.fixed_dictionaries(
    {
        "plan_code": CELL_TEXT,
        "reference": CELL_TEXT,
        "name": CELL_TEXT,
        "leads": CELL_TEXT,
        "due_date": DAYS,
        "indicative": st.booleans(),
        "deadline_text": CELL_TEXT,
        "days_overdue": st.integers(0, 5000),
        "document": CELL_TEXT,
    }
)


TaskRows = list[dict[str, Any]]


def due_cell(row: dict[str, Any]) -> str:
    """A row's due date as documents write it: dd/mm/yyyy, "(hạn dự kiến)" when indicative."""
    return f"{row['due_date']:%d/%m/%Y}" + (" (hạn dự kiến)" if row["indicative"] else "")


@st.composite
def task_lists(draw: st.DrawFn, max_size: int = 8) -> tuple[pd.DataFrame, TaskRows]:
    """A ``content.task_list`` frame under an odd index, and its rows in order (the expectation)."""
    rows = draw(st.lists(TASK_ROW, min_size=1, max_size=max_size))
    frame = pd.DataFrame(rows)
    frame["due_date"] = pd.to_datetime(frame["due_date"])
    return draw(reindexed(frame)), rows
