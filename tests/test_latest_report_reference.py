"""latest_report_frame and task_frame against a plain pandas reference on random reports."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

import pandas as pd
import pytest
from sqlmodel import Session, select

from data_access.models import ImportBatch, Plan, ProgressUpdate, Task
from data_access.queries.latest_reports import latest_report_frame
from data_access.queries.tasks import task_base_frame, task_frame

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
