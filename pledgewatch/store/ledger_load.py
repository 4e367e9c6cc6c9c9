"""Read claims back for the ledger in bulk: one query for the claims, one for their donors."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from sqlalchemy import BindParameter, ColumnElement, Connection, and_, bindparam, literal, or_, select

from pledgewatch.records import Claim
from pledgewatch.store.claims import CLAIM_COLUMNS, claim_from_row
from pledgewatch.store.tables import actors, claim_donors, claims, documents

CHUNK = 500
ID_CHUNK = 2000  # ids per IN list when loading claims


@dataclass(frozen=True, slots=True)
class Source:
    """What the ledger needs of a stored document."""

    doc_id: str
    published: dt.date | None
    initiative: str | None
    outlet: str | None
    title: str | None = None
    url: str | None = None


# What the ledger reads of a document: the fields of ``Source``, in order.
_SOURCE_COLUMNS = (
    documents.c.doc_id,
    documents.c.published,
    documents.c.initiative,
    documents.c.outlet,
    documents.c.title,
    documents.c.url,
)
_COLUMNS = (*CLAIM_COLUMNS[:18], *_SOURCE_COLUMNS)  # a claim's columns, then its source's

# The same columns with an empty string in place of the evidence sentence.
_NO_TEXT = tuple(literal("").label("evidence") if c is claims.c.evidence else c for c in _COLUMNS)


# By-id lookups as fixed statements with one list parameter: SQLAlchemy compiles each once
# (cached) and passes the ids as they are, instead of building a clause per id on every call.
_IDS: BindParameter[Any] = bindparam("ids", expanding=True)
_CLAIMS_BY_ID = {
    with_text: select(*(_COLUMNS if with_text else _NO_TEXT)[:18], claims.c.document_id).where(
        claims.c.id.in_(_IDS)
    )
    for with_text in (True, False)
}
_SOURCES_BY_ID = select(documents.c.id, *_SOURCE_COLUMNS).where(documents.c.id.in_(_IDS))
_DONORS_BY_ID = (
    select(claim_donors.c.claim_id, actors.c.name)
    .join(actors, actors.c.id == claim_donors.c.actor_id)
    .where(claim_donors.c.claim_id.in_(_IDS))
    .order_by(claim_donors.c.claim_id, claim_donors.c.position)
)


def _donors(conn: Connection, where: ColumnElement[bool], by_id: bool) -> dict[int, tuple[str, ...]]:
    names: dict[int, list[str]] = defaultdict(list)
    query = select(claim_donors.c.claim_id, actors.c.name).join(
        actors, actors.c.id == claim_donors.c.actor_id
    )
    if not by_id:  # the condition names claim or document columns
        query = query.join(claims, claims.c.id == claim_donors.c.claim_id).join(
            documents, documents.c.id == claims.c.document_id
        )
    query = query.where(where).order_by(claim_donors.c.claim_id, claim_donors.c.position)
    for claim_id, name in conn.execute(query).all():
        names[claim_id].append(name)
    return {k: tuple(v) for k, v in names.items()}


def _published_by(day: dt.date) -> ColumnElement[bool]:
    """Known by ``day``: its document published by then (or, undated, the claim's own date)."""
    return or_(
        documents.c.published <= day,
        and_(documents.c.published.is_(None), claims.c.date <= day),
    )


def load_claims(
    conn: Connection,
    *,
    ids: Collection[int] | None = None,
    where: ColumnElement[bool] | None = None,
    published_by: Any = None,
    with_text: bool = True,
) -> tuple[list[Claim], dict[str, Source]]:
    """Claims (with donors) and their documents' ledger facts, selected by ids and/or a condition.

    ``with_text=False`` leaves the evidence sentence out (its offsets stay): the ledger never
    reads it, and a big row loads much faster without it."""
    if ids is not None and where is None and published_by is None:
        return _load_by_ids(conn, sorted(ids), with_text)
    conditions: list[ColumnElement[bool]] = []
    if where is not None:
        conditions.append(where)
    if published_by is not None:
        conditions.append(_published_by(published_by))
    batches: list[ColumnElement[bool]] = []
    if ids is not None:
        ordered = sorted(ids)
        batches = [claims.c.id.in_(ordered[i : i + ID_CHUNK]) for i in range(0, len(ordered), ID_CHUNK)]
    elif conditions:
        batches = [and_(*conditions)]
    else:
        batches = [claims.c.id.is_not(None)]
    found: list[Claim] = []
    sources: dict[str, Source] = {}
    for batch in batches:
        condition = and_(batch, *conditions) if ids is not None and conditions else batch
        columns = _COLUMNS if with_text else _NO_TEXT
        rows = conn.execute(
            select(*columns).join(documents, documents.c.id == claims.c.document_id).where(condition)
        ).all()
        if ids is not None and not conditions:
            donor_ids = [int(r[0]) for r in rows]
            donors = _donors(conn, claim_donors.c.claim_id.in_(donor_ids), True) if donor_ids else {}
        else:
            donors = _donors(conn, condition, False)
        for row in rows:
            values = tuple(row)
            found.append(claim_from_row(values, donors.get(values[0], ())))
            doc_id = values[18]
            if doc_id not in sources:
                sources[doc_id] = Source(doc_id, *values[19:24])
    return found, sources


def _load_by_ids(
    conn: Connection, ordered: list[int], with_text: bool
) -> tuple[list[Claim], dict[str, Source]]:
    """Claims by id, then their documents by id: two index lookups, never a join that a planner
    might turn into a scan of every document."""
    found: list[Claim] = []
    sources: dict[str, Source] = {}
    by_row_id: dict[int, Source] = {}
    for start in range(0, len(ordered), ID_CHUNK):
        chunk = ordered[start : start + ID_CHUNK]
        rows = [tuple(r) for r in conn.execute(_CLAIMS_BY_ID[with_text], {"ids": chunk})]
        wanted = sorted({r[18] for r in rows} - by_row_id.keys())
        for i in range(0, len(wanted), CHUNK):
            for doc in conn.execute(_SOURCES_BY_ID, {"ids": wanted[i : i + CHUNK]}):
                by_row_id[doc[0]] = Source(*tuple(doc)[1:])
        names: dict[int, list[str]] = defaultdict(list)
        for i in range(0, len(chunk), CHUNK):  # short IN lists: PostgreSQL then reads the index
            for claim_id, name in conn.execute(_DONORS_BY_ID, {"ids": chunk[i : i + CHUNK]}):
                names[claim_id].append(name)
        donors = {k: tuple(v) for k, v in names.items()}
        for row in rows:
            source = by_row_id[row[18]]
            sources[source.doc_id] = source
            found.append(claim_from_row((*row[:18], source.doc_id, source.published), donors.get(row[0], ())))
    return found, sources
