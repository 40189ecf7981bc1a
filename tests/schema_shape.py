"""A database's schema as plain data (sqlalchemy.inspect), to compare two databases."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, inspect

VERSION_TABLE = "alembic_version"  # Alembic's bookkeeping, not part of the app's schema


def schema_shape(engine: Engine) -> dict[str, dict[str, Any]]:
    """Per table: columns (type, nullability), primary key, foreign keys, indexes, uniques."""
    inspector = inspect(engine)
    return {
        table: {
            "columns": [
                (c["name"], str(c["type"]), c["nullable"], c.get("default"))
                for c in inspector.get_columns(table)
            ],
            "primary_key": inspector.get_pk_constraint(table)["constrained_columns"],
            "foreign_keys": sorted(
                (
                    tuple(fk["constrained_columns"]),
                    fk["referred_table"],
                    tuple(fk["referred_columns"]),
                )
                for fk in inspector.get_foreign_keys(table)
            ),
            "indexes": sorted(
                (index["name"], tuple(index["column_names"]), bool(index["unique"]))
                for index in inspector.get_indexes(table)
            ),
            "uniques": sorted(
                tuple(unique["column_names"]) for unique in inspector.get_unique_constraints(table)
            ),
        }
        for table in sorted(inspector.get_table_names())
        if table != VERSION_TABLE
    }
