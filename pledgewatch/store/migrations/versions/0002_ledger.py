"""Ledger: pledges, pledge claims and members, conflicts, conflict claims, the review log.

Revision ID: 0002_ledger
Revises: 0001_documents
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_ledger"
down_revision = "0001_documents"
branch_labels = None
depends_on = None

CATEGORIES = (
    "funding",
    "food",
    "medical",
    "security",
    "education",
    "reconstruction",
    "expertise",
    "humanitarian",
)
STATUSES = ("pledged", "delivered", "partial", "denied", "disputed")
KINDS = ("stance", "stage", "amount", "date")
SUMMARY_COLUMNS = (
    "is_group",
    "has_pledge",
    "has_delivery",
    "has_denial",
    "units",
    "pledged_unit",
    "delivered_unit",
    "denied_unit",
    "pledged_value",
    "pledged_usd",
    "delivered_value",
    "delivered_usd",
    "denied_value",
    "denied_usd",
)
REVIEW_ACTIONS = ("accept", "reject", "edit", "add", "skip", "reextract")


def one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def _amount(stage: str) -> list[sa.Column]:
    return [
        sa.Column(f"{stage}_value", sa.Double),
        sa.Column(f"{stage}_unit", sa.String(50)),
        sa.Column(f"{stage}_usd", sa.Double),
    ]


def upgrade() -> None:
    op.create_table(
        "pledges",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("initiative", sa.String(300), nullable=False),
        sa.Column("donor", sa.String(1000), nullable=False),
        sa.Column("category", sa.String(20), nullable=False),
        sa.Column("is_group", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("recipient", sa.Text),
        sa.Column("pledged_value", sa.Double),
        sa.Column("pledged_unit", sa.String(50)),
        sa.Column("pledged_usd", sa.Double),
        sa.Column("pledged_bound", sa.String(10)),
        *_amount("delivered"),
        *_amount("denied"),
        sa.Column("has_pledge", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("has_delivery", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("has_denial", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("first_reported", sa.Date),
        sa.Column("last_reported", sa.Date),
        sa.Column("sources", sa.Integer, nullable=False, server_default="0"),
        sa.Column("revisions", sa.Text, nullable=False, server_default="[]"),
        sa.Column("recipients", sa.Text, nullable=False, server_default="[]"),
        sa.Column("units", sa.Text, nullable=False, server_default="[]"),
        sa.Column("usd_flags", sa.Text, nullable=False, server_default="[]"),
        sa.PrimaryKeyConstraint("id", name="pk_pledges"),
        sa.CheckConstraint(one_of("category", CATEGORIES), name="ck_pledges_category"),
        sa.CheckConstraint(one_of("status", STATUSES), name="ck_pledges_status"),
    )
    op.create_index(
        "ix_pledges_initiative_donor_category", "pledges", ["initiative", "donor", "category"], unique=True
    )
    for column in ("category", "status", "donor"):
        op.create_index(f"ix_pledges_{column}", "pledges", [column])
    op.create_index("ix_pledges_summary", "pledges", list(SUMMARY_COLUMNS))

    op.create_table(
        "pledge_claims",
        sa.Column("pledge_id", sa.Integer, nullable=False),
        sa.Column("claim_id", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("pledge_id", "claim_id", name="pk_pledge_claims"),
        sa.ForeignKeyConstraint(
            ["pledge_id"], ["pledges.id"], name="fk_pledge_claims_pledge_id_pledges", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claims.id"], name="fk_pledge_claims_claim_id_claims", ondelete="CASCADE"
        ),
    )
    op.create_index("ix_pledge_claims_claim_id", "pledge_claims", ["claim_id"])

    op.create_table(
        "pledge_members",
        sa.Column("pledge_id", sa.Integer, nullable=False),
        sa.Column("member", sa.String(300), nullable=False),
        sa.Column("initiative", sa.String(300), nullable=False),
        sa.Column("category", sa.String(20), nullable=False),
        sa.PrimaryKeyConstraint("pledge_id", "member", name="pk_pledge_members"),
        sa.ForeignKeyConstraint(
            ["pledge_id"], ["pledges.id"], name="fk_pledge_members_pledge_id_pledges", ondelete="CASCADE"
        ),
    )
    op.create_index(
        "ix_pledge_members_member_initiative_category", "pledge_members", ["member", "initiative", "category"]
    )

    op.create_table(
        "conflicts",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("pledge_id", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("initiative", sa.String(300), nullable=False),
        sa.Column("donor", sa.String(1000), nullable=False),
        sa.Column("category", sa.String(20), nullable=False),
        sa.Column("detail", sa.Text, nullable=False, server_default=""),
        sa.PrimaryKeyConstraint("id", name="pk_conflicts"),
        sa.ForeignKeyConstraint(
            ["pledge_id"], ["pledges.id"], name="fk_conflicts_pledge_id_pledges", ondelete="CASCADE"
        ),
        sa.CheckConstraint(one_of("kind", KINDS), name="ck_conflicts_kind"),
    )
    op.create_index("ix_conflicts_pledge_id", "conflicts", ["pledge_id"])
    op.create_index("ix_conflicts_donor", "conflicts", ["donor"])

    op.create_table(
        "conflict_claims",
        sa.Column("conflict_id", sa.Integer, nullable=False),
        sa.Column("claim_id", sa.Integer, nullable=False),
        sa.Column("side", sa.String(1), nullable=False),
        sa.PrimaryKeyConstraint("conflict_id", "claim_id", "side", name="pk_conflict_claims"),
        sa.ForeignKeyConstraint(
            ["conflict_id"],
            ["conflicts.id"],
            name="fk_conflict_claims_conflict_id_conflicts",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claims.id"], name="fk_conflict_claims_claim_id_claims", ondelete="CASCADE"
        ),
        sa.CheckConstraint(one_of("side", ("a", "b")), name="ck_conflict_claims_side"),
    )
    op.create_index("ix_conflict_claims_claim_id", "conflict_claims", ["claim_id"])

    op.create_table(
        "review_log",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("claim_id", sa.Integer),
        sa.Column("doc_id", sa.String(300)),
        sa.Column("action", sa.String(10), nullable=False),
        sa.Column("field", sa.String(30)),
        sa.Column("old_value", sa.Text),
        sa.Column("new_value", sa.Text),
        sa.Column("reason", sa.Text),
        sa.Column("reviewer", sa.String(200), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_review_log"),
        sa.CheckConstraint(one_of("action", REVIEW_ACTIONS), name="ck_review_log_action"),
    )
    op.create_index("ix_review_log_claim_id", "review_log", ["claim_id"])
    op.create_index("ix_review_log_at", "review_log", ["at"])

    op.create_table(
        "ledger_lock",
        sa.Column("id", sa.Integer, nullable=False, autoincrement=False),
        sa.Column("version", sa.Integer, nullable=False, server_default="0"),
        sa.PrimaryKeyConstraint("id", name="pk_ledger_lock"),
    )
    op.execute("INSERT INTO ledger_lock (id, version) VALUES (1, 0)")
    _append_only()


def _append_only() -> None:
    """The review log refuses UPDATE and DELETE, whoever asks."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION review_log_append_only() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN RAISE EXCEPTION 'review_log is append-only'; END $$"
        )
        op.execute(
            "CREATE TRIGGER review_log_append_only BEFORE UPDATE OR DELETE ON review_log "
            "FOR EACH ROW EXECUTE FUNCTION review_log_append_only()"
        )
        return
    for event in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER review_log_no_{event.lower()} BEFORE {event} ON review_log "
            "BEGIN SELECT RAISE(ABORT, 'review_log is append-only'); END"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS review_log_append_only ON review_log")
        op.execute("DROP FUNCTION IF EXISTS review_log_append_only()")
    for table in (
        "ledger_lock",
        "review_log",
        "conflict_claims",
        "conflicts",
        "pledge_members",
        "pledge_claims",
    ):
        op.drop_table(table)
    op.drop_table("pledges")
