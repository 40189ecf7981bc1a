"""The two databases every data-layer, import, status and page test runs on.

A test module opts in with ``pytestmark = ON_BOTH_DATABASES`` (or by using the ``session``,
``sample_url`` or ``sample_copy_url`` fixtures, which are parametrised the same way): the
``database`` fixture then makes ``fresh_engine()`` hand out a new database of that kind.
SQLite is an in-memory database; PostgreSQL a new database on the session's server,
copied from a template that already has the tables and dropped after the test.
Outside such a test, ``fresh_engine()`` is SQLite.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import pytest
from sqlalchemy import Engine, create_engine
from sqlalchemy.pool import StaticPool

from data_access.schema import upgrade_schema
from tests.postgres import PostgresServer

SQLITE, POSTGRESQL = "sqlite", "postgresql"
BACKENDS = (SQLITE, POSTGRESQL)
ON_BOTH_DATABASES = pytest.mark.usefixtures("database")


@dataclass
class Database:
    """One kind of database; on PostgreSQL, the server and a template with the tables."""

    kind: str
    server: PostgresServer | None = None
    schema_template: str = ""
    made: list[tuple[Engine, str]] = field(default_factory=list)

    def fresh_engine(self) -> Engine:
        """An engine on a new database with every table and no rows."""
        if self.server is None:
            engine = create_engine("sqlite://", poolclass=StaticPool)
            upgrade_schema(engine)
            return engine
        url = self.server.create_database(template=self.schema_template)
        engine = create_engine(url)
        self.made.append((engine, url))
        return engine

    def fresh_url(self, sqlite_path: str) -> str:
        """The URL of a new empty database: the SQLite file ``sqlite_path``, or on the server."""
        if self.server is None:
            engine = create_engine(f"sqlite:///{sqlite_path}")
            upgrade_schema(engine)
            engine.dispose()
            return f"sqlite:///{sqlite_path}"
        url = self.server.create_database(template=self.schema_template)
        self.made.append((create_engine(url), url))
        return url

    def drop_made(self) -> None:
        for engine, url in self.made:
            engine.dispose()
            if self.server is not None:
                self.server.drop_database(url)
        self.made.clear()


_SQLITE = Database(SQLITE)
_current: list[Database] = [_SQLITE]


@contextmanager
def using(database: Database) -> Iterator[Database]:
    """``fresh_engine()`` hands out databases of this kind inside the block."""
    _current.append(database)
    try:
        yield database
    finally:
        _current.pop()
        database.drop_made()


def fresh_engine() -> Engine:
    """An empty database with the tables, of the kind the running test asked for."""
    return _current[-1].fresh_engine()


def schema_template(server: PostgresServer) -> str:
    """A database on ``server`` with every table and no rows, to copy; returns its name."""
    url = server.create_database()
    engine = create_engine(url)
    upgrade_schema(engine)
    engine.dispose()
    name = url.rsplit("/", 1)[-1]
    return name
