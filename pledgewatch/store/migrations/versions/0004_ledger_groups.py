"""Index the joint ledger rows by initiative and category (the incremental refresh reads them).

Revision ID: 0004_ledger_groups
Revises: 0003_tokens
"""

from __future__ import annotations

from alembic import op

revision = "0004_ledger_groups"
down_revision = "0003_tokens"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_pledges_is_group_initiative_category", "pledges", ["is_group", "initiative", "category"]
    )


def downgrade() -> None:
    op.drop_index("ix_pledges_is_group_initiative_category", table_name="pledges")
