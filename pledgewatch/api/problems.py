"""Every error the API returns has one shape: an RFC 9457 problem document.

``{"type", "title", "status", "detail", "code", "hint", "instance"}`` served as
``application/problem+json``. A ``PledgewatchError`` keeps its code and hint; request
validation becomes PW506; an unexpected exception is logged here and the client gets a
generic 500 with no trace of the internals. The dashboard renders the same problem as
an HTML page (see ``pledgewatch.web.pages``).
"""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from pledgewatch.errors import PledgewatchError, RequestValidationFailed

log = logging.getLogger("pledgewatch.api")

PROBLEM_MEDIA_TYPE = "application/problem+json"


class Problem(BaseModel):
    """An error, as RFC 9457 problem details with pledgewatch's stable code."""

    type: str = Field(description="URI naming the kind of problem: urn:pledgewatch:error:PWnnn")
    title: str = Field(description="Short summary of the kind of problem")
    status: int = Field(description="HTTP status code")
    detail: str = Field(description="What went wrong with this request")
    code: str = Field(description="Stable pledgewatch error code, e.g. PW501")
    hint: str = Field("", description="How to fix it")
    instance: str = Field("", description="The path of the request")


def problem_for(error: PledgewatchError, instance: str = "") -> Problem:
    status = error.http_status
    return Problem(
        type=f"urn:pledgewatch:error:{error.code}",
        title=HTTPStatus(status).phrase,
        status=status,
        detail=error.message,
        code=error.code,
        hint=error.hint,
        instance=instance,
    )


def generic_problem(status: int, detail: str, instance: str = "") -> Problem:
    code = "PW500" if status >= 500 else f"HTTP{status}"
    return Problem(
        type=f"urn:pledgewatch:error:{code}",
        title=HTTPStatus(status).phrase,
        status=status,
        detail=detail,
        code=code,
        hint="",
        instance=instance,
    )


def problem_response(problem: Problem, headers: dict[str, str] | None = None) -> Response:
    return JSONResponse(
        problem.model_dump(), status_code=problem.status, media_type=PROBLEM_MEDIA_TYPE, headers=headers
    )


def wants_html(request: Request) -> bool:
    """Dashboard pages answer errors with HTML; /api and anything asking for JSON get problems."""
    path = request.url.path
    if path.startswith("/api") or path == "/openapi.json":
        return False
    return "text/html" in request.headers.get("accept", "")


def _describe_validation(error: RequestValidationError) -> str:
    parts = []
    for item in error.errors()[:5]:
        where = ".".join(str(p) for p in item.get("loc", ()) if p != "body") or "request"
        parts.append(f"{where}: {item.get('msg', 'invalid')}")
    return "; ".join(parts) or "the request is not valid"


def install_problem_handlers(app: FastAPI, render_html: Any = None) -> None:
    """Register the handlers; ``render_html(request, problem)`` renders dashboard error pages."""

    def respond(request: Request, problem: Problem, headers: dict[str, str] | None = None) -> Response:
        if render_html is not None and wants_html(request):
            response: Response = render_html(request, problem)
            if headers:
                response.headers.update(headers)
            return response
        return problem_response(problem, headers)

    async def on_pledgewatch_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, PledgewatchError)
        headers = {"WWW-Authenticate": "Bearer"} if exc.http_status == 401 else None
        return respond(request, problem_for(exc, request.url.path), headers)

    async def on_validation_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        error = RequestValidationFailed(_describe_validation(exc))
        return respond(request, problem_for(error, request.url.path))

    async def on_http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        detail = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).phrase
        if exc.status_code == 404:
            detail = f"nothing at {request.url.path}"
        headers = dict(exc.headers) if exc.headers else None
        return respond(request, generic_problem(exc.status_code, detail, request.url.path), headers)

    async def on_unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error serving %s %s", request.method, request.url.path)
        problem = generic_problem(500, "internal error; it has been logged on the server", request.url.path)
        return respond(request, problem)

    app.add_exception_handler(PledgewatchError, on_pledgewatch_error)
    app.add_exception_handler(RequestValidationError, on_validation_error)
    app.add_exception_handler(StarletteHTTPException, on_http_error)
    app.add_exception_handler(Exception, on_unexpected)


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses=`` entries documenting problem documents for these statuses."""
    return {
        status: {"model": Problem, "description": HTTPStatus(status).phrase} for status in sorted(statuses)
    }


def fix_problem_media_types(schema: dict[str, Any]) -> dict[str, Any]:
    """Error responses are documented as application/problem+json, as they are served."""
    for path_item in schema.get("paths", {}).values():
        for operation in path_item.values():
            for status, response in operation.get("responses", {}).items():
                content = response.get("content")
                if str(status)[0] in "45" and content and "application/json" in content:
                    content[PROBLEM_MEDIA_TYPE] = content.pop("application/json")
    return schema
