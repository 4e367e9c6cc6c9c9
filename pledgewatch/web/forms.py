"""The dashboard's forms: token sign-in and sign-out, review actions, upload.

Every POST checks the CSRF token first; review and upload also need a signed-in token.
A successful POST redirects (303) so that reloading the page does not repeat it.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, Path, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from pledgewatch.api.security import (
    AUTH_COOKIE,
    SESSION_SECONDS,
    Principal,
    check_csrf,
    require_writer,
    session_cookie,
)
from pledgewatch.errors import NotFoundError, PledgewatchError
from pledgewatch.store import tokens as token_store
from pledgewatch.store.claims import get_claim
from pledgewatch.web.render import render
from pledgewatch.web.review import ReviewRequest, form_changes, review_claim
from pledgewatch.web.submit import Submitted, submit_upload

router = APIRouter(include_in_schema=False)

Csrf = Annotated[str, Form(max_length=200)]
Text = Annotated[str, Form(max_length=2000)]
Writer = Annotated[Principal, Depends(require_writer)]


def _safe_next(target: str | None) -> str:
    """Only redirect to a path on this site."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/"


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, next: str = "/") -> HTMLResponse:
    return render(request, "login.html", {"next": _safe_next(next), "failed": False})


@router.post("/login", response_model=None)
def login(
    request: Request,
    csrf: Csrf = "",
    token: Annotated[str, Form(max_length=200)] = "",
    next: Text = "/",
) -> Response:
    check_csrf(request, csrf)
    with request.app.state.engine.connect() as conn:
        info = token_store.verify_token(conn, token) if token else None
    if info is None:
        return render(request, "login.html", {"next": _safe_next(next), "failed": True}, status_code=401)
    response = RedirectResponse(_safe_next(next), status_code=303)
    response.set_cookie(
        AUTH_COOKIE,
        session_cookie(request.app.state.secret, info.id),
        max_age=SESSION_SECONDS,
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
    )
    return response


@router.post("/logout")
def logout(request: Request, csrf: Csrf = "") -> RedirectResponse:
    check_csrf(request, csrf)
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(AUTH_COOKIE)
    return response


@router.post("/review/{claim_id}")
def review(
    claim_id: Annotated[int, Path(ge=1, le=2**62)],
    request: Request,
    principal: Writer,
    csrf: Csrf = "",
    action: Annotated[str, Form(pattern="^(accept|reject|edit)$")] = "accept",
    reason: Text = "",
    stance: Text = "",
    stage: Text = "",
    category: Text = "",
    amount: Text = "",
    recipient: Text = "",
    date: Text = "",
) -> RedirectResponse:
    check_csrf(request, csrf)
    engine = request.app.state.engine
    if action == "edit":
        with engine.connect() as conn:
            claim = get_claim(conn, claim_id)
        if claim is None:
            raise NotFoundError(f"no claim with id {claim_id}")
        form = {"stance": stance, "stage": stage, "category": category, "amount": amount}
        form |= {"recipient": recipient, "date": date}
        wanted = ReviewRequest("edit", changes=form_changes(claim, form))
    else:
        wanted = ReviewRequest("reject" if action == "reject" else "accept", reason=reason or None)
    review_claim(engine, claim_id, wanted, reviewer=principal.name)
    return RedirectResponse(f"/review?done={claim_id}", status_code=303)


@router.post("/upload", response_class=HTMLResponse)
async def upload(
    request: Request,
    principal: Writer,
    file: Annotated[UploadFile, File()],
    csrf: Csrf = "",
    title: Text = "",
    url: Text = "",
    outlet: Text = "",
    published: Text = "",
    initiative: Text = "",
) -> HTMLResponse:
    check_csrf(request, csrf)
    data = await file.read()
    failures: list[str] = []
    results: list[Submitted] = []
    try:
        day = dt.date.fromisoformat(published) if published else None
        results, errors = await run_in_threadpool(
            submit_upload,
            request.app.state.engine,
            request.app.state.settings,
            filename=file.filename or "upload.txt",
            data=data,
            meta={"title": title, "url": url, "outlet": outlet, "published": day, "initiative": initiative},
            source=f"upload:{principal.name}",
        )
        failures = [str(e) for e in errors]
    except ValueError:
        failures = [f"published {published!r} is not a date (YYYY-MM-DD)"]
    except PledgewatchError as error:
        failures = [str(error)]
    context = {"section": "upload", "result": results, "failures": failures}
    return render(request, "upload.html", context, status_code=200 if results or not failures else 422)
