"""Agency submissions: a reporter's report on a task, pending until a Sở editor reviews it,
and the evidence files attached to it (kept in the database).

Revision ID: 0004
Revises: 0003

Two new tables; no existing row changes. State is VARCHAR(20) holding the member's value
(kinds.stored_as_value). A new import kind, "submission", needs no change: ImportBatch's
kind is a plain VARCHAR(20).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

TIMESTAMP = sa.DateTime(timezone=True)
SUBMISSION_INDEXES = (
    "agency_id",
    "import_batch_id",
    "progress_update_id",
    "reviewed_by",
    "state",
    "submitted_by",
    "task_id",
)


def upgrade() -> None:
    op.create_table(
        "submission",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("task_id", sa.Integer(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.Column("submitted_by", sa.Integer(), nullable=False),
        sa.Column("submitted_at", TIMESTAMP, nullable=False),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("completion_date", sa.Date(), nullable=True),
        sa.Column("evidence_number", sa.String(100), nullable=False),
        sa.Column("evidence_date", sa.Date(), nullable=True),
        sa.Column("description", sa.String(8000), nullable=False),
        sa.Column("reviewed_by", sa.Integer(), nullable=True),
        sa.Column("reviewed_at", TIMESTAMP, nullable=True),
        sa.Column("review_comment", sa.String(8000), nullable=False),
        sa.Column("before", sa.String(), nullable=False),
        sa.Column("progress_update_id", sa.Integer(), nullable=True),
        sa.Column("import_batch_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["agency_id"], ["agency.id"]),
        sa.ForeignKeyConstraint(["import_batch_id"], ["importbatch.id"]),
        sa.ForeignKeyConstraint(["progress_update_id"], ["progressupdate.id"]),
        sa.ForeignKeyConstraint(["reviewed_by"], ["account.id"]),
        sa.ForeignKeyConstraint(["submitted_by"], ["account.id"]),
        sa.ForeignKeyConstraint(["task_id"], ["task.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    for column in SUBMISSION_INDEXES:
        op.create_index(f"ix_submission_{column}", "submission", [column], unique=False)
    op.create_table(
        "evidencefile",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("submission_id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(200), nullable=False),
        sa.Column("media_type", sa.String(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(["submission_id"], ["submission.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_evidencefile_submission_id", "evidencefile", ["submission_id"])


def downgrade() -> None:
    op.drop_index("ix_evidencefile_submission_id", table_name="evidencefile")
    op.drop_table("evidencefile")
    for column in SUBMISSION_INDEXES:
        op.drop_index(f"ix_submission_{column}", table_name="submission")
    op.drop_table("submission")
