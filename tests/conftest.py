"""Shared fixtures: real .xlsx/.docx files in tmp_path, and the sample database.

The bundled sample data is bootstrapped once per test session into a SQLite
file (``sample_url``, read only); tests that write get their own copy of it
(``sample_copy_url``). The query tests use ``session`` on an in-memory database
and ``ids``, the small sample of ``tests.dashboard_db`` filled into it.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from hypothesis import HealthCheck, settings
from sqlalchemy import create_engine
from sqlmodel import Session

from data_access.bootstrap import ensure_sample_data
from data_access.db import get_engine
from tests.backends import BACKENDS, POSTGRESQL, SQLITE, Database, schema_template, using
from tests.dashboard_db import fill
from tests.migration_databases import NewUrl
from tests.postgres import PostgresServer, postgres_server
from tests.upload_db import workbook

Rows = Sequence[Sequence[Any]]

# Property tests judge results, never time: hypothesis's per-example deadline and its
# "too slow" health check are wall-clock asserts that fail on a busy machine.
settings.register_profile("behaviour", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("behaviour")


@pytest.fixture
def make_xlsx(tmp_path: Path) -> Callable[..., Path]:
    """Write sheets of rows to an .xlsx; ``formats`` maps (sheet, "B5") to a number format."""

    def build(
        sheets: dict[str, Rows],
        name: str = "book.xlsx",
        formats: dict[tuple[str, str], str] | None = None,
    ) -> Path:
        path = tmp_path / name
        path.write_bytes(workbook(sheets, formats))
        return path

    return build


@pytest.fixture
def make_docx(tmp_path: Path) -> Callable[..., Path]:
    """Write tables to a .docx; ``merges`` lists (table, row, col, to row, to col) to merge."""

    def build(
        tables: Sequence[Rows],
        name: str = "plan.docx",
        title: str = "",
        merges: Sequence[tuple[int, int, int, int, int]] = (),
    ) -> Path:
        document = Document()
        if title:
            document.add_paragraph(title)
        for rows in tables:
            table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            for r, row in enumerate(rows):
                for c, value in enumerate(row):
                    table.cell(r, c).text = "" if value is None else str(value)
            document.add_paragraph("")
        for t, row, col, to_row, to_col in merges:
            table = document.tables[t]
            keep = table.cell(row, col).text
            table.cell(row, col).merge(table.cell(to_row, to_col)).text = keep
        path = tmp_path / name
        document.save(path)
        return path

    return build


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """A real PostgreSQL server for the whole run (tests.postgres)."""
    with postgres_server() as server:
        yield server


@pytest.fixture(scope="session")
def postgres_schema(postgres: PostgresServer) -> str:
    """A database on the server with every table and no rows, copied by ``database``."""
    return schema_template(postgres)


@pytest.fixture(params=BACKENDS)
def database(request: pytest.FixtureRequest) -> Iterator[Database]:
    """Each kind of database in turn; ``tests.backends.fresh_engine()`` follows it."""
    if request.param == SQLITE:
        chosen = Database(SQLITE)
    else:
        server = request.getfixturevalue("postgres")
        chosen = Database(POSTGRESQL, server, request.getfixturevalue("postgres_schema"))
    with using(chosen):
        yield chosen


@pytest.fixture(scope="session")
def sample_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file holding the sample plans and illustrative progress, built once."""
    path = tmp_path_factory.mktemp("sample") / "nq57.sqlite"
    engine = create_engine(f"sqlite:///{path}")
    assert ensure_sample_data(engine)
    engine.dispose()
    return path


@pytest.fixture(scope="session")
def postgres_sample(postgres: PostgresServer) -> str:
    """The name of a PostgreSQL database holding the samples, built once and only copied."""
    url = postgres.create_database()
    engine = create_engine(url)
    assert ensure_sample_data(engine)
    engine.dispose()
    return url.rsplit("/", 1)[-1]


@pytest.fixture(scope="session", params=BACKENDS)
def sample_url(request: pytest.FixtureRequest, sample_file: Path) -> str:
    """The shared sample database, on each kind; tests that write use ``sample_copy_url``."""
    if request.param == SQLITE:
        return f"sqlite:///{sample_file}"
    server: PostgresServer = request.getfixturevalue("postgres")
    return server.create_database(template=request.getfixturevalue("postgres_sample"))


@pytest.fixture(params=BACKENDS)
def sample_copy_url(
    request: pytest.FixtureRequest, sample_file: Path, tmp_path: Path
) -> Iterator[str]:
    """A copy of the sample database for one test to change as it likes, on each kind."""
    if request.param == SQLITE:
        copy = tmp_path / "nq57.sqlite"
        shutil.copyfile(sample_file, copy)
        yield f"sqlite:///{copy}"
        return
    server: PostgresServer = request.getfixturevalue("postgres")
    url = server.create_database(template=request.getfixturevalue("postgres_sample"))
    yield url
    get_engine(url).dispose()
    server.drop_database(url)


@pytest.fixture
def session(database: Database) -> Iterator[Session]:
    """A session on a fresh database with every table, on each kind."""
    with Session(database.fresh_engine(), expire_on_commit=False) as session:
        yield session


@pytest.fixture
def ids(session: Session) -> dict[str, int]:
    """The small sample of ``tests.dashboard_db`` in ``session``: task ids by key."""
    return fill(session)


@pytest.fixture(params=["sqlite", "postgresql"])
def new_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[NewUrl]:
    """Makes the URL of a new empty database: a SQLite file, or one on the test server."""
    made: list[str] = []

    def make() -> str:
        if request.param == "sqlite":
            made.append(f"sqlite:///{tmp_path / f'nq57_{len(made)}.sqlite'}")
        else:
            made.append(request.getfixturevalue("postgres").create_database())
        return made[-1]

    yield make
    for url in made:
        get_engine(url).dispose()
        if request.param == "postgresql":
            request.getfixturevalue("postgres").drop_database(url)
