"""``prepare`` in a worker process (loaders.isolation), as the page and the command line run it.

The worker opens its own session on the database URL; the PreparedUpload comes back
pickled, and the caller commits it in its own process.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from typing import Any

from data_access.db import get_engine, session_scope
from data_access.imports.read import PreparedUpload, prepare
from data_access.kinds import ImportKind
from loaders.isolation import run_isolated


def prepare_isolated(
    *,
    url: str,
    data: bytes,
    file_name: str,
    kind: ImportKind | None = None,
    plan_code: str | None = None,
    reported_on: date | None = None,
    issued_on: date | None = None,
    today: date | None = None,
    progress: Callable[[int], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> PreparedUpload:
    """``prepare`` in a worker process on the database at ``url``, within the parse limits.

    Raises UnreadableFileError for a file past a limit (time, memory) or that kills
    the worker, and isolation.ReadCancelled once ``should_stop`` returns True.
    """
    call = partial(
        _prepare_at,
        url=url,
        data=data,
        file_name=file_name,
        kind=kind,
        plan_code=plan_code,
        reported_on=reported_on,
        issued_on=issued_on,
        today=today,
    )
    return run_isolated(call, file_name=file_name, progress=progress, should_stop=should_stop)


def _prepare_at(*, url: str, **arguments: Any) -> PreparedUpload:
    """In the worker: prepare on a session of its own."""
    with session_scope(get_engine(url)) as session:
        return prepare(session=session, **arguments)
