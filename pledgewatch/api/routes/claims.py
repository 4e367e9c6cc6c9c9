"""/api/claims: what the documents say, with filters, one claim by id, and review actions."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query

from pledgewatch.api.routes.common import Conn, Page, Reader, page_of
from pledgewatch.api.schemas import ClaimOut
from pledgewatch.api.schemas import Page as PageOf
from pledgewatch.errors import NotFoundError
from pledgewatch.records import Category, ReviewState
from pledgewatch.store.claims import get_claim, list_claims

router = APIRouter(tags=["claims"])

ClaimId = Annotated[int, Path(ge=1, le=2**62, description="the claim's id")]


def claim_out(claim: Any) -> ClaimOut:
    return ClaimOut.model_validate(claim)


@router.get(
    "/claims",
    response_model=PageOf[ClaimOut],
    summary="List claims",
    description="One document's claims (doc_id) in their order in its text; otherwise in stored order.",
)
def claims_list(
    conn: Conn,
    paging: Page,
    _: Reader,
    doc_id: Annotated[str | None, Query(max_length=300, description="only this document's claims")] = None,
    donor: Annotated[str | None, Query(max_length=300, description="only claims naming this donor")] = None,
    category: Category | None = None,
    review_state: ReviewState | None = None,
) -> dict[str, Any]:
    found = list_claims(
        conn,
        doc_id=doc_id,
        donor=donor,
        category=category,
        review_state=review_state,
        limit=paging.fetch,
        offset=paging.offset,
    )
    return page_of(found, paging, claim_out)


@router.get("/claims/{claim_id}", response_model=ClaimOut, summary="One claim")
def claims_one(claim_id: ClaimId, conn: Conn, _: Reader) -> ClaimOut:
    claim = get_claim(conn, claim_id)
    if claim is None:
        raise NotFoundError(f"no claim with id {claim_id}")
    return claim_out(claim)
