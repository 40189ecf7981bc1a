"""Dashboard queries on a real in-memory SQLite database (see tests/dashboard_db.py)."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

import pandas as pd
import pytest
from sqlmodel import Session, col, select

from data_access.models import ImportBatch, Plan, ProgressUpdate, Task, TaskAgency
from data_access.queries.filters import TaskFilters
from data_access.queries.latest_reports import latest_report_frame
from data_access.queries.statuses import TaskStatus
from data_access.queries.tasks import (
    apply_filters,
    filtered_statuses,
    has_illustrative_data,
    linked_agency_names,
    milestone_frame,
    task_agency_frame,
    task_base_frame,
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


# --- agency links ---


def test_agency_links_keep_roles_and_collective_groups(
    session: Session, ids: dict[str, int]
) -> None:
    links = task_agency_frame(session=session)
    strategy = links[links["task_id"] == ids["strategy"]]
    assert strategy[["agency", "role"]].values.tolist() == [
        [HOME_AFFAIRS, "coordinating"],
        [SKHCN, "lead"],
        [POLICE, "lead"],
    ]
    collective = links[links["agency"] == COLLECTIVE].iloc[0]
    assert (collective["agency_kind"], bool(collective["is_collective"])) == ("collective", True)


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


# --- latest_report_frame against a plain pandas reference on random reports ---


def random_reports(session: Session, seed: int) -> pd.DataFrame:
    """40 tasks, up to 6 reports each on few distinct days (many same-day ties), some undone."""
    rng = random.Random(seed)
    plan = Plan(code=f"R-{seed}", title="Ngẫu nhiên")
    session.add(plan)
    session.flush()
    batches = [
        ImportBatch(file_name=f"b{i}.xlsx", content_hash=str(i), kind="progress") for i in (1, 2)
    ]
    batches[1].undone_at = datetime(2026, 5, 1, tzinfo=UTC)
    tasks = [
        Task(plan_id=plan.id or 0, number=str(n), name=f"Nhiệm vụ {n}", position=n)
        for n in range(40)
    ]
    session.add_all([*batches, *tasks])
    session.flush()
    for task in tasks:
        for _ in range(rng.randint(0, 6)):
            session.add(
                ProgressUpdate(
                    task_id=task.id or 0,
                    reported_on=date(2026, 1, 1) + timedelta(days=rng.choice([0, 10, 10, 40, 90])),
                    status=rng.choice(["Đang thực hiện", "Đã hoàn thành", ""]),
                    completion_date=rng.choice([None, date(2026, 1, 5), date(2026, 2, 1)]),
                    evidence=f"VB {rng.randint(1, 99)}",
                    import_batch_id=rng.choice([None, batches[0].id, batches[1].id]),
                    is_illustrative=rng.random() < 0.5,
                )
            )
    session.commit()
    undone = {batches[1].id}
    rows = session.exec(select(ProgressUpdate)).all()
    return pd.DataFrame([r.model_dump() for r in rows if r.import_batch_id not in undone])


def reference_latest(reports: pd.DataFrame, as_of: date) -> pd.DataFrame:
    """The latest report per task by (reported_on, id), the straightforward way.

    A report counts on ``as_of`` when it was sent by then or says the task was completed
    by then (a completion counts from its own date, whenever its report arrived).
    """
    completed = reports["completion_date"].map(lambda day: day is not None and day <= as_of)
    kept = reports[(reports["reported_on"] <= as_of) | completed]
    kept = kept.sort_values(["reported_on", "id"])
    latest = kept.groupby("task_id").tail(1).sort_values("task_id", ignore_index=True)
    return pd.DataFrame(
        {
            "task_id": latest["task_id"].astype("int64"),
            "reported_status": latest["status"].astype("str"),
            "completion_date": pd.to_datetime(latest["completion_date"]).astype("datetime64[s]"),
            "reported_on": pd.to_datetime(latest["reported_on"]).astype("datetime64[s]"),
            "evidence": latest["evidence"].astype("str"),
            "is_illustrative": latest["is_illustrative"].astype(bool),
        }
    )


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize(
    "as_of",
    [date(2025, 12, 31), date(2026, 1, 5), date(2026, 1, 11), date(2026, 2, 5), date(2026, 6, 1)],
)
def test_latest_report_frame_matches_a_pandas_reference(
    session: Session, seed: int, as_of: date
) -> None:
    reports = random_reports(session, seed)
    found = latest_report_frame(session=session, as_of=as_of)
    found = found.sort_values("task_id", ignore_index=True)
    pd.testing.assert_frame_equal(found, reference_latest(reports, as_of))


def test_task_frame_is_the_base_frame_with_the_latest_reports(
    session: Session, ids: dict[str, int]
) -> None:
    day = date(2026, 4, 10)
    frame = task_frame(session=session, as_of=day)
    assert frame["task_id"].tolist() == task_base_frame(session=session)["task_id"].tolist()
    reports = latest_report_frame(session=session, as_of=day)
    assert set(reports["task_id"]) == set(frame.loc[frame["reported_on"].notna(), "task_id"])
    assert frame["due_date"].dtype == "datetime64[s]"
    assert frame["completed_in_source"].dtype == bool


# --- agency links of one role, and the agencies linked to a task ---


@pytest.mark.parametrize("role", ["lead", "coordinating"])
def test_links_of_one_role_are_those_of_the_full_frame(
    session: Session, ids: dict[str, int], role: str
) -> None:
    everything = task_agency_frame(session=session)
    expected = everything[everything["role"] == role].reset_index(drop=True)
    pd.testing.assert_frame_equal(task_agency_frame(session=session, role=role), expected)


def test_links_of_any_role_are_every_stored_link_once_in_order(
    session: Session, ids: dict[str, int]
) -> None:
    stored = session.exec(select(TaskAgency)).all()
    frame = task_agency_frame(session=session)
    found = list(zip(frame["task_id"], frame["role"], frame["position"], strict=True))
    assert found == sorted((link.task_id, link.role, link.position) for link in stored)
    assert set(frame["role"]) == {"lead", "coordinating"}


def test_linked_agency_names(session: Session, ids: dict[str, int]) -> None:
    assert sorted(linked_agency_names(session=session)) == sorted(
        {SKHCN, POLICE, HOME_AFFAIRS, COLLECTIVE}
    )
