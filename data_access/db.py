"""The one way to get an engine and a session, and to create the tables."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

from sqlalchemy import Engine, event, func
from sqlmodel import Session, SQLModel, col, create_engine, select

from data_access import models
from data_access.settings import get_settings


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
    return create_engine(url)


def create_schema(engine: Engine) -> None:
    """Create every table that does not exist yet, and indexes added to existing tables since."""
    SQLModel.metadata.create_all(engine)
    for table in SQLModel.metadata.sorted_tables:
        for index in table.indexes:
            index.create(engine, checkfirst=True)


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """A session that commits when the block ends and rolls back if it raises."""
    session = Session(engine, expire_on_commit=False)
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def data_revision(session: Session) -> str:
    """A cheap token that changes whenever imported data or agency aliases change."""
    batch = models.ImportBatch
    batches = session.exec(
        select(func.count(col(batch.id)), func.max(batch.id), func.max(batch.undone_at))
    ).one()
    alias = models.AgencyAlias
    aliases = session.exec(select(func.count(col(alias.id)), func.max(alias.id))).one()
    return "-".join(str(part) for part in (*batches, *aliases))
