"""Build a national-scale synthetic database with the real schema, fast.

    .venv/bin/python -m benchmarks.make_synthetic_db PATH \\
        [--tasks 100000] [--agencies 1000] [--updates 1000000] [--seed 57]

Rows are generated in memory and inserted with SQLAlchemy Core executemany in
chunks, all in one transaction. Deterministic for a given seed. Shapes follow
the seeds: 1-3 lead and 0-3 coordinating agencies per task (1% of agencies are
collective groups), 5% recurring and 3% unparsed deadlines, 2% of tasks marked
done in the plan, 5% with two milestones, reports spread over 2025-2026 (all
illustrative), plus one undone import batch whose rows are gone, as after undo.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Table
from sqlmodel import SQLModel, create_engine

from data_access import kinds
from data_access import models as m
from data_access.schema import upgrade_schema

CHUNK = 20_000
TASKS_PER_PLAN = 1_000
SECTION_CODES = ("I", "II", "III", "IV", "V")
SECTIONS_PER_PLAN = len(SECTION_CODES)
FIRST_DAY = date(2025, 1, 1)
SPAN_DAYS = 3 * 365
REPORT_STATUSES = ("Đang thực hiện", "Đã hoàn thành", "Chưa hoàn thành", "Hoàn thành", "")
Row = dict[str, Any]


def build(path: Path, *, tasks: int, agencies: int, updates: int, seed: int = 57) -> None:
    """Write a fresh SQLite database at ``path`` (replaced if it exists)."""
    path.unlink(missing_ok=True)
    engine = create_engine(f"sqlite:///{path}")
    upgrade_schema(engine)
    rng = random.Random(seed)
    plans = max(1, -(-tasks // TASKS_PER_PLAN))
    with engine.begin() as conn:
        _insert(conn, m.Plan, _plans(plans))
        _insert(conn, m.Section, _sections(plans))
        _insert(conn, m.Agency, _agencies(agencies))
        _insert(conn, m.ImportBatch, _batches())
        _insert(conn, m.Task, _tasks(rng, tasks))
        _insert(conn, m.TaskAgency, _links(rng, tasks, agencies))
        _insert(conn, m.TaskMilestone, _milestones(rng, tasks))
        _insert(conn, m.ProgressUpdate, _updates(rng, tasks, updates))
        _insert(conn, m.Kpi, _kpis(plans, agencies))
        _insert(conn, m.KpiActual, _actuals(rng, plans))
    engine.dispose()


def _insert(conn: Connection, model: type[SQLModel], rows: Iterator[Row]) -> None:
    table: Table = model.__table__  # type: ignore[attr-defined]
    chunk: list[Row] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == CHUNK:
            conn.execute(table.insert(), chunk)
            chunk = []
    if chunk:
        conn.execute(table.insert(), chunk)


def _day(offset: int) -> date:
    return FIRST_DAY + timedelta(days=offset)


def _plans(count: int) -> Iterator[Row]:
    created = datetime(2025, 1, 1, tzinfo=UTC)
    for i in range(1, count + 1):
        issued = _day(i % 365) if i % 4 else None
        yield {
            "id": i,
            "code": f"KH-{i:04d}",
            "title": f"Kế hoạch số {i}",
            "issuing_body": "",
            "issued_on": issued,
            "source_file": "",
            "created_at": created,
        }


def _sections(plans: int) -> Iterator[Row]:
    for plan in range(1, plans + 1):
        for s in range(SECTIONS_PER_PLAN):
            yield {
                "id": (plan - 1) * SECTIONS_PER_PLAN + s + 1,
                "plan_id": plan,
                "code": SECTION_CODES[s],
                "title": f"Mục {s + 1}",
                "position": s,
            }


def _agencies(count: int) -> Iterator[Row]:
    for i in range(1, count + 1):
        collective = i % 100 == 0
        kind = kinds.AgencyKind.COLLECTIVE if collective else kinds.AgencyKind.DEPARTMENT
        yield {
            "id": i,
            "name": f"Cơ quan số {i}",
            "short_name": "",
            "kind": str(kind),
            "is_collective": collective,
        }


def _batches() -> Iterator[Row]:
    for i, (kind, undone) in enumerate([("sample", None), ("progress", datetime.now(UTC))], 1):
        yield {
            "id": i,
            "file_name": f"batch{i}.xlsx",
            "content_hash": str(i),
            "kind": kind,
            "plan_id": None,
            "imported_at": datetime.now(UTC),
            "imported_by": "",
            "task_count": 0,
            "kpi_count": 0,
            "progress_count": 0,
            "problem_count": 0,
            "is_illustrative": i == 1,
            "undone_at": undone,
        }


def _tasks(rng: random.Random, count: int) -> Iterator[Row]:
    for i in range(1, count + 1):
        plan, position = divmod(i - 1, TASKS_PER_PLAN)
        section = position % SECTIONS_PER_PLAN
        roll = rng.random()
        kind = "recurring" if roll < 0.05 else "unparsed" if roll < 0.08 else "date"
        due = _day(rng.randrange(SPAN_DAYS)) if kind == "date" else None
        yield {
            "id": i,
            "plan_id": plan + 1,
            "section_id": plan * SECTIONS_PER_PLAN + section + 1,
            "section_code": SECTION_CODES[section],
            "number": str(position + 1),
            "position": position + 1,
            "name": f"Nhiệm vụ chuyển đổi số số {i}",
            "deadline_text": due.strftime("%d/%m/%Y") if due else "Thường xuyên",
            "due_date": due,
            "deadline_kind": kind,
            "completed_in_source": rng.random() < 0.02,
        }


def _links(rng: random.Random, tasks: int, agencies: int) -> Iterator[Row]:
    for task in range(1, tasks + 1):
        chosen = rng.sample(range(1, agencies + 1), k=min(agencies, 6))
        leads, coordinating = rng.randint(1, 3), rng.randint(0, 3)
        for position, agency in enumerate(chosen[:leads]):
            yield {"task_id": task, "agency_id": agency, "role": "lead", "position": position}
        for position, agency in enumerate(chosen[leads : leads + coordinating]):
            yield {
                "task_id": task,
                "agency_id": agency,
                "role": "coordinating",
                "position": position,
            }


def _milestones(rng: random.Random, tasks: int) -> Iterator[Row]:
    for task in range(1, tasks + 1):
        if rng.random() < 0.05:
            for position in range(2):
                yield {
                    "task_id": task,
                    "due_date": _day(rng.randrange(SPAN_DAYS)),
                    "label": f"Mốc {position + 1}",
                    "position": position,
                }


def _updates(rng: random.Random, tasks: int, count: int) -> Iterator[Row]:
    for _ in range(count):
        reported = _day(180 + rng.randrange(540))
        status = rng.choice(REPORT_STATUSES)
        done = "hoàn thành" in status.lower() and not status.startswith("Chưa")
        yield {
            "task_id": rng.randint(1, tasks),
            "reported_on": reported,
            "status": status,
            "completion_date": reported - timedelta(days=rng.randrange(30)) if done else None,
            "evidence": "Văn bản số 1" if done else "",
            "description": "",
            "evaluation": "",
            "source": "synthetic",
            "import_batch_id": 1,
            "is_illustrative": True,
        }


def _kpis(plans: int, agencies: int) -> Iterator[Row]:
    for i in range(1, plans * 10 + 1):
        yield {
            "id": i,
            "plan_id": (i - 1) // 10 + 1,
            "number": str((i - 1) % 10 + 1),
            "name": f"Chỉ tiêu {i}",
            "target_text": ">80%",
            "target_operator": ">",
            "target_value": 80.0,
            "unit": "%",
            "year": 2026,
            "owner_agency_id": i % agencies + 1,
            "owner_text": "",
            "notes": "",
        }


def _actuals(rng: random.Random, plans: int) -> Iterator[Row]:
    quarters = [("2026-Q1", date(2026, 3, 31)), ("2026-H1", date(2026, 6, 30))]
    for kpi in range(1, plans * 10 + 1):
        for period, end in quarters:
            yield {
                "kpi_id": kpi,
                "period": period,
                "period_end": end,
                "value": round(rng.uniform(50, 100), 1),
                "import_batch_id": 1,
                "is_illustrative": True,
            }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build a synthetic national-scale database.")
    parser.add_argument("path", type=Path)
    parser.add_argument("--tasks", type=int, default=100_000)
    parser.add_argument("--agencies", type=int, default=1_000)
    parser.add_argument("--updates", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=57)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    build(args.path, tasks=args.tasks, agencies=args.agencies, updates=args.updates, seed=args.seed)
    print(f"{args.path}: built in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
