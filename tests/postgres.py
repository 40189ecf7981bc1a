"""A real PostgreSQL server for the tests: Debian's binaries, a throwaway cluster.

``TEST_POSTGRES_URL`` (e.g. ``postgresql+psycopg://postgres@127.0.0.1:5432/postgres``)
points the tests at a server that already runs; without it, ``start_cluster`` makes a
cluster in a temporary folder with ``initdb``, starts it on a free local port with
``pg_ctl`` and stops it at the end. As root (CI), both run as Debian's ``postgres``
user, since PostgreSQL refuses to run as root. No binaries is a failure that says how
to install them (``make servers``), never a skip.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import psycopg
from sqlalchemy import Connection, text
from sqlalchemy.engine import make_url

from data_access.backup import POSTGRES_BIN_ROOT
from data_access.db import WRITE_LOCK_KEY

ADMIN_DATABASE = "postgres"
SERVICE_USER = "postgres"  # Debian's account for the server
# The province's server keeps Vietnam's time, not UTC: timestamps must not shift by 7 hours.
SERVER_TIME_ZONE = "Asia/Ho_Chi_Minh"


@dataclass(frozen=True)
class PostgresServer:
    """A running server reachable at ``admin_url`` (a superuser on its ``postgres`` database)."""

    admin_url: str

    def url_of(self, database: str) -> str:
        """The SQLAlchemy URL of ``database`` on this server."""
        return make_url(self.admin_url).set(database=database).render_as_string(hide_password=False)

    def create_database(self, template: str | None = None) -> str:
        """A new empty database (or a copy of ``template``); returns its URL."""
        name = f"nq57_{uuid.uuid4().hex[:12]}"
        copy = f" TEMPLATE {template}" if template else ""
        self._admin(f"CREATE DATABASE {name}{copy}")
        return self.url_of(name)

    def drop_database(self, url: str) -> None:
        """Drop the database of ``url``, closing whatever still connects to it."""
        name = make_url(url).database
        self._admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def _admin(self, statement: str) -> None:
        with psycopg.connect(_libpq_url(self.admin_url), autocommit=True) as connection:
            connection.execute(statement)  # type: ignore[arg-type]  # names made here, not input


def _libpq_url(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


@contextmanager
def postgres_server() -> Iterator[PostgresServer]:
    """The server of ``TEST_POSTGRES_URL``, or a throwaway cluster."""
    given = os.environ.get("TEST_POSTGRES_URL", "").strip()
    if given:
        yield PostgresServer(given)
        return
    with start_cluster() as server:
        yield server


@contextmanager
def start_cluster() -> Iterator[PostgresServer]:
    """initdb + pg_ctl start in a new folder on a free port; stopped when the block ends.

    The folder is a fresh one under the system's temporary directory (not pytest's, whose
    parents only root may enter), removed at the end.
    """
    bin_dir = _binaries()
    with tempfile.TemporaryDirectory(prefix="nq57-postgres-") as folder:
        workdir = Path(folder)
        with _running(bin_dir, workdir) as server:
            yield server


@contextmanager
def _running(bin_dir: Path, workdir: Path) -> Iterator[PostgresServer]:
    data = workdir / "data"
    port = _free_port()
    as_service = _as_service_user(workdir)
    _run([*as_service, str(bin_dir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres",
          "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"])  # fmt: skip
    options = (
        f"-p {port} -k {workdir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300"
        f" -c timezone={SERVER_TIME_ZONE}"
    )
    control = [*as_service, str(bin_dir / "pg_ctl"), "-D", str(data)]
    _run([*control, "-o", options, "-l", str(workdir / "server.log"), "-w", "start"])
    try:
        yield PostgresServer(f"postgresql+psycopg://postgres@127.0.0.1:{port}/{ADMIN_DATABASE}")
    finally:
        _run([*control, "-m", "immediate", "-w", "stop"])


def _binaries() -> Path:
    installed = POSTGRES_BIN_ROOT.glob("*/bin/initdb")
    versions = sorted(installed, key=lambda p: int(p.parent.parent.name))
    if not versions:
        raise RuntimeError(
            "PostgreSQL is not installed: run `make servers` (Debian's postgresql package)."
        )
    return versions[-1].parent


def _as_service_user(workdir: Path) -> list[str]:
    if os.geteuid() != 0:
        return []
    shutil.chown(workdir, user=SERVICE_USER)
    return ["runuser", "-u", SERVICE_USER, "--"]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _run(command: list[str]) -> None:
    done = subprocess.run(command, capture_output=True, text=True, cwd="/", check=False)
    if done.returncode:
        raise RuntimeError(f"{' '.join(command)} failed: {done.stderr or done.stdout}")


WAITERS_DEADLINE = 120  # seconds for other sessions to reach a lock; never a pass/fail timing
_WRITE_LOCK_WAITERS = text(
    "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted "
    "AND objid = :key AND database = (SELECT oid FROM pg_database "
    "WHERE datname = current_database())"
)


def wait_for_write_lock_waiters(connection: Connection, count: int) -> None:
    """Poll the server's lock table until ``count`` sessions wait for the write lock."""
    deadline = time.monotonic() + WAITERS_DEADLINE
    key = {"key": WRITE_LOCK_KEY}
    while connection.execute(_WRITE_LOCK_WAITERS, key).scalar_one() < count:
        assert time.monotonic() < deadline, "the other sessions never reached the write lock"
        time.sleep(0.05)
