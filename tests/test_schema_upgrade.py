"""A database written by the previous release upgrades in place and keeps every row.

The previous release is commit af91429: its first run (bootstrap) wrote
tests/databases/release12_sample.sqlite. On PostgreSQL, where that release left no file,
the same rows go into a database made by the base revision, which is that release's
schema (test_schema), and that database is upgraded.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlmodel import Session, select

from data_access.db import get_engine
from data_access.kinds import AgencyKind, AgencyRole, ImportKind
from data_access.models import Account, Agency, ImportBatch, TaskAgency
from data_access.schema import BASE_REVISION, current_revision, head_revision, upgrade_schema
from tests.migration_databases import FOREIGN_KEY_INDEXES, RELEASE_12, NewUrl, upgrade_to
from tests.schema_shape import schema_shape
from tests.table_contents import copy_rows, table_columns, table_contents

# The sample data: five real plans with 119 tasks and 6 KPIs (README), 6 import batches
# (the plans and the progress workbook); the first run keeps no change log (no undo).
SAMPLE_COUNTS = {"plan": 5, "task": 119, "kpi": 6, "importbatch": 6, "importchange": 0}


def _release_copy(tmp_path: Path) -> str:
    copy = tmp_path / "nq57.sqlite"
    shutil.copyfile(RELEASE_12, copy)
    return f"sqlite:///{copy}"


def _previous_release_database(url: str) -> None:
    """``url``'s database as the previous release left it (no alembic_version)."""
    engine = create_engine(url)
    upgrade_to(engine, BASE_REVISION)
    copy_rows(create_engine(f"sqlite:///{RELEASE_12}"), engine)
    with engine.begin() as connection:
        connection.execute(text("DROP TABLE alembic_version"))
    engine.dispose()


def test_a_previous_release_database_keeps_every_row(new_url: NewUrl, tmp_path: Path) -> None:
    url = new_url()
    if url.startswith("sqlite"):
        url = _release_copy(tmp_path)
    else:
        _previous_release_database(url)
    engine = get_engine(url)
    columns = table_columns(engine)
    before = table_contents(engine, columns)
    assert current_revision(engine) is None
    upgrade_schema(engine)
    assert current_revision(engine) == head_revision()
    assert table_contents(engine, columns) == before
    release = create_engine(f"sqlite:///{RELEASE_12}")
    counts = {table: count for table, (count, _digest) in before.items()}
    assert counts == {
        table: count for table, (count, _) in table_contents(release, columns).items()
    }
    assert {table: counts[table] for table in SAMPLE_COUNTS} == SAMPLE_COUNTS
    assert all(counts[table] > 0 for table in counts.keys() - SAMPLE_COUNTS.keys())
    shape = schema_shape(engine)
    for table, index in FOREIGN_KEY_INDEXES.items():
        assert index in shape[table]["indexes"]
    # revision 0003 adds the accounts table, empty: the first administrator is added after
    assert "account" not in before
    with Session(engine) as session:
        assert session.exec(select(Account)).all() == []


def test_an_older_database_gains_the_indexes_it_lacks(tmp_path: Path) -> None:
    """A release before the previous one had no task/report index; starting adds it."""
    url = _release_copy(tmp_path)
    with create_engine(url).begin() as connection:
        connection.execute(text("DROP INDEX ix_progressupdate_task_reported"))
    engine = get_engine(url)
    upgrade_schema(engine)
    with engine.connect() as connection:
        columns = connection.execute(
            text("PRAGMA index_info('ix_progressupdate_task_reported')")
        ).all()
    assert [row[2] for row in columns] == ["task_id", "reported_on"]


def test_enum_columns_of_a_previous_release_read_as_their_members(tmp_path: Path) -> None:
    engine = get_engine(_release_copy(tmp_path))
    upgrade_schema(engine)
    with Session(engine) as session:
        agency_kinds = session.exec(select(Agency.kind)).all()
        roles = set(session.exec(select(TaskAgency.role)).all())
        batch_kinds = set(session.exec(select(ImportBatch.kind)).all())
    assert all(type(kind) is AgencyKind for kind in agency_kinds)
    # the sample's agencies: departments, groups, Sở units and two others (no commune)
    assert set(agency_kinds) == {
        AgencyKind.DEPARTMENT,
        AgencyKind.COLLECTIVE,
        AgencyKind.INTERNAL_UNIT,
        AgencyKind.OTHER,
    }
    assert roles == {AgencyRole.LEAD, AgencyRole.COORDINATING}
    # the five seed plans are the first run's; the progress workbook is a progress import
    assert batch_kinds == {ImportKind.SAMPLE, ImportKind.PROGRESS}
