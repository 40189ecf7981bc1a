"""Rows read as one aggregated text (data_access.queries.packed), on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from sqlalchemy import select as sa_select
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, col

from data_access.models import ProgressUpdate, Task, TaskAgency
from data_access.queries.latest_reports import latest_report_frame
from data_access.queries.packed import (
    FIELD_SEPARATOR,
    ROW_SEPARATOR,
    Kind,
    _row_frame,
    packed_statement,
    read_packed_frame,
)
from data_access.queries.tasks import task_agency_frame, task_base_frame

TASK_COLUMNS = {
    "id": Kind.INT,
    "section_id": Kind.INT,
    "name": Kind.TEXT,
    "due_date": Kind.DATE,
    "completed_in_source": Kind.FLAG,
}


def task_statement():  # type: ignore[no-untyped-def]
    return sa_select(*(col(getattr(Task, name)) for name in TASK_COLUMNS))


def test_packed_read_gives_what_a_row_read_gives(session: Session, ids: dict[str, int]) -> None:
    statement = task_statement()
    packed = read_packed_frame(session, statement, TASK_COLUMNS)
    by_rows = _row_frame(session, statement, TASK_COLUMNS)
    assert len(packed) == len(by_rows) > 0
    pd.testing.assert_frame_equal(
        packed.sort_values("id", ignore_index=True), by_rows.sort_values("id", ignore_index=True)
    )
    assert str(packed["due_date"].dtype) == "datetime64[s]"
    assert packed["completed_in_source"].dtype == bool


def test_null_values_read_as_missing(session: Session, ids: dict[str, int]) -> None:
    frame = read_packed_frame(session, task_statement(), TASK_COLUMNS).set_index("id")
    unclear = frame.loc[ids["unclear"]]  # no section, no due date
    assert pd.isna(unclear["section_id"]) and pd.isna(unclear["due_date"])
    assert frame["section_id"].dtype == float  # as pandas reads a column with NULLs
    assert frame.loc[ids["digitise"], "completed_in_source"]
    assert not frame.loc[ids["strategy"], "completed_in_source"]


@pytest.mark.parametrize("separator", [FIELD_SEPARATOR, ROW_SEPARATOR], ids=["field", "row"])
def test_a_value_holding_a_separator_is_read_whole(
    session: Session, ids: dict[str, int], separator: str
) -> None:
    task = session.get(Task, ids["unclear"])
    assert task is not None
    task.name = f"Dòng một{separator}dòng hai"
    session.add(task)
    session.flush()
    frame = read_packed_frame(session, task_statement(), TASK_COLUMNS).set_index("id")
    assert frame.loc[ids["unclear"], "name"] == f"Dòng một{separator}dòng hai"
    assert frame.index.is_unique and len(frame) == len(ids)


def test_no_rows_give_an_empty_frame_with_typed_columns(session: Session) -> None:
    frame = read_packed_frame(session, task_statement().where(col(Task.id) < 0), TASK_COLUMNS)
    assert list(frame.columns) == list(TASK_COLUMNS)
    assert frame.empty
    assert frame["id"].dtype == "int64" and frame["completed_in_source"].dtype == bool


@pytest.mark.parametrize(
    "frame_of",
    [
        lambda s: task_base_frame(session=s),
        lambda s: latest_report_frame(session=s, as_of=date(2026, 11, 23)),
        lambda s: task_agency_frame(session=s),
    ],
    ids=["tasks", "reports", "links"],
)
def test_dashboard_frames_read_packed_match_a_row_read(
    session: Session, ids: dict[str, int], frame_of, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    packed = frame_of(session)
    monkeypatch.setattr("data_access.queries.packed._split", lambda text, count: None)  # force rows
    pd.testing.assert_frame_equal(packed, frame_of(session))
    assert len(packed) > 0


@pytest.mark.parametrize(
    ("dialect", "aggregate"),
    [(sqlite.dialect(), "group_concat("), (postgresql.dialect(), "string_agg(")],
)
def test_one_aggregate_carries_every_column(dialect, aggregate: str) -> None:  # type: ignore[no-untyped-def]
    """SQL does not promise that two aggregates of one query see rows in the same order."""
    statement = sa_select(col(ProgressUpdate.task_id), col(TaskAgency.role))
    sql = str(packed_statement(statement).compile(dialect=dialect))
    assert sql.count(aggregate) == 1
