from __future__ import annotations

import datetime as dt

import pytest

from pledgewatch.errors import NoMainTextError
from pledgewatch.sources.html import looks_like_html, read_page

ARTICLE = """<!DOCTYPE html><html><head><title>Qatar pledges | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2026-02-20T10:00:00Z">
<link rel="canonical" href="https://example.org/qatar"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Qatar pledges</h1>
<p>Qatar pledged $1 billion to the Board of Peace on Thursday, officials in Doha said after the meeting.</p>
<p>The money will go through the World Bank fund, according to a statement from the foreign ministry.</p>
</article><footer>Subscribe to our newsletter. Copyright 2026 Example News.</footer></body></html>"""

NAV_ONLY = """<html><head><title>Home</title></head><body><nav><a href="/">Home</a>
<a href="/world">World</a></nav><div class="cookies">We use cookies.</div>
<footer>Subscribe now. Copyright 2026.</footer></body></html>"""


def test_read_page_keeps_the_article_and_its_metadata() -> None:
    page = read_page(ARTICLE, path="a.html")
    assert "Qatar pledged $1 billion to the Board of Peace on Thursday" in page.text
    assert "Subscribe" not in page.text and "Home" not in page.text
    assert page.published == dt.date(2026, 2, 20)
    assert page.url == "https://example.org/qatar"
    assert page.title is not None and page.title.startswith("Qatar pledges")
    assert page.outlet == "Example News"


def test_a_page_of_menus_has_no_main_text() -> None:
    with pytest.raises(NoMainTextError, match="PW109: nav.html: the HTML page has no main text"):
        read_page(NAV_ONLY, path="nav.html")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("<!DOCTYPE html><html>", True), ("  <html lang=en>", True), ("Plain <b>text</b>", False)],
)
def test_looks_like_html(text: str, expected: bool) -> None:
    assert looks_like_html(text) is expected
