"""Insert many rows of one table at once: the fast path of every import's writes.

An import adds tens of thousands of rows. Built as SQLModel objects and flushed a task
at a time (to learn each task's id), a new 10,000-task plan took 22 s to write on
SQLite. ``insert_many`` sends a table's rows together instead: on SQLite one
executemany (in process, so a statement per row is cheap), ids read back with
RETURNING in the order of the rows; on PostgreSQL one COPY, with ids taken from the
table's sequence beforehand, since psycopg spends ~10 µs per parameter turning a
multi-row INSERT into its own form (2.8 s for a plan's tasks, profiled) and
executemany pays a round of its pipeline per row (2 s for the change log).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Table, func, insert, inspect, select
from sqlalchemy.orm import Mapper


def table_of(model: object) -> Table:
    """The table of a model class or of one of its rows."""
    found = inspect(model)
    table = (found if isinstance(found, Mapper) else found.mapper).local_table
    assert isinstance(table, Table)
    return table


def insert_many(
    connection: Connection, table: Table, rows: Sequence[dict[str, Any]], *, ids: bool
) -> list[int]:
    """Insert ``rows`` (every column but the id) in order; their new ids when ``ids``."""
    if not rows:
        return []
    if connection.dialect.name == "postgresql":
        return _copy(connection, table, rows, ids=ids)
    if not ids:
        connection.execute(insert(table), list(rows))
        return []
    returning = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    return [int(value) for value in connection.execute(returning, list(rows)).scalars()]


def _copy(
    connection: Connection, table: Table, rows: Sequence[dict[str, Any]], *, ids: bool
) -> list[int]:
    """PostgreSQL's COPY of ``rows``, each value converted as an INSERT would convert it."""
    names = list(rows[0])
    new_ids: list[int] = []
    if ids:
        new_ids = _next_ids(connection, table, len(rows))
        rows = [{**row, "id": new_id} for row, new_id in zip(rows, new_ids, strict=True)]
        names.append("id")
    columns = [table.c[name] for name in names]
    converters = [column.type.bind_processor(connection.dialect) for column in columns]
    quote = connection.dialect.identifier_preparer.quote
    statement = f"COPY {quote(table.name)} ({', '.join(quote(name) for name in names)}) FROM STDIN"
    psycopg_connection = connection.connection.driver_connection  # the same transaction
    assert psycopg_connection is not None
    with psycopg_connection.cursor() as cursor, cursor.copy(statement) as copy:
        for row in rows:
            copy.write_row(
                [
                    row[name] if convert is None else convert(row[name])
                    for name, convert in zip(names, converters, strict=True)
                ]
            )
    return new_ids


def _next_ids(connection: Connection, table: Table, count: int) -> list[int]:
    """``count`` new values of ``table``'s id sequence, in increasing order."""
    sequence = connection.execute(select(func.pg_get_serial_sequence(table.name, "id"))).scalar()
    values = connection.execute(
        select(func.nextval(sequence)).select_from(func.generate_series(1, count))
    ).scalars()
    return sorted(int(value) for value in values)
