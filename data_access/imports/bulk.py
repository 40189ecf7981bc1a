"""Insert many rows of one table in one statement, logged for undo as a flush would log them.

An import adds tens of thousands of rows. Built as SQLModel objects and flushed a task
at a time (to learn each task's id), a new 10,000-task plan took 22 s to write on
SQLite; one INSERT per table (executemany, batched by SQLAlchemy's insertmanyvalues,
ids read back with RETURNING in the order of the rows) does the same work in a few.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import insert
from sqlmodel import Session, SQLModel

from data_access.imports.change_log import log_inserts, table_of


def insert_rows(
    session: Session, model: type[SQLModel], rows: Sequence[dict[str, Any]]
) -> list[int]:
    """Insert ``rows`` (every column but the id) into ``model``'s table, in order.

    Returns the new ids in the order of ``rows`` (none for a table without an ``id``).
    What the session holds is flushed first, so the change log keeps the order in
    which the database saw the changes.
    """
    if not rows:
        return []
    session.flush()
    table = table_of(model)
    connection = session.connection()
    if "id" in table.c:
        returning = insert(table).returning(table.c.id, sort_by_parameter_order=True)
        ids = [int(value) for value in connection.execute(returning, list(rows)).scalars()]
        keys = [{"id": value} for value in ids]
    else:
        connection.execute(insert(table), list(rows))
        ids = []
        keys = [{column.name: row[column.name] for column in table.primary_key} for row in rows]
    log_inserts(session=session, table=table.name, keys=keys)
    return ids
