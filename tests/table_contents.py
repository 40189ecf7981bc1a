"""Every table's row count and content checksum, and a database's rows copied to another."""

from __future__ import annotations

import hashlib
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Engine

from tests.schema_shape import VERSION_TABLE

Contents = dict[str, tuple[int, str]]


def table_columns(engine: Engine) -> dict[str, list[str]]:
    """The app's tables and their column names, as the database holds them."""
    inspector = sa.inspect(engine)
    return {
        table: [column["name"] for column in inspector.get_columns(table)]
        for table in sorted(inspector.get_table_names())
        if table != VERSION_TABLE
    }


def table_contents(engine: Engine, columns: dict[str, list[str]]) -> Contents:
    """Per table: how many rows, and a SHA-256 of its rows (``columns`` only) in sorted order.

    Values are read as the database driver returns them, untouched by the models.
    """
    contents: Contents = {}
    with engine.connect() as connection:
        for table, names in columns.items():
            selected: list[sa.ColumnClause[Any]] = [sa.column(name) for name in names]
            query = sa.select(*selected).select_from(sa.table(table))
            rows = sorted(repr(tuple(row)) for row in connection.execute(query))
            digest = hashlib.sha256("\n".join(rows).encode()).hexdigest()
            contents[table] = (len(rows), digest)
    return contents


def copy_rows(source: Engine, target: Engine) -> None:
    """Insert every row of ``source`` into the same tables, empty, of ``target``."""
    tables = sa.MetaData()
    tables.reflect(source)
    with source.connect() as reading, target.begin() as writing:
        for table in tables.sorted_tables:
            rows = [dict(row) for row in reading.execute(sa.select(table)).mappings()]
            if rows:
                writing.execute(
                    sa.insert(sa.Table(table.name, sa.MetaData(), autoload_with=writing)), rows
                )
