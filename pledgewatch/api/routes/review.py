"""Review actions on one claim: accept, reject, edit. Each needs a bearer token."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request

from pledgewatch.api.routes.claims import claim_out
from pledgewatch.api.routes.common import Writer
from pledgewatch.api.schemas import ClaimEdit, RejectIn, ReviewOut
from pledgewatch.web.review import ReviewRequest, as_field_string, review_claim

router = APIRouter(tags=["review"])

ClaimId = Annotated[int, Path(ge=1, le=2**62, description="the claim's id")]


@router.post("/claims/{claim_id}/accept", response_model=ReviewOut, summary="Accept a claim")
def accept(claim_id: ClaimId, request: Request, principal: Writer) -> ReviewOut:
    claim = review_claim(request.app.state.engine, claim_id, ReviewRequest("accept"), reviewer=principal.name)
    return ReviewOut(claim=claim_out(claim), action="accept", reviewer=principal.name)


@router.post("/claims/{claim_id}/reject", response_model=ReviewOut, summary="Reject a claim")
def reject(claim_id: ClaimId, request: Request, principal: Writer, body: RejectIn | None = None) -> ReviewOut:
    wanted = ReviewRequest("reject", reason=body.reason if body else None)
    claim = review_claim(request.app.state.engine, claim_id, wanted, reviewer=principal.name)
    return ReviewOut(claim=claim_out(claim), action="reject", reviewer=principal.name)


@router.patch("/claims/{claim_id}", response_model=ReviewOut, summary="Edit a claim (state becomes 'edited')")
def edit(claim_id: ClaimId, body: ClaimEdit, request: Request, principal: Writer) -> ReviewOut:
    changes = {name: as_field_string(name, value) for name, value in body.changes().items()}
    wanted = ReviewRequest("edit", changes=changes)
    claim = review_claim(request.app.state.engine, claim_id, wanted, reviewer=principal.name)
    return ReviewOut(claim=claim_out(claim), action="edit", reviewer=principal.name)
