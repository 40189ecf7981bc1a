"""``python -m data_access backup|restore``, run as IT staff would, on SQLite and PostgreSQL.

A restore brings back every table as it was at backup time, the import history
included; a file of the other database's kind, or of neither, is refused with one
sentence and changes nothing; the data revision the app's caches follow differs after
a restore, even when the counts it saw come back. A backup taken during another
process's write holds the state before it; a restore during one waits, then says so.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from data_access.db import data_revision, get_engine, session_scope
from data_access.models import ImportBatch
from data_access.schema import current_revision, head_revision
from tests.backends import POSTGRESQL, SQLITE
from tests.data_access_cli import FAILED, OK, run_data_access, sentence_and_log
from tests.migration_databases import RELEASE_12
from tests.postgres import PostgresServer
from tests.upload_db import PLAN_CODE, TASKS, dump, edit_cell, plan_file

Tables = dict[str, list[tuple[Any, ...]]]
NAMES = {SQLITE: "SQLite", POSTGRESQL: "PostgreSQL"}  # as the sentences name them


@pytest.fixture(scope="module")
def backups(
    tmp_path_factory: pytest.TempPathFactory,
    sample_file: Path,
    postgres: PostgresServer,
    postgres_sample: str,
) -> Iterator[dict[str, Path]]:
    """A backup of the sample database made by the command on each kind, by kind."""
    folder = tmp_path_factory.mktemp("backups")
    shutil.copyfile(sample_file, folder / "nq57.sqlite")
    server_copy = postgres.create_database(template=postgres_sample)
    urls = {SQLITE: f"sqlite:///{folder / 'nq57.sqlite'}", POSTGRESQL: server_copy}
    made = {SQLITE: folder / "sqlite.backup", POSTGRESQL: folder / "postgresql.backup"}
    for kind, path in made.items():
        run = run_data_access(urls[kind], "backup", path)
        assert run.returncode == OK, run.stderr
    yield made
    get_engine(server_copy).dispose()
    postgres.drop_database(server_copy)


def _kind(url: str) -> str:
    return SQLITE if url.startswith("sqlite") else POSTGRESQL


def _tables(url: str) -> Tables:
    return dump(get_engine(url), with_history=True)


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def _import_plan(url: str, folder: Path, data: bytes | None = None) -> None:
    path = _write(folder, "ke_hoach.xlsx", plan_file() if data is None else data)
    run = run_data_access(url, "import", path, "--plan", PLAN_CODE)
    assert run.returncode == OK, run.stderr


def _backup(url: str, path: Path) -> None:
    run = run_data_access(url, "backup", path)
    assert run.returncode == OK, run.stderr
    assert run.stdout == f"Đã sao lưu cơ sở dữ liệu vào “{path}”.\n"
    assert run.stderr == ""


def _restore(url: str, path: Path, imports: int) -> None:
    run = run_data_access(url, "restore", path)
    assert run.returncode == OK, run.stderr
    assert (
        run.stdout == f"Đã khôi phục cơ sở dữ liệu từ “{path}”: {imports} lần nạp trong lịch sử.\n"
    )


# --- a restore brings back what was backed up ---


def test_a_restore_undoes_a_later_import(sample_copy_url: str, tmp_path: Path) -> None:
    saved = tmp_path / "nq57.backup"
    _backup(sample_copy_url, saved)
    at_backup = _tables(sample_copy_url)
    _import_plan(sample_copy_url, tmp_path)
    assert len(_tables(sample_copy_url)["importbatch"]) == len(at_backup["importbatch"]) + 1

    _restore(sample_copy_url, saved, imports=len(at_backup["importbatch"]))
    assert _tables(sample_copy_url) == at_backup


def test_a_restore_brings_back_an_undone_import(sample_copy_url: str, tmp_path: Path) -> None:
    _import_plan(sample_copy_url, tmp_path)
    saved = tmp_path / "nq57.backup"
    _backup(sample_copy_url, saved)
    at_backup = _tables(sample_copy_url)
    undo = run_data_access(sample_copy_url, "undo")
    assert undo.returncode == OK, undo.stderr
    assert _tables(sample_copy_url)["task"] != at_backup["task"]

    _restore(sample_copy_url, saved, imports=len(at_backup["importbatch"]))
    assert _tables(sample_copy_url) == at_backup


def test_a_file_imported_after_the_backup_imports_again_after_a_restore(
    sample_copy_url: str, tmp_path: Path
) -> None:
    saved = tmp_path / "nq57.backup"
    _backup(sample_copy_url, saved)
    at_backup = _tables(sample_copy_url)
    _import_plan(sample_copy_url, tmp_path)
    _restore(sample_copy_url, saved, imports=len(at_backup["importbatch"]))

    _import_plan(sample_copy_url, tmp_path)  # not "already imported": that history is gone
    again = _tables(sample_copy_url)
    assert len(again["importbatch"]) == len(at_backup["importbatch"]) + 1
    assert len(again["task"]) == len(at_backup["task"]) + len(TASKS)


# --- the app notices a restore ---


def test_a_restore_and_a_new_import_give_a_new_revision(
    sample_copy_url: str, tmp_path: Path
) -> None:
    """Batch ids and counts come back after a restore; the app must still see new data."""
    saved = tmp_path / "nq57.backup"
    _backup(sample_copy_url, saved)
    _import_plan(sample_copy_url, tmp_path)
    seen = _revision(sample_copy_url)
    _restore(sample_copy_url, saved, imports=len(_tables(sample_copy_url)["importbatch"]) - 1)
    renamed = edit_cell(plan_file(), "Nhiệm vụ", "B5", "Xây dựng Đề án chuyển đổi số của tỉnh")
    _import_plan(sample_copy_url, tmp_path, renamed)
    assert _revision(sample_copy_url) != seen


def _revision(url: str) -> str:
    with session_scope(get_engine(url)) as session:
        return data_revision(session)


# --- refused files change nothing ---


def _foreign_sqlite(folder: Path) -> Path:
    """A sound SQLite database of another application."""
    path = folder / "khac.sqlite"
    with closing(sqlite3.connect(path)) as other:
        other.execute("CREATE TABLE note (text TEXT)")
        other.commit()
    return path


def test_a_backup_of_the_other_kind_is_refused(
    sample_copy_url: str, backups: dict[str, Path]
) -> None:
    kind = _kind(sample_copy_url)
    other = backups[POSTGRESQL if kind == SQLITE else SQLITE]
    found = "một bản sao lưu PostgreSQL" if kind == SQLITE else "một tệp cơ sở dữ liệu SQLite"
    assert _refused(sample_copy_url, other) == (
        f"Tệp “{other}” là {found}, không khôi phục được vào cơ sở dữ liệu {NAMES[kind]} "
        "đang dùng; chưa có gì thay đổi."
    )


def _refused(url: str, path: Path) -> str:
    """The sentence of a refused restore of ``path``, after checking that nothing changed."""
    before = _tables(url)
    run = run_data_access(url, "restore", path)
    assert run.returncode == FAILED
    assert _tables(url) == before
    return sentence_and_log(run.stderr)[0]


def _not_a_backup(path: Path) -> str:
    return f"Tệp “{path}” không phải bản sao lưu của ứng dụng này; chưa có gì thay đổi."


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("ke_hoach.xlsx", plan_file()),  # a workbook sent to the wrong command
        ("rong.backup", b""),
        ("ghi_chu.txt", "Sao lưu ngày 06/12/2026".encode()),
    ],
)
def test_a_file_of_neither_kind_is_refused(
    sample_copy_url: str, tmp_path: Path, name: str, data: bytes
) -> None:
    path = _write(tmp_path, name, data)
    assert _refused(sample_copy_url, path) == _not_a_backup(path)


def test_a_cut_backup_of_the_right_kind_is_refused(
    sample_copy_url: str, tmp_path: Path, backups: dict[str, Path]
) -> None:
    whole = backups[_kind(sample_copy_url)].read_bytes()
    path = _write(tmp_path, "cut.backup", whole[: len(whole) // 2])
    assert _refused(sample_copy_url, path) == _not_a_backup(path)


def test_a_postgresql_restore_that_fails_partway_changes_nothing(
    postgres: PostgresServer, postgres_sample: str, tmp_path: Path, backups: dict[str, Path]
) -> None:
    """The file's table of contents is whole, so it passes the check before the restore; a
    data block is damaged, so pg_restore fails after it has begun (the tables already dropped,
    --clean): its single transaction rolls back, and a later import is still there."""
    url = postgres.create_database(template=postgres_sample)
    try:
        _import_plan(url, tmp_path)
        whole = bytearray(backups[POSTGRESQL].read_bytes())
        middle = len(whole) * 4 // 5  # past the table of contents (the first ~60 %), in the data
        whole[middle : middle + 256] = bytes(b ^ 0xFF for b in whole[middle : middle + 256])
        path = _write(tmp_path, "hong.backup", bytes(whole))
        assert _refused(url, path) == (
            f"Không khôi phục được từ tệp “{path}”; "
            "cơ sở dữ liệu vẫn giữ nguyên như trước khi khôi phục."
        )
    finally:
        get_engine(url).dispose()
        postgres.drop_database(url)


def test_a_sqlite_database_of_another_app_is_refused(tmp_path: Path, sample_file: Path) -> None:
    copy = tmp_path / "nq57.sqlite"
    shutil.copyfile(sample_file, copy)
    path = _foreign_sqlite(tmp_path)
    assert _refused(f"sqlite:///{copy}", path) == _not_a_backup(path)


# --- consistency while the app writes ---


@pytest.fixture
def scratch_url(
    sample_copy_url: str, tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[str]:
    """An empty database of the same kind as ``sample_copy_url``, to restore into."""
    if _kind(sample_copy_url) == SQLITE:
        yield f"sqlite:///{tmp_path / 'thu.sqlite'}"
        return
    server: PostgresServer = request.getfixturevalue("postgres")
    url = server.create_database()
    yield url
    get_engine(url).dispose()
    server.drop_database(url)


def test_a_backup_taken_during_a_write_holds_the_state_before_it(
    sample_copy_url: str, scratch_url: str, tmp_path: Path
) -> None:
    before = _tables(sample_copy_url)
    saved = tmp_path / "nq57.backup"
    with session_scope(get_engine(sample_copy_url), write=True) as session:
        session.add(ImportBatch(file_name="dang_ghi.xlsx", content_hash="0" * 64, kind="plan"))
        session.flush()  # written and not committed: this process holds the write lock
        _backup(sample_copy_url, saved)  # another process, not kept waiting by the writer
    assert len(_tables(sample_copy_url)["importbatch"]) == len(before["importbatch"]) + 1

    _restore(scratch_url, saved, imports=len(before["importbatch"]))  # into a new database
    assert _tables(scratch_url) == before


def test_a_restore_during_a_write_waits_then_says_the_database_is_busy(
    sample_copy_url: str, backups: dict[str, Path]
) -> None:
    url = sample_copy_url
    with session_scope(get_engine(url), write=True) as session:
        session.add(ImportBatch(file_name="dang_ghi.xlsx", content_hash="0" * 64, kind="plan"))
        session.flush()  # the write lock, held by this process until the block ends
        before = _tables(url)
        run = run_data_access(
            url, "restore", backups[_kind(url)], DATABASE_WRITE_WAIT_SECONDS="0.5"
        )
    assert run.returncode == FAILED
    assert sentence_and_log(run.stderr)[0] == (
        "Đang có một thao tác ghi khác vào cơ sở dữ liệu; hãy thử lại sau ít giây. "
        "Chưa có gì thay đổi."
    )
    after = _tables(url)  # the write went through, the restore changed nothing
    earlier = before.pop("importbatch")
    added = [row for row in after.pop("importbatch") if row not in earlier]
    assert [row[1] for row in added] == ["dang_ghi.xlsx"]  # (id, file_name, …)
    assert after == before


def test_a_backup_made_before_the_migrations_is_restored_then_upgraded(tmp_path: Path) -> None:
    """The previous release's database file is a backup of it, as IT staff would have kept."""
    with closing(sqlite3.connect(RELEASE_12)) as saved:
        (imports,) = saved.execute("SELECT count(*) FROM importbatch").fetchone()
    url = f"sqlite:///{tmp_path / 'nq57.sqlite'}"
    _restore(url, RELEASE_12, imports=imports)
    assert current_revision(get_engine(url)) == head_revision()
