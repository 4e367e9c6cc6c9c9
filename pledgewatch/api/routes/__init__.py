"""The /api routers: documents, claims, the ledger (pledges, donors, conflicts) and review actions."""

from __future__ import annotations

from fastapi import APIRouter

from pledgewatch.api.problems import problem_responses
from pledgewatch.api.routes import claims, documents, ledger, review

api_router = APIRouter(prefix="/api", responses=problem_responses(401, 404, 422))
api_router.include_router(documents.router)
api_router.include_router(claims.router)
api_router.include_router(ledger.router)
api_router.include_router(review.router)
