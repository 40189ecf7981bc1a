"""First-run loading of the bundled sample plans and illustrative progress."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine
from sqlmodel import Session, SQLModel, func, select

from data_access.bootstrap import BootstrapError, ensure_sample_data
from data_access.models import ImportBatch, Kpi, KpiActual, Plan, ProgressUpdate, Task
from sample_data.manifest import PROGRESS_WORKBOOK, SAMPLE_DIR, SAMPLE_PLANS
from tests.upload_db import edit_cell


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Engine, bool]:
    """A SQLite file that went through the first run once."""
    path = tmp_path_factory.mktemp("bootstrap") / "nq57.sqlite"
    engine = create_engine(f"sqlite:///{path}")
    return engine, ensure_sample_data(engine)


def _count(engine: Engine, table: type[SQLModel]) -> int:
    with Session(engine) as session:
        return session.exec(select(func.count()).select_from(table)).one()


def _table_counts(engine: Engine) -> dict[str, int]:
    with Session(engine) as session:
        return {
            table.name: session.exec(select(func.count()).select_from(table)).one()
            for table in SQLModel.metadata.sorted_tables
        }


def test_first_run_loads_every_sample_plan(loaded: tuple[Engine, bool]) -> None:
    engine, did_load = loaded
    assert did_load
    with Session(engine) as session:
        codes = session.exec(select(Plan.code).order_by(Plan.id)).all()
    assert codes == [sample.code for sample in SAMPLE_PLANS]
    assert (_count(engine, Task), _count(engine, Kpi)) == (119, 6)


@pytest.mark.parametrize(
    ("code", "tasks"),
    [
        ("PL-II-2026", 29),
        ("KH-92A-UBND", 35),
        ("KH-SKHCN-2025", 20),
        ("DM-BS-2026", 14),
        ("DC-CT-NV-2026", 21),
    ],
)
def test_each_plan_has_its_tasks(loaded: tuple[Engine, bool], code: str, tasks: int) -> None:
    engine, _ = loaded
    with Session(engine) as session:
        count = session.exec(
            select(func.count()).select_from(Task).join(Plan).where(Plan.code == code)
        ).one()
    assert count == tasks


def test_sample_progress_is_flagged_illustrative(loaded: tuple[Engine, bool]) -> None:
    engine, _ = loaded
    with Session(engine) as session:
        updates = session.exec(select(ProgressUpdate)).all()
        actuals = session.exec(select(KpiActual)).all()
        batches = session.exec(select(ImportBatch).order_by(ImportBatch.id)).all()
    assert updates
    assert all(update.is_illustrative for update in updates)
    assert all(actual.is_illustrative for actual in actuals)
    assert [(b.kind, b.is_illustrative) for b in batches] == [("sample", False)] * len(
        SAMPLE_PLANS
    ) + [("progress", True)]


def test_second_run_is_a_no_op(loaded: tuple[Engine, bool]) -> None:
    engine, _ = loaded
    before = _table_counts(engine)
    assert ensure_sample_data(engine) is False
    assert _table_counts(engine) == before


def test_missing_sample_files_fail_in_vietnamese_and_keep_nothing(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'nq57.sqlite'}")
    with pytest.raises(BootstrapError, match="Không"):
        ensure_sample_data(engine, sample_dir=tmp_path / "khong_co")
    assert _count(engine, Plan) == 0
    assert _count(engine, ImportBatch) == 0


def test_a_sample_progress_row_on_no_task_stops_the_first_run_and_keeps_nothing(
    tmp_path: Path,
) -> None:
    """The samples go through the upload's preview: a row it cannot match is refused."""
    for path in [sample.path for sample in SAMPLE_PLANS] + [PROGRESS_WORKBOOK]:
        copy = tmp_path / "samples" / path.relative_to(SAMPLE_DIR)
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_bytes(path.read_bytes())
    progress = tmp_path / "samples" / PROGRESS_WORKBOOK.relative_to(SAMPLE_DIR)
    data = edit_cell(progress.read_bytes(), "Tiến độ", "C4", 999)  # plan PL-II has no task 999
    progress.write_bytes(edit_cell(data, "Tiến độ", "D4", "Nhiệm vụ không có trong kế hoạch"))
    engine = create_engine(f"sqlite:///{tmp_path / 'nq57.sqlite'}")
    with pytest.raises(BootstrapError) as refused:
        ensure_sample_data(engine, sample_dir=tmp_path / "samples")
    assert f"{PROGRESS_WORKBOOK.name} có 1 dòng không khớp" in str(refused.value)
    assert _count(engine, Plan) == 0
    assert _count(engine, ImportBatch) == 0
