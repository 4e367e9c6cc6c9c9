"""``create_app(settings)``: the JSON API under /api and the dashboard, in one FastAPI app.

    app = create_app(Settings(db_url="sqlite:///pledgewatch.db"))
    uvicorn.run(app)          # or: pledgewatch serve

Nothing is opened at import; the engine is made here (or passed in by a test).
Both the API and the dashboard read through the store's query functions.
"""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.openapi.utils import get_openapi
from sqlalchemy import Engine
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from pledgewatch import __version__
from pledgewatch.api.problems import fix_problem_media_types, install_problem_handlers
from pledgewatch.config import Settings
from pledgewatch.errors import PayloadTooLargeError

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}

FORM_OVERHEAD = 64 * 1024  # multipart boundaries and the other fields of an upload


class BodyLimit:
    """Refuse request bodies over ``max_bytes`` (PW504): by Content-Length, else while reading them.

    The body of a POST, PUT or PATCH is read here (up to the limit) and replayed to the app, so a
    client that sends no length cannot stream an unbounded upload past it.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.max_bytes
        for name, value in scope.get("headers", ()):
            if name == b"content-length" and value.isdigit() and int(value) > limit:
                await _too_large(scope, receive, send, limit)
                return
        if scope.get("method") not in ("POST", "PUT", "PATCH"):
            await self.app(scope, receive, send)
            return
        chunks, seen, more = [], 0, True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                await self.app(scope, receive, send)
                return
            chunk = message.get("body", b"")
            seen += len(chunk)
            if seen > limit:
                await _too_large(scope, receive, send, limit)
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        body, replayed = b"".join(chunks), False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


async def _too_large(scope: Scope, receive: Receive, send: Send, limit: int) -> None:
    from pledgewatch.api.problems import problem_for, problem_response

    error = PayloadTooLargeError(f"the request body is over the limit of {limit} bytes")
    response = problem_response(problem_for(error, scope.get("path", "")))
    response.headers["Connection"] = "close"
    await response(scope, receive, send)


def create_app(
    settings: Settings,
    *,
    private: bool = False,
    secret: bytes | None = None,
    engine: Engine | None = None,
) -> FastAPI:
    """The app. ``private``: reads need a token too. ``secret`` signs cookies (random per process
    when not given, so restarting the server logs everyone out)."""
    from pledgewatch.api.routes import api_router
    from pledgewatch.store.engine import make_engine
    from pledgewatch.web import pages

    app = FastAPI(
        title="pledgewatch",
        version=__version__,
        summary="Pledges to multi-donor initiatives, what was delivered, and where sources disagree.",
        description=(
            "Read endpoints are public unless the server runs with --private. Writes (adding documents, "
            "reviewing claims) need `Authorization: Bearer TOKEN`, a token made with "
            "`pledgewatch token create NAME`. Lists take `limit` and `offset` and return `next_offset`. "
            "Errors are RFC 9457 problem documents (application/problem+json) with a stable `code`."
        ),
        docs_url=None,  # Swagger UI would load from a CDN; the schema is at /openapi.json
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.settings = settings
    app.state.private = private
    app.state.secret = secret or secrets.token_bytes(32)
    app.state.engine = engine if engine is not None else make_engine(settings.db_url)

    install_problem_handlers(app, render_html=pages.render_problem)
    app.add_middleware(BodyLimit, max_bytes=settings.max_bytes + FORM_OVERHEAD)

    @app.middleware("http")
    async def security_headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    app.include_router(api_router)
    pages.register(app)

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(
                title=app.title,
                version=app.version,
                summary=app.summary,
                description=app.description,
                routes=app.routes,
            )
            schema.setdefault("components", {})["securitySchemes"] = {
                "bearer": {"type": "http", "scheme": "bearer", "description": "pledgewatch token create NAME"}
            }
            app.openapi_schema = fix_problem_media_types(schema)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app
