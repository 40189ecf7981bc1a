"""As of a day: "what was true then" (default) and "what we knew then" (``known_only``).

One plan imported on 10/3/2026 (Vietnam time) with one task due 31/3/2026, and
progress imported in two files: on 20/3 at 23:30 Vietnam time (16:30 UTC) "in
progress", and on 21/3 at 00:30 Vietnam time (17:30 UTC on 20/3) "completed on
15/3". A second plan arrives on 1/4. Days are Vietnam days, whatever the server's
clock: the second file was imported on 21/3 although UTC still said 20/3.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime

import pandas as pd
import pytest
from sqlmodel import Session

from data_access import models as m
from data_access.clock import end_of_day_utc
from data_access.queries.filters import TaskFilters
from data_access.queries.kpis import kpi_frame
from data_access.queries.statuses import TaskStatus
from data_access.queries.tasks import filtered_statuses
from tests.dashboard_db import open_session


@pytest.fixture
def session() -> Iterator[Session]:
    for session in open_session():
        _fill(session)
        yield session


def _at(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC)


def _fill(session: Session) -> None:
    first = m.Plan(code="KH-1", title="Kế hoạch 1", created_at=_at(datetime(2026, 3, 10, 2)))
    later = m.Plan(code="KH-2", title="Kế hoạch 2", created_at=_at(datetime(2026, 4, 1, 2)))
    session.add_all([first, later])
    session.flush()
    assert first.id is not None and later.id is not None
    due = date(2026, 3, 31)
    task = m.Task(plan_id=first.id, number="1", name="Ban hành quy chế", due_date=due)
    other = m.Task(plan_id=later.id, number="1", name="Nhiệm vụ của kế hoạch sau", due_date=due)
    kpi = m.Kpi(plan_id=first.id, number="1", name="Tỷ lệ", target_operator=">", target_value=80)
    session.add_all([task, other, kpi])
    evening = m.ImportBatch(
        file_name="a.xlsx",
        content_hash="a",
        kind="progress",
        imported_at=_at(datetime(2026, 3, 20, 16, 30)),
    )
    after_midnight = m.ImportBatch(
        file_name="b.xlsx",
        content_hash="b",
        kind="progress",
        imported_at=_at(datetime(2026, 3, 20, 17, 30)),
    )
    session.add_all([evening, after_midnight])
    session.flush()
    assert task.id and kpi.id and evening.id and after_midnight.id
    session.add_all(
        [
            m.ProgressUpdate(
                task_id=task.id,
                reported_on=date(2026, 3, 20),
                status="Đang thực hiện",
                import_batch_id=evening.id,
            ),
            m.ProgressUpdate(
                task_id=task.id,
                reported_on=date(2026, 3, 21),
                status="Đã hoàn thành",
                completion_date=date(2026, 3, 15),
                evidence="QĐ 12/QĐ-UBND",
                import_batch_id=after_midnight.id,
            ),
            m.KpiActual(
                kpi_id=kpi.id,
                period="2026-Q1",
                period_end=date(2026, 3, 31),
                value=85,
                import_batch_id=after_midnight.id,
            ),
        ]
    )
    session.commit()


def _status_of_first(session: Session, filters: TaskFilters) -> str:
    statuses = filtered_statuses(session=session, filters=filters)
    return str(statuses.loc[statuses["plan_code"] == "KH-1", "status"].iloc[0])


def test_end_of_a_vietnam_day_is_17_utc_the_same_day() -> None:
    assert end_of_day_utc(date(2026, 3, 20)) == datetime(2026, 3, 20, 17, tzinfo=UTC)


@pytest.mark.parametrize(
    ("as_of", "known_only", "expected"),
    [
        # Everything known now: completed on 15/3, so done from 15/3 on.
        (date(2026, 3, 14), False, TaskStatus.IN_PROGRESS),
        (date(2026, 3, 15), False, TaskStatus.DONE_ON_TIME),
        (date(2026, 3, 20), False, TaskStatus.DONE_ON_TIME),
        # Known by the end of 20/3: only the evening file ("in progress").
        (date(2026, 3, 20), True, TaskStatus.IN_PROGRESS),
        # The second file came at 00:30 on 21/3 in Vietnam: known by the end of 21/3.
        (date(2026, 3, 21), True, TaskStatus.DONE_ON_TIME),
    ],
)
def test_a_completion_counts_from_its_date_unless_only_what_was_known(
    session: Session, as_of: date, known_only: bool, expected: TaskStatus
) -> None:
    filters = TaskFilters(as_of=as_of, known_only=known_only)
    assert _status_of_first(session, filters) == expected


def test_tasks_of_a_plan_imported_later_were_not_known(session: Session) -> None:
    def plans(known_only: bool) -> list[str]:
        filters = TaskFilters(as_of=date(2026, 3, 31), known_only=known_only)
        return filtered_statuses(session=session, filters=filters)["plan_code"].tolist()

    assert plans(known_only=False) == ["KH-1", "KH-2"]
    assert plans(known_only=True) == ["KH-1"]  # KH-2 was imported on 1/4


def test_kpi_results_known_by_a_day(session: Session) -> None:
    def q1(known_by: date | None) -> object:
        frame = kpi_frame(session=session, as_of=date(2026, 4, 30), known_by=known_by)
        return frame.loc[frame["number"] == "1", "value"].iloc[0]

    assert q1(None) == 85
    assert pd.isna(q1(date(2026, 3, 20)))  # the result arrived on 21/3, Vietnam time
    assert q1(date(2026, 3, 21)) == 85


def test_known_by_is_the_as_of_day_and_goes_in_the_summary_line() -> None:
    filters = TaskFilters(as_of=date(2026, 11, 23), known_only=True)
    assert filters.known_by == date(2026, 11, 23)
    assert TaskFilters(as_of=date(2026, 11, 23)).known_by is None
    assert "Chỉ tính dữ liệu đã có đến ngày đó" in filters.describe_vi()
