"""The dashboard: mounts the static files and the page routers; renders error pages.

Pages are server-rendered (``templates/``), read through the same store query functions
as the JSON API, and work without JavaScript and without network: every asset comes
from ``static/``.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from pledgewatch.api.problems import Problem
from pledgewatch.web.render import render

STATIC = Path(__file__).parent / "static"


def render_problem(request: Request, problem: Problem) -> HTMLResponse:
    return render(request, "error.html", {"problem": problem}, status_code=problem.status)


def register(app: FastAPI) -> None:
    from pledgewatch.web import documents, forms, ledger

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(ledger.router)
    app.include_router(documents.router)
    app.include_router(forms.router)
