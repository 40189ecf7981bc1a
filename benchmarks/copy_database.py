"""Copy the synthetic SQLite database into an empty database at another URL (PostgreSQL).

Table by table in dependency order, rows in primary-key order, in chunks with SQLAlchemy
Core; on PostgreSQL each serial id's sequence is then set past the largest id copied,
so that the app's own inserts continue after it.
"""

from __future__ import annotations

from sqlalchemy import Engine, func, inspect, select, text
from sqlmodel import SQLModel

from benchmarks.make_synthetic_db import CHUNK
from data_access.schema import upgrade_schema


def fill_from_sqlite(source: Engine, target: Engine) -> None:
    """Give ``target`` the schema and copy every row of ``source`` into it (``target`` empty)."""
    upgrade_schema(target)
    with source.connect() as reading, target.begin() as writing:
        for table in SQLModel.metadata.sorted_tables:
            ordered = select(table).order_by(*table.primary_key.columns)
            rows = reading.execution_options(yield_per=CHUNK).execute(ordered).mappings()
            for chunk in rows.partitions():
                writing.execute(table.insert(), [dict(row) for row in chunk])
            if target.dialect.name == "postgresql":
                _reset_sequences(writing, table.name)


def _reset_sequences(connection: object, table: str) -> None:
    for column in inspect(connection).get_columns(table):
        sequence = connection.execute(  # type: ignore[attr-defined]
            select(func.pg_get_serial_sequence(table, column["name"]))
        ).scalar()
        if sequence:
            connection.execute(  # type: ignore[attr-defined]
                text(
                    f"SELECT setval('{sequence}', COALESCE((SELECT max({column['name']}) "
                    f'FROM "{table}"), 0) + 1, false)'
                )
            )
