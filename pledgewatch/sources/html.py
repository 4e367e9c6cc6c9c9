"""An HTML page -> its main text and metadata (title, date, url, site name), via trafilatura."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pledgewatch.errors import MetadataError, NoMainTextError
from pledgewatch.sources.base import normalise_newlines, parse_date

MIN_WORDS = 25


@dataclass(frozen=True, slots=True)
class Page:
    text: str
    title: str | None
    url: str | None
    published: dt.date | None
    outlet: str | None


def read_page(html: str, *, path: str, line: int | None = None) -> Page:
    """The main text of a page (comments and page furniture left out) and what it says about itself."""
    import trafilatura

    result = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        # Only dates the page states about itself (meta tags, <time>, url), not any date in the body.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = "" if result is None else (getattr(result, "text", None) or "")
    words = len(text.split())
    if words < MIN_WORDS:
        # trafilatura falls back to whatever text a page has (menus, cookie notices): a
        # page with fewer words than two short sentences carries no article.
        found = f" (only {words} words of menus or notices)" if words else ""
        raise NoMainTextError(f"the HTML page has no main text{found}", path=path, line=line)
    assert result is not None
    return Page(
        text=normalise_newlines(text),
        title=getattr(result, "title", None) or None,
        url=getattr(result, "url", None) or None,
        published=_date(getattr(result, "date", None), path),
        outlet=getattr(result, "sitename", None) or None,
    )


def _date(value: object, path: str) -> dt.date | None:
    """The page's own date; a date trafilatura could not read well is left out, not an error."""
    try:
        return parse_date(value, path=path)
    except MetadataError:
        return None


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:500].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and head[:1] == "<")
