"""Writes on a real SQLite file: serialised, never half done, and every failure one sentence.

Two writers are two real threads with their own connections (data_access.db's
engine: BEGIN IMMEDIATE for write sessions, WAL, a busy wait). A busy database is
made by a third real connection holding ``BEGIN IMMEDIATE``; a read-only one is
opened read-only by SQLite itself (URI ``mode=ro``): the tests run as root, for
whom file permissions do not stop a write.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import Engine
from sqlmodel import Session

from data_access import db
from data_access.accounts import SHELL_ADMIN
from data_access.db import get_engine, session_scope
from data_access.db_errors import LOCKED, READ_ONLY, DataUnavailableError
from data_access.imports import agencies, read, write
from data_access.imports.history import import_history, undo_latest_import
from data_access.imports.new_plan import ImportRefused
from data_access.kinds import AgencyKind, Role
from data_access.models import Account
from data_access.schema import upgrade_schema
from labels import format_int
from loaders.limits import MAX_AGENCY_CHARS, MAX_PERSON_CHARS, MAX_TEXT_CHARS
from tests.signed_in import ADMIN, signed_in_here
from tests.upload_db import (
    PLAN_CODE,
    SKHCN,
    TODAY,
    dump,
    fresh_engine,
    plan_file,
    planned_engine,
    progress_file,
    report,
    table_counts,
)
from ui import upload as ui_upload

DEADLINE = 60  # seconds a thread may take before the test gives up on it
PROGRESS = progress_file([report("I", "1", "Đang thực hiện"), report("II", "1", "Đã hoàn thành")])


@pytest.fixture
def url(tmp_path: Path) -> str:
    """A SQLite file holding plan KH-01, imported through the pipeline (a logged batch)."""
    url = f"sqlite:///{tmp_path / 'nq57.sqlite'}"
    upgrade_schema(get_engine(url))
    commit(get_engine(url), prepared(get_engine(url), plan_file(), plan_code=PLAN_CODE))
    return url


@pytest.fixture
def admin(url: str) -> Iterator[Account]:
    """Signed in for the page's write functions, called here with no page running."""
    with signed_in_here(url, ADMIN, Role.ADMIN) as account:
        yield account


def prepared(engine: Engine, data: bytes, plan_code: str | None = None) -> read.PreparedUpload:
    with session_scope(engine) as session:
        return read.prepare(
            session=session, data=data, file_name="tep.xlsx", plan_code=plan_code, today=TODAY
        )


def commit(engine: Engine, upload: read.PreparedUpload) -> None:
    with session_scope(engine, write=True) as session:
        write.commit(session=session, actor=SHELL_ADMIN, upload=upload)


def undone(engine: Engine) -> list[bool]:
    """For each import, newest first: has it been undone?"""
    with session_scope(engine) as session:
        return [bool(pd.notna(when)) for when in import_history(session=session)["undone_at"]]


def run(target: Callable[[], None]) -> tuple[threading.Thread, list[BaseException]]:
    """``target`` in a thread; what it raised is collected."""
    errors: list[BaseException] = []

    def body() -> None:
        try:
            target()
        except BaseException as error:  # noqa: BLE001  (handed to the test)
            errors.append(error)

    thread = threading.Thread(target=body)
    thread.start()
    return thread, errors


def test_an_undo_started_during_an_import_waits_and_undoes_that_import(url: str) -> None:
    """The undo begins while the import holds the write lock: it waits, then undoes it."""
    engine = get_engine(url)
    before = dump(engine)
    upload = prepared(engine, PROGRESS)
    written, undo_started = threading.Event(), threading.Event()

    def importing() -> None:
        with session_scope(engine, write=True) as session:
            write.commit(session=session, actor=SHELL_ADMIN, upload=upload)
            written.set()
            assert undo_started.wait(DEADLINE)

    def undoing() -> None:
        assert written.wait(DEADLINE)
        undo_started.set()
        with session_scope(engine, write=True) as session:
            undo_latest_import(session=session, actor=SHELL_ADMIN)

    threads = [run(importing), run(undoing)]
    for thread, errors in threads:
        thread.join(DEADLINE)
        assert not thread.is_alive() and errors == []
    assert dump(engine) == before  # the import, then its undo
    assert undone(engine) == [True, False]  # the progress import undone, the plan kept


def test_an_import_previewed_before_an_undo_is_refused_after_it(url: str) -> None:
    """The undo holds the lock; the import waits, then finds its preview out of date."""
    engine = get_engine(url)
    upload = prepared(engine, PROGRESS)
    commit(engine, prepared(engine, progress_file([report("I", "2", "Đang thực hiện")])))
    undid, import_started = threading.Event(), threading.Event()

    def undoing() -> None:
        with session_scope(engine, write=True) as session:
            undo_latest_import(session=session, actor=SHELL_ADMIN)
            undid.set()
            assert import_started.wait(DEADLINE)

    def importing() -> None:
        assert undid.wait(DEADLINE)
        import_started.set()
        commit(engine, upload)

    (undo_thread, undo_errors), (import_thread, import_errors) = run(undoing), run(importing)
    for thread in (undo_thread, import_thread):
        thread.join(DEADLINE)
    assert undo_errors == []
    assert [type(error) for error in import_errors] == [write.StalePreviewError]
    assert str(import_errors[0]) == write.STALE_PREVIEW.format(file="tep.xlsx")
    after_undo = dump(engine)
    assert undone(engine) == [True, False]  # no new batch: the import wrote nothing
    commit(engine, prepared(engine, PROGRESS))  # previewed again, it goes in
    assert dump(engine) != after_undo


def test_a_busy_database_says_so_and_changes_nothing(
    url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, admin: Account
) -> None:
    monkeypatch.setattr(db, "WRITE_WAIT_SECONDS", 0.2)  # read when the engine is made
    busy_url = f"sqlite:///{tmp_path}/./nq57.sqlite"  # another engine (URL) on the same file
    monkeypatch.setenv("DATABASE_URL", busy_url)
    before = dump(get_engine(url))
    other = sqlite3.connect(tmp_path / "nq57.sqlite", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another writer, in the middle of its transaction
    try:
        with pytest.raises(DataUnavailableError) as refused:
            ui_upload.undo_latest()
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert str(refused.value) == LOCKED
    assert dump(get_engine(url)) == before


def test_a_read_only_database_names_its_file(
    url: str, monkeypatch: pytest.MonkeyPatch, admin: Account
) -> None:
    path = url.removeprefix("sqlite:///")
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///file:{path}?mode=ro&uri=true")
    before = dump(get_engine(url))
    for attempt in (
        ui_upload.undo_latest,
        lambda: ui_upload.add_agency("Sở Mới", AgencyKind.DEPARTMENT, ""),
    ):
        with pytest.raises(DataUnavailableError) as refused:
            attempt()
        assert str(refused.value) == READ_ONLY.format(path=path)
    assert dump(get_engine(url)) == before


# --- Text typed by staff: refused past its maximum, nothing written ---

LONG_AGENCY = "Sở " + "x" * MAX_AGENCY_CHARS


def too_long(label: str, length: int, limit: int) -> str:
    return write.TOO_LONG.format(label=label, length=format_int(length), limit=format_int(limit))


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda s: agencies.add_agency(
                session=s, actor=SHELL_ADMIN, name=LONG_AGENCY, kind=AgencyKind.DEPARTMENT
            ),
            too_long("Tên cơ quan", len(LONG_AGENCY), MAX_AGENCY_CHARS),
        ),
        (
            lambda s: agencies.add_agency(
                session=s,
                actor=SHELL_ADMIN,
                name="Sở Mới",
                kind=AgencyKind.DEPARTMENT,
                spelling=LONG_AGENCY,
            ),
            too_long("Tên trong tệp", len(LONG_AGENCY), MAX_AGENCY_CHARS),
        ),
        (
            lambda s: agencies.map_spelling(
                session=s, actor=SHELL_ADMIN, spelling=LONG_AGENCY, agency_name=SKHCN
            ),
            too_long("Tên trong tệp", len(LONG_AGENCY), MAX_AGENCY_CHARS),
        ),
    ],
)
def test_an_over_long_agency_name_is_refused(
    call: Callable[[Session], object], message: str
) -> None:
    engine = planned_engine()
    before = dump(engine)
    with pytest.raises(ImportRefused) as refused, session_scope(engine, write=True) as session:
        call(session)
    assert str(refused.value) == message
    assert dump(engine) == before


def test_names_at_their_maximum_are_kept() -> None:
    engine = planned_engine()
    name = "S" * MAX_AGENCY_CHARS
    with session_scope(engine, write=True) as session:
        agencies.add_agency(
            session=session, actor=SHELL_ADMIN, name=name, kind=AgencyKind.DEPARTMENT
        )
    with session_scope(engine) as session:
        assert name in agencies.agency_names(session=session)


@pytest.mark.parametrize(
    ("field", "label", "limit"),
    [
        ("plan_title", "Tên kế hoạch", MAX_TEXT_CHARS),
        ("imported_by", "Người nạp", MAX_PERSON_CHARS),
        ("issued_by", "Cơ quan ban hành", MAX_AGENCY_CHARS),
    ],
)
def test_an_over_long_field_at_commit_is_refused(field: str, label: str, limit: int) -> None:
    engine = fresh_engine()
    upload = prepared(engine, plan_file(), plan_code=PLAN_CODE)
    with pytest.raises(ImportRefused) as refused, session_scope(engine, write=True) as session:
        write.commit(
            session=session, actor=SHELL_ADMIN, upload=upload, **{field: "x" * (limit + 1)}
        )
    assert str(refused.value) == too_long(label, limit + 1, limit)
    assert table_counts(fresh_engine()) == table_counts(engine)
