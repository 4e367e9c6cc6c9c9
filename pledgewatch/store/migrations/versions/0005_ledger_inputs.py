"""Copy each row's claim fields into its links, and each conflict's sides into the conflict,
so a refresh reads a big row in one range scan and compares conflict sides without reading
one row per claim.

Links and conflicts written before this revision have no copy (NULL): the refresh reads
them the old way and writes the copy the next time it rewrites them (``pledgewatch ledger
--rebuild`` copies every one at once).

Revision ID: 0005_ledger_inputs
Revises: 0004_ledger_groups
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0005_ledger_inputs"
down_revision = "0004_ledger_groups"
branch_labels = None
depends_on = None

COLUMNS: tuple[tuple[str, Any], ...] = (
    ("stance", sa.String(10)),
    ("stage", sa.String(10)),
    ("category", sa.String(20)),
    ("amount_value", sa.Double()),
    ("amount_unit", sa.String(50)),
    ("bound", sa.String(10)),
    ("collective", sa.Boolean()),
    ("recipient", sa.Text()),
    ("period", sa.Text()),
    ("speaker", sa.String(300)),
    ("date", sa.Date()),
    ("evidence_start", sa.Integer()),
    ("evidence_end", sa.Integer()),
    ("review_state", sa.String(10)),
    ("donors", sa.Text()),
    ("doc_id", sa.String(300)),
    ("published", sa.Date()),
    ("initiative", sa.String(300)),
    ("outlet", sa.String(300)),
)


def upgrade() -> None:
    for name, kind in COLUMNS:
        op.add_column("pledge_claims", sa.Column(name, kind, nullable=True))
    op.add_column("conflicts", sa.Column("sides", sa.Text(), nullable=True))


def downgrade() -> None:
    # A plain DROP COLUMN (SQLite >= 3.35 has it): batch mode would recreate the tables, and on
    # SQLite dropping the old ``conflicts`` would cascade to every row of ``conflict_claims``.
    op.drop_column("conflicts", "sides")
    for name, _ in reversed(COLUMNS):
        op.drop_column("pledge_claims", name)
