"""Review: an analyst accepts, rejects, edits or adds claims; re-extraction never undoes it.

Each action is ONE transaction: the claim changes, a line goes to the append-only
``review_log`` (who, when, from what to what), and the ledger rows the claim was in and
is in now are refreshed. ``reextract_document`` replaces a document's machine claims by a
new extractor's, and leaves every reviewed claim (accepted, rejected, edited) as it is;
a new machine claim that repeats a reviewed one (as it stands or as it stood before an
edit) is not added again, so a rejected claim does not come back.
"""

from __future__ import annotations

import datetime as dt
import json
from contextlib import nullcontext
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update

from pledgewatch.errors import ClaimNotFoundError, EvidenceNotFoundError, ReviewDocumentNotFoundError
from pledgewatch.ledger.entries import resolve_donors
from pledgewatch.records import Claim, Evidence, Extraction, ReviewState
from pledgewatch.store.actors import actor_ids
from pledgewatch.store.claims import get_claim, list_claims
from pledgewatch.store.documents import insert_claims, insert_memberships
from pledgewatch.store.ledger import keys_of_claims, ledger_transaction, refresh_for_claims
from pledgewatch.store.ledger_load import load_claims
from pledgewatch.store.ledger_tables import review_log
from pledgewatch.store.review_fields import FIELDS, claim_values, parse_field
from pledgewatch.store.tables import claim_donors, claims, documents, memberships

REVIEWED = ("accepted", "rejected", "edited")


@dataclass(frozen=True, slots=True)
class ReviewEntry:
    """One line of the review log."""

    id: int
    claim_id: int | None
    doc_id: str | None
    action: str
    field: str | None
    old_value: str | None
    new_value: str | None
    reason: str | None
    reviewer: str
    at: dt.datetime


@dataclass(frozen=True, slots=True)
class ReextractResult:
    doc_id: str
    removed: int  # machine claims replaced
    added: int  # new machine claims
    kept: int  # reviewed claims left as they were
    skipped: int  # new claims that repeat a reviewed one


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _log(conn: Connection, user: str, action: str, **values: Any) -> None:
    conn.execute(insert(review_log).values(action=action, reviewer=user, at=_now(), **values))


def _claim(conn: Connection, claim_id: int) -> Claim:
    found = get_claim(conn, claim_id)
    if found is None:
        raise ClaimNotFoundError(f"no claim with id {claim_id}")
    return found


def _set_state(
    conn: Connection, claim_id: int, state: str, user: str, action: str, reason: str | None
) -> Claim:
    with ledger_transaction(conn):
        before = _claim(conn, claim_id)
        old_keys = keys_of_claims(conn, [claim_id])
        conn.execute(update(claims).where(claims.c.id == claim_id).values(review_state=state))
        _log(
            conn,
            user,
            action,
            claim_id=claim_id,
            doc_id=before.doc_id,
            field="review_state",
            old_value=before.review_state,
            new_value=state,
            reason=reason,
        )
        refresh_for_claims(conn, [claim_id], old_keys)
        return _claim(conn, claim_id)


def accept_claim(conn: Connection, claim_id: int, *, user: str) -> Claim:
    """The claim is right as the machine read it."""
    return _set_state(conn, claim_id, "accepted", user, "accept", None)


def reject_claim(conn: Connection, claim_id: int, *, why: str, user: str) -> Claim:
    """The claim is wrong; it leaves the ledger (and stays in the database, with the reason)."""
    return _set_state(conn, claim_id, "rejected", user, "reject", why)


def skip_claim(conn: Connection, claim_id: int, *, user: str) -> None:
    """Seen, not decided: logged, nothing changes."""
    with conn.begin() if not conn.in_transaction() else nullcontext():
        claim = _claim(conn, claim_id)
        _log(conn, user, "skip", claim_id=claim_id, doc_id=claim.doc_id)


def edit_claim(conn: Connection, claim_id: int, changes: dict[str, str], *, user: str) -> Claim:
    """Change fields (``{"amount": "1200000000 USD", "category": "funding"}``); state becomes edited."""
    parsed = {name: parse_field(name, raw) for name, raw in changes.items()}
    with ledger_transaction(conn):
        before = _claim(conn, claim_id)
        old_keys = keys_of_claims(conn, [claim_id])
        old = claim_values(before)
        row: dict[str, Any] = {"review_state": "edited"}
        for name, value in parsed.items():
            if name == "donors":
                _set_donors(conn, claim_id, value)
            elif name == "amount":
                row["amount_value"], row["amount_unit"] = (value.value, value.unit) if value else (None, None)
            else:
                row[name] = value
            _log(
                conn,
                user,
                "edit",
                claim_id=claim_id,
                doc_id=before.doc_id,
                field=name,
                old_value=json.dumps(old[name]),
                new_value=json.dumps(claim_values_of(name, value)),
            )
        conn.execute(update(claims).where(claims.c.id == claim_id).values(**row))
        refresh_for_claims(conn, [claim_id], old_keys)
        return _claim(conn, claim_id)


def claim_values_of(name: str, value: Any) -> Any:
    if name == "amount":
        return value.to_spec() if value else None
    if name == "donors":
        return list(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _set_donors(conn: Connection, claim_id: int, donors: tuple[str, ...]) -> None:
    ids = actor_ids(conn, donors)
    conn.execute(delete(claim_donors).where(claim_donors.c.claim_id == claim_id))
    conn.execute(
        insert(claim_donors),
        [{"claim_id": claim_id, "position": i, "actor_id": ids[name]} for i, name in enumerate(donors)],
    )


def _document_row(conn: Connection, doc_id: str) -> Any:
    row = conn.execute(
        select(documents.c.id, documents.c.text, documents.c.extractor_version).where(
            documents.c.doc_id == doc_id
        )
    ).first()
    if row is None:
        raise ReviewDocumentNotFoundError(f"no document {doc_id!r}")
    return row


def _insert(
    conn: Connection, document_id: int, found: list[Claim], *, state: ReviewState, version: str | None
) -> list[int]:
    """Store claims after the document's last one, all in ``state`` and from extractor ``version``."""
    if not found:
        return []
    top = conn.execute(
        select(func.max(claims.c.position)).where(claims.c.document_id == document_id)
    ).scalar()
    marked = [replace(c, review_state=state, extractor_version=version) for c in found]
    return insert_claims(conn, document_id, marked, first_position=0 if top is None else int(top) + 1)


def add_claim(conn: Connection, doc_id: str, claim: Claim, *, user: str) -> Claim:
    """A claim the machine missed; its evidence must stand, exactly, in the document."""
    with ledger_transaction(conn):
        doc = _document_row(conn, doc_id)
        sentence = claim.evidence.text
        start = doc.text.find(sentence) if sentence.strip() else -1
        if start < 0:
            raise EvidenceNotFoundError(f"evidence {sentence[:60]!r} is not in document {doc_id!r}")
        placed = replace(claim, evidence=Evidence(sentence, start, start + len(sentence)), rule="review:add")
        (claim_id,) = _insert(conn, doc.id, [placed], state="accepted", version=None)
        _log(conn, user, "add", claim_id=claim_id, doc_id=doc_id, new_value=json.dumps(placed.to_spec()))
        refresh_for_claims(conn, [claim_id])
        return _claim(conn, claim_id)


def _identity(c: Claim) -> tuple[object, ...]:
    return (c.evidence.start, c.evidence.end, c.stance, c.category, resolve_donors(c.donors))


def _reviewed_identities(conn: Connection, reviewed: list[Claim]) -> set[tuple[object, ...]]:
    """Each reviewed claim as it stands and as the machine first read it (undoing logged edits)."""
    seen = {_identity(c) for c in reviewed}
    by_id = {c.id: c for c in reviewed}
    if not by_id:
        return seen
    edits = conn.execute(
        select(review_log.c.claim_id, review_log.c.field, review_log.c.old_value)
        .where(review_log.c.action == "edit", review_log.c.claim_id.in_(list(by_id)))
        .order_by(review_log.c.id.desc())
    ).all()
    original = {cid: claim_values(c) for cid, c in by_id.items()}
    for cid, field, old in edits:
        original[cid][field] = json.loads(old) if old is not None else None
    for cid, values in original.items():
        c = by_id[cid]
        seen.add(
            (
                c.evidence.start,
                c.evidence.end,
                values["stance"],
                values["category"],
                resolve_donors(values["donors"]),
            )
        )
    return seen


def reextract_document(
    conn: Connection, doc_id: str, extraction: Extraction, *, user: str
) -> ReextractResult:
    """Replace the document's machine claims by ``extraction``'s; reviewed claims stay untouched."""
    with ledger_transaction(conn):
        doc = _document_row(conn, doc_id)
        for c in extraction.claims:
            if not c.evidence.check(doc.text):
                raise EvidenceNotFoundError(
                    f"evidence {c.evidence.text[:60]!r} is not at its offsets in {doc_id!r}"
                )
        current, _ = load_claims(conn, where=claims.c.document_id == doc.id)
        machine = [c.id for c in current if c.review_state == "machine" and c.id is not None]
        reviewed = [c for c in current if c.review_state in REVIEWED]
        old_keys = keys_of_claims(conn, machine)
        known = _reviewed_identities(conn, reviewed)
        fresh = [c for c in extraction.claims if _identity(c) not in known]
        conn.execute(delete(claims).where(claims.c.id.in_(machine)))
        version = extraction.extractor_version or None
        ids = _insert(conn, doc.id, fresh, state="machine", version=version)
        _replace_memberships(conn, doc.id, extraction)
        conn.execute(update(documents).where(documents.c.id == doc.id).values(extractor_version=version))
        _log(conn, user, "reextract", doc_id=doc_id, old_value=doc.extractor_version, new_value=version)
        refresh_for_claims(conn, ids, old_keys)
        return ReextractResult(
            doc_id, len(machine), len(ids), len(reviewed), len(extraction.claims) - len(fresh)
        )


def _replace_memberships(conn: Connection, document_id: int, extraction: Extraction) -> None:
    conn.execute(delete(memberships).where(memberships.c.document_id == document_id))
    insert_memberships(conn, document_id, extraction.memberships)


def review_queue(conn: Connection, *, limit: int | None = 50, offset: int = 0) -> list[Claim]:
    """Machine claims still to review, in the order they were stored (by id: an index walk, fast
    with a million claims)."""
    return list_claims(conn, review_state="machine", limit=limit, offset=offset)


def review_history(
    conn: Connection, *, claim_id: int | None = None, limit: int | None = 100
) -> list[ReviewEntry]:
    """The review log, newest first."""
    query = select(review_log).order_by(review_log.c.id.desc()).limit(limit)
    if claim_id is not None:
        query = query.where(review_log.c.claim_id == claim_id)
    return [ReviewEntry(**row._mapping) for row in conn.execute(query)]


__all__ = ["FIELDS", "ReextractResult", "ReviewEntry"]
