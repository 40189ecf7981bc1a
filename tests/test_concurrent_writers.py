"""Writers at once, on SQLite and PostgreSQL: real processes, real locks, kill -9.

Every writer holds the database's write lock (data_access.db): a second one waits, then
either goes in on top of the first or, past DATABASE_WRITE_WAIT_SECONDS, gets the one
sentence db_errors.LOCKED and changes nothing. Reads never wait for a writer. An import
killed with SIGKILL at any moment leaves the database as it was before or after it, with
history agreeing, and the next import works.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import Connection, Engine, func, text
from sqlalchemy.engine import make_url
from sqlmodel import col, select

from benchmarks.make_big_workbook import write_workbook
from data_access.db import WRITE_LOCK_KEY, get_engine, session_scope
from data_access.db_errors import LOCKED
from data_access.imports.history import import_history
from data_access.models import ImportBatch, Task
from tests.data_access_cli import FAILED, OK, REPO_ROOT, run_data_access, sentence_and_log
from tests.migration_databases import NewUrl
from tests.postgres import wait_for_write_lock_waiters
from tests.upload_db import PLAN_CODE, dump, plan_file, progress_file, report

DEADLINE = 120  # seconds a process may take before the test gives up on it
BIG_PLAN_TASKS = 1_500  # a write that takes seconds, so a kill lands inside it
KILL_MOMENTS = 4  # random moments per database, from a fixed seed


@pytest.fixture
def planned_url(new_url: NewUrl, tmp_path: Path) -> str:
    """A new database of each kind holding plan KH-01, imported by the command line."""
    url = new_url()
    path = tmp_path / "ke_hoach.xlsx"
    path.write_bytes(plan_file())
    assert run_data_access(url, "import", path, "--plan", PLAN_CODE).returncode == OK
    return url


@contextmanager
def write_lock_held(url: str) -> Iterator[Connection | None]:
    """Another client in the middle of a write: it holds the database's write lock.

    On PostgreSQL it yields a connection that can see who waits for the lock.
    """
    if url.startswith("sqlite"):
        other = sqlite3.connect(make_url(url).database or "", isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            yield None
        finally:
            other.execute("ROLLBACK")
            other.close()
        return
    with get_engine(url).connect() as other:
        other.execute(text("SELECT pg_advisory_lock(:key)"), {"key": WRITE_LOCK_KEY})
        try:
            yield other
        finally:
            other.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": WRITE_LOCK_KEY})
            other.commit()


def start_data_access(url: str, *args: str | Path) -> subprocess.Popen[str]:
    env = {**os.environ, "DATABASE_URL": url, "PYTHONIOENCODING": "utf-8"}
    return subprocess.Popen(
        [sys.executable, "-m", "data_access", *map(str, args)],
        cwd=REPO_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finished(process: subprocess.Popen[str]) -> tuple[int, str]:
    _, stderr = process.communicate(timeout=DEADLINE)
    return process.returncode, stderr


def counts(engine: Engine) -> tuple[int, int, int]:
    """Tasks, imports, imports not undone."""
    with session_scope(engine) as session:
        tasks = session.exec(select(func.count(col(Task.id)))).one()
        batches = session.exec(select(func.count(col(ImportBatch.id)))).one()
        live = session.exec(
            select(func.count(col(ImportBatch.id))).where(col(ImportBatch.undone_at).is_(None))
        ).one()
    return tasks, batches, live


def test_two_imports_at_once_both_go_in(planned_url: str, tmp_path: Path) -> None:
    first, second = tmp_path / "tien_do_1.xlsx", tmp_path / "tien_do_2.xlsx"
    first.write_bytes(progress_file([report("I", "1", "Đang thực hiện")]))
    second.write_bytes(progress_file([report("II", "1", "Đã hoàn thành")]))
    processes = [start_data_access(planned_url, "import", path) for path in (first, second)]
    for process in processes:
        status, stderr = finished(process)
        assert status == OK, stderr
    with session_scope(get_engine(planned_url)) as session:
        files = set(import_history(session=session)["file_name"])
    assert {"tien_do_1.xlsx", "tien_do_2.xlsx"} <= files
    assert counts(get_engine(planned_url))[1:] == (3, 3)


def test_a_writer_kept_waiting_says_so_and_changes_nothing(planned_url: str) -> None:
    engine = get_engine(planned_url)
    before = dump(engine)
    with write_lock_held(planned_url):
        run = run_data_access(planned_url, "undo", DATABASE_WRITE_WAIT_SECONDS="0.5")
    sentence, _ = sentence_and_log(run.stderr)
    assert (run.returncode, sentence) == (FAILED, LOCKED)
    assert dump(engine) == before
    assert counts(engine)[1:] == (1, 1)


def test_a_writer_waits_for_the_one_before_it(planned_url: str) -> None:
    """The undo starts while another client writes; it goes in once that one ends."""
    with write_lock_held(planned_url) as holder:
        undo = start_data_access(planned_url, "undo")
        if holder is not None:  # PostgreSQL shows the undo waiting; SQLite cannot tell
            wait_for_write_lock_waiters(holder, 1)
        with session_scope(get_engine(planned_url)) as session:  # reads do not wait
            assert len(import_history(session=session)) == 1
        assert undo.poll() is None  # still waiting for the lock
    status, stderr = finished(undo)
    assert status == OK, stderr
    assert counts(get_engine(planned_url)) == (0, 1, 0)


def test_an_import_killed_at_any_moment_leaves_before_or_after(
    planned_url: str, tmp_path: Path
) -> None:
    big = tmp_path / "ke_hoach_lon.xlsx"
    write_workbook(big, BIG_PLAN_TASKS)
    engine = get_engine(planned_url)
    before = counts(engine)
    started = time.monotonic()
    status, stderr = finished(start_data_access(planned_url, "import", big, "--plan", "KH-LON"))
    assert status == OK, stderr
    whole = time.monotonic() - started
    after = counts(engine)
    assert after == (before[0] + BIG_PLAN_TASKS, before[1] + 1, before[2] + 1)
    assert run_data_access(planned_url, "undo").returncode == OK
    moments = random.Random(57).sample(range(1, 100), KILL_MOMENTS)
    for percent in sorted(moments):
        state = counts(engine)
        process = start_data_access(planned_url, "import", big, "--plan", "KH-LON")
        time.sleep(whole * percent / 100)  # the kill's moment, not a wait for anything
        process.send_signal(signal.SIGKILL)
        process.wait(DEADLINE)
        landed = counts(engine)
        went_in = (state[0] + BIG_PLAN_TASKS, state[1] + 1, state[2] + 1)
        assert landed in (state, went_in), f"killed at {percent}%"
        with session_scope(engine) as session:
            history = import_history(session=session)
        assert len(history) == landed[1]  # history agrees with the data
        if landed == went_in:
            assert run_data_access(planned_url, "undo").returncode == OK
    small = tmp_path / "tien_do.xlsx"
    small.write_bytes(progress_file([report("I", "1", "Đang thực hiện")]))
    assert run_data_access(planned_url, "import", small).returncode == OK  # the next one works
