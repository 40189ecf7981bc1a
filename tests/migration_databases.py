"""New empty databases of either kind for the migration tests, and the reference schemas."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from alembic import command
from sqlalchemy import Engine, create_engine
from sqlmodel import SQLModel

from data_access import models  # noqa: F401  (every table, in SQLModel.metadata)
from data_access.schema import locked_connection, migration_config

# The previous release's sample database: its bootstrap run into a file (commit af91429).
RELEASE_12 = Path(__file__).parent / "databases" / "release12_sample.sqlite"
# The indexes revision 0002 adds: the foreign keys that had none.
FOREIGN_KEY_INDEXES = {
    "importbatch": ("ix_importbatch_plan_id", ("plan_id",), False),
    "kpi": ("ix_kpi_owner_agency_id", ("owner_agency_id",), False),
}
NewUrl = Callable[[], str]


def models_engine(url: str) -> Engine:
    """``url``'s database with the tables of models.py, made without the migrations."""
    engine = create_engine(url)
    SQLModel.metadata.create_all(engine)
    return engine


def upgrade_to(engine: Engine, revision: str) -> None:
    """Migrate ``engine``'s database to ``revision`` (not the newest), as upgrade_schema does."""
    with locked_connection(engine) as connection:
        command.upgrade(migration_config(connection), revision)


def downgrade_to(engine: Engine, revision: str) -> None:
    """Undo the migrations after ``revision`` on ``engine``'s database."""
    with locked_connection(engine) as connection:
        command.downgrade(migration_config(connection), revision)
