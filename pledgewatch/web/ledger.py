"""Pages about the ledger: the overview, pledges, one pledge, one donor, conflicts.

They read through ``store.ledger_queries`` (the same functions as the JSON API and the
CLI) and ``store.web_queries`` for the overview's aggregates.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import Connection

from pledgewatch.api.routes.common import Conn, Paging, page_of, paging
from pledgewatch.api.security import require_reader
from pledgewatch.errors import NotFoundError
from pledgewatch.ledger import Totals
from pledgewatch.records import (
    CATEGORIES,
    CONFLICT_KINDS,
    PLEDGE_STATUSES,
    Category,
    Claim,
    ConflictKind,
    PledgeStatus,
)
from pledgewatch.store import ledger_queries as lq
from pledgewatch.store import web_queries as wq
from pledgewatch.store.documents import count_documents
from pledgewatch.web.charts import (
    DonorBar,
    TimelinePoint,
    claims_timeline,
    pledged_vs_delivered,
    status_strip,
)
from pledgewatch.web.render import doc_href, donor_href, render

router = APIRouter(include_in_schema=False, dependencies=[Depends(require_reader)])
PageParams = Annotated[Paging, Depends(paging)]
Name = Annotated[str | None, Query(max_length=300)]
TIMELINE_POINTS = 400  # the claims a donor's timeline draws at most (the latest read)
QUOTES_PER_PLEDGE = 3  # evidence quotes per pledge on a donor's page; the pledge page has them all


def _sum(values: Iterable[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return sum(known) if known else None


@dataclass(frozen=True, slots=True)
class Aggregates:
    """What the overview sums over the whole ledger; recomputed only when the ledger changes."""

    version: int
    totals: Totals
    matrix: list[wq.CategoryStatus]
    donors: list[wq.DonorSums]
    conflicts: int


def _aggregates(request: Request, conn: Connection) -> Aggregates:
    version = wq.ledger_version(conn)
    cached: Aggregates | None = getattr(request.app.state, "overview_cache", None)
    if cached is not None and cached.version == version:
        return cached
    fresh = Aggregates(
        version=version,
        totals=lq.ledger_summary(conn),
        matrix=wq.pledge_matrix(conn),
        donors=wq.donor_sums(conn, limit=12),
        conflicts=lq.count_conflicts(conn),
    )
    request.app.state.overview_cache = fresh
    return fresh


def _category_table(matrix: list[wq.CategoryStatus]) -> dict[str, dict[str, Any]]:
    """The overview's table: per category with pledges, the count per status and the USD sums."""
    table = {}
    for category in CATEGORIES:
        cells = [c for c in matrix if c.category == category]
        if cells:
            table[category] = {
                "statuses": {s: sum(c.pledges for c in cells if c.status == s) for s in PLEDGE_STATUSES},
                "pledged_usd": _sum(c.pledged_usd for c in cells),
                "delivered_usd": _sum(c.delivered_usd for c in cells),
            }
    return table


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, conn: Conn) -> HTMLResponse:
    sums = _aggregates(request, conn)
    by_status = {s: sum(c.pledges for c in sums.matrix if c.status == s) for s in PLEDGE_STATUSES}
    bars = [DonorBar(d.donor, d.pledged_usd, d.delivered_usd, donor_href(d.donor)) for d in sums.donors]
    context = {
        "section": "overview",
        "pledges": sum(by_status.values()),
        "totals": sums.totals,
        "conflicts": sums.conflicts,
        "documents": count_documents(conn),
        "by_status": by_status,
        "table": _category_table(sums.matrix),
        "statuses": PLEDGE_STATUSES,
        "bars_chart": pledged_vs_delivered(bars),
        "status_chart": status_strip(by_status),
        "newest": wq.newest_claims(conn, limit=8),
    }
    return render(request, "overview.html", context)


@router.get("/pledges", response_class=HTMLResponse)
def pledges_page(
    request: Request,
    conn: Conn,
    paging: PageParams,
    donor: Name = None,
    category: Category | None = None,
    status: PledgeStatus | None = None,
) -> HTMLResponse:
    where = lq.LedgerFilter(donor=donor or None, category=category, status=status)
    found = lq.list_pledges(conn, where, limit=paging.fetch, offset=paging.offset)
    context = {
        "section": "pledges",
        "page": page_of(found, paging, lambda p: p),
        "params": {"donor": donor, "category": category, "status": status},
        "categories": CATEGORIES,
        "statuses": PLEDGE_STATUSES,
    }
    return render(request, "pledges.html", context)


@router.get("/pledges/{pledge_id}", response_class=HTMLResponse)
def pledge_page(
    pledge_id: Annotated[int, Path(ge=1, le=2**62)], request: Request, conn: Conn
) -> HTMLResponse:
    pledge = lq.get_pledge(conn, pledge_id)
    if pledge is None:
        raise NotFoundError(f"no pledge with id {pledge_id}")
    conflicts = lq.conflicts_of_pledge(conn, pledge_id)
    needed = {*pledge.claim_ids, *(i for c in conflicts for i in (*c.claim_ids_a, *c.claim_ids_b))}
    views = lq.claims_with_sources(conn, needed)
    claims = {v.claim.id: v.claim for v in views}
    context = {
        "section": "pledges",
        "pledge": pledge,
        "claims": [v.claim for v in views if v.claim.id in set(pledge.claim_ids)],
        "conflicts": [
            {
                "conflict": c,
                "a": [claims[i] for i in c.claim_ids_a if i in claims],
                "b": [claims[i] for i in c.claim_ids_b if i in claims],
            }
            for c in conflicts
        ],
    }
    return render(request, "pledge.html", context)


def _timeline_points(claims: list[Claim]) -> list[TimelinePoint]:
    """One point per dated claim (its own date, else its source's), on its category's lane."""
    return [
        TimelinePoint(
            day=day,
            lane=c.category,
            kind="deny" if c.stance == "deny" else c.stage,
            label=f"{c.stance} · {c.stage} · {c.category} ({c.doc_id})",
            href=doc_href(c.doc_id, c.id),
        )
        for c in claims
        if (day := c.date or c.published) is not None
    ]


@router.get("/donors/{name:path}", response_class=HTMLResponse)
def donor_page(
    name: Annotated[str, Path(min_length=1, max_length=300)], request: Request, conn: Conn
) -> HTMLResponse:
    where = lq.LedgerFilter(donor=name)
    rows = lq.list_pledges(conn, where, limit=None)
    if not rows:
        raise NotFoundError(f"no ledger rows for donor {name!r}")
    canonical = next((p.donor for p in rows if not p.group), name)
    every = sorted({i for p in rows for i in p.claim_ids})
    drawn = every[-TIMELINE_POINTS:]  # the claims read last (ids grow as documents are stored)
    quoted = {i for p in rows for i in p.claim_ids[-QUOTES_PER_PLEDGE:]}
    views = lq.claims_with_sources(conn, sorted(set(drawn) | quoted))
    by_id = {v.claim.id: v.claim for v in views}
    drawn_ids = set(drawn)
    points = _timeline_points([v.claim for v in views if v.claim.id in drawn_ids])
    sums = wq.list_donors(conn, name=canonical, limit=1)
    context = {
        "section": "pledges",
        "donor": canonical,
        "sums": sums[0] if sums else None,
        "pledges": [
            {"pledge": p, "claims": [by_id[i] for i in p.claim_ids[-QUOTES_PER_PLEDGE:] if i in by_id]}
            for p in rows
        ],
        "quotes_per_pledge": QUOTES_PER_PLEDGE,
        "timeline": claims_timeline(points),
        "timeline_note": (len(drawn), len(every)),
        "conflicts": lq.count_conflicts(conn, where),
    }
    return render(request, "donor.html", context)


@router.get("/conflicts", response_class=HTMLResponse)
def conflicts_page(
    request: Request,
    conn: Conn,
    paging: PageParams,
    donor: Name = None,
    kind: ConflictKind | None = None,
) -> HTMLResponse:
    where = lq.LedgerFilter(donor=donor or None)
    found = lq.list_conflicts(conn, where, kind=kind, limit=paging.fetch, offset=paging.offset)
    pledge_ids = wq.conflict_pledge_ids(conn, [c.id for c in found if c.id is not None])
    context = {
        "section": "conflicts",
        "page": page_of(found, paging, lambda c: {"conflict": c, "pledge_id": pledge_ids.get(c.id or 0)}),
        "params": {"donor": donor, "kind": kind},
        "kinds": CONFLICT_KINDS,
    }
    return render(request, "conflicts.html", context)
