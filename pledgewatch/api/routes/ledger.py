"""/api/pledges, /api/donors, /api/conflicts: the ledger, read through ``store.ledger_queries``."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query

from pledgewatch.api.routes.common import Conn, Page, Reader, page_of
from pledgewatch.api.schemas import (
    AmountOut,
    CategoryStatusOut,
    ConflictOut,
    DonorDetail,
    DonorOut,
    PledgeOut,
    StageTotalOut,
    SummaryOut,
)
from pledgewatch.api.schemas import Page as PageOf
from pledgewatch.errors import NotFoundError
from pledgewatch.records import Category, ConflictKind, PledgeStatus
from pledgewatch.store import ledger_queries as lq
from pledgewatch.store import web_queries as wq

router = APIRouter(tags=["ledger"])

Name = Annotated[str | None, Query(max_length=300)]
DonorName = Annotated[
    str | None, Query(max_length=300, description="any spelling; its own rows and the joint rows it is in")
]
AsOf = Annotated[
    dt.date | None, Query(description="the ledger as it stood on this date (rebuilt from claims)")
]


@router.get("/pledges", response_model=PageOf[PledgeOut], summary="List ledger rows (pledges)")
def pledges_list(
    conn: Conn,
    paging: Page,
    _: Reader,
    donor: DonorName = None,
    category: Category | None = None,
    status: PledgeStatus | None = None,
    initiative: Name = None,
    as_of: AsOf = None,
) -> dict[str, Any]:
    where = lq.LedgerFilter(donor=donor, category=category, status=status, initiative=initiative, as_of=as_of)
    found = lq.list_pledges(conn, where, limit=paging.fetch, offset=paging.offset)
    return page_of(found, paging, PledgeOut.model_validate)


@router.get("/pledges/{pledge_id}", response_model=PledgeOut, summary="One ledger row")
def pledges_one(pledge_id: Annotated[int, Path(ge=1, le=2**62)], conn: Conn, _: Reader) -> PledgeOut:
    pledge = lq.get_pledge(conn, pledge_id)
    if pledge is None:
        raise NotFoundError(f"no pledge with id {pledge_id}")
    return PledgeOut.model_validate(pledge)


@router.get("/donors", response_model=PageOf[DonorOut], summary="List donors with their known USD sums")
def donors_list(conn: Conn, paging: Page, _: Reader) -> dict[str, Any]:
    found = wq.list_donors(conn, limit=paging.fetch, offset=paging.offset)
    return page_of(found, paging, DonorOut.model_validate)


@router.get("/donors/{name}", response_model=DonorDetail, summary="One donor: sums and ledger rows")
def donors_one(
    name: Annotated[str, Path(min_length=1, max_length=300)], conn: Conn, _: Reader
) -> DonorDetail:
    where = lq.LedgerFilter(donor=name)
    rows = lq.list_pledges(conn, where, limit=None)
    if not rows:
        raise NotFoundError(f"no ledger rows for donor {name!r}", hint="names are as in /api/donors")
    canonical = next((p.donor for p in rows if not p.group), name)
    sums = wq.list_donors(conn, name=canonical, limit=1)
    base = sums[0] if sums else wq.DonorSums(canonical, 0, None, None)
    return DonorDetail(
        **DonorOut.model_validate(base).model_dump(),
        conflicts=lq.count_conflicts(conn, where),
        ledger=[PledgeOut.model_validate(p) for p in rows],
    )


@router.get("/conflicts", response_model=PageOf[ConflictOut], summary="List conflicts between sources")
def conflicts_list(
    conn: Conn,
    paging: Page,
    _: Reader,
    donor: DonorName = None,
    category: Category | None = None,
    kind: ConflictKind | None = None,
    initiative: Name = None,
) -> dict[str, Any]:
    where = lq.LedgerFilter(donor=donor, category=category, initiative=initiative)
    found = lq.list_conflicts(conn, where, kind=kind, limit=paging.fetch, offset=paging.offset)
    pledge_ids = wq.conflict_pledge_ids(conn, [c.id for c in found if c.id is not None])
    return page_of(
        found,
        paging,
        lambda c: ConflictOut.model_validate({**asdict(c), "pledge_id": pledge_ids.get(c.id or 0)}),
    )


def _stage(total: Any) -> StageTotalOut:
    return StageTotalOut(
        usd=total.usd if total.rows - total.unknown > 0 and total.usd else None,
        rows=total.rows,
        unknown=total.unknown,
        unconverted=[AmountOut(value=a.value, unit=a.unit) for a in total.unconverted],
        counts=dict(total.counts),
    )


@router.get("/summary", response_model=SummaryOut, summary="The ledger's totals, as on the overview page")
def summary(conn: Conn, _: Reader) -> SummaryOut:
    totals = lq.ledger_summary(conn)
    return SummaryOut(
        pledged=_stage(totals.pledged),
        delivered=_stage(totals.delivered),
        denied=_stage(totals.denied),
        joint_pledged=_stage(totals.joint_pledged),
        joint_delivered=_stage(totals.joint_delivered),
        by_category_and_status=[CategoryStatusOut.model_validate(asdict(c)) for c in wq.pledge_matrix(conn)],
        conflicts=lq.count_conflicts(conn),
    )
