"""Caching the pages' queries the Streamlit way: ``query`` makes one cached function per query.

``st.cache_resource`` rather than ``st.cache_data``: the results are whole-table
frames (100,000 tasks at national scale) that pages only read (derive with
``assign``, never set columns in place); ``st.cache_data`` would unpickle a copy
on every call, a dozen times per page run.

Fresh data: every cached query is cleared together (``forget_data``) when this
process writes (``ui.upload.writing``), and when the data revision
(``db.data_revision``, one cheap query) differs from the one the caches were
built on. The revision is read at most once per REVISION_CHECK_SECONDS, and at
once after any write in this process, so an import or an undo made by the
command line or another server process shows within that time. Reading it costs
1.4 ms on the 100,000-task database; a page run makes 20-40 cached calls (nested
ones included), so reading it on each would add 30-50 ms per run.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import wraps
from typing import Any, ParamSpec, TypeVar

import streamlit as st
from sqlalchemy import Engine, event
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session as OrmSession
from sqlmodel import Session

from data_access.db import data_revision, get_engine, session_scope
from data_access.db_errors import (
    READ_FAILED,
    WRITE_FAILED,
    DataUnavailableError,
    database_errors,
    failure_message,
)
from data_access.queries.filters import TaskFilters
from data_access.schema import upgrade_schema
from data_access.settings import get_settings

P = ParamSpec("P")
R = TypeVar("R")
REVISION_CHECK_SECONDS = 2.0
# Filters are part of most cache keys: hashed by their repr (all fields) in 0.03 ms instead
# of 0.6 ms by Streamlit's generic hashing of a dataclass (measured), paid by every cached
# call: 10-20 ms per page run.
FILTERS_HASH: dict[type | str, Callable[[Any], Any]] = {TaskFilters: repr}
_QUERIES: list[Any] = []  # every cached query, cleared together
_LOCK = threading.Lock()


@dataclass
class _Seen:
    """The database and data revision the cached queries were built on, and when checked."""

    url: str = ""
    revision: str | None = None  # None: unknown, the caches were just cleared
    checked: float = -math.inf


_seen = _Seen()


def database_url() -> str:
    return get_settings().database_url


@st.cache_resource(show_spinner=False)
def _ready_engine(url: str) -> Engine:
    engine = get_engine(url)
    upgrade_schema(engine)
    return engine


@contextmanager
def reading(url: str) -> Iterator[Session]:
    """A session on ``url``; database failures become DataUnavailableError."""
    try:
        with session_scope(_ready_engine(url)) as session:
            yield session
    except SQLAlchemyError as exc:
        raise DataUnavailableError(failure_message(exc, url, otherwise=READ_FAILED)) from exc


@contextmanager
def writing(*, data_changes: bool = True) -> Iterator[Session]:
    """One write transaction on the app's database; a failure becomes DataUnavailableError.

    Every write the pages make (an import, an undo, an alias, an account) goes through
    here; the cached queries are cleared once it is committed when it changed the data.
    """
    url = database_url()
    with (
        database_errors(url, otherwise=WRITE_FAILED),
        session_scope(get_engine(url), write=True) as session,
    ):
        yield session
    if data_changes:
        forget_data()


def current_revision(url: str) -> str:
    """The data revision of ``url`` now (one query)."""
    with reading(url) as session:
        return data_revision(session)


def forget_data() -> None:
    """Clear every cached query: this process has just changed the data."""
    with _LOCK:
        _seen.revision, _seen.checked = None, -math.inf
    _clear()


def keep_fresh() -> None:
    """Clear the cached queries if the database or its data changed since they were built."""
    url, now = database_url(), time.monotonic()
    with _LOCK:
        if url == _seen.url and now - _seen.checked < REVISION_CHECK_SECONDS:
            return
    revision = current_revision(url)
    with _LOCK:
        known = _seen.revision is not None or _seen.url != url
        stale = known and (_seen.url, _seen.revision) != (url, revision)
        _seen.url, _seen.revision, _seen.checked = url, revision, now
    if stale:
        _clear()


def _clear() -> None:
    for cached in _QUERIES:
        cached.clear()


@event.listens_for(OrmSession, "after_flush")
def _check_soon(*_: object) -> None:
    """A write in this process (the CLI, the bootstrap): the next query reads the revision."""
    with _LOCK:
        _seen.checked = -math.inf


def query(
    max_entries: int, spinner: str | bool = False
) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """``st.cache_resource`` for a query, kept fresh by ``keep_fresh``; results are read-only."""

    def decorate(load: Callable[P, R]) -> Callable[P, R]:
        cache = st.cache_resource(
            show_spinner=spinner, max_entries=max_entries, hash_funcs=FILTERS_HASH
        )
        cached = cache(load)
        _QUERIES.append(cached)

        @wraps(load)
        def fresh(*args: P.args, **kwargs: P.kwargs) -> R:
            keep_fresh()
            return cached(*args, **kwargs)

        return fresh

    return decorate
