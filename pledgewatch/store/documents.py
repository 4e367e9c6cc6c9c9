"""Write a document with its claims in one transaction; read documents back as records.

    with engine.connect() as conn:
        result = save_document(conn, document, extraction)   # commits, or stores nothing
        get_document(conn, result.doc_id)

A document is identified by its content hash: saving the same text again stores
nothing and returns ``SaveResult(stored=False)``. The claim queries live in ``claims.py``
and are re-exported here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from sqlalchemy import Connection, RowMapping, func, insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DataError, IntegrityError

from pledgewatch.errors import DocumentNotStoredError
from pledgewatch.records import Claim, Document, Extraction, Membership
from pledgewatch.store.actors import actor_ids
from pledgewatch.store.claims import count_claims, list_claims, list_memberships
from pledgewatch.store.tables import claim_donors, claims, documents, memberships

__all__ = [
    "SaveResult",
    "count_claims",
    "count_documents",
    "get_document",
    "insert_claims",
    "list_claims",
    "list_documents",
    "list_memberships",
    "save_document",
    "stored_doc_id",
]


@dataclass(frozen=True, slots=True)
class SaveResult:
    doc_id: str
    stored: bool  # False: a document with the same content hash was already there
    claims: int = 0
    memberships: int = 0
    id: int | None = None


def save_document(conn: Connection, document: Document, extraction: Extraction) -> SaveResult:
    """Store a document, its claims and memberships in ONE transaction; a no-op for known content.

    ``conn`` should not be inside a transaction: this commits. When the caller has one
    open, the writes go into a savepoint and the caller commits.
    """
    _check_evidence(document, extraction)
    try:
        return _save(conn, document, extraction)
    except (IntegrityError, DataError) as error:
        raise DocumentNotStoredError(
            f"document {document.doc_id!r} refused by the database: {error.orig}", path=document.source_path
        ) from error


def _check_evidence(document: Document, extraction: Extraction) -> None:
    """Evidence is sacred: every claim's offsets must point at its sentence in the stored text."""
    evidence = [c.evidence for c in extraction.claims] + [m.evidence for m in extraction.memberships]
    for span in evidence:
        if not span.check(document.text):
            raise DocumentNotStoredError(
                f"evidence {span.text[:60]!r} is not at [{span.start}:{span.end}] "
                f"of document {document.doc_id!r}",
                path=document.source_path,
            )


def _save(conn: Connection, document: Document, extraction: Extraction) -> SaveResult:
    scope = conn.begin_nested() if conn.in_transaction() else conn.begin()
    with scope:
        known = stored_doc_id(conn, document.content_hash)
        if known is not None:
            return SaveResult(doc_id=known, stored=False)
        doc_id = _free_doc_id(conn, document)
        insert_doc = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
        row_id = conn.execute(
            insert_doc(documents)
            .values(
                doc_id=doc_id,
                content_hash=document.content_hash,
                url=document.url,
                title=document.title,
                outlet=document.outlet,
                published=document.published,
                initiative=document.initiative,
                text=document.text,
                source_path=document.source_path,
                ingested_at=dt.datetime.now(dt.UTC),
                extractor_version=extraction.extractor_version or None,
            )
            .on_conflict_do_nothing(index_elements=["content_hash"])
            .returning(documents.c.id)
        ).scalar_one_or_none()
        if row_id is None:  # another writer stored the same text a moment ago
            return SaveResult(doc_id=doc_id, stored=False)
        _insert_claims(conn, row_id, extraction)
        insert_memberships(conn, row_id, extraction.memberships)
    return SaveResult(
        doc_id=doc_id,
        stored=True,
        claims=len(extraction.claims),
        memberships=len(extraction.memberships),
        id=row_id,
    )


def _free_doc_id(conn: Connection, document: Document) -> str:
    """The document's id, or id-HASH8 when another text already uses that id."""
    taken = conn.execute(select(documents.c.id).where(documents.c.doc_id == document.doc_id)).first()
    return document.doc_id if taken is None else f"{document.doc_id}-{document.content_hash[:8]}"


def _insert_claims(conn: Connection, document_id: int, extraction: Extraction) -> None:
    version = extraction.extractor_version or None
    found = [
        c if c.extractor_version or version is None else replace(c, extractor_version=version)
        for c in extraction.claims
    ]
    insert_claims(conn, document_id, found)


def insert_claims(
    conn: Connection, document_id: int, found: Sequence[Claim], *, first_position: int = 0
) -> list[int]:
    """Insert claims of one document, with their donors, at positions ``first_position`` on; each
    keeps its own review state and extractor version. Returns their ids, in order."""
    if not found:
        return []
    rows = [
        {
            "document_id": document_id,
            "position": first_position + i,
            "stance": c.stance,
            "stage": c.stage,
            "category": c.category,
            "amount_value": c.amount.value if c.amount else None,
            "amount_unit": c.amount.unit if c.amount else None,
            "bound": c.bound,
            "collective": c.collective,
            "recipient": c.recipient,
            "period": c.period,
            "speaker": c.speaker,
            "date": c.date,
            "evidence": c.evidence.text,
            "evidence_start": c.evidence.start,
            "evidence_end": c.evidence.end,
            "rule": c.rule,
            "extractor_version": c.extractor_version or None,
            "review_state": c.review_state,
        }
        for i, c in enumerate(found)
    ]
    ids = list(
        conn.execute(insert(claims).returning(claims.c.id, sort_by_parameter_order=True), rows).scalars()
    )
    actors = actor_ids(conn, (name for c in found for name in c.donors))
    donor_rows = [
        {"claim_id": claim_id, "position": position, "actor_id": actors[name]}
        for claim_id, c in zip(ids, found, strict=True)
        for position, name in enumerate(c.donors)
    ]
    if donor_rows:
        conn.execute(insert(claim_donors), donor_rows)
    return ids


def insert_memberships(conn: Connection, document_id: int, found: Sequence[Membership]) -> None:
    """Insert the memberships of one document, in their order."""
    if not found:
        return
    ids = actor_ids(conn, (m.member for m in found))
    rows = [
        {
            "document_id": document_id,
            "position": position,
            "actor_id": ids[m.member],
            "action": m.action,
            "date": m.date,
            "evidence": m.evidence.text,
            "evidence_start": m.evidence.start,
            "evidence_end": m.evidence.end,
            "rule": m.rule,
        }
        for position, m in enumerate(found)
    ]
    conn.execute(insert(memberships), rows)


# --- reading ----------------------------------------------------------------------------


def stored_doc_id(conn: Connection, content_hash: str) -> str | None:
    """The id under which this text is already stored, or None."""
    query = select(documents.c.doc_id).where(documents.c.content_hash == content_hash)
    return conn.execute(query).scalar_one_or_none()


def _document(row: RowMapping) -> Document:
    return Document(
        doc_id=row["doc_id"],
        text=row["text"],
        content_hash=row["content_hash"],
        url=row["url"],
        title=row["title"],
        outlet=row["outlet"],
        published=row["published"],
        initiative=row["initiative"],
        source_path=row["source_path"],
    )


def get_document(conn: Connection, doc_id: str) -> Document | None:
    row = conn.execute(select(documents).where(documents.c.doc_id == doc_id)).mappings().first()
    return None if row is None else _document(row)


def list_documents(
    conn: Connection,
    *,
    initiative: str | None = None,
    outlet: str | None = None,
    published_from: dt.date | None = None,
    published_to: dt.date | None = None,
    limit: int | None = 100,
    offset: int = 0,
) -> list[Document]:
    """Documents in the order they were stored, filtered by what is given."""
    query = select(documents).order_by(documents.c.id).offset(offset).limit(limit)
    if initiative is not None:
        query = query.where(documents.c.initiative == initiative)
    if outlet is not None:
        query = query.where(documents.c.outlet == outlet)
    if published_from is not None:
        query = query.where(documents.c.published >= published_from)
    if published_to is not None:
        query = query.where(documents.c.published <= published_to)
    return [_document(row) for row in conn.execute(query).mappings()]


def count_documents(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(documents)).scalar_one())
