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

from collections.abc import Callable, Collection, Iterable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Connection, delete, select, update

from pledgewatch.ledger import Ledger, PledgeKey, build_ledger, linked_keys
from pledgewatch.ledger.entries import SourceInfo, prepare
from pledgewatch.records import CATEGORIES
from pledgewatch.store.ledger_inputs import read_inputs
from pledgewatch.store.ledger_load import Source, load_claims
from pledgewatch.store.ledger_sync import Fresh, write_rows
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
    claims: int = 0  # claims the rows were rebuilt from (what a refresh costs grows with it)

    def __add__(self, other: RefreshResult) -> RefreshResult:
        return RefreshResult(
            self.keys + other.keys,
            self.pledges + other.pledges,
            self.conflicts + other.conflicts,
            self.claims + other.claims,
        )


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


def _keys_with_members(conn: Connection, rows: Iterable[object]) -> set[PledgeKey]:
    """The keys of these stored rows (a joint row's members read back)."""
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
    return {
        PledgeKey(r.initiative, r.donor, r.category, tuple(sorted(members.get(r.id, []))))  # type: ignore[attr-defined]
        for r in rows
    }


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
    write_rows(conn, ledger, existing, fresh, links)
    return RefreshResult(len(keys), len(ledger.pledges), len(ledger.conflicts), len(everything))


def _group_keys_in(conn: Connection, scopes: set[tuple[str, str]]) -> set[PledgeKey]:
    """The keys of the stored joint rows of these (initiative, category) scopes."""
    if not scopes:
        return set()
    rows = conn.execute(
        select(
            pledges.c.id, pledges.c.initiative, pledges.c.donor, pledges.c.category, pledges.c.is_group
        ).where(
            pledges.c.is_group,
            pledges.c.initiative.in_(sorted({i for i, _ in scopes})),
            pledges.c.category.in_(sorted({c for _, c in scopes})),
        )
    ).all()
    return _keys_with_members(conn, [r for r in rows if (r.initiative, r.category) in scopes])


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


def rebuild_ledger(
    conn: Connection, on_category: Callable[[str, RefreshResult], None] | None = None
) -> RefreshResult:
    """Recompute every row from every claim; category by category (rows never span two).
    ``on_category(category, written)`` is told after each one (a progress bar)."""
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
            write_rows(conn, ledger, {}, Fresh({c.id: c for c in found if c.id is not None}, sources))
            n = len(ledger.pledges)
            written = RefreshResult(n, n, len(ledger.conflicts), len(found))
            total = total + written
            if on_category is not None:
                on_category(category, written)
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
