"""Templates: one autoescaping Jinja environment, the filters pages use, and ``render()``.

Everything from the database reaches HTML through Jinja's autoescape (a document holding
``<script>`` shows as text). ``render()`` adds what every page needs: who is logged in,
the form's CSRF token (setting the browser's CSRF cookie on first visit), the nav.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from pledgewatch.api.security import CSRF_COOKIE, csrf_token, current_principal, new_csrf_cookie
from pledgewatch.records import Amount
from pledgewatch.web.charts import format_usd

TEMPLATES = Path(__file__).parent / "templates"

CURRENCY_SIGNS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "INR": "₹"}

NAV = (
    ("overview", "/", "Overview"),
    ("pledges", "/pledges", "Pledges"),
    ("conflicts", "/conflicts", "Conflicts"),
    ("documents", "/documents", "Documents"),
    ("review", "/review", "Review"),
    ("upload", "/upload", "Upload"),
)


def format_number(value: float) -> str:
    for threshold, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= threshold:
            scaled = value / threshold
            text = f"{scaled:,.2f}".rstrip("0").rstrip(".")
            return f"{text} {word}"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def format_amount(amount: Amount | None, bound: str | None = None) -> str:
    """'$7 billion', '€1.5 billion', '8,000 troops'; a dash when unknown."""
    if amount is None:
        return "—"
    prefix = {"min": "over ", "max": "up to ", "approx": "about "}.get(bound or "", "")
    if amount.is_money:
        sign = CURRENCY_SIGNS.get(amount.unit)
        number = format_number(amount.value)
        return f"{prefix}{sign}{number}" if sign else f"{prefix}{amount.unit} {number}"
    return f"{prefix}{format_number(amount.value)} {amount.unit}"


def format_bytes(size: int) -> str:
    if size >= 1024 * 1024:
        return (
            f"{size / (1024 * 1024):.0f} MB"
            if size % (1024 * 1024) == 0
            else f"{size / (1024 * 1024):.1f} MB"
        )
    return f"{size / 1024:.0f} KB"


def format_date(value: dt.date | None) -> str:
    return value.strftime("%-d %b %Y") if value else "—"


def is_web_url(url: str | None) -> bool:
    """Only http(s) addresses become links; anything else (javascript:, data:) is shown as text."""
    return bool(url) and str(url).lower().startswith(("http://", "https://"))


def donor_href(name: str) -> str:
    return "/donors/" + quote(name, safe="")


def doc_href(doc_id: str | None, claim_id: int | None = None) -> str:
    base = "/documents/" + quote(doc_id or "", safe="")
    return f"{base}#claim-{claim_id}" if claim_id is not None else base


def query_with(params: dict[str, Any], **changes: Any) -> str:
    merged = {k: v for k, v in {**params, **changes}.items() if v not in (None, "")}
    return "?" + urlencode(merged) if merged else "?"


@cache
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(["html", "svg"], default_for_string=True, default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        usd=format_usd,
        amount=format_amount,
        date=format_date,
        bytes=format_bytes,
        donor_href=donor_href,
        doc_href=doc_href,
    )
    env.globals.update(nav=NAV, query_with=query_with, is_web_url=is_web_url)
    return env


def render(request: Request, name: str, context: dict[str, Any], *, status_code: int = 200) -> HTMLResponse:
    state = request.app.state
    cookie = request.cookies.get(CSRF_COOKIE)
    fresh = cookie is None or len(cookie) < 20
    if fresh:
        cookie = new_csrf_cookie()
    assert cookie is not None
    try:
        principal = current_principal(request)
    except Exception:  # a bad bearer header must not stop an error page from rendering
        principal = None
    full = {
        "request": request,
        "principal": principal,
        "private": state.private,
        "csrf": csrf_token(state.secret, cookie),
        "max_bytes": state.settings.max_bytes,
        "section": context.pop("section", ""),
        **context,
    }
    html = environment().get_template(name).render(full)
    response = HTMLResponse(html, status_code=status_code)
    if fresh:
        secure = request.url.scheme == "https"
        response.set_cookie(CSRF_COOKIE, cookie, httponly=True, samesite="strict", secure=secure)
    return response
