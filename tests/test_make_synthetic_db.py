"""The synthetic database builder and the benchmark's RESULTS.md section writer."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import func
from sqlmodel import Session, col, create_engine, select

from benchmarks.bench_queries import END, START
from benchmarks.make_synthetic_db import build
from benchmarks.results_file import write_section
from data_access import models as m
from data_access.queries.rollups import agency_summary
from data_access.queries.status import compute_statuses
from data_access.queries.statuses import RECURRING_STATUSES
from data_access.queries.tasks import task_agency_frame, task_frame


def test_build_gives_the_requested_sizes_and_a_usable_database(tmp_path: Path) -> None:
    path = tmp_path / "synthetic.sqlite"
    build(path, tasks=1_500, agencies=200, updates=5_000)
    with Session(create_engine(f"sqlite:///{path}")) as session:

        def count(model: type[m.SQLModel]) -> int:
            return session.exec(select(func.count()).select_from(model)).one()

        assert (count(m.Task), count(m.Agency), count(m.ProgressUpdate)) == (1_500, 200, 5_000)
        assert count(m.Plan) == 2
        collective = select(func.count(col(m.Agency.id))).where(col(m.Agency.is_collective))
        assert session.exec(collective).one() == 2
        statuses = compute_statuses(
            task_frame(session=session, as_of=date(2026, 6, 30)), date(2026, 6, 30)
        )
        summary = agency_summary(statuses, task_agency_frame(session=session))
    assert len(statuses) == 1_500
    assert set(statuses["status"]) >= {"done_on_time", "overdue", "in_progress"}
    assert set(statuses["status"]) & {str(s) for s in RECURRING_STATUSES}  # 5% are recurring
    assert summary["total"].sum() >= 1_500  # every task counted at least once


def test_build_is_deterministic(tmp_path: Path) -> None:
    snapshots = []
    for name in ("a.sqlite", "b.sqlite"):
        build(tmp_path / name, tasks=50, agencies=10, updates=100, seed=3)
        with Session(create_engine(f"sqlite:///{tmp_path / name}")) as session:
            rows = session.exec(
                select(m.ProgressUpdate.task_id, m.ProgressUpdate.reported_on)
            ).all()
            snapshots.append(list(rows))
    assert snapshots[0] == snapshots[1]


def test_write_section_keeps_other_sections(tmp_path: Path) -> None:
    results = tmp_path / "RESULTS.md"
    results.write_text(
        "# Benchmark results\n\n<!-- loader:start -->\nloader\n<!-- loader:end -->\n"
    )
    write_section("## Dashboard queries\nfirst", start=START, end=END, results=results)
    write_section("## Dashboard queries\nsecond", start=START, end=END, results=results)
    text = results.read_text()
    assert "<!-- loader:start -->\nloader\n<!-- loader:end -->" in text
    assert text.count(START) == 1 and text.count(END) == 1
    assert "second" in text and "first" not in text
