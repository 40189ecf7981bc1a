"""Task queries on a real in-memory SQLite database (see tests/dashboard_db.py): the latest
report as of a date, the filters, milestones, the sample-data flag, empty databases."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from sqlmodel import Session, col, select

from data_access.models import ImportBatch, Plan, ProgressUpdate
from data_access.queries.filters import TaskFilters
from data_access.queries.statuses import TaskStatus
from data_access.queries.tasks import (
    apply_filters,
    filtered_statuses,
    has_illustrative_data,
    milestone_frame,
    task_agency_frame,
    task_frame,
)
from tests.dashboard_db import COLLECTIVE, HOME_AFFAIRS, POLICE, SKHCN

S = TaskStatus


def row_of(frame: pd.DataFrame, task_id: int) -> pd.Series:
    return frame.set_index("task_id").loc[task_id]


# --- task_frame: the latest report as of a date ---


@pytest.mark.parametrize(
    ("as_of", "status", "completion", "evidence"),
    [
        (date(2026, 2, 1), None, None, None),  # no report yet
        (date(2026, 3, 1), "Đang thực hiện", None, ""),  # reported on the as-of day counts
        (date(2026, 3, 29), "Đang thực hiện", None, ""),
        # Reported on 10/4 that it was completed on 30/3: it counts from 30/3 (issue 10).
        (date(2026, 3, 30), "Đã hoàn thành", date(2026, 3, 30), "QĐ 2"),
        # From 5/4 the report completed on 5/4 counts too; same report day: higher id.
        (date(2026, 4, 9), "Đã hoàn thành", date(2026, 3, 30), "QĐ 2"),
        (date(2026, 4, 10), "Đã hoàn thành", date(2026, 3, 30), "QĐ 2"),
        (date(2026, 6, 1), "Đã hoàn thành", date(2026, 3, 30), "QĐ 2"),  # undone batch ignored
    ],
)
def test_latest_report_as_of(
    session: Session,
    ids: dict[str, int],
    as_of: date,
    status: str | None,
    completion: date | None,
    evidence: str | None,
) -> None:
    row = row_of(task_frame(session=session, as_of=as_of), ids["strategy"])
    assert (None if pd.isna(row["reported_status"]) else row["reported_status"]) == status
    expected_completion = None if completion is None else pd.Timestamp(completion)
    assert (None if pd.isna(row["completion_date"]) else row["completion_date"]) == (
        expected_completion
    )
    assert (None if pd.isna(row["evidence"]) else row["evidence"]) == evidence


def test_latest_report_after_undo_deleted_its_rows(session: Session, ids: dict[str, int]) -> None:
    undone = select(ProgressUpdate).join(ImportBatch).where(col(ImportBatch.undone_at).is_not(None))
    for update in session.exec(undone).all():
        session.delete(update)
    session.commit()
    for as_of, evidence in [(date(2026, 3, 29), ""), (date(2026, 6, 1), "QĐ 2")]:
        assert row_of(task_frame(session=session, as_of=as_of), ids["strategy"])["evidence"] == (
            evidence
        )


def test_task_frame_has_one_row_per_task_in_plan_order(
    session: Session, ids: dict[str, int]
) -> None:
    frame = task_frame(session=session, as_of=date(2026, 6, 1))
    assert frame["task_id"].tolist() == list(ids.values())
    strategy = row_of(frame, ids["strategy"])
    assert (strategy["plan_code"], strategy["section_code"], strategy["section_title"]) == (
        "92A/KH-UBND",
        "I",
        "Về thể chế",
    )
    assert bool(strategy["is_illustrative"]) is True
    digitise = row_of(frame, ids["digitise"])
    assert pd.isna(digitise["plan_issued_on"])
    assert digitise["plan_imported_on"] == pd.Timestamp(2026, 1, 15)
    assert bool(row_of(frame, ids["review"])["is_illustrative"]) is False


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        # digitise: its plan says done and gives no issue date; the day the plan was imported
        # (15/1) is never used, so it counts as done on every day.
        (
            date(2026, 1, 10),
            {"strategy": S.IN_PROGRESS, "review": S.IN_PROGRESS, "digitise": S.DONE_ON_TIME},
        ),
        # strategy: due 31/3, reported on 10/4 as completed on 30/3: done on time from 30/3.
        # The day before, its first milestone (31/1, "Dự thảo") has passed unmet.
        (
            date(2026, 3, 29),
            {"strategy": S.MILESTONE_LATE, "review": S.IN_PROGRESS, "digitise": S.DONE_ON_TIME},
        ),
        (
            date(2026, 4, 1),
            {"strategy": S.DONE_ON_TIME, "review": S.IN_PROGRESS, "digitise": S.DONE_ON_TIME},
        ),
        (
            date(2026, 7, 1),
            {"strategy": S.DONE_ON_TIME, "review": S.OVERDUE, "digitise": S.DONE_ON_TIME},
        ),
    ],
)
def test_statuses_through_time(
    session: Session, ids: dict[str, int], as_of: date, expected: dict[str, TaskStatus]
) -> None:
    statuses = filtered_statuses(session=session, filters=TaskFilters(as_of=as_of))
    by_task = dict(zip(statuses["task_id"], statuses["status"], strict=True))
    # "routine" is recurring and never reports: the latest monthly report is always owed
    expected = expected | {"routine": S.RECURRING_NOT_REPORTED, "unclear": S.NO_DEADLINE}
    assert {key: by_task[ids[key]] for key in expected} == expected


# --- filters ---

AS_OF = date(2026, 7, 1)


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (TaskFilters(as_of=AS_OF), ["strategy", "review", "routine", "digitise", "unclear"]),
        (TaskFilters(as_of=AS_OF, plan_codes=("PL-II",)), ["digitise", "unclear"]),
        (TaskFilters(as_of=AS_OF, sections=("II",)), ["routine"]),
        (TaskFilters(as_of=AS_OF, statuses=(S.OVERDUE, S.NO_DEADLINE)), ["review", "unclear"]),
        (
            TaskFilters(as_of=AS_OF, include_recurring=False),
            ["strategy", "review", "digitise", "unclear"],
        ),
        # a due window drops tasks without a due date
        (
            TaskFilters(as_of=AS_OF, due_from=date(2026, 3, 31), due_to=date(2026, 6, 30)),
            ["strategy", "review"],
        ),
        (TaskFilters(as_of=AS_OF, due_to=date(2026, 1, 1)), ["digitise"]),
        # agency and role
        (TaskFilters(as_of=AS_OF, agencies=(SKHCN,)), ["strategy", "routine"]),
        (TaskFilters(as_of=AS_OF, agencies=(HOME_AFFAIRS,)), ["digitise"]),
        (TaskFilters(as_of=AS_OF, agencies=(HOME_AFFAIRS,), role="coordinating"), ["strategy"]),
        (TaskFilters(as_of=AS_OF, agencies=(HOME_AFFAIRS,), role="any"), ["strategy", "digitise"]),
        (TaskFilters(as_of=AS_OF, agencies=(COLLECTIVE, POLICE)), ["strategy", "review"]),
        (
            TaskFilters(as_of=AS_OF, agencies=(SKHCN,), statuses=(S.RECURRING_NOT_REPORTED,)),
            ["routine"],
        ),
    ],
)
def test_filtered_statuses(
    session: Session, ids: dict[str, int], filters: TaskFilters, expected: list[str]
) -> None:
    statuses = filtered_statuses(session=session, filters=filters)
    assert statuses["task_id"].tolist() == [ids[key] for key in expected]


def test_the_indicative_switch_leaves_out_tasks_with_an_indicative_date() -> None:
    # one dated by "Theo hướng dẫn của Bộ … (31/10/2025)", one by a plain date
    statuses = pd.DataFrame(
        {
            "task_id": [1, 2],
            "status": [TaskStatus.OVERDUE, TaskStatus.OVERDUE],
            "due_date": pd.to_datetime(["2025-10-31", "2025-10-31"]),
            "deadline_indicative": [True, False],
        }
    )
    kept = apply_filters(statuses, None, TaskFilters(as_of=AS_OF, include_indicative=False))
    assert kept["task_id"].tolist() == [2]
    assert apply_filters(statuses, None, TaskFilters(as_of=AS_OF))["task_id"].tolist() == [1, 2]


def test_agency_filter_needs_the_links(session: Session, ids: dict[str, int]) -> None:
    statuses = filtered_statuses(session=session, filters=TaskFilters(as_of=AS_OF))
    with pytest.raises(ValueError, match="agency_links"):
        apply_filters(statuses, None, TaskFilters(as_of=AS_OF, agencies=(SKHCN,)))


# --- milestones and sample-data flag ---


def test_milestones_only_for_tasks_with_several(session: Session, ids: dict[str, int]) -> None:
    frame = milestone_frame(session=session)
    assert frame["task_id"].unique().tolist() == [ids["strategy"]]
    assert frame["label"].tolist() == ["Dự thảo", "Ban hành"]
    assert frame["due_date"].tolist() == [pd.Timestamp(2026, 1, 31), pd.Timestamp(2026, 3, 31)]


def test_has_illustrative_data(session: Session, ids: dict[str, int]) -> None:
    assert has_illustrative_data(session=session) is True
    for batch in session.exec(select(ImportBatch)).all():
        batch.is_illustrative = False
    session.commit()
    assert has_illustrative_data(session=session) is False


def test_empty_database_gives_empty_frames(session: Session) -> None:
    statuses = filtered_statuses(session=session, filters=TaskFilters(as_of=AS_OF))
    assert statuses.empty
    assert {"status", "plan_code", "days_overdue"} <= set(statuses)
    assert task_agency_frame(session=session).empty
    assert milestone_frame(session=session).empty


def test_a_plan_without_tasks_gives_an_empty_task_frame(session: Session) -> None:
    session.add(Plan(code="CT-2026", title="Chỉ tiêu 2026"))
    session.commit()
    assert task_frame(session=session, as_of=AS_OF).empty
