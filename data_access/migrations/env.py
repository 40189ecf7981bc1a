"""Alembic's entry point: run the migrations on the connection ``data_access.schema`` passes.

Alembic's own command line (``alembic revision --autogenerate``, ``alembic check``) passes
none: it then works on the configured DATABASE_URL, under the same write lock.
"""

from __future__ import annotations

from typing import Any, Literal

from alembic import context
from alembic.autogenerate.api import AutogenContext
from sqlalchemy import Connection
from sqlmodel import AutoString, SQLModel, UTCDateTime

from data_access import models  # noqa: F401  (every table, in SQLModel.metadata)
from data_access.db import get_engine
from data_access.schema import locked_connection


def _plain_type(kind: str, item: Any, _context: AutogenContext) -> str | Literal[False]:
    """New revisions spell SQLModel's column types as the SQLAlchemy types they store."""
    if kind == "type" and isinstance(item, AutoString):
        return f"sa.String({item.length or ''})"
    if kind == "type" and isinstance(item, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    return False  # Alembic's own rendering


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection, target_metadata=SQLModel.metadata, render_item=_plain_type
    )
    with context.begin_transaction():
        context.run_migrations()


given = context.config.attributes.get("connection")
if given is not None:
    _run(given)
else:
    with locked_connection(get_engine()) as connection:
        _run(connection)
