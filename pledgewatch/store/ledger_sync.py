"""Write ledger rows: make the stored rows what a ``Ledger`` says, changing only what differs.

Kept rows keep their ids; their claim links, members and conflict sides are compared with
what is stored and only the differences are written (a new claim in a big row writes one
link, not the whole row again). Every link carries a copy of its claim (``ledger_inputs``)
and every conflict a copy of its sides, so the next refresh reads a big row cheaply.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, bindparam, delete, func, insert, select, update

from pledgewatch.ledger import Ledger
from pledgewatch.ledger.totals import stage_flags
from pledgewatch.records import Amount, Claim, Conflict, Pledge
from pledgewatch.store.ledger_inputs import LINK_COLUMNS, link_rows
from pledgewatch.store.ledger_load import Source
from pledgewatch.store.ledger_tables import conflict_claims, conflicts, pledge_claims, pledge_members, pledges

CHUNK = 500

Row = tuple[str, str, str]  # initiative, donor, category
Side = tuple[int, str, str]  # a conflict: its row's id, kind and detail
Sides = dict[int, set[tuple[int, str]]]  # per conflict id: its (claim id, side) pairs


def _chunks(values: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


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


@dataclass(frozen=True, slots=True)
class Fresh:
    """What a write copies into the links: the claims by id, their documents, and the claims
    that changed (their links are rewritten even where they stay)."""

    claims: Mapping[int, Claim]
    sources: Mapping[str, Source]
    changed: Collection[int] = ()


def write_rows(
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
    _sync_conflicts(conn, ledger, ids, kept_ids, set(inputs.changed))


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
    """Members of the new rows. A kept row keeps its members: they follow from its key (a joint
    row's donor is the label of its members), which a kept row has by definition."""
    kept = set(kept_ids)
    rows = [
        (pid, m, p.initiative, p.category)
        for p in ledger.pledges
        if (pid := ids[(p.initiative, p.donor, p.category)]) not in kept
        for m in (p.group or (p.donor,))
    ]
    _bulk(conn, "pledge_members", ("pledge_id", "member", "initiative", "category"), rows)


def _stored_sides(conn: Connection, kept_ids: list[int], changed: set[int]) -> tuple[dict[Side, int], Sides]:
    """The stored conflicts of these rows (by row, kind and detail) and their sides, read from
    each conflict's copy of them (one row per conflict, not one per claim). Read from
    ``conflict_claims`` instead: conflicts from before revision 0005 (no copy), and those whose
    copy names a changed claim. A deleted claim's sides go with it (ON DELETE CASCADE) but
    stay in the copy, and SQLite may give its id to a new claim: the copy would then claim a
    side that is no longer stored."""
    have: dict[Side, int] = {}
    sides: Sides = {}
    uncopied: list[int] = []
    for chunk in _chunks(kept_ids):
        for cid, pid, kind, detail, copy in conn.execute(
            select(
                conflicts.c.id, conflicts.c.pledge_id, conflicts.c.kind, conflicts.c.detail, conflicts.c.sides
            ).where(conflicts.c.pledge_id.in_(chunk))
        ).all():
            have[(pid, kind, detail)] = cid
            if copy is None:
                uncopied.append(cid)
                sides[cid] = set()
            else:
                side_a, side_b = json.loads(copy)
                sides[cid] = {(i, "a") for i in side_a} | {(i, "b") for i in side_b}
                if changed and not changed.isdisjoint((*side_a, *side_b)):
                    uncopied.append(cid)
                    sides[cid] = set()
    for chunk in _chunks(sorted(uncopied)):
        for cid, claim_id, side in conn.execute(
            select(conflict_claims.c.conflict_id, conflict_claims.c.claim_id, conflict_claims.c.side).where(
                conflict_claims.c.conflict_id.in_(chunk)
            )
        ).all():
            sides[cid].add((claim_id, side))
    return have, sides


def _sides_copy(conflict: Conflict) -> str:
    return json.dumps([list(conflict.claim_ids_a), list(conflict.claim_ids_b)])


def _sync_conflicts(
    conn: Connection, ledger: Ledger, ids: dict[Row, int], kept_ids: list[int], changed_claims: set[int]
) -> None:
    """A conflict is known by its row, kind and detail; only its changed sides are written."""
    have, sides = _stored_sides(conn, kept_ids, changed_claims)
    want: dict[Side, Conflict] = {}
    for c in ledger.conflicts:
        want[(ids[(c.initiative, c.donor, c.category)], c.kind, c.detail)] = c
    stale = sorted(cid for key, cid in have.items() if key not in want)
    for chunk in _chunks(stale):
        conn.execute(delete(conflict_claims).where(conflict_claims.c.conflict_id.in_(chunk)))
        conn.execute(delete(conflicts).where(conflicts.c.id.in_(chunk)))
    add_sides: list[tuple[object, ...]] = []
    drop_sides: list[tuple[object, ...]] = []
    new_rows: list[dict[str, object]] = []
    changed: list[dict[str, object]] = []
    first = _next_id(conn, conflicts.c.id) if any(key not in have for key in want) else 0
    for key, c in want.items():
        wanted = {(i, "a") for i in c.claim_ids_a} | {(i, "b") for i in c.claim_ids_b}
        cid = have.get(key)
        if cid is None:
            cid = first + len(new_rows)
            new_rows.append(
                {"id": cid, "pledge_id": key[0], "kind": c.kind, "initiative": c.initiative, "donor": c.donor,
                 "category": c.category, "detail": c.detail, "sides": _sides_copy(c)}
            )  # fmt: skip
            current: set[tuple[int, str]] = set()
        else:
            current = sides[cid]
            if current != wanted:
                changed.append({"cid": cid, "sides": _sides_copy(c)})
        add_sides.extend((cid, i, s) for i, s in sorted(wanted - current))
        drop_sides.extend((cid, i, s) for i, s in sorted(current - wanted))
    if new_rows:
        conn.execute(insert(conflicts), new_rows)
    if changed:
        conn.execute(
            update(conflicts).where(conflicts.c.id == bindparam("cid")).values(sides=bindparam("sides")),
            changed,
        )
    _sql(conn, "DELETE FROM conflict_claims WHERE conflict_id = ? AND claim_id = ? AND side = ?", drop_sides)
    _bulk(conn, "conflict_claims", ("conflict_id", "claim_id", "side"), add_sides)


def _next_id(conn: Connection, column: Any) -> int:
    """Ids are given here, not by the database: a bulk insert then needs no RETURNING (one
    statement, not one per row). Safe because every ledger write holds the ledger lock."""
    return int(conn.execute(select(func.coalesce(func.max(column), 0))).scalar_one()) + 1


__all__ = ["Fresh", "Row", "pledge_row", "write_rows"]
