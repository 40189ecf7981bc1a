"""Migrations: the newest revision is models.py, the base one the schema before migrations,
and starting (app, command line, two processes at once) brings any database up to date."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, text
from sqlmodel import SQLModel

from data_access.db import get_engine
from data_access.schema import (
    BASE_REVISION,
    current_revision,
    head_revision,
    locked_connection,
    upgrade_schema,
)
from tests.data_access_cli import OK, REPO_ROOT, run_data_access
from tests.migration_databases import (
    FOREIGN_KEY_INDEXES,
    RELEASE_12,
    NewUrl,
    models_engine,
    upgrade_to,
)
from tests.postgres import wait_for_write_lock_waiters
from tests.schema_shape import schema_shape
from tests.table_contents import copy_rows, table_columns, table_contents

SUBMISSION_TABLES = ("evidencefile", "submission")  # revision 0004
REFERENCE_DOCUMENT = "reference_document"  # revision 0005: task's column
HEAD = "0005"  # a task's reference document
WAIT_SECONDS = 120  # deadline for processes to reach the lock; never a pass/fail timing


def test_the_head_revision_is_the_newest_migration() -> None:
    assert (BASE_REVISION, head_revision()) == ("0001", HEAD)


# --- what the migrations make ---


def test_a_new_database_gets_exactly_the_schema_of_models_py(new_url: NewUrl) -> None:
    engine = get_engine(new_url())
    upgrade_schema(engine)
    assert current_revision(engine) == HEAD
    assert schema_shape(engine) == schema_shape(models_engine(new_url()))
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), SQLModel.metadata)
    assert differences == []  # what `alembic check` reports


def test_the_base_revision_is_models_py_without_the_later_revisions(new_url: NewUrl) -> None:
    """The schema create_schema made before migrations: models.py less revisions 0002-0005."""
    base = get_engine(new_url())
    upgrade_to(base, BASE_REVISION)
    reference = models_engine(new_url())
    with reference.begin() as connection:
        for name, _columns, _unique in FOREIGN_KEY_INDEXES.values():
            connection.execute(text(f"DROP INDEX {name}"))
        for table in SUBMISSION_TABLES:
            connection.execute(text(f"DROP TABLE {table}"))
        connection.execute(text("DROP TABLE account"))
        connection.execute(text(f"ALTER TABLE task DROP COLUMN {REFERENCE_DOCUMENT}"))
    assert schema_shape(base) == schema_shape(reference)


def test_the_base_revision_is_the_schema_the_previous_release_made(tmp_path: Path) -> None:
    base = get_engine(f"sqlite:///{tmp_path / 'base.sqlite'}")
    upgrade_to(base, BASE_REVISION)
    assert schema_shape(base) == schema_shape(create_engine(f"sqlite:///{RELEASE_12}"))


def test_revision_0002_adds_an_index_to_each_foreign_key_that_had_none(new_url: NewUrl) -> None:
    engine = get_engine(new_url())
    upgrade_to(engine, BASE_REVISION)
    before = schema_shape(engine)
    upgrade_to(engine, "0002")
    after = schema_shape(engine)
    for table, index in FOREIGN_KEY_INDEXES.items():
        assert after[table]["indexes"] == sorted([*before[table]["indexes"], index])
    assert {t: s for t, s in after.items() if t not in FOREIGN_KEY_INDEXES} == {
        t: s for t, s in before.items() if t not in FOREIGN_KEY_INDEXES
    }


def test_revision_0003_adds_the_accounts_table_and_changes_nothing_else(new_url: NewUrl) -> None:
    engine = get_engine(new_url())
    upgrade_to(engine, "0002")
    before = schema_shape(engine)
    upgrade_to(engine, "0003")
    after = schema_shape(engine)
    assert after.keys() - before.keys() == {"account"}
    assert after["account"]["indexes"] == [
        ("ix_account_agency_id", ("agency_id",), False),
        ("ix_account_username", ("username",), True),
    ]
    assert {t: s for t, s in after.items() if t != "account"} == before


def test_revision_0004_adds_the_submission_tables_and_keeps_every_row(new_url: NewUrl) -> None:
    """A database at 0003 with the sample's rows and an account keeps them all."""
    engine = get_engine(new_url())
    upgrade_to(engine, "0003")
    copy_rows(create_engine(f"sqlite:///{RELEASE_12}"), engine)
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO account (username, display_name, role, is_disabled, "
                "failed_attempts, created_at) VALUES ('qt', 'Quản trị', 'admin', false, 0, "
                "'2026-11-30 08:00:00+00:00')"
            )
        )
    columns = table_columns(engine)
    before, shape = table_contents(engine, columns), schema_shape(engine)
    upgrade_to(engine, "0004")
    after = schema_shape(engine)
    assert after.keys() - shape.keys() == set(SUBMISSION_TABLES)
    assert after["submission"]["indexes"] == [
        (f"ix_submission_{column}", (column,), False)
        for column in (
            "agency_id",
            "import_batch_id",
            "progress_update_id",
            "reviewed_by",
            "state",
            "submitted_by",
            "task_id",
        )
    ]
    assert {t: s for t, s in after.items() if t not in SUBMISSION_TABLES} == shape
    assert table_contents(engine, columns) == before
    assert before["account"][0] == 1 and before["task"][0] == 119


# --- on start ---


def test_an_up_to_date_database_is_only_read(new_url: NewUrl) -> None:
    """Another writer holding the lock does not hold up a start that has nothing to do."""
    engine = get_engine(new_url())
    upgrade_schema(engine)
    with locked_connection(engine):
        upgrade_schema(engine)  # would wait for the lock (and fail on SQLite) if it wrote
    assert current_revision(engine) == HEAD


def test_the_upgrade_command_says_from_which_revision_to_which(tmp_path: Path) -> None:
    copy = tmp_path / "nq57.sqlite"
    copy.write_bytes(RELEASE_12.read_bytes())
    url = f"sqlite:///{copy}"
    first, second = run_data_access(url, "upgrade"), run_data_access(url, "upgrade")
    assert (first.returncode, first.stderr) == (OK, "")
    assert first.stdout == (
        f"Đã nâng cấu trúc cơ sở dữ liệu từ phiên bản chưa đánh số lên {HEAD}.\n"
    )
    assert (second.returncode, second.stderr) == (OK, "")
    assert second.stdout == (
        f"Cấu trúc cơ sở dữ liệu đã ở phiên bản mới nhất ({HEAD}); không có gì thay đổi.\n"
    )


def test_other_commands_upgrade_first(tmp_path: Path) -> None:
    copy = tmp_path / "nq57.sqlite"
    copy.write_bytes(RELEASE_12.read_bytes())
    assert run_data_access(f"sqlite:///{copy}", "history", "--limit", "1").returncode == OK
    assert current_revision(get_engine(f"sqlite:///{copy}")) == HEAD


def test_processes_starting_together_on_a_new_database_migrate_it_once(new_url: NewUrl) -> None:
    """Each start migrates holding the write lock: the first creates, the others find it done.

    On PostgreSQL the test holds the lock until every process waits for it, so they all
    try at the same moment; SQLite cannot show who waits, so there they simply start
    together.
    """
    url = new_url()
    engine = get_engine(url)
    if engine.dialect.name == "sqlite":
        results = _finish(_start_upgrades(url, 3))
    else:
        with locked_connection(engine) as holding:
            processes = _start_upgrades(url, 2)
            wait_for_write_lock_waiters(holding, len(processes))
            holding.rollback()  # nothing written: let them all go at once
        results = _finish(processes)
    assert [(code, err) for code, _out, err in results] == [(OK, "")] * len(results)
    assert current_revision(engine) == HEAD
    assert schema_shape(engine) == schema_shape(models_engine(new_url()))


def _start_upgrades(url: str, count: int) -> list[subprocess.Popen[str]]:
    env = {**os.environ, "DATABASE_URL": url, "PYTHONIOENCODING": "utf-8"}
    return [
        subprocess.Popen(
            [sys.executable, "-m", "data_access", "upgrade"],
            cwd=REPO_ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(count)
    ]


def _finish(processes: list[subprocess.Popen[str]]) -> list[tuple[int, str, str]]:
    results = []
    for process in processes:
        out, err = process.communicate(timeout=WAIT_SECONDS)
        results.append((process.returncode, out, err))
    return results
