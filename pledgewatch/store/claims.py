"""Read claims and memberships back as records, filtered by document, donor, category, review state."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Select, func, select

from pledgewatch.records import Amount, Claim, Evidence, Membership
from pledgewatch.store.tables import actors, claim_donors, claims, documents, memberships

# A claim's columns, in the order ``claim_from_row`` reads them (by position: it runs for every
# claim of a ledger rebuild, and reading by position is the fastest way through a row).
CLAIM_COLUMNS = (
    claims.c.id,
    claims.c.stance,
    claims.c.stage,
    claims.c.category,
    claims.c.amount_value,
    claims.c.amount_unit,
    claims.c.bound,
    claims.c.collective,
    claims.c.recipient,
    claims.c.period,
    claims.c.speaker,
    claims.c.date,
    claims.c.evidence,
    claims.c.evidence_start,
    claims.c.evidence_end,
    claims.c.rule,
    claims.c.extractor_version,
    claims.c.review_state,
    documents.c.doc_id,
    documents.c.published,
)


def select_claims() -> Select[Any]:
    """``CLAIM_COLUMNS``: claims joined with their document's id and publication date."""
    return select(*CLAIM_COLUMNS).join(documents, documents.c.id == claims.c.document_id)


def claim_from_row(row: Any, donors: tuple[str, ...]) -> Claim:
    """The ``Claim`` of a row that starts with ``CLAIM_COLUMNS``, with its donors' names."""
    (cid, stance, stage, category, value, unit, bound, collective, recipient, period, speaker, date,
     evidence, start, end, rule, version, state, doc_id, published) = tuple(row)[:20]  # fmt: skip
    return Claim(
        donors=donors,
        stance=stance,
        stage=stage,
        category=category,
        evidence=Evidence(evidence, start, end),
        amount=None if unit is None else Amount(float(value), unit),
        bound=bound,
        collective=bool(collective),
        recipient=recipient,
        period=period,
        speaker=speaker,
        date=date,
        rule=rule,
        id=cid,
        doc_id=doc_id,
        extractor_version=version,
        review_state=state,
        published=published,
    )


def with_donors(conn: Connection, rows: Sequence[Any]) -> list[Claim]:
    """The claims of rows of ``select_claims()``, each with its donors (one query per 500 claims)."""
    donors = donors_of(conn, [row.id for row in rows])
    return [claim_from_row(row, donors.get(row.id, ())) for row in rows]


def get_claim(conn: Connection, claim_id: int) -> Claim | None:
    """One claim with its donors, or None when there is no claim with that id."""
    found = with_donors(conn, conn.execute(select_claims().where(claims.c.id == claim_id)).all())
    return found[0] if found else None


def where_claims(
    query: Select[Any],
    *,
    doc_id: str | None = None,
    donor: str | None = None,
    category: str | None = None,
    review_state: str | None = None,
) -> Select[Any]:
    """``query`` (over claims joined with documents) narrowed to the filters that are set."""
    if doc_id is not None:
        query = query.where(documents.c.doc_id == doc_id)
    if donor is not None:
        query = query.where(
            claims.c.id.in_(
                select(claim_donors.c.claim_id)
                .join(actors, actors.c.id == claim_donors.c.actor_id)
                .where(actors.c.name == donor)
            )
        )
    if category is not None:
        query = query.where(claims.c.category == category)
    if review_state is not None:
        query = query.where(claims.c.review_state == review_state)
    return query


def list_claims(
    conn: Connection,
    *,
    doc_id: str | None = None,
    donor: str | None = None,
    category: str | None = None,
    review_state: str | None = None,
    limit: int | None = 1000,
    offset: int = 0,
) -> list[Claim]:
    """Claims, each with its donors, its document id and publication date.

    One document's claims come in their order in the document; claims of many documents in the
    order they were stored (by id, the primary key), so a filter on an indexed column stays an
    index walk instead of a sort of every match: fast with a million claims.
    """
    order = [claims.c.id] if doc_id is None else [claims.c.document_id, claims.c.position]
    query = select_claims().order_by(*order).offset(offset).limit(limit)
    query = where_claims(query, doc_id=doc_id, donor=donor, category=category, review_state=review_state)
    return with_donors(conn, conn.execute(query).all())


def count_claims(
    conn: Connection,
    *,
    doc_id: str | None = None,
    donor: str | None = None,
    category: str | None = None,
    review_state: str | None = None,
) -> int:
    query = select(func.count()).select_from(claims.join(documents, documents.c.id == claims.c.document_id))
    query = where_claims(query, doc_id=doc_id, donor=donor, category=category, review_state=review_state)
    return int(conn.execute(query).scalar_one())


def donors_of(conn: Connection, claim_ids: list[int]) -> dict[int, tuple[str, ...]]:
    """Donor names per claim id, in the order the claim gives them."""
    names: dict[int, list[str]] = defaultdict(list)
    for start in range(0, len(claim_ids), 500):
        chunk = claim_ids[start : start + 500]
        rows = conn.execute(
            select(claim_donors.c.claim_id, actors.c.name)
            .join(actors, actors.c.id == claim_donors.c.actor_id)
            .where(claim_donors.c.claim_id.in_(chunk))
            .order_by(claim_donors.c.claim_id, claim_donors.c.position)
        )
        for claim_id, name in rows:
            names[claim_id].append(name)
    return {claim_id: tuple(values) for claim_id, values in names.items()}


def list_memberships(
    conn: Connection,
    *,
    doc_id: str | None = None,
    member: str | None = None,
    action: str | None = None,
    limit: int | None = 1000,
    offset: int = 0,
) -> list[Membership]:
    query = (
        select(memberships, actors.c.name, documents.c.doc_id)
        .join(actors, actors.c.id == memberships.c.actor_id)
        .join(documents, documents.c.id == memberships.c.document_id)
        .order_by(memberships.c.document_id, memberships.c.position)
        .offset(offset)
        .limit(limit)
    )
    if doc_id is not None:
        query = query.where(documents.c.doc_id == doc_id)
    if member is not None:
        query = query.where(actors.c.name == member)
    if action is not None:
        query = query.where(memberships.c.action == action)
    return [
        Membership(
            member=row.name,
            action=row.action,
            evidence=Evidence(text=row.evidence, start=row.evidence_start, end=row.evidence_end),
            date=row.date,
            rule=row.rule,
            id=row.id,
            doc_id=row.doc_id,
        )
        for row in conn.execute(query)
    ]
