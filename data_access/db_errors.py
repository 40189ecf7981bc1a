"""What a failed database read or write tells the user: one Vietnamese sentence, in one place.

The page (ui.cache ``reading``, ui.upload ``writing``), the sample-data bootstrap and
the command line all turn a SQLAlchemy error into a sentence here, so a busy or a
read-only database is named as such wherever it happens.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from errors import UserFacingError

LOCKED = (
    "Đang có một thao tác ghi khác vào cơ sở dữ liệu; hãy thử lại sau ít giây. Chưa có gì thay đổi."
)
READ_ONLY = (
    "Không ghi được vào cơ sở dữ liệu tại {path}: tệp hoặc thư mục này chỉ cho phép đọc. "
    "Chưa có gì thay đổi."
)
SERVER_READ_ONLY = (
    "Máy chủ cơ sở dữ liệu đang chỉ cho phép đọc; chưa có gì thay đổi. Hãy báo quản trị viên."
)
READ_FAILED = "Không đọc được cơ sở dữ liệu; hãy tải lại trang hoặc báo quản trị viên."
WRITE_FAILED = "Không ghi được vào cơ sở dữ liệu; chưa có gì thay đổi. Hãy thử lại."
UNREACHABLE = "Không truy cập được cơ sở dữ liệu; hãy kiểm tra DATABASE_URL."
# PostgreSQL's SQLSTATEs for a writer that waited too long or lost a race: lock_not_available,
# deadlock_detected, serialization_failure
_SERVER_BUSY_STATES = frozenset({"55P03", "40P01", "40001"})
_SERVER_READ_ONLY_STATE = "25006"  # read_only_sql_transaction (a standby, a read-only role)
# SQLite's primary result codes (https://sqlite.org/rescode.html); extended codes add bits above.
_BUSY_CODES = frozenset({5, 6})  # SQLITE_BUSY, SQLITE_LOCKED
SQLITE_READONLY, SQLITE_CANTOPEN = 8, 14  # CANTOPEN: a new file in a folder that takes none


class DataUnavailableError(UserFacingError):
    """The database could not be read or written; the cause is the SQLAlchemy error."""


def failure_message(error: SQLAlchemyError, url: str, *, otherwise: str) -> str:
    """The sentence for ``error`` on the database at ``url``; ``otherwise`` for other causes."""
    cause = getattr(error, "orig", None)
    state = getattr(cause, "sqlstate", None)  # psycopg's errors carry the SQLSTATE
    if state in _SERVER_BUSY_STATES:
        return LOCKED
    if state == _SERVER_READ_ONLY_STATE:
        return SERVER_READ_ONLY
    if not isinstance(cause, sqlite3.Error):
        return otherwise
    code = getattr(cause, "sqlite_errorcode", 0) & 0xFF
    if code in _BUSY_CODES:
        return LOCKED
    path = database_path(url)
    if code == SQLITE_READONLY or (code == SQLITE_CANTOPEN and Path(path).parent.is_dir()):
        return READ_ONLY.format(path=path)
    return otherwise


@contextmanager
def database_errors(url: str, *, otherwise: str) -> Iterator[None]:
    """Turn a SQLAlchemy error on ``url`` into DataUnavailableError, its cause kept."""
    try:
        yield
    except SQLAlchemyError as error:
        raise DataUnavailableError(failure_message(error, url, otherwise=otherwise)) from error


def database_path(url: str) -> str:
    """The file of a SQLite URL, as staff would look for it (``file:…?mode=ro`` forms too)."""
    database = make_url(url).database or ""
    return database.removeprefix("file:").split("?", 1)[0] or url
