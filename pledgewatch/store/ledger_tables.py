"""The ledger's tables: pledges and their claims and members, conflicts, the review log.

They share ``tables.metadata``; Alembic revision ``0002_ledger`` creates them. Pledges and
conflicts are derived (``--rebuild`` can always recompute them from the claims); the review
log is not: it is append-only (triggers refuse UPDATE and DELETE).
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Double,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    false,
)

from pledgewatch.records import CATEGORIES, CONFLICT_KINDS, PLEDGE_STATUSES
from pledgewatch.store.tables import metadata, one_of

SUMMARY_COLUMNS: tuple[str, ...] = (
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
REVIEW_ACTIONS: tuple[str, ...] = ("accept", "reject", "edit", "add", "skip", "reextract")

pledges = Table(
    "pledges",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("initiative", String(300), nullable=False),
    Column("donor", String(1000), nullable=False),
    Column("category", String(20), nullable=False),
    Column("is_group", Boolean, nullable=False, server_default=false()),
    Column("status", String(10), nullable=False),
    Column("recipient", Text),
    Column("pledged_value", Double),
    Column("pledged_unit", String(50)),
    Column("pledged_usd", Double),
    Column("pledged_bound", String(10)),
    Column("delivered_value", Double),
    Column("delivered_unit", String(50)),
    Column("delivered_usd", Double),
    Column("denied_value", Double),
    Column("denied_unit", String(50)),
    Column("denied_usd", Double),
    Column("has_pledge", Boolean, nullable=False, server_default=false()),
    Column("has_delivery", Boolean, nullable=False, server_default=false()),
    Column("has_denial", Boolean, nullable=False, server_default=false()),
    Column("first_reported", Date),
    Column("last_reported", Date),
    Column("sources", Integer, nullable=False, server_default="0"),
    Column("revisions", Text, nullable=False, server_default="[]"),
    Column("recipients", Text, nullable=False, server_default="[]"),
    Column("units", Text, nullable=False, server_default="[]"),
    Column("usd_flags", Text, nullable=False, server_default="[]"),
    CheckConstraint(one_of("category", CATEGORIES), name="category"),
    CheckConstraint(one_of("status", PLEDGE_STATUSES), name="status"),
    Index(None, "initiative", "donor", "category", unique=True),
    Index(None, "category"),
    Index(None, "status"),
    Index(None, "donor"),
    # The few joint rows of an initiative and category, found without reading the others.
    Index(None, "is_group", "initiative", "category"),
    # Covers the summary query: one narrow index scan instead of the wide rows.
    Index("ix_pledges_summary", *SUMMARY_COLUMNS),
)

pledge_claims = Table(
    "pledge_claims",
    metadata,
    Column("pledge_id", Integer, ForeignKey("pledges.id", ondelete="CASCADE"), primary_key=True),
    Column("claim_id", Integer, ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True),
    # What the row was built from: the claim's ledger fields and its document's, copied here
    # (revision 0005) so a refresh reads a row's claims in one range scan of this table, not by
    # claim id across the claims, donors and documents tables. ``stance`` NULL: not copied yet
    # (a link written before 0005); the refresh then reads that claim from the claims table.
    Column("stance", String(10)),
    Column("stage", String(10)),
    Column("category", String(20)),
    Column("amount_value", Double),
    Column("amount_unit", String(50)),
    Column("bound", String(10)),
    Column("collective", Boolean),
    Column("recipient", Text),
    Column("period", Text),
    Column("speaker", String(300)),
    Column("date", Date),
    Column("evidence_start", Integer),
    Column("evidence_end", Integer),
    Column("review_state", String(10)),
    Column("donors", Text),  # JSON list of the names as the claim gives them
    Column("doc_id", String(300)),
    Column("published", Date),
    Column("initiative", String(300)),
    Column("outlet", String(300)),
    Index(None, "claim_id"),
)

pledge_members = Table(
    "pledge_members",
    metadata,
    Column("pledge_id", Integer, ForeignKey("pledges.id", ondelete="CASCADE"), primary_key=True),
    Column("member", String(300), primary_key=True),
    # The row's initiative and category again: a member's joint pledges are found by index.
    Column("initiative", String(300), nullable=False),
    Column("category", String(20), nullable=False),
    Index(None, "member", "initiative", "category"),
)

conflicts = Table(
    "conflicts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("pledge_id", Integer, ForeignKey("pledges.id", ondelete="CASCADE"), nullable=False),
    Column("kind", String(10), nullable=False),
    Column("initiative", String(300), nullable=False),
    Column("donor", String(1000), nullable=False),
    Column("category", String(20), nullable=False),
    Column("detail", Text, nullable=False, server_default=""),
    # A copy of the sides in ``conflict_claims`` (JSON [[a ids], [b ids]], revision 0005): a
    # refresh compares it with the new sides without reading one row per claim. NULL: not
    # copied yet (a conflict written before 0005).
    Column("sides", Text),
    CheckConstraint(one_of("kind", CONFLICT_KINDS), name="kind"),
    Index(None, "pledge_id"),
    Index(None, "donor"),
)

conflict_claims = Table(
    "conflict_claims",
    metadata,
    Column("conflict_id", Integer, ForeignKey("conflicts.id", ondelete="CASCADE"), primary_key=True),
    Column("claim_id", Integer, ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True),
    Column("side", String(1), primary_key=True),
    CheckConstraint(one_of("side", ("a", "b")), name="side"),
    Index(None, "claim_id"),
)

review_log = Table(
    "review_log",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("claim_id", Integer),
    Column("doc_id", String(300)),
    Column("action", String(10), nullable=False),
    Column("field", String(30)),
    Column("old_value", Text),
    Column("new_value", Text),
    Column("reason", Text),
    Column("reviewer", String(200), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    CheckConstraint(one_of("action", REVIEW_ACTIONS), name="action"),
    Index(None, "claim_id"),
    Index(None, "at"),
)

# One row, updated first by every ledger write: it serialises refreshes on SQLite and
# PostgreSQL alike, so two ingesting processes never lose each other's claims.
ledger_lock = Table(
    "ledger_lock",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("version", Integer, nullable=False, server_default="0"),
)
