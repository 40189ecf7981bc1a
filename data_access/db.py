"""The one way to get an engine and a session (the tables: data_access.schema).

Writes are serialised per database: a session opened with ``write=True`` holds the
database's write lock before it reads anything it will change, and a second writer
(another thread, process or app server) waits up to WRITE_WAIT_SECONDS instead of acting
on what the first is replacing; then it gets db_errors.LOCKED, never a lost update.
- SQLite: the session starts with ``BEGIN IMMEDIATE``; reads run in WAL mode, so they
  never wait for a writer and a writer never waits for them; every session is one
  transaction (``BEGIN``).
- PostgreSQL: the session's transaction first takes the advisory lock WRITE_LOCK_KEY
  (``pg_advisory_xact_lock``, released at commit or rollback, also when the process
  dies), under ``lock_timeout``. Reads never take it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, Engine, event, func
from sqlmodel import Session, col, create_engine, select

from data_access import models
from data_access.settings import get_settings
from loaders.limits import WRITE_WAIT_SECONDS

WRITE_OPTION = "nq57_write"  # execution option of the connections of a write session
WRITE_LOCK_KEY = 5_705_700  # PostgreSQL advisory lock held by every write transaction


@event.listens_for(Engine, "connect")
def _enable_sqlite_foreign_keys(dbapi_connection: Any, _record: Any) -> None:
    """SQLite ignores foreign keys unless asked, per connection; other databases enforce them."""
    if isinstance(dbapi_connection, sqlite3.Connection):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()


def get_engine(url: str | None = None) -> Engine:
    """The engine for ``url`` (default: the configured DATABASE_URL), one per URL."""
    return _engine_for(url or get_settings().database_url)


@lru_cache(maxsize=8)
def _engine_for(url: str) -> Engine:
    if not url.startswith("sqlite"):
        engine = create_engine(url, pool_pre_ping=True)
        event.listen(engine, "begin", _server_begin)
        return engine
    engine = create_engine(url, connect_args={"timeout": WRITE_WAIT_SECONDS})
    event.listen(engine, "connect", _sqlite_connected)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def _sqlite_connected(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    """Transactions are begun by ``_sqlite_begin`` (SQLAlchemy's recipe); WAL when writable."""
    dbapi_connection.isolation_level = None
    with suppress(sqlite3.OperationalError):  # a read-only file keeps its mode; writes say so
        dbapi_connection.execute("PRAGMA journal_mode=WAL")


def _sqlite_begin(connection: Connection) -> None:
    write = connection.get_execution_options().get(WRITE_OPTION, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def _server_begin(connection: Connection) -> None:
    """A write transaction on a server database waits for, then holds, the write lock."""
    if connection.get_execution_options().get(WRITE_OPTION, False):
        connection.exec_driver_sql(f"SET LOCAL lock_timeout = '{WRITE_WAIT_SECONDS}s'")
        connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")


@contextmanager
def session_scope(engine: Engine, *, write: bool = False) -> Iterator[Session]:
    """A session that commits when the block ends and rolls back if it raises.

    ``write``: the session writes; on SQLite it takes the write lock first (see above).
    """
    bind = engine.execution_options(**{WRITE_OPTION: True}) if write else engine
    session = Session(bind, expire_on_commit=False)
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def data_revision(session: Session) -> str:
    """A cheap token that changes whenever imported data or agency aliases change.

    The latest import's time is part of it: a restore (data_access.backup) to an earlier
    state followed by a new import reuses the batch ids and counts the app last saw.
    """
    batch = models.ImportBatch
    batches = session.exec(
        select(
            func.count(col(batch.id)),
            func.max(batch.id),
            func.max(batch.imported_at),
            func.max(batch.undone_at),
        )
    ).one()
    alias = models.AgencyAlias
    aliases = session.exec(select(func.count(col(alias.id)), func.max(alias.id))).one()
    return "-".join(str(part) for part in (*batches, *aliases))
