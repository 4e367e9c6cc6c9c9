"""Read queries the API and the dashboard need that the other store modules do not offer.

Same rules as the rest of ``store``: SQLAlchemy Core, records out. Each query is
bounded (ids or a limit) and runs on an index, so pages stay fast with a million claims.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Select, func, select

from pledgewatch.records import Claim
from pledgewatch.store.claims import select_claims, with_donors
from pledgewatch.store.ledger_tables import conflicts, ledger_lock, pledges
from pledgewatch.store.tables import claims


def newest_claims(conn: Connection, *, limit: int = 10, review_state: str | None = None) -> list[Claim]:
    """The most recently stored claims first (by id, the primary key: no scan)."""
    query = select_claims().order_by(claims.c.id.desc()).limit(limit)
    if review_state is not None:
        query = query.where(claims.c.review_state == review_state)
    return with_donors(conn, conn.execute(query).all())


# --- the overview's aggregates over the ledger ----------------------------------------------


@dataclass(frozen=True, slots=True)
class CategoryStatus:
    category: str
    status: str
    pledges: int
    pledged_usd: float | None
    delivered_usd: float | None


@dataclass(frozen=True, slots=True)
class DonorSums:
    donor: str
    pledges: int
    pledged_usd: float | None
    delivered_usd: float | None


def _sums_by_donor() -> Select[Any]:
    """Single-donor ledger rows grouped by donor: the columns of ``DonorSums``."""
    return (
        select(
            pledges.c.donor,
            func.count(),
            func.sum(pledges.c.pledged_usd),
            func.sum(pledges.c.delivered_usd),
        )
        .where(pledges.c.is_group.is_(False))
        .group_by(pledges.c.donor)
    )


def pledge_matrix(conn: Connection, *, initiative: str | None = None) -> list[CategoryStatus]:
    """Pledge rows counted by category and status, with their known USD sums (joint rows included)."""
    query = select(
        pledges.c.category,
        pledges.c.status,
        func.count(),
        func.sum(pledges.c.pledged_usd),
        func.sum(pledges.c.delivered_usd),
    ).group_by(pledges.c.category, pledges.c.status)
    if initiative is not None:
        query = query.where(pledges.c.initiative == initiative)
    return [CategoryStatus(*row) for row in conn.execute(query)]


def donor_sums(conn: Connection, *, limit: int = 12, initiative: str | None = None) -> list[DonorSums]:
    """Single-donor pledges summed per donor, largest pledged first; joint pledges are not split."""
    pledged = func.sum(pledges.c.pledged_usd)
    query = _sums_by_donor().order_by(func.coalesce(pledged, 0).desc(), pledges.c.donor).limit(limit)
    if initiative is not None:
        query = query.where(pledges.c.initiative == initiative)
    return [DonorSums(*row) for row in conn.execute(query)]


# --- the pledge row each conflict belongs to ------------------------------------------------


def conflict_pledge_ids(conn: Connection, conflict_ids: Iterable[int]) -> dict[int, int]:
    """The ledger row (pledge id) of each conflict."""
    wanted = list(conflict_ids)
    found: dict[int, int] = {}
    for start in range(0, len(wanted), 500):
        query = select(conflicts.c.id, conflicts.c.pledge_id).where(
            conflicts.c.id.in_(wanted[start : start + 500])
        )
        found.update((cid, pid) for cid, pid in conn.execute(query))
    return found


def list_donors(
    conn: Connection, *, name: str | None = None, limit: int | None = 100, offset: int = 0
) -> list[DonorSums]:
    """Every donor with a single-donor ledger row, alphabetically, with its known USD sums."""
    query = _sums_by_donor().order_by(pledges.c.donor)
    if name is not None:
        query = query.where(pledges.c.donor == name)
    return [DonorSums(*row) for row in conn.execute(query.limit(limit).offset(offset))]


def ledger_version(conn: Connection) -> int:
    """A number every ledger write increases (``ledger_lock``): aggregates computed at the same
    version are still current, whichever process wrote since."""
    return int(
        conn.execute(select(ledger_lock.c.version).where(ledger_lock.c.id == 1)).scalar_one_or_none() or 0
    )
