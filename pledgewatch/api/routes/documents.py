"""/api/documents: list, read one with its claims, add one (extracted and added to the ledger)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request, Response

from pledgewatch.api.routes.claims import claim_out
from pledgewatch.api.routes.common import Conn, Page, Reader, Writer, page_of
from pledgewatch.api.schemas import DocumentDetail, DocumentIn, DocumentOut, IngestOut
from pledgewatch.api.schemas import Page as PageOf
from pledgewatch.errors import NotFoundError
from pledgewatch.store.claims import list_claims
from pledgewatch.store.documents import get_document, list_documents
from pledgewatch.web.submit import submit_document

router = APIRouter(tags=["documents"])

DocId = Annotated[str, Path(min_length=1, max_length=300, description="the document's id")]


@router.get("/documents", response_model=PageOf[DocumentOut], summary="List documents")
def documents_list(
    conn: Conn,
    paging: Page,
    _: Reader,
    initiative: Annotated[str | None, Query(max_length=300)] = None,
    outlet: Annotated[str | None, Query(max_length=300)] = None,
    published_from: dt.date | None = None,
    published_to: dt.date | None = None,
) -> dict[str, Any]:
    found = list_documents(
        conn,
        initiative=initiative,
        outlet=outlet,
        published_from=published_from,
        published_to=published_to,
        limit=paging.fetch,
        offset=paging.offset,
    )
    return page_of(found, paging, DocumentOut.model_validate)


@router.get("/documents/{doc_id}", response_model=DocumentDetail, summary="One document, its text and claims")
def documents_one(doc_id: DocId, conn: Conn, _: Reader) -> DocumentDetail:
    document = get_document(conn, doc_id)
    if document is None:
        raise NotFoundError(f"no document with id {doc_id!r}")
    found = list_claims(conn, doc_id=doc_id, limit=None)
    return DocumentDetail(
        **DocumentOut.model_validate(document).model_dump(),
        text=document.text,
        claims=[claim_out(c) for c in found],
    )


@router.post(
    "/documents",
    response_model=IngestOut,
    status_code=201,
    summary="Add a document: it is stored, its claims extracted and the ledger refreshed",
    responses={200: {"model": IngestOut, "description": "the same text was already stored"}},
)
def documents_add(body: DocumentIn, request: Request, response: Response, principal: Writer) -> IngestOut:
    result = submit_document(
        request.app.state.engine,
        request.app.state.settings,
        text=body.text,
        doc_id=body.doc_id,
        title=body.title,
        url=body.url,
        outlet=body.outlet,
        published=body.published,
        initiative=body.initiative,
        source=f"api:{principal.name}",
    )
    if not result.stored:
        response.status_code = 200
    return IngestOut(doc_id=result.doc_id, stored=result.stored, claims=result.claims)
