"""A task's reference document: the "TB02" of a "STT (TB02)" column, where the task's
``reference_number`` counts, so lineage can link the task to that document's task.

Revision ID: 0005
Revises: 0004

One new column, task.reference_document, VARCHAR NOT NULL with a server default of "".
Existing rows get "": a task stored with a reference_number keeps it but names no
document until its plan is loaded again (the plan preview then shows the document as a
change, and applying it fills the column).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "task",
        sa.Column("reference_document", sa.String(), nullable=False, server_default=""),
    )


def downgrade() -> None:
    op.drop_column("task", "reference_document")  # SQLite 3.35 and later drop it in place
