"""The dashboard on a seeded database: a test client for page tests, a real server for the browser."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from api.conftest import Site, make_site, serving

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
def web(sqlite_url: str) -> Iterator[Site]:
    yield from make_site(sqlite_url)


def csrf_of(html: str) -> str:
    match = re.search(r'name="csrf" value="([0-9a-f]+)"', html)
    assert match, "the page has no CSRF field"
    return match.group(1)


def sign_in(site: Site) -> None:
    """Sign the test client in with the seeded token, through the login form."""
    page = site.client.get("/login")
    response = site.client.post(
        "/login",
        data={"csrf": csrf_of(page.text), "token": site.seeded.token, "next": "/review"},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text


@dataclass
class LiveServer:
    url: str
    site: Site
    shots: Path


@pytest.fixture
def live_server(sqlite_url: str, tmp_path: Path) -> Iterator[LiveServer]:
    """A real uvicorn server on a free 127.0.0.1 port, in a thread, on a seeded SQLite database."""
    for site in make_site(sqlite_url):
        shots = tmp_path / "screenshots"
        shots.mkdir()
        with serving(site.app) as url:
            yield LiveServer(url, site, shots)


@pytest.fixture
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make sysdeps` (Debian's chromium)", pytrace=False)
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()
