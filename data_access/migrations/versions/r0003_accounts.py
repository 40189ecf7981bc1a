"""Accounts: who signs in, with which role, and for an agency reporter which agency.

Revision ID: 0003
Revises: 0002

A new table; no existing row changes. Role is VARCHAR(20) holding the member's value
(kinds.stored_as_value); an agency reporter, and only one, names its agency.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

TIMESTAMP = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "account",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(60), nullable=False),
        sa.Column("display_name", sa.String(300), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=True),
        sa.Column("password_hash", sa.String(200), nullable=True),
        sa.Column("is_disabled", sa.Boolean(), nullable=False),
        sa.Column("failed_attempts", sa.Integer(), nullable=False),
        sa.Column("locked_until", TIMESTAMP, nullable=True),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.Column("password_changed_at", TIMESTAMP, nullable=True),
        sa.CheckConstraint(
            "(role = 'agency_reporter') = (agency_id IS NOT NULL)",
            name="ck_account_agency_of_reporter",
        ),
        sa.ForeignKeyConstraint(["agency_id"], ["agency.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_account_username", "account", ["username"], unique=True)
    op.create_index("ix_account_agency_id", "account", ["agency_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_account_agency_id", table_name="account")
    op.drop_index("ix_account_username", table_name="account")
    op.drop_table("account")
