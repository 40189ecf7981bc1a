"""Read a large result as one text per column, aggregated in the database, parsed by Arrow.

A row-by-row read makes one Python object per cell (a million or more on the
dashboard's tables at national scale), and that, not the query, is most of a
cold page's time. Here the database joins each row's values into one text and
every row's text into one string, with a single aggregate (SQLAlchemy's
``aggregate_strings``: ``group_concat`` on SQLite, ``string_agg`` on PostgreSQL),
and Arrow splits and types them in C++. One aggregate, so nothing depends on two
aggregates seeing the rows in the same order, which SQL does not promise.

Every value is cast to text, NULL written as the empty string; each column's
kind says how to read it back. A value that contains a separator would shift
its row, so the number of values is checked against rows × columns, and a
mismatch falls back to the ordinary row-by-row read: correct either way. The
whole text must fit the database's limit on one value (1 GB on SQLite and
PostgreSQL): a few million rows of the task frame.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from sqlalchemy import ColumnElement, Select, String, cast, func
from sqlalchemy import select as sa_select
from sqlmodel import Session

FIELD_SEPARATOR = "\x1f"  # ASCII unit separator: not found in document text
ROW_SEPARATOR = "\x1e"  # ASCII record separator: neither
TRUE_TEXTS = ["1", "true", "t"]  # a boolean cast to text: SQLite, PostgreSQL
AnySelect = Select[*tuple[Any, ...]]


class Kind(StrEnum):
    """How a column's text is read back."""

    INT = "int"  # int64; with any NULL, float64 with NaN (as pandas reads it)
    TEXT = "text"  # str; NULL becomes ""
    DATE = "date"  # datetime64[s]; NULL (or unreadable) becomes NaT
    FLAG = "flag"  # bool; NULL is False


def read_packed_frame(
    session: Session, statement: AnySelect, columns: Mapping[str, Kind]
) -> pd.DataFrame:
    """The rows of ``statement`` (one column per entry of ``columns``, in order) as a frame.

    Row order is the statement's as the database feeds it to the aggregates:
    sort the frame if order matters.
    """
    count, text = session.connection().execute(packed_statement(statement)).one()
    values = _split(text, count * len(columns))
    if values is None:  # a separator inside a value
        return _row_frame(session, statement, columns)
    width = len(columns)
    arrays = {
        name: _typed(values.take(np.arange(index, len(values), width)), kind)
        for index, (name, kind) in enumerate(columns.items())
    }
    return pa.table(arrays).to_pandas()


def packed_statement(statement: AnySelect) -> AnySelect:
    """The row count, then every row of ``statement`` as one text (values, then rows joined)."""
    rows = statement.subquery()
    fields: list[ColumnElement[str]] = [func.coalesce(cast(c, String), "") for c in rows.c]
    row_text = fields[0]
    for field in fields[1:]:
        row_text = row_text.op("||")(FIELD_SEPARATOR).op("||")(field)
    return sa_select(func.count(), func.aggregate_strings(row_text, ROW_SEPARATOR))


def _split(text: str | None, count: int) -> pa.Array | None:
    """The ``count`` values in ``text``; None when they are not ``count``."""
    if count == 0:
        return pa.array([], pa.string())
    rows = pc.split_pattern(pa.array([text or ""], pa.string()), ROW_SEPARATOR).flatten()
    parts = pc.split_pattern(rows, FIELD_SEPARATOR).flatten()
    return parts if len(parts) == count else None


def _typed(values: pa.Array, kind: Kind) -> pa.Array:
    if kind is Kind.TEXT:
        return values
    if kind is Kind.FLAG:
        return pc.is_in(values, value_set=pa.array(TRUE_TEXTS))
    missing = pc.equal(values, "")
    if kind is Kind.INT:
        return pc.cast(pc.if_else(missing, None, values), pa.int64())
    return pc.strptime(values, format="%Y-%m-%d", unit="s", error_is_null=True)


def _row_frame(session: Session, statement: AnySelect, columns: Mapping[str, Kind]) -> pd.DataFrame:
    """The same frame from an ordinary read, one row at a time."""
    rows = session.connection().execute(statement).all()
    frame = pd.DataFrame([tuple(row) for row in rows], columns=list(columns))
    for name, kind in columns.items():
        frame[name] = _from_python(frame[name], kind)
    return frame


def _from_python(values: pd.Series, kind: Kind) -> pd.Series:
    if kind is Kind.TEXT:
        return values.fillna("").astype("str")
    if kind is Kind.FLAG:
        return values.map(lambda value: str(value).lower() in TRUE_TEXTS)
    if kind is Kind.INT:
        return pd.to_numeric(values)
    return pd.to_datetime(values, format="ISO8601", errors="coerce").astype("datetime64[s]")
