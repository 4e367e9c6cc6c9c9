"""Documents, actors, claims, claim donors and memberships.

Revision ID: 0001_documents
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_documents"
down_revision = None
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
ACTIONS = ("joined", "signed_charter", "accepted_invitation", "declined", "withdrew")


def one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("doc_id", sa.String(300), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("outlet", sa.String(300)),
        sa.Column("published", sa.Date),
        sa.Column("initiative", sa.String(300)),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("source_path", sa.Text),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("extractor_version", sa.String(50)),
        sa.PrimaryKeyConstraint("id", name="pk_documents"),
        sa.UniqueConstraint("doc_id", name="uq_documents_doc_id"),
        sa.UniqueConstraint("content_hash", name="uq_documents_content_hash"),
    )
    for column in ("published", "initiative", "outlet"):
        op.create_index(f"ix_documents_{column}", "documents", [column])

    op.create_table(
        "actors",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("kind", sa.String(20)),
        sa.Column("iso3", sa.String(3)),
        sa.Column("aliases", sa.Text, nullable=False, server_default="[]"),
        sa.Column("role", sa.String(300)),
        sa.Column("speaks_for_id", sa.Integer),
        sa.PrimaryKeyConstraint("id", name="pk_actors"),
        sa.UniqueConstraint("name", name="uq_actors_name"),
        sa.ForeignKeyConstraint(
            ["speaks_for_id"], ["actors.id"], name="fk_actors_speaks_for_id_actors", ondelete="SET NULL"
        ),
        sa.CheckConstraint(one_of("kind", ("state", "organisation", "person")), name="ck_actors_kind"),
    )
    op.create_index("ix_actors_iso3", "actors", ["iso3"])

    op.create_table(
        "claims",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("document_id", sa.Integer, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("stance", sa.String(10), nullable=False),
        sa.Column("stage", sa.String(10), nullable=False),
        sa.Column("category", sa.String(20), nullable=False),
        sa.Column("amount_value", sa.Double),
        sa.Column("amount_unit", sa.String(50)),
        sa.Column("bound", sa.String(10)),
        sa.Column("collective", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("recipient", sa.Text),
        sa.Column("period", sa.Text),
        sa.Column("speaker", sa.String(300)),
        sa.Column("date", sa.Date),
        sa.Column("evidence", sa.Text, nullable=False),
        sa.Column("evidence_start", sa.Integer, nullable=False),
        sa.Column("evidence_end", sa.Integer, nullable=False),
        sa.Column("rule", sa.String(200), nullable=False, server_default=""),
        sa.Column("extractor_version", sa.String(50)),
        sa.Column("review_state", sa.String(10), nullable=False, server_default="machine"),
        sa.PrimaryKeyConstraint("id", name="pk_claims"),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name="fk_claims_document_id_documents", ondelete="CASCADE"
        ),
        sa.CheckConstraint(one_of("stance", ("commit", "deny")), name="ck_claims_stance"),
        sa.CheckConstraint(one_of("stage", ("pledge", "delivered")), name="ck_claims_stage"),
        sa.CheckConstraint(one_of("category", CATEGORIES), name="ck_claims_category"),
        sa.CheckConstraint(one_of("bound", ("min", "max", "approx")), name="ck_claims_bound"),
        sa.CheckConstraint(
            one_of("review_state", ("machine", "accepted", "rejected", "edited")),
            name="ck_claims_review_state",
        ),
        sa.CheckConstraint(
            "evidence_start >= 0 AND evidence_end >= evidence_start", name="ck_claims_evidence_span"
        ),
    )
    op.create_index("ix_claims_document_id_position", "claims", ["document_id", "position"], unique=True)
    for column in ("category", "stance", "review_state", "date"):
        op.create_index(f"ix_claims_{column}", "claims", [column])

    op.create_table(
        "claim_donors",
        sa.Column("claim_id", sa.Integer, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("actor_id", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("claim_id", "position", name="pk_claim_donors"),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claims.id"], name="fk_claim_donors_claim_id_claims", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["actor_id"], ["actors.id"], name="fk_claim_donors_actor_id_actors"),
    )
    op.create_index("ix_claim_donors_actor_id", "claim_donors", ["actor_id"])

    op.create_table(
        "memberships",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("document_id", sa.Integer, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("actor_id", sa.Integer, nullable=False),
        sa.Column("action", sa.String(30), nullable=False),
        sa.Column("date", sa.Date),
        sa.Column("evidence", sa.Text, nullable=False),
        sa.Column("evidence_start", sa.Integer, nullable=False),
        sa.Column("evidence_end", sa.Integer, nullable=False),
        sa.Column("rule", sa.String(200), nullable=False, server_default=""),
        sa.PrimaryKeyConstraint("id", name="pk_memberships"),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name="fk_memberships_document_id_documents", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["actor_id"], ["actors.id"], name="fk_memberships_actor_id_actors"),
        sa.CheckConstraint(one_of("action", ACTIONS), name="ck_memberships_action"),
    )
    op.create_index(
        "ix_memberships_document_id_position", "memberships", ["document_id", "position"], unique=True
    )
    for column in ("actor_id", "action"):
        op.create_index(f"ix_memberships_{column}", "memberships", [column])


def downgrade() -> None:
    for table in ("memberships", "claim_donors", "claims", "actors", "documents"):
        op.drop_table(table)
