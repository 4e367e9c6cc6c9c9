"""The tables of documents, actors, claims and memberships (SQLAlchemy Core).

Names follow ``records.py``: a row of ``claims`` is a ``Claim``. The schema itself is
created by the Alembic revisions in ``migrations/versions``; a test checks that these
definitions and the migrated database agree. Other tables (ledger, tokens) add
themselves to the same ``metadata`` in their own modules.
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
    MetaData,
    String,
    Table,
    Text,
    false,
)

from pledgewatch.records import ACTIONS, CATEGORIES, REVIEW_STATES, STAGES, STANCES

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING)

ACTOR_KINDS: tuple[str, ...] = ("state", "organisation", "person")


def one_of(column: str, values: tuple[str, ...]) -> str:
    quoted = ", ".join(f"'{v}'" for v in values)
    return f"{column} IN ({quoted})"


documents = Table(
    "documents",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("doc_id", String(300), nullable=False, unique=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("url", Text),
    Column("title", Text),
    Column("outlet", String(300)),
    Column("published", Date),
    Column("initiative", String(300)),
    Column("text", Text, nullable=False),
    Column("source_path", Text),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Column("extractor_version", String(50)),
    Index(None, "published"),
    Index(None, "initiative"),
    Index(None, "outlet"),
)

actors = Table(
    "actors",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(300), nullable=False, unique=True),
    Column("kind", String(20)),
    Column("iso3", String(3)),
    Column("aliases", Text, nullable=False, server_default="[]"),
    Column("role", String(300)),
    Column("speaks_for_id", Integer, ForeignKey("actors.id", ondelete="SET NULL")),
    CheckConstraint(one_of("kind", ACTOR_KINDS), name="kind"),
    Index(None, "iso3"),
)

claims = Table(
    "claims",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("stance", String(10), nullable=False),
    Column("stage", String(10), nullable=False),
    Column("category", String(20), nullable=False),
    Column("amount_value", Double),
    Column("amount_unit", String(50)),
    Column("bound", String(10)),
    Column("collective", Boolean, nullable=False, server_default=false()),
    Column("recipient", Text),
    Column("period", Text),
    Column("speaker", String(300)),
    Column("date", Date),
    Column("evidence", Text, nullable=False),
    Column("evidence_start", Integer, nullable=False),
    Column("evidence_end", Integer, nullable=False),
    Column("rule", String(200), nullable=False, server_default=""),
    Column("extractor_version", String(50)),
    Column("review_state", String(10), nullable=False, server_default="machine"),
    CheckConstraint(one_of("stance", STANCES), name="stance"),
    CheckConstraint(one_of("stage", STAGES), name="stage"),
    CheckConstraint(one_of("category", CATEGORIES), name="category"),
    CheckConstraint(one_of("bound", ("min", "max", "approx")), name="bound"),
    CheckConstraint(one_of("review_state", REVIEW_STATES), name="review_state"),
    CheckConstraint("evidence_start >= 0 AND evidence_end >= evidence_start", name="evidence_span"),
    Index(None, "document_id", "position", unique=True),
    Index(None, "category"),
    Index(None, "stance"),
    Index(None, "review_state"),
    Index(None, "date"),
)

claim_donors = Table(
    "claim_donors",
    metadata,
    Column("claim_id", Integer, ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("actor_id", Integer, ForeignKey("actors.id"), nullable=False),
    Index(None, "actor_id"),
)

memberships = Table(
    "memberships",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("actor_id", Integer, ForeignKey("actors.id"), nullable=False),
    Column("action", String(30), nullable=False),
    Column("date", Date),
    Column("evidence", Text, nullable=False),
    Column("evidence_start", Integer, nullable=False),
    Column("evidence_end", Integer, nullable=False),
    Column("rule", String(200), nullable=False, server_default=""),
    CheckConstraint(one_of("action", ACTIONS), name="action"),
    Index(None, "document_id", "position", unique=True),
    Index(None, "actor_id"),
    Index(None, "action"),
)
