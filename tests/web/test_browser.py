"""Debian's chromium, driven by Playwright, against a real server: pages, review, upload, charts.

Every page is screenshotted (desktop, phone, print) under the test's tmp dir
(``<tmp_path>/screenshots``). Requests to anywhere but the server fail the test: the
dashboard must work with no network.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from .conftest import LiveServer

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def _page(
    browser: Any, server: LiveServer, viewport: dict[str, int] = DESKTOP
) -> tuple[Any, list[str], list[str]]:
    """A new page that records console errors and refuses requests leaving the server."""
    page = browser.new_page(viewport=viewport)
    errors: list[str] = []
    outside: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    def guard(route: Any) -> None:
        if route.request.url.startswith(server.url):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", guard)
    return page, errors, outside


def _sign_in(page: Any, server: LiveServer) -> None:
    page.goto(f"{server.url}/login?next=/review")
    page.fill("input[name=token]", server.site.seeded.token)
    page.click("form.stack button[type=submit]")
    page.wait_for_url(f"{server.url}/review")
    assert "Signed in as" in page.inner_text("header")


def test_every_page_loads_on_desktop_phone_and_print(live_server: LiveServer, browser: Any) -> None:
    pledge_id = live_server.site.client.get("/api/pledges?donor=Norway").json()["items"][0]["id"]
    paths = {
        "overview": "/",
        "pledges": "/pledges",
        "pledge": f"/pledges/{pledge_id}",
        "donor": "/donors/Norway",
        "documents": "/documents",
        "document": "/documents/pw-test-oslo",
        "conflicts": "/conflicts",
        "review": "/review",
        "upload": "/upload",
        "login": "/login",
    }
    for viewport_name, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        page, errors, outside = _page(browser, live_server, viewport)
        for name, path in paths.items():
            response = page.goto(live_server.url + path)
            assert response is not None and response.status == 200, path
            assert page.locator("main h1").count() == 1, path
            # Nothing sticks out sideways on a phone: tables collapse, charts reflow.
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= viewport["width"] + 1, (path, viewport_name, width)
            page.screenshot(path=str(live_server.shots / f"{name}-{viewport_name}.png"), full_page=True)
        assert errors == [] and outside == []
        page.close()
    page, errors, outside = _page(browser, live_server)
    page.emulate_media(media="print")
    page.goto(live_server.url + "/")
    assert not page.locator("header.topbar").is_visible()  # print drops the navigation
    page.screenshot(path=str(live_server.shots / "overview-print.png"), full_page=True)
    page.goto(f"{live_server.url}/documents/pw-test-oslo")
    page.screenshot(path=str(live_server.shots / "document-print.png"), full_page=True)
    assert len(list(live_server.shots.glob("*.png"))) == 2 * len(paths) + 2


def test_charts_render(live_server: LiveServer, browser: Any) -> None:
    page, errors, _ = _page(browser, live_server)
    page.goto(live_server.url + "/")
    bars = page.locator("figure.chart-bars .bar-row")
    assert bars.count() == 3
    norway = page.locator(".bar-row", has_text="Norway").locator("rect.bar-pledged").bounding_box()
    japan = page.locator(".bar-row", has_text="Japan").locator("rect.bar-pledged").bounding_box()
    assert norway is not None and norway["width"] > 100  # the largest pledge spans the bar
    assert japan is not None and japan["width"] < 2  # Japan pledged nothing in USD, delivered $50M
    assert (
        page.locator(".bar-row", has_text="Japan").locator("rect.bar-delivered").bounding_box()["width"] > 5
    )
    assert page.locator("svg.chart-strip rect").count() >= 1
    page.screenshot(path=str(live_server.shots / "chart-overview.png"))
    page.goto(live_server.url + "/donors/Norway")
    timeline = page.locator("svg.chart-timeline")
    box = timeline.bounding_box()
    assert box is not None and box["width"] > 300 and box["height"] > 60
    assert page.locator("svg.chart-timeline a circle.mark-pledge").count() >= 1
    assert page.locator("svg.chart-timeline a path.mark-deny").count() == 1  # the denial, linked
    timeline.screenshot(path=str(live_server.shots / "chart-timeline.png"))
    assert errors == []


def test_review_queue_accept_and_reject_change_the_ledger(live_server: LiveServer, browser: Any) -> None:
    page, errors, outside = _page(browser, live_server)
    page.goto(live_server.url + "/")
    assert page.locator(".stat.alert .n").inner_text() == "1"  # one open conflict
    _sign_in(page, live_server)
    seeded = live_server.site.seeded
    page.click(f"#review-{seeded.chile_claim_id} button.btn-accept")
    page.wait_for_url("**/review?done=*")
    assert "reviewed" in page.inner_text("[role=status]")
    assert page.locator(f"#review-{seeded.chile_claim_id}").count() == 0
    page.click(f"#review-{seeded.norway_denial_id} button.btn-reject")
    page.wait_for_url(f"**/review?done={seeded.norway_denial_id}")
    page.screenshot(path=str(live_server.shots / "review-after.png"), full_page=True)
    page.goto(live_server.url + "/pledges?donor=Norway")
    assert page.locator("table.rows tbody .chip").first.inner_text() == "pledged"  # was disputed
    page.goto(live_server.url + "/")
    assert page.locator(".stat", has_text="open conflicts").locator(".n").inner_text() == "0"
    page.goto(live_server.url + "/donors/Chile")
    assert page.locator(".chip-accepted").count() >= 1
    assert errors == [] and outside == []


def test_upload_a_file(live_server: LiveServer, browser: Any, tmp_path: Path) -> None:
    text = "ANKARA, March 6 - Turkey will build 500 homes in Gaza City, the housing ministry said on Friday."
    upload = tmp_path / "ankara-homes.txt"
    upload.write_text(text, encoding="utf-8")
    page, errors, outside = _page(browser, live_server)
    _sign_in(page, live_server)
    page.goto(live_server.url + "/upload")
    page.set_input_files("input[type=file]", str(upload))
    page.fill("input[name=title]", "Turkey to build homes")
    page.fill("input[name=published]", "2026-03-06")
    page.fill("input[name=initiative]", "Board of Peace")
    page.click("form.stack button[type=submit]")
    page.wait_for_selector("[role=status]")
    assert "Stored" in page.inner_text("[role=status]")
    page.screenshot(path=str(live_server.shots / "upload-done.png"), full_page=True)
    page.click("[role=status] a")
    page.wait_for_url("**/documents/ankara-homes")
    assert page.inner_text("h1") == "Turkey to build homes"
    assert text in page.inner_text(".doc-text")
    assert errors == [] and outside == []
