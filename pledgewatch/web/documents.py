"""Pages about documents and claims: the document list, one document, the review queue, upload."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from pledgewatch.api.routes.common import Conn, Paging, page_of, paging
from pledgewatch.api.security import require_reader
from pledgewatch.errors import NotFoundError
from pledgewatch.records import CATEGORIES, Category
from pledgewatch.store.claims import list_claims
from pledgewatch.store.documents import get_document, list_documents
from pledgewatch.web.highlight import evidence_span, highlight
from pledgewatch.web.render import render

router = APIRouter(include_in_schema=False, dependencies=[Depends(require_reader)])
PageParams = Annotated[Paging, Depends(paging)]


@router.get("/documents", response_class=HTMLResponse)
def documents_page(request: Request, conn: Conn, paging: PageParams) -> HTMLResponse:
    found = list_documents(conn, limit=paging.fetch, offset=paging.offset)
    page = page_of(found, paging, lambda d: d)
    return render(request, "documents.html", {"section": "documents", "page": page, "params": {}})


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(doc_id: str, request: Request, conn: Conn) -> HTMLResponse:
    document = get_document(conn, doc_id)
    if document is None:
        raise NotFoundError(f"no document with id {doc_id!r}")
    claims = list_claims(conn, doc_id=doc_id, limit=None)
    numbers = {c.id: i for i, c in enumerate(claims, 1) if c.id is not None}
    unplaced = [c for c in claims if evidence_span(c, document.text) is None]
    context = {
        "section": "documents",
        "document": document,
        "claims": claims,
        "numbers": numbers,
        "unplaced": unplaced,
        "marked_text": highlight(document.text, claims, numbers),
    }
    return render(request, "document.html", context)


@router.get("/review", response_class=HTMLResponse)
def review_page(
    request: Request,
    conn: Conn,
    paging: PageParams,
    category: Annotated[Category | None, Query()] = None,
    donor: Annotated[str | None, Query(max_length=300)] = None,
    done: Annotated[str | None, Query(max_length=40)] = None,
) -> HTMLResponse:
    found = list_claims(
        conn,
        review_state="machine",
        category=category,
        donor=donor or None,
        limit=paging.fetch,
        offset=paging.offset,
    )
    page = page_of(found, paging, lambda c: c)
    context = {
        "section": "review",
        "page": page,
        "params": {"category": category, "donor": donor},
        "categories": CATEGORIES,
        "done": done,
    }
    return render(request, "review.html", context)


@router.get("/upload", response_class=HTMLResponse)
def upload_page(request: Request) -> HTMLResponse:
    return render(request, "upload.html", {"section": "upload", "result": None, "failures": []})
