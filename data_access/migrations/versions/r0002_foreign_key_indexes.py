"""Index the two foreign keys that had none: PostgreSQL does not index them by itself.

Revision ID: 0002
Revises: 0001

Undo and the task joins look rows up by them (an import batch's plan, a KPI's owner).
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_importbatch_plan_id", "importbatch", ["plan_id"], unique=False)
    op.create_index("ix_kpi_owner_agency_id", "kpi", ["owner_agency_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_kpi_owner_agency_id", table_name="kpi")
    op.drop_index("ix_importbatch_plan_id", table_name="importbatch")
