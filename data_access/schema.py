"""The database schema, made and kept current by the Alembic migrations in ``migrations/``.

Every schema change is a revision there (README, "Thay đổi cấu trúc cơ sở dữ liệu").
``upgrade_schema`` runs on every start (app, first-run bootstrap, command line): a new
database is created by the migrations, one made before them (tables, no
``alembic_version``) is taken over by the base revision and upgraded, a current one is
only read. Migrating holds the database's write lock, so two processes starting at once
migrate one after the other and the second finds nothing left to do.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from data_access.db import WRITE_OPTION

MIGRATIONS = "data_access:migrations"
BASE_REVISION = "0001"


def migration_config(connection: Connection | None = None) -> Config:
    """Alembic's configuration, in code; ``connection``: the migrations run on it."""
    config = Config()
    config.set_main_option("script_location", MIGRATIONS)
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The newest revision in ``migrations/versions``."""
    head = ScriptDirectory.from_config(migration_config()).get_current_head()
    assert head is not None  # the base revision always exists
    return head


def current_revision(engine: Engine) -> str | None:
    """The revision ``engine``'s database is at; None before any migration ran on it."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade_schema(engine: Engine) -> None:
    """Bring the database to the newest revision; a current database costs one read."""
    if current_revision(engine) == head_revision():
        return
    with locked_connection(engine) as connection:  # the revision is read again under the lock
        command.upgrade(migration_config(connection), "head")


@contextmanager
def locked_connection(engine: Engine) -> Iterator[Connection]:
    """One transaction holding the write lock: BEGIN IMMEDIATE on SQLite, an advisory lock
    on PostgreSQL; committed when the block ends, rolled back if it raises."""
    with engine.execution_options(**{WRITE_OPTION: True}).begin() as connection:
        yield connection
