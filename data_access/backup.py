"""Back the database up to one file and restore it: ``python -m data_access backup|restore``.

- SQLite: the online backup API (``sqlite3.Connection.backup``), in one step: the copy
  is one read transaction of the live file, consistent while the app reads and writes;
  the copy is switched to a rollback journal so it is one self-contained file. A restore
  copies the backup into the live file the same way, in one write transaction that holds
  the database's write lock (the one ``BEGIN IMMEDIATE`` takes, db.py), so no import or
  undo interleaves; it waits WRITE_WAIT_SECONDS for a writer, then says the database is busy.
- PostgreSQL: ``pg_dump --format=custom`` (one snapshot) and ``pg_restore --clean
  --if-exists --single-transaction --no-owner``, run while this process holds a write
  session (the write lock, db.py). The connection goes to them as a libpq URL without the
  password, which travels in PGPASSWORD: never on a command line.

A file is first written beside PATH and renamed onto it, so a failed backup leaves no
half file; a restore refuses a file of the other database's kind, or of neither, and
then changes nothing. Running app processes see a restore through the data revision
(db.data_revision), which includes the latest import's time, not only counts.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, PoolProxiedConnection, func
from sqlmodel import col, select

from data_access.db import session_scope
from data_access.db_errors import LOCKED, DataUnavailableError
from data_access.models import ImportBatch
from data_access.schema import upgrade_schema
from errors import UserFacingError

SQLITE_HEADER = b"SQLite format 3\x00"  # https://sqlite.org/fileformat.html#the_database_header
PG_DUMP_HEADER = b"PGDMP"  # pg_dump's custom format
POSTGRES_BIN_ROOT = Path("/usr/lib/postgresql")  # Debian: one bin/ per installed version
HISTORY_TABLE = str(ImportBatch.__tablename__)  # every backup of this app holds it
_SQLITE_BUSY = frozenset({sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED})
NOT_FOUND = "Không tìm thấy tệp “{path}”; chưa có gì thay đổi."
CANNOT_WRITE = "Không ghi được tệp sao lưu “{path}”; hãy kiểm tra thư mục và quyền ghi."
NOT_A_BACKUP = "Tệp “{path}” không phải bản sao lưu của ứng dụng này; chưa có gì thay đổi."
OTHER_KIND = (
    "Tệp “{path}” là {found}, không khôi phục được vào cơ sở dữ liệu {wanted} đang dùng; "
    "chưa có gì thay đổi."
)
NO_TOOL = "Không tìm thấy lệnh {tool}; hãy cài gói postgresql-client trên máy này."
DUMP_FAILED = "Không sao lưu được cơ sở dữ liệu PostgreSQL; chưa có tệp sao lưu nào được ghi."
RESTORE_FAILED = (
    "Không khôi phục được từ tệp “{path}”; cơ sở dữ liệu vẫn giữ nguyên như trước khi khôi phục."
)
SQLITE, POSTGRESQL = "SQLite", "PostgreSQL"
FILE_KINDS = {SQLITE: "một tệp cơ sở dữ liệu SQLite", POSTGRESQL: "một bản sao lưu PostgreSQL"}
BACKUP_COMMANDS = ("backup", "restore")
BACKED_UP = "Đã sao lưu cơ sở dữ liệu vào “{path}”."
RESTORED = "Đã khôi phục cơ sở dữ liệu từ “{path}”: {count} lần nạp trong lịch sử."


class BackupError(UserFacingError):
    """A backup or restore that could not be done; nothing was changed."""


def add_backup_commands(commands: Any) -> None:
    """The ``backup`` and ``restore`` sub-commands on ``commands`` (argparse's sub-parsers)."""
    save = commands.add_parser("backup", help="sao lưu cơ sở dữ liệu vào một tệp")
    save.add_argument("path", type=Path)
    load = commands.add_parser("restore", help="khôi phục cơ sở dữ liệu từ một tệp sao lưu")
    load.add_argument("path", type=Path)


def run_backup_command(engine: Engine, args: argparse.Namespace) -> int:
    """``backup PATH`` or ``restore PATH``; exit status 0 (a failure raises a UserFacingError)."""
    if args.command == "backup":
        backup(engine=engine, path=args.path)
        print(BACKED_UP.format(path=args.path))
        return 0
    restore(engine=engine, path=args.path)
    with session_scope(engine) as session:
        count = session.exec(select(func.count(col(ImportBatch.id)))).one()
    print(RESTORED.format(path=args.path, count=count))
    return 0


def backup(*, engine: Engine, path: Path) -> None:
    """Write a consistent copy of the database of ``engine`` to ``path``."""
    partial = path.with_name(f".{path.name}.part")
    try:
        if _is_sqlite(engine):
            _sqlite_backup(engine, partial)
        else:
            _pg_dump(engine, partial)
        os.replace(partial, path)
    except (OSError, sqlite3.OperationalError) as error:  # the folder, its rights, the disk
        raise BackupError(CANNOT_WRITE.format(path=path)) from error
    finally:
        partial.unlink(missing_ok=True)


def restore(*, engine: Engine, path: Path) -> None:
    """Replace the database of ``engine`` with the backup at ``path``, or change nothing."""
    wanted = SQLITE if _is_sqlite(engine) else POSTGRESQL
    found = _kind_of(path)
    if found is not None and found != wanted:
        raise BackupError(OTHER_KIND.format(path=path, found=FILE_KINDS[found], wanted=wanted))
    whole = _sqlite_backup_is_whole if wanted == SQLITE else _pg_dump_has_history
    if found is None or not whole(path):
        raise BackupError(NOT_A_BACKUP.format(path=path))
    if wanted == SQLITE:
        _sqlite_restore(engine, path)
    else:
        _pg_restore(engine, path)
    upgrade_schema(engine)  # a backup made before the latest migrations


def _is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def _kind_of(path: Path) -> str | None:
    """SQLITE or POSTGRESQL by the file's first bytes; None for neither."""
    try:
        with path.open("rb") as file:
            head = file.read(len(SQLITE_HEADER))
    except OSError as error:
        raise BackupError(NOT_FOUND.format(path=path)) from error
    if head.startswith(SQLITE_HEADER):
        return SQLITE
    return POSTGRESQL if head.startswith(PG_DUMP_HEADER) else None


# --- SQLite ---


def _sqlite_backup(engine: Engine, partial: Path) -> None:
    with closing(engine.raw_connection()) as live, closing(sqlite3.connect(partial)) as copy:
        _copy(source=_sqlite_of(live), target=copy)
        copy.execute("PRAGMA journal_mode=DELETE")  # one file, no -wal beside it


def _sqlite_restore(engine: Engine, path: Path) -> None:
    saved = sqlite3.connect(_read_only_uri(path), uri=True)
    with closing(saved), closing(engine.raw_connection()) as live:
        _copy(source=saved, target=_sqlite_of(live))


def _copy(*, source: sqlite3.Connection, target: sqlite3.Connection) -> None:
    """Every page in one step (one transaction); a writer holding the lock: LOCKED."""
    source.backup(target, pages=-1, progress=_give_up_when_busy)


def _sqlite_of(pooled: PoolProxiedConnection) -> sqlite3.Connection:
    """The sqlite3 connection of a pooled one, with the engine's busy timeout."""
    connection = pooled.driver_connection
    assert isinstance(connection, sqlite3.Connection)  # only SQLite engines come here
    return connection


def _give_up_when_busy(status: int, _remaining: int, _total: int) -> None:
    """Called after each step; busy means the busy timeout (WRITE_WAIT_SECONDS) ran out."""
    if status in _SQLITE_BUSY:
        raise DataUnavailableError(LOCKED)


def _sqlite_backup_is_whole(path: Path) -> bool:
    """The file passes SQLite's quick check and holds this app's import history."""
    try:
        with closing(sqlite3.connect(_read_only_uri(path), uri=True)) as saved:
            (check,) = saved.execute("PRAGMA quick_check").fetchone()
            tables = {row[0] for row in saved.execute("SELECT name FROM sqlite_master")}
    except sqlite3.DatabaseError:
        return False
    return bool(check == "ok" and HISTORY_TABLE in tables)


def _read_only_uri(path: Path) -> str:
    return f"{path.resolve().as_uri()}?mode=ro"


# --- PostgreSQL ---


def _pg_dump(engine: Engine, partial: Path) -> None:
    command = [_tool("pg_dump"), "--format=custom", f"--file={partial}"]
    _run_tool(engine, command, failure=DUMP_FAILED)


def _pg_restore(engine: Engine, path: Path) -> None:
    command = [_tool("pg_restore"), "--clean", "--if-exists", "--single-transaction",
               "--no-owner", str(path)]  # fmt: skip
    with session_scope(engine, write=True) as session:
        session.connection()  # the write lock, held until pg_restore is done (db.py)
        _run_tool(engine, command, failure=RESTORE_FAILED.format(path=path))


def _pg_dump_has_history(path: Path) -> bool:
    """pg_restore can list the file's contents, and they include this app's import history."""
    listing = subprocess.run(
        [_tool("pg_restore"), "--list", str(path)], capture_output=True, text=True, check=False
    )
    pattern = rf"\bTABLE \S+ {re.escape(HISTORY_TABLE)}\b"
    return listing.returncode == 0 and re.search(pattern, listing.stdout) is not None


def _run_tool(engine: Engine, command: list[str], *, failure: str) -> None:
    """Run a libpq tool on the database of ``engine``; its error is the cause of ``failure``."""
    url = engine.url
    libpq_url = url.set(drivername="postgresql", password=None)
    env = {**os.environ, "PGPASSWORD": url.password} if url.password else None
    command = [*command, f"--dbname={libpq_url.render_as_string(hide_password=False)}"]
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    if done.returncode:
        raise BackupError(failure) from RuntimeError(done.stderr.strip() or done.stdout.strip())


def _tool(name: str) -> str:
    """``name`` on PATH, or from the newest PostgreSQL under POSTGRES_BIN_ROOT."""
    found = shutil.which(name)
    if found:
        return found
    versions = [
        p for p in POSTGRES_BIN_ROOT.glob(f"*/bin/{name}") if p.parent.parent.name.isdigit()
    ]
    if not versions:
        raise BackupError(NO_TOOL.format(tool=name))
    return str(max(versions, key=lambda p: int(p.parent.parent.name)))
