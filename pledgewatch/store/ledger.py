"""Persist the ledger: refresh only the rows some claims touch, or rebuild everything.

    refresh_for_documents(conn, ["doc-1"])   # after ingest stored doc-1's claims
    refresh_for_claims(conn, [17], old_keys) # after a review changed claim 17
    rebuild_ledger(conn)                     # recompute every row: same result

Both paths call the pure ``pledgewatch.ledger.build_ledger`` on the claims a row needs
(its own, plus the joint claims a member's row weighs), so an incremental refresh and a
rebuild write the same rows. Every write first bumps the one row of ``ledger_lock``:
refreshes are serialised on SQLite and PostgreSQL alike, and a refresh reads the claims
only once it holds the lock, so concurrent ingests never drop each other's claims.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Connection, bindparam, delete, func, insert, select, update

from pledgewatch.ledger import Ledger, PledgeKey, build_ledger, linked_keys
from pledgewatch.ledger.entries import SourceInfo, prepare
from pledgewatch.ledger.totals import stage_flags
from pledgewatch.records import CATEGORIES, Amount, Claim, Pledge
from pledgewatch.store.ledger_inputs import LINK_COLUMNS, link_rows, read_inputs
from pledgewatch.store.ledger_load import Source, load_claims
from pledgewatch.store.ledger_tables import (
    conflict_claims,
    conflicts,
    ledger_lock,
    pledge_claims,
    pledge_members,
    pledges,
)
from pledgewatch.store.tables import claims, documents

CHUNK = 500


@dataclass(frozen=True, slots=True)
class RefreshResult:
    """What a refresh or rebuild wrote."""

    keys: int  # ledger rows recomputed
    pledges: int  # rows written (the others were removed: no claims left)
    conflicts: int


@contextmanager
def ledger_transaction(conn: Connection) -> Iterator[None]:
    """A transaction (or the caller's) holding the ledger lock."""
    scope = nullcontext() if conn.in_transaction() else conn.begin()
    with scope:
        conn.execute(
            update(ledger_lock).where(ledger_lock.c.id == 1).values(version=ledger_lock.c.version + 1)
        )
        yield


def _chunks(values: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


def claim_ids_of_documents(conn: Connection, doc_ids: Iterable[str]) -> list[int]:
    wanted = sorted(set(doc_ids))
    query = (
        select(claims.c.id)
        .join(documents, documents.c.id == claims.c.document_id)
        .where(documents.c.doc_id.in_(wanted))
    )
    return [int(i) for i in conn.execute(query).scalars()]


def keys_of_claims(conn: Connection, claim_ids: Collection[int]) -> set[PledgeKey]:
    """The rows these claims are in now (as last written), before they change."""
    keys: set[PledgeKey] = set()
    for chunk in _chunks(sorted(claim_ids)):
        rows = conn.execute(
            select(
                pledges.c.id, pledges.c.initiative, pledges.c.donor, pledges.c.category, pledges.c.is_group
            )
            .join(pledge_claims, pledge_claims.c.pledge_id == pledges.c.id)
            .where(pledge_claims.c.claim_id.in_(chunk))
        ).all()
        keys.update(_keys_with_members(conn, rows))
    return keys


def _keys_with_members(conn: Connection, rows: Iterable[object]) -> list[PledgeKey]:
    """The keys of these stored rows, in their order (a joint row's members read back)."""
    rows = list(rows)
    groups = [r.id for r in rows if r.is_group]  # type: ignore[attr-defined]
    members: dict[int, list[str]] = {}
    for chunk in _chunks(groups):
        for pid, member in conn.execute(
            select(pledge_members.c.pledge_id, pledge_members.c.member).where(
                pledge_members.c.pledge_id.in_(chunk)
            )
        ):
            members.setdefault(pid, []).append(member)
    return [
        PledgeKey(r.initiative, r.donor, r.category, tuple(sorted(members.get(r.id, []))))  # type: ignore[attr-defined]
        for r in rows
    ]


def refresh_for_documents(conn: Connection, doc_ids: Iterable[str]) -> RefreshResult:
    """Recompute the rows the claims of these (just stored or re-extracted) documents touch."""
    with ledger_transaction(conn):
        ids = claim_ids_of_documents(conn, doc_ids)
        return _refresh(conn, ids, set())


def refresh_for_claims(
    conn: Connection, claim_ids: Collection[int], old_keys: Collection[PledgeKey] = ()
) -> RefreshResult:
    """Recompute the rows these claims are in now and the rows they were in (``old_keys``)."""
    with ledger_transaction(conn):
        return _refresh(conn, claim_ids, set(old_keys))


def _refresh(conn: Connection, claim_ids: Collection[int], keys: set[PledgeKey]) -> RefreshResult:
    changed, sources = load_claims(conn, ids=claim_ids, with_text=False)
    keys |= {entry.key for entry in prepare(changed, sources)}
    keys |= keys_of_claims(conn, claim_ids)
    # A joint claim may fold into (or out of) another joint pledge of the same initiative and
    # category (merge_groups): all of them are recomputed together.
    keys |= _group_keys_in(conn, {(k.initiative, k.category) for k in keys if k.group})
    keys |= {member for key in list(keys) for member in linked_keys(key)}
    if not keys:
        return RefreshResult(0, 0, 0)
    existing = _existing_rows(conn, keys)
    rows = set(existing.values())
    # The rows' other claims as their links copied them; the changed ones were read fresh.
    inputs = read_inputs(conn, rows | _linked_group_rows(conn, keys), skip=claim_ids)
    links = {(p, c) for p, c in inputs.links if p in rows}
    everything = [*changed, *inputs.claims.values()]
    sources = {**inputs.sources, **sources}
    if inputs.uncopied:
        older, older_sources = load_claims(conn, ids=inputs.uncopied, with_text=False)
        everything += older
        sources.update(older_sources)
    ledger = build_ledger(everything, documents=sources, keys=keys)
    claims_by_id = {c.id: c for c in everything if c.id is not None}
    fresh = Fresh(claims_by_id, sources, set(claim_ids) | inputs.uncopied)
    _write(conn, ledger, existing, fresh, links)
    return RefreshResult(len(keys), len(ledger.pledges), len(ledger.conflicts))


def _group_keys_in(conn: Connection, scopes: set[tuple[str, str]]) -> set[PledgeKey]:
    return {key for _, key in _group_rows_in(conn, scopes)}


def _group_rows_in(conn: Connection, scopes: set[tuple[str, str]]) -> list[tuple[int, PledgeKey]]:
    """The stored joint rows (id, key) of these (initiative, category) scopes."""
    if not scopes:
        return []
    rows = conn.execute(
        select(
            pledges.c.id, pledges.c.initiative, pledges.c.donor, pledges.c.category, pledges.c.is_group
        ).where(
            pledges.c.is_group,
            pledges.c.initiative.in_(sorted({i for i, _ in scopes})),
            pledges.c.category.in_(sorted({c for _, c in scopes})),
        )
    ).all()
    rows = [r for r in rows if (r.initiative, r.category) in scopes]
    keys = _keys_with_members(conn, rows)
    return [(r.id, key) for r, key in zip(rows, keys, strict=True)]


def _existing_rows(conn: Connection, keys: Collection[PledgeKey]) -> dict[tuple[str, str, str], int]:
    """Ids of the stored rows with these keys. Three IN lists (cached SQL, the unique index)
    select a small superset; the exact keys are kept here."""
    wanted = {(k.initiative, k.donor, k.category) for k in keys}
    found: dict[tuple[str, str, str], int] = {}
    donors = sorted({d for _, d, _ in wanted})
    initiatives = sorted({i for i, _, _ in wanted})
    categories = sorted({c for _, _, c in wanted})
    for start in range(0, len(donors), CHUNK):
        rows = conn.execute(
            select(pledges.c.id, pledges.c.initiative, pledges.c.donor, pledges.c.category).where(
                pledges.c.donor.in_(donors[start : start + CHUNK]),
                pledges.c.initiative.in_(initiatives),
                pledges.c.category.in_(categories),
            )
        )
        for pid, initiative, donor, category in rows:
            if (initiative, donor, category) in wanted:
                found[(initiative, donor, category)] = pid
    return found


def _links_of_rows(conn: Connection, pledge_ids: list[int]) -> set[tuple[int, int]]:
    """The stored (pledge id, claim id) links of these rows."""
    links: set[tuple[int, int]] = set()
    for chunk in _chunks(sorted(pledge_ids)):
        links.update(
            (int(p), int(c))
            for p, c in conn.execute(
                select(pledge_claims.c.pledge_id, pledge_claims.c.claim_id).where(
                    pledge_claims.c.pledge_id.in_(chunk)
                )
            ).all()
        )
    return links


def _linked_group_rows(conn: Connection, keys: Collection[PledgeKey]) -> set[int]:
    """Ids of the joint rows that the members among ``keys`` belong to, found through the
    members index (a member's own row comes back too: it is among ``keys`` already)."""
    singles = {(k.initiative, k.donor, k.category) for k in keys if not k.group}
    if not singles:
        return set()
    rows = conn.execute(
        select(
            pledge_members.c.pledge_id,
            pledge_members.c.initiative,
            pledge_members.c.member,
            pledge_members.c.category,
        ).where(
            pledge_members.c.member.in_(sorted({d for _, d, _ in singles})),
            pledge_members.c.initiative.in_(sorted({i for i, _, _ in singles})),
            pledge_members.c.category.in_(sorted({c for _, _, c in singles})),
        )
    ).all()
    return {pid for pid, initiative, member, category in rows if (initiative, member, category) in singles}


def _json(values: Iterable[object]) -> str:
    return json.dumps(list(values), ensure_ascii=False)


def _amount_columns(prefix: str, amount: Amount | None, usd: float | None) -> dict[str, object]:
    return {
        f"{prefix}_value": amount.value if amount else None,
        f"{prefix}_unit": amount.unit if amount else None,
        f"{prefix}_usd": usd,
    }


def pledge_row(pledge: Pledge) -> dict[str, object]:
    has_pledge, has_delivery, has_denial = stage_flags(pledge)
    return {
        "initiative": pledge.initiative,
        "donor": pledge.donor,
        "category": pledge.category,
        "is_group": bool(pledge.group),
        "status": pledge.status,
        "recipient": pledge.recipient,
        **_amount_columns("pledged", pledge.pledged, pledge.pledged_usd),
        "pledged_bound": pledge.pledged_bound,
        **_amount_columns("delivered", pledge.delivered, pledge.delivered_usd),
        **_amount_columns("denied", pledge.denied, pledge.denied_usd),
        "has_pledge": has_pledge,
        "has_delivery": has_delivery,
        "has_denial": has_denial,
        "first_reported": pledge.first_reported,
        "last_reported": pledge.last_reported,
        "sources": pledge.sources,
        "revisions": _json(r.to_spec() for r in pledge.revisions),
        "recipients": _json(pledge.recipients),
        "units": _json(pledge.units),
        "usd_flags": _json(pledge.usd_flags),
    }


Row = tuple[str, str, str]


@dataclass(frozen=True, slots=True)
class Fresh:
    """What a write copies into the links: the claims by id, their documents, and the claims
    that changed (their links are rewritten even where they stay)."""

    claims: Mapping[int, Claim]
    sources: Mapping[str, Source]
    changed: Collection[int] = ()


def _write(
    conn: Connection,
    ledger: Ledger,
    existing: dict[Row, int],
    inputs: Fresh,
    links: set[tuple[int, int]] | None = None,
) -> None:
    """Make the stored rows in ``existing`` (and new ones) what the ledger says; ids of kept rows
    stay, and their claim and conflict links change only where they differ (a new claim in a
    big row writes one link, not the whole row again). ``links``: the stored claim links of
    the ``existing`` rows, when already read; ``inputs``: the claims the links copy."""
    produced = {(p.initiative, p.donor, p.category): p for p in ledger.pledges}
    _delete_rows(conn, sorted(pid for row, pid in existing.items() if row not in produced))
    ids: dict[Row, int] = {row: existing[row] for row in produced if row in existing}
    kept = [{"pid": existing[row], **pledge_row(p)} for row, p in produced.items() if row in existing]
    if kept:
        columns: dict[str, Any] = {name: bindparam(name) for name in kept[0] if name != "pid"}
        conn.execute(update(pledges).where(pledges.c.id == bindparam("pid")).values(columns), kept)
    new_rows = [p for row, p in produced.items() if row not in existing]
    if new_rows:
        first = _next_id(conn, pledges.c.id)
        conn.execute(insert(pledges), [{"id": first + i, **pledge_row(p)} for i, p in enumerate(new_rows)])
        for i, pledge in enumerate(new_rows):
            ids[(pledge.initiative, pledge.donor, pledge.category)] = first + i
    kept_ids = sorted(ids[row] for row in produced if row in existing)
    _sync_claims(conn, ledger, ids, kept_ids, inputs, links)
    _sync_members(conn, ledger, ids, kept_ids)
    _sync_conflicts(conn, ledger, ids, kept_ids)


def _delete_rows(conn: Connection, pledge_ids: list[int]) -> None:
    for chunk in _chunks(pledge_ids):
        conflict_ids = select(conflicts.c.id).where(conflicts.c.pledge_id.in_(chunk))
        conn.execute(delete(conflict_claims).where(conflict_claims.c.conflict_id.in_(conflict_ids)))
        conn.execute(delete(conflicts).where(conflicts.c.pledge_id.in_(chunk)))
        conn.execute(delete(pledge_claims).where(pledge_claims.c.pledge_id.in_(chunk)))
        conn.execute(delete(pledge_members).where(pledge_members.c.pledge_id.in_(chunk)))
        conn.execute(delete(pledges).where(pledges.c.id.in_(chunk)))


def _sql(conn: Connection, sql: str, rows: Sequence[tuple[object, ...]]) -> None:
    """One statement for many rows, straight through the driver (fast for a million rows)."""
    if rows:
        conn.exec_driver_sql(sql.replace("?", "%s") if conn.dialect.name != "sqlite" else sql, rows)


def _bulk(conn: Connection, table: str, columns: tuple[str, ...], rows: Sequence[tuple[object, ...]]) -> None:
    marks = ", ".join(["?"] * len(columns))
    _sql(conn, f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)


def _sync_claims(
    conn: Connection,
    ledger: Ledger,
    ids: dict[Row, int],
    kept_ids: list[int],
    inputs: Fresh,
    links: set[tuple[int, int]] | None,
) -> None:
    kept = set(kept_ids)
    have = _links_of_rows(conn, kept_ids) if links is None else {(p, c) for p, c in links if p in kept}
    want = {(ids[(p.initiative, p.donor, p.category)], cid) for p in ledger.pledges for cid in p.claim_ids}
    changed = set(inputs.changed)
    recopy = {(p, c) for p, c in have & want if c in changed}  # the link stays, its copy is stale
    drop = sorted((have - want) | recopy)
    _sql(conn, "DELETE FROM pledge_claims WHERE pledge_id = ? AND claim_id = ?", drop)
    rows = link_rows(sorted((want - have) | recopy), inputs.claims, inputs.sources)
    _bulk(conn, "pledge_claims", LINK_COLUMNS, rows)


def _sync_members(conn: Connection, ledger: Ledger, ids: dict[Row, int], kept_ids: list[int]) -> None:
    for chunk in _chunks(kept_ids):
        conn.execute(delete(pledge_members).where(pledge_members.c.pledge_id.in_(chunk)))
    rows = [
        (ids[(p.initiative, p.donor, p.category)], m, p.initiative, p.category)
        for p in ledger.pledges
        for m in (p.group or (p.donor,))
    ]
    _bulk(conn, "pledge_members", ("pledge_id", "member", "initiative", "category"), rows)


def _sync_conflicts(conn: Connection, ledger: Ledger, ids: dict[Row, int], kept_ids: list[int]) -> None:
    """A conflict is known by its row, kind and detail; only its changed sides are written."""
    have: dict[tuple[int, str, str], int] = {}
    sides: dict[int, set[tuple[int, str]]] = {}
    for chunk in _chunks(kept_ids):
        for cid, pid, kind, detail in conn.execute(
            select(conflicts.c.id, conflicts.c.pledge_id, conflicts.c.kind, conflicts.c.detail).where(
                conflicts.c.pledge_id.in_(chunk)
            )
        ):
            have[(pid, kind, detail)] = cid
            sides[cid] = set()
    known = sorted(sides)
    for chunk in _chunks(known):
        for cid, claim_id, side in conn.execute(
            select(conflict_claims.c.conflict_id, conflict_claims.c.claim_id, conflict_claims.c.side).where(
                conflict_claims.c.conflict_id.in_(chunk)
            )
        ).all():
            sides[cid].add((claim_id, side))
    want: dict[tuple[int, str, str], Any] = {}
    for c in ledger.conflicts:
        want[(ids[(c.initiative, c.donor, c.category)], c.kind, c.detail)] = c
    stale = sorted(cid for key, cid in have.items() if key not in want)
    for chunk in _chunks(stale):
        conn.execute(delete(conflict_claims).where(conflict_claims.c.conflict_id.in_(chunk)))
        conn.execute(delete(conflicts).where(conflicts.c.id.in_(chunk)))
    add_sides: list[tuple[object, ...]] = []
    drop_sides: list[tuple[object, ...]] = []
    new_rows: list[dict[str, object]] = []
    first = _next_id(conn, conflicts.c.id)
    for key, c in want.items():
        wanted = {(i, "a") for i in c.claim_ids_a} | {(i, "b") for i in c.claim_ids_b}
        cid = have.get(key)
        if cid is None:
            cid = first + len(new_rows)
            new_rows.append(
                {"id": cid, "pledge_id": key[0], "kind": c.kind, "initiative": c.initiative, "donor": c.donor,
                 "category": c.category, "detail": c.detail}
            )  # fmt: skip
            current: set[tuple[int, str]] = set()
        else:
            current = sides[cid]
        add_sides.extend((cid, i, s) for i, s in sorted(wanted - current))
        drop_sides.extend((cid, i, s) for i, s in sorted(current - wanted))
    if new_rows:
        conn.execute(insert(conflicts), new_rows)
    _sql(conn, "DELETE FROM conflict_claims WHERE conflict_id = ? AND claim_id = ? AND side = ?", drop_sides)
    _bulk(conn, "conflict_claims", ("conflict_id", "claim_id", "side"), add_sides)


def _next_id(conn: Connection, column: Any) -> int:
    """Ids are given here, not by the database: a bulk insert then needs no RETURNING (one
    statement, not one per row). Safe because every ledger write holds the ledger lock."""
    return int(conn.execute(select(func.coalesce(func.max(column), 0))).scalar_one()) + 1


def rebuild_ledger(conn: Connection) -> RefreshResult:
    """Recompute every row from every claim; category by category (rows never span two)."""
    with ledger_transaction(conn):
        conn.execute(delete(conflict_claims))
        conn.execute(delete(conflicts))
        conn.execute(delete(pledge_claims))
        conn.execute(delete(pledge_members))
        conn.execute(delete(pledges))
        total = RefreshResult(0, 0, 0)
        for category in CATEGORIES:
            found, sources = load_claims(conn, where=claims.c.category == category, with_text=False)
            ledger = build_ledger(found, documents=sources)
            _write(conn, ledger, {}, Fresh({c.id: c for c in found if c.id is not None}, sources))
            n = len(ledger.pledges)
            total = RefreshResult(total.keys + n, total.pledges + n, total.conflicts + len(ledger.conflicts))
        _analyze(conn)
        return total


def _analyze(conn: Connection) -> None:
    """Fresh planner statistics for the rewritten ledger tables (PostgreSQL; allowed inside the
    transaction, which sees its own rows). Without them the first refreshes after a rebuild plan
    from the emptied tables' stale figures: reading a big row's conflict sides took 87 ms, not 2.
    SQLite keeps the statistics its ANALYZE gathered; its plans need no fresh ones."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql("ANALYZE pledges, pledge_claims, pledge_members, conflicts, conflict_claims")


def ledger_as_of(conn: Connection, as_of: object, where: ColumnElement[bool] | None = None) -> Ledger:
    """The ledger as the published sources stood on ``as_of``: built from the claims, not stored."""
    found, sources = load_claims(conn, where=where, published_by=as_of, with_text=False)
    return build_ledger(found, documents=sources, as_of=as_of)  # type: ignore[arg-type]


__all__ = [
    "RefreshResult",
    "Source",
    "SourceInfo",
    "claim_ids_of_documents",
    "keys_of_claims",
    "ledger_as_of",
    "ledger_transaction",
    "rebuild_ledger",
    "refresh_for_claims",
    "refresh_for_documents",
]
