"""The schema as the release before migrations made it (``create_schema``), written out.

Revision ID: 0001
Revises:

Written out, never derived from models.py, so it stays what it is when models.py
changes. A database made by that release has no ``alembic_version``: upgrading it
runs this revision, which creates only what is missing (tables, and indexes that
``create_schema`` added to existing tables), then the later revisions.
Text columns without a limit are VARCHAR; enum columns are VARCHAR(n) holding the
member's value (kinds.stored_as_value); timestamps are timezone-aware.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.schema import SchemaItem

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TIMESTAMP = sa.DateTime(timezone=True)


def _text(name: str, length: int | None = None, *, nullable: bool = False) -> sa.Column[str]:
    return sa.Column(name, sa.String(length), nullable=nullable)


def _number(name: str, *, nullable: bool = False) -> sa.Column[int]:
    return sa.Column(name, sa.Integer(), nullable=nullable)


def _flag(name: str) -> sa.Column[bool]:
    return sa.Column(name, sa.Boolean(), nullable=False)


def _date(name: str, *, nullable: bool = True) -> sa.Column[object]:
    return sa.Column(name, sa.Date(), nullable=nullable)


def _key(name: str = "id") -> sa.Column[int]:
    return sa.Column(name, sa.Integer(), nullable=False)


def _refers(column: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], [target])


def _tables() -> list[tuple[str, list[SchemaItem]]]:
    """Every table in creation order, as new objects (a column belongs to one table)."""
    return [
        ("agency", [
            _key(), _text("name", 603), _text("short_name", 300), _text("kind", 30),
            _flag("is_collective"),
            sa.PrimaryKeyConstraint("id"),
        ]),
        ("plan", [
            _key(), _text("code", 100), _text("title", 8000), _text("issuing_body", 300),
            _date("issued_on"), _text("source_file"),
            sa.Column("created_at", TIMESTAMP, nullable=False),
            sa.PrimaryKeyConstraint("id"),
        ]),
        ("agencyalias", [
            _key(), _number("agency_id"), _text("alias", 603), _text("key", 603),
            _refers("agency_id", "agency.id"),
            sa.PrimaryKeyConstraint("id"),
        ]),
        ("agencyunit", [
            _number("agency_id"), _number("parent_id"),
            _refers("agency_id", "agency.id"), _refers("parent_id", "agency.id"),
            sa.PrimaryKeyConstraint("agency_id"),
        ]),
        ("importbatch", [
            _key(), _text("file_name"), _text("content_hash", 64), _text("kind", 20),
            _number("plan_id", nullable=True),
            sa.Column("imported_at", TIMESTAMP, nullable=False),
            _text("imported_by", 300), _number("task_count"), _number("kpi_count"),
            _number("progress_count"), _number("problem_count"), _flag("is_illustrative"),
            sa.Column("undone_at", TIMESTAMP, nullable=True),
            _refers("plan_id", "plan.id"),
            sa.PrimaryKeyConstraint("id"),
        ]),
        ("kpi", [
            _key(), _number("plan_id"), _text("number", 20), _text("name", 4000),
            _text("target_text"), _text("target_operator", 2, nullable=True),
            sa.Column("target_value", sa.Float(), nullable=True), _text("unit"),
            _number("year", nullable=True), _number("owner_agency_id", nullable=True),
            _text("owner_text", 300), _text("notes"),
            _refers("owner_agency_id", "agency.id"), _refers("plan_id", "plan.id"),
            sa.PrimaryKeyConstraint("id"), sa.UniqueConstraint("plan_id", "number"),
        ]),
        ("section", [
            _key(), _number("plan_id"), _text("code", 20), _text("title"), _number("position"),
            _refers("plan_id", "plan.id"),
            sa.PrimaryKeyConstraint("id"), sa.UniqueConstraint("plan_id", "code"),
        ]),
        ("importchange", [
            _key(), _number("import_batch_id"), _number("position"), _text("table_name", 60),
            _text("action", 10), _text("row_key"), _text("before"),
            _refers("import_batch_id", "importbatch.id"),
            sa.PrimaryKeyConstraint("id"),
        ]),
        ("kpiactual", [
            _key(), _number("kpi_id"), _text("period", 10), _date("period_end", nullable=False),
            sa.Column("value", sa.Float(), nullable=False),
            _number("import_batch_id", nullable=True), _flag("is_illustrative"),
            _refers("import_batch_id", "importbatch.id"), _refers("kpi_id", "kpi.id"),
            sa.PrimaryKeyConstraint("id"),
        ]),
        ("task", [
            _key(), _number("plan_id"), _number("section_id", nullable=True),
            _text("section_code", 20), _text("number", 20), _number("position"),
            _text("name", 4000), _text("deadline_text"), _date("due_date"),
            _text("deadline_kind", 20), _flag("deadline_indicative"), _text("reporting_cadence"),
            _text("expected_output"), _text("basis"), _text("notes"), _text("leader"),
            _flag("report_to_central"), _text("evaluation"), _text("description"),
            _text("adjustment"), _text("reference_number"), _flag("completed_in_source"),
            _number("source_row", nullable=True),
            _refers("plan_id", "plan.id"), _refers("section_id", "section.id"),
            sa.PrimaryKeyConstraint("id"), sa.UniqueConstraint("plan_id", "section_code", "number"),
        ]),
        ("progressupdate", [
            _key(), _number("task_id"), _date("reported_on", nullable=False), _text("status"),
            _date("completion_date"), _text("evidence"), _text("description"),
            _text("evaluation"), _text("source"), _number("import_batch_id", nullable=True),
            _flag("is_illustrative"),
            _refers("import_batch_id", "importbatch.id"), _refers("task_id", "task.id"),
            sa.PrimaryKeyConstraint("id"),
        ]),
        ("taskagency", [
            _number("task_id"), _number("agency_id"), _text("role", 20), _number("position"),
            _refers("agency_id", "agency.id"), _refers("task_id", "task.id"),
            sa.PrimaryKeyConstraint("task_id", "agency_id", "role"),
        ]),
        ("taskmilestone", [
            _key(), _number("task_id"), _date("due_date"), _text("label"), _number("position"),
            _refers("task_id", "task.id"),
            sa.PrimaryKeyConstraint("id"),
        ]),
    ]  # fmt: skip


# (name, table, columns, unique)
INDEXES: list[tuple[str, str, list[str], bool]] = [
    ("ix_agency_name", "agency", ["name"], True),
    ("ix_plan_code", "plan", ["code"], True),
    ("ix_agencyalias_agency_id", "agencyalias", ["agency_id"], False),
    ("ix_agencyalias_key", "agencyalias", ["key"], True),
    ("ix_agencyunit_parent_id", "agencyunit", ["parent_id"], False),
    ("ix_importbatch_content_hash", "importbatch", ["content_hash"], False),
    ("ix_kpi_plan_id", "kpi", ["plan_id"], False),
    ("ix_section_plan_id", "section", ["plan_id"], False),
    ("ix_importchange_import_batch_id", "importchange", ["import_batch_id"], False),
    ("ix_kpiactual_import_batch_id", "kpiactual", ["import_batch_id"], False),
    ("ix_kpiactual_kpi_id", "kpiactual", ["kpi_id"], False),
    ("ix_task_due_date", "task", ["due_date"], False),
    ("ix_task_plan_id", "task", ["plan_id"], False),
    ("ix_task_section_id", "task", ["section_id"], False),
    ("ix_progressupdate_import_batch_id", "progressupdate", ["import_batch_id"], False),
    (
        "ix_progressupdate_reported_completed",
        "progressupdate",
        ["reported_on", "completion_date"],
        False,
    ),
    ("ix_progressupdate_reported_on", "progressupdate", ["reported_on"], False),
    ("ix_progressupdate_task_id", "progressupdate", ["task_id"], False),
    ("ix_progressupdate_task_reported", "progressupdate", ["task_id", "reported_on"], False),
    ("ix_taskagency_agency_id", "taskagency", ["agency_id"], False),
    ("ix_taskmilestone_task_id", "taskmilestone", ["task_id"], False),
]


def upgrade() -> None:
    """Create the tables and indexes that do not exist yet (all of them on a new database)."""
    inspector = sa.inspect(op.get_bind())
    tables = set(inspector.get_table_names())
    for name, items in _tables():
        if name not in tables:
            op.create_table(name, *items)
    present = {index["name"] for table in tables for index in inspector.get_indexes(table)}
    for name, table, columns, unique in INDEXES:
        if name not in present:
            op.create_index(name, table, columns, unique=unique)


def downgrade() -> None:
    for name, _items in reversed(_tables()):
        op.drop_table(name)
