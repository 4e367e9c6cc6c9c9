"""Read the ledger: pledges, conflicts, totals, a donor's claims; used by the CLI and the web app.

Every function takes a connection and keyword filters and returns records (``Pledge``,
``Conflict``, ``Totals``, ``ClaimView``). ``as_of`` builds the ledger from the claims whose
sources were published by that date instead of reading the stored rows.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, and_, func, or_, select

from pledgewatch.ledger import UNASSIGNED, Ledger, Totals, resolve_actor, totals
from pledgewatch.records import Amount, Claim, Conflict, Pledge
from pledgewatch.store.ledger import ledger_as_of
from pledgewatch.store.ledger_load import Source, load_claims
from pledgewatch.store.ledger_tables import (
    conflict_claims,
    conflicts,
    pledge_claims,
    pledge_members,
    pledges,
    review_log,
)
from pledgewatch.store.tables import actors, claim_donors, claims, documents

DEFAULT_LIMIT = 100


@dataclass(frozen=True, slots=True)
class LedgerFilter:
    """The filters every ledger view takes; ``donor`` may be any spelling (resolved)."""

    donor: str | None = None
    category: str | None = None
    status: str | None = None
    initiative: str | None = None
    as_of: dt.date | None = None


@dataclass(frozen=True, slots=True)
class ClaimView:
    """A claim with the document it comes from: evidence and source side by side."""

    claim: Claim
    source: Source


def _amount(value: float | None, unit: str | None) -> Amount | None:
    return None if unit is None or value is None else Amount(float(value), unit)


def _pledge(row: Any, claim_ids: tuple[int, ...], members: tuple[str, ...]) -> Pledge:
    return Pledge(
        id=row.id,
        initiative=row.initiative,
        donor=row.donor,
        category=row.category,
        status=row.status,
        recipient=row.recipient,
        group=members if row.is_group else (),
        pledged=_amount(row.pledged_value, row.pledged_unit),
        delivered=_amount(row.delivered_value, row.delivered_unit),
        denied=_amount(row.denied_value, row.denied_unit),
        pledged_usd=row.pledged_usd,
        delivered_usd=row.delivered_usd,
        denied_usd=row.denied_usd,
        first_reported=row.first_reported,
        last_reported=row.last_reported,
        sources=row.sources,
        claim_ids=claim_ids,
        revisions=tuple(Amount(float(r["value"]), r["unit"]) for r in json.loads(row.revisions)),
        recipients=tuple(json.loads(row.recipients)),
        units=tuple(json.loads(row.units)),
        pledged_bound=row.pledged_bound,
        usd_flags=tuple(json.loads(row.usd_flags)),
    )


def _where(query: Select[Any], f: LedgerFilter) -> Select[Any]:
    if f.donor:
        members = select(pledge_members.c.pledge_id).where(pledge_members.c.member == resolve_actor(f.donor))
        query = query.where(pledges.c.id.in_(members))
    if f.category:
        query = query.where(pledges.c.category == f.category)
    if f.status:
        query = query.where(pledges.c.status == f.status)
    if f.initiative:
        query = query.where(pledges.c.initiative == f.initiative)
    return query


def _links(conn: Connection, pledge_ids: list[int]) -> tuple[dict[int, list[int]], dict[int, list[str]]]:
    ids: dict[int, list[int]] = defaultdict(list)
    members: dict[int, list[str]] = defaultdict(list)
    for start in range(0, len(pledge_ids), 500):
        chunk = pledge_ids[start : start + 500]
        for pid, cid in conn.execute(
            select(pledge_claims.c.pledge_id, pledge_claims.c.claim_id)
            .where(pledge_claims.c.pledge_id.in_(chunk))
            .order_by(pledge_claims.c.claim_id)
        ):
            ids[pid].append(cid)
        for pid, member in conn.execute(
            select(pledge_members.c.pledge_id, pledge_members.c.member)
            .where(pledge_members.c.pledge_id.in_(chunk))
            .order_by(pledge_members.c.member)
        ):
            members[pid].append(member)
    return ids, members


# The last as-of ledgers built, by database, filter and data version: the CLI and the API ask
# for rows, counts, totals and conflicts of one filter in turn, and each would rebuild it.
_AS_OF_MEMO: dict[tuple[object, ...], Ledger] = {}
_AS_OF_MEMO_SIZE = 2


def _data_version(conn: Connection) -> tuple[object, ...]:
    """Changes whenever a claim is added, removed or reviewed (every review action is logged)."""
    return tuple(
        conn.execute(
            select(
                select(func.max(claims.c.id)).scalar_subquery(),
                select(func.count()).select_from(claims).scalar_subquery(),
                select(func.max(review_log.c.id)).scalar_subquery(),
                select(func.max(documents.c.id)).scalar_subquery(),
            )
        ).one()
    )


def _as_of_where(conn: Connection, f: LedgerFilter) -> ColumnElement[bool] | None:
    """The claims an as-of view of ``f`` can need, selected in SQL: the category's, the
    initiative's, and for a donor its own claims (any spelling) and every joint claim (a joint
    pledge it belongs to may have absorbed a joint claim of some of its other members)."""
    conditions: list[ColumnElement[bool]] = []
    if f.category:
        conditions.append(claims.c.category == f.category)
    if f.initiative:
        named = documents.c.initiative
        conditions.append(named.is_(None) if f.initiative == UNASSIGNED else named == f.initiative)
    if f.donor:
        name = resolve_actor(f.donor)
        known = conn.execute(select(actors.c.id, actors.c.name)).all()
        spellings = [actor_id for actor_id, spelling in known if resolve_actor(spelling) == name]
        own = select(claim_donors.c.claim_id).where(claim_donors.c.actor_id.in_(spellings))
        conditions.append(or_(claims.c.id.in_(own), claims.c.collective.is_(True)))
    return and_(*conditions) if conditions else None


def _as_of(conn: Connection, f: LedgerFilter) -> Ledger:
    assert f.as_of is not None
    key = (conn.engine.url.render_as_string(hide_password=False), f, _data_version(conn))
    if key in _AS_OF_MEMO:
        return _AS_OF_MEMO[key]
    ledger = ledger_as_of(conn, f.as_of, _as_of_where(conn, f))
    if f.donor:
        ledger = ledger.for_donor(f.donor)
    keep = [
        p
        for p in ledger.pledges
        if (not f.status or p.status == f.status) and (not f.initiative or p.initiative == f.initiative)
    ]
    rows = {(p.initiative, p.donor, p.category) for p in keep}
    found = tuple(c for c in ledger.conflicts if (c.initiative, c.donor, c.category) in rows)
    view = Ledger(tuple(keep), found)
    while len(_AS_OF_MEMO) >= _AS_OF_MEMO_SIZE:
        del _AS_OF_MEMO[next(iter(_AS_OF_MEMO))]
    _AS_OF_MEMO[key] = view
    return view


def list_pledges(
    conn: Connection, f: LedgerFilter = LedgerFilter(), *, limit: int | None = DEFAULT_LIMIT, offset: int = 0
) -> list[Pledge]:
    """Ledger rows ordered by initiative, donor, category; a donor's joint pledges included."""
    if f.as_of is not None:
        rows = list(_as_of(conn, f).pledges)
        return rows[offset : None if limit is None else offset + limit]
    query = _where(select(pledges), f).order_by(pledges.c.initiative, pledges.c.donor, pledges.c.category)
    found = conn.execute(query.offset(offset).limit(limit)).all()
    ids, members = _links(conn, [r.id for r in found])
    return [_pledge(r, tuple(ids.get(r.id, ())), tuple(members.get(r.id, ()))) for r in found]


def count_pledges(conn: Connection, f: LedgerFilter = LedgerFilter()) -> int:
    if f.as_of is not None:
        return len(_as_of(conn, f).pledges)
    return int(conn.execute(_where(select(func.count()).select_from(pledges), f)).scalar_one())


def get_pledge(conn: Connection, pledge_id: int) -> Pledge | None:
    row = conn.execute(select(pledges).where(pledges.c.id == pledge_id)).first()
    if row is None:
        return None
    ids, members = _links(conn, [row.id])
    return _pledge(row, tuple(ids.get(row.id, ())), tuple(members.get(row.id, ())))


def _conflict_where(query: Select[Any], f: LedgerFilter, kind: str | None) -> Select[Any]:
    if f.donor:
        query = query.where(conflicts.c.donor == resolve_actor(f.donor))
    if f.category:
        query = query.where(conflicts.c.category == f.category)
    if f.initiative:
        query = query.where(conflicts.c.initiative == f.initiative)
    if kind:
        query = query.where(conflicts.c.kind == kind)
    if f.status:
        query = query.where(
            conflicts.c.pledge_id.in_(select(pledges.c.id).where(pledges.c.status == f.status))
        )
    return query


def list_conflicts(
    conn: Connection,
    f: LedgerFilter = LedgerFilter(),
    *,
    kind: str | None = None,
    limit: int | None = DEFAULT_LIMIT,
    offset: int = 0,
) -> list[Conflict]:
    """Conflicts ordered by initiative, donor, category, kind, each with the claim ids of both sides."""
    if f.as_of is not None:
        found = [c for c in _as_of(conn, f).conflicts if not kind or c.kind == kind]
        return found[offset : None if limit is None else offset + limit]
    query = _conflict_where(select(conflicts), f, kind).order_by(
        conflicts.c.initiative, conflicts.c.donor, conflicts.c.category, conflicts.c.kind, conflicts.c.detail
    )
    return _with_sides(conn, conn.execute(query.offset(offset).limit(limit)).all())


def conflicts_of_pledge(conn: Connection, pledge_id: int) -> list[Conflict]:
    """Every conflict of one ledger row, with the claim ids of both sides."""
    query = select(conflicts).where(conflicts.c.pledge_id == pledge_id).order_by(conflicts.c.id)
    return _with_sides(conn, conn.execute(query).all())


def _with_sides(conn: Connection, rows: Sequence[Any]) -> list[Conflict]:
    """The ``Conflict`` of each row of ``conflicts``, with the claim ids of both sides."""
    sides: dict[tuple[int, str], list[int]] = defaultdict(list)
    ids = [r.id for r in rows]
    for start in range(0, len(ids), 500):
        for cid, claim_id, side in conn.execute(
            select(conflict_claims.c.conflict_id, conflict_claims.c.claim_id, conflict_claims.c.side)
            .where(conflict_claims.c.conflict_id.in_(ids[start : start + 500]))
            .order_by(conflict_claims.c.claim_id)
        ):
            sides[(cid, side)].append(claim_id)
    return [
        Conflict(
            kind=r.kind,
            initiative=r.initiative,
            donor=r.donor,
            category=r.category,
            claim_ids_a=tuple(sides[(r.id, "a")]),
            claim_ids_b=tuple(sides[(r.id, "b")]),
            detail=r.detail,
            id=r.id,
        )
        for r in rows
    ]


def count_conflicts(conn: Connection, f: LedgerFilter = LedgerFilter(), *, kind: str | None = None) -> int:
    if f.as_of is not None:
        return len([c for c in _as_of(conn, f).conflicts if not kind or c.kind == kind])
    return int(
        conn.execute(_conflict_where(select(func.count()).select_from(conflicts), f, kind)).scalar_one()
    )


def ledger_summary(conn: Connection, f: LedgerFilter = LedgerFilter()) -> Totals:
    """Pledged, delivered and denied totals side by side (never added); aggregated in SQL."""
    if f.as_of is not None:
        return totals(_as_of(conn, f).pledges)
    from pledgewatch.store.ledger_totals import summary_from_sql

    return summary_from_sql(conn, lambda q: _where(q, f))


def claims_with_sources(conn: Connection, claim_ids: Collection[int]) -> list[ClaimView]:
    """Claims by id, each with its document (evidence with its source), in document order."""
    found, sources = load_claims(conn, ids=claim_ids)
    return _views(found, sources)


def _views(found: Sequence[Claim], sources: dict[str, Source]) -> list[ClaimView]:
    views = [ClaimView(c, sources[c.doc_id or ""]) for c in found]
    return sorted(
        views, key=lambda v: (v.source.published or dt.date.min, v.claim.doc_id, v.claim.evidence.start)
    )


def donor_timeline(conn: Connection, donor: str, *, category: str | None = None) -> list[ClaimView]:
    """Every claim naming a donor (any spelling), oldest source first: the timeline of ``show``."""
    name = resolve_actor(donor)
    pledge_ids = select(pledge_members.c.pledge_id).where(pledge_members.c.member == name)
    ids = select(pledge_claims.c.claim_id).where(pledge_claims.c.pledge_id.in_(pledge_ids))
    where: ColumnElement[bool] = claims.c.id.in_(ids)
    if category:
        where = and_(where, claims.c.category == category)
    found, sources = load_claims(conn, where=where)
    return _views(found, sources)
