"""Dashboard pages over HTTP: every page renders, text is escaped, forms need CSRF and a token."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from api.conftest import MAX_BYTES, Site

from .conftest import csrf_of, sign_in

HTML = {"accept": "text/html"}


def _pledge_id(site: Site, donor: str) -> int:
    return int(site.client.get(f"/api/pledges?donor={donor}").json()["items"][0]["id"])


def test_every_page_renders(web: Site) -> None:
    paths = [
        "/",
        "/pledges",
        f"/pledges/{_pledge_id(web, 'Norway')}",
        "/donors/Norway",
        "/documents",
        "/documents/pw-test-oslo",
        "/conflicts",
        "/review",
        "/upload",
        "/login",
    ]
    for path in paths:
        response = web.client.get(path)
        assert response.status_code == 200, path
        assert response.headers["content-type"].startswith("text/html")
        assert '<link rel="stylesheet" href="/static/style.css">' in response.text


def test_overview_shows_totals_chart_conflicts_and_newest_claims(web: Site) -> None:
    html = web.client.get("/").text
    assert re.search(r'class="n">\$300M<', html)  # pledged in USD (Norway)
    assert re.search(r'class="n">\$50\.0M<', html)  # delivered (Japan)
    assert re.search(r'class="n">1</div><div class="what">open conflicts', html)
    assert 'class="bar-pledged"' in html and "Norway: pledged $300M" in html
    assert re.search(r'class="n">—</div><div class="what">denied', html)  # no figure: unknown, not $0
    assert "Chile promised 200 doctors for field hospitals." in html


def test_document_page_marks_each_claims_evidence(web: Site) -> None:
    html = web.client.get("/documents/pw-test-oslo").text
    claims = web.client.get("/api/claims?doc_id=pw-test-oslo").json()["items"]
    for claim in claims:
        assert f'id="claim-{claim["id"]}"' in html
    assert re.search(r"<mark id=\"ev-\d+-\d+\">Chile promised 200 doctors for field hospitals\.", html)


def test_document_text_and_title_are_escaped(web: Site) -> None:
    html = web.client.get("/documents/pw-test-denial").text
    assert "<script>alert" not in html
    assert "Oslo denies &lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;script&gt;alert(&#39;pw&#39;)&lt;/script&gt;" in html or "&lt;script&gt;alert('pw')" in html


def test_pledge_page_explains_the_conflict_side_by_side(web: Site) -> None:
    html = web.client.get(f"/pledges/{_pledge_id(web, 'Norway')}").text
    assert 'class="versus"' in html
    assert "Norway will contribute $300 million" in html
    assert "Norway has not pledged any money to the board" in html


def test_donor_page_draws_the_timeline_and_links_evidence(web: Site) -> None:
    html = web.client.get("/donors/Norway").text
    assert 'class="chart chart-timeline"' in html
    assert html.count('class="mark-pledge"') >= 1 and 'class="mark-deny"' in html
    assert 'href="/documents/pw-test-denial#claim-' in html


def test_unknown_pages_are_html_404s(web: Site) -> None:
    response = web.client.get("/donors/Atlantis", headers=HTML)
    assert response.status_code == 404 and "PW501" in response.text and "<html" in response.text


def test_forms_without_csrf_are_refused(web: Site) -> None:
    response = web.client.post("/login", data={"token": web.seeded.token})
    assert response.status_code == 403
    web.client.get("/login")  # now the browser has a CSRF cookie, but the field is wrong
    response = web.client.post("/login", data={"token": web.seeded.token, "csrf": "0" * 64})
    assert response.status_code == 403 and response.json()["code"] == "PW503"


def test_login_sets_an_httponly_session_cookie(web: Site) -> None:
    page = web.client.get("/login")
    response = web.client.post(
        "/login",
        data={"csrf": csrf_of(page.text), "token": web.seeded.token, "next": "//evil.example"},
        follow_redirects=False,
    )
    assert response.status_code == 303 and response.headers["location"] == "/"
    cookie = response.headers["set-cookie"]
    assert cookie.startswith("pw_auth=") and "HttpOnly" in cookie and web.seeded.token not in cookie
    assert "Signed in as" in web.client.get("/").text


def test_a_wrong_token_does_not_sign_in(web: Site) -> None:
    page = web.client.get("/login")
    response = web.client.post("/login", data={"csrf": csrf_of(page.text), "token": "pw_wrong"})
    assert response.status_code == 401 and "not valid" in response.text


def test_review_needs_a_signed_in_token(web: Site) -> None:
    page = web.client.get("/review")
    assert "sign in" in page.text and 'value="accept"' not in page.text
    claim_id = web.seeded.chile_claim_id
    csrf = csrf_of(web.client.get("/login").text)
    response = web.client.post(f"/review/{claim_id}", data={"csrf": csrf, "action": "accept"})
    assert response.status_code == 401


def test_rejecting_in_the_review_queue_updates_the_ledger(web: Site) -> None:
    sign_in(web)
    page = web.client.get("/review")
    denial = web.seeded.norway_denial_id
    assert f'action="/review/{denial}"' in page.text
    response = web.client.post(
        f"/review/{denial}", data={"csrf": csrf_of(page.text), "action": "reject"}, follow_redirects=False
    )
    assert response.status_code == 303 and response.headers["location"] == f"/review?done={denial}"
    assert f'action="/review/{denial}"' not in web.client.get("/review").text
    assert [p["status"] for p in web.client.get("/api/pledges?donor=Norway").json()["items"]] == ["pledged"]


def test_editing_in_the_review_queue_changes_only_what_changed(web: Site) -> None:
    sign_in(web)
    page = web.client.get("/review")
    claim_id = web.seeded.chile_claim_id
    form = {
        "csrf": csrf_of(page.text),
        "action": "edit",
        "stance": "commit",
        "stage": "pledge",
        "category": "medical",
        "amount": "250 doctors",
        "recipient": "",
        "date": "",
    }
    assert web.client.post(f"/review/{claim_id}", data=form).status_code == 200
    claim = web.client.get(f"/api/claims/{claim_id}").json()
    assert claim["review_state"] == "edited" and claim["amount"] == {"value": 250.0, "unit": "doctors"}
    assert claim["category"] == "medical"


def test_upload_stores_a_file_through_the_ingest_workflow(web: Site) -> None:
    sign_in(web)
    page = web.client.get("/upload")
    text = (
        "ROME, March 5 - Italy will send 100 police officers to train the new Gaza police, the ministry said."
    )
    response = web.client.post(
        "/upload",
        data={
            "csrf": csrf_of(page.text),
            "title": "Italy <b>police</b>",
            "published": "2026-03-05",
            "initiative": "Board of Peace",
        },
        files={"file": ("rome-police.txt", text.encode(), "text/plain")},
    )
    assert response.status_code == 200, response.text
    assert "Stored" in response.text and 'href="/documents/rome-police"' in response.text
    stored = web.client.get("/api/documents/rome-police").json()
    assert stored["text"] == text and stored["title"] == "Italy <b>police</b>"
    assert "Italy &lt;b&gt;police&lt;/b&gt;" in web.client.get("/documents/rome-police").text


def test_upload_over_the_limit_is_refused(web: Site) -> None:
    sign_in(web)
    page = web.client.get("/upload")
    big = b"a" * (MAX_BYTES + 70_000)
    response = web.client.post("/upload", data={"csrf": csrf_of(page.text)}, files={"file": ("big.txt", big)})
    assert response.status_code == 413


@pytest.mark.parametrize("path", ["/static/style.css", "/static/app.js", "/static/favicon.svg"])
def test_assets_are_served_by_the_app(web: Site, path: str) -> None:
    import pledgewatch.web

    response = web.client.get(path)
    assert response.status_code == 200
    packaged = Path(pledgewatch.web.__file__).parent / path.lstrip("/")
    assert response.content == packaged.read_bytes() and response.content
    kind = {".css": "text/css", ".js": "javascript", ".svg": "image/svg+xml"}[packaged.suffix]
    assert kind in response.headers["content-type"]


def test_pages_load_nothing_from_elsewhere(web: Site) -> None:
    for path in ("/", "/donors/Norway", "/documents/pw-test-oslo", "/review", "/upload"):
        html = web.client.get(path).text
        sources = re.findall(r'(?:src|href)="([^"]+)"', html)
        external = [s for s in sources if s.startswith(("http:", "https:", "//")) and "example.org" not in s]
        assert external == [], path


def test_only_web_addresses_become_links(web: Site) -> None:
    sign_in(web)
    body = {"text": "A short note with no claims at all.", "doc_id": "js-url", "url": "javascript:alert(1)"}
    assert web.client.post("/api/documents", json=body, headers=web.auth).status_code == 201
    html = web.client.get("/documents/js-url").text
    assert 'href="javascript:' not in html and "javascript:alert(1)" in html
    assert 'href="https://example.org/oslo"' in web.client.get("/documents/pw-test-oslo").text


def test_review_queue_filters_by_category_and_donor(web: Site) -> None:
    medical = web.client.get("/review?category=medical").text
    assert "Chile promised 200 doctors" in medical and "Norway will contribute" not in medical
    norway = web.client.get("/review?donor=Norway").text
    assert norway.count('class="card review-item"') == 2 and "Chile promised" not in norway


def test_pages_render_on_an_empty_database(sqlite_url: str) -> None:
    from fastapi.testclient import TestClient

    from pledgewatch.api import create_app
    from pledgewatch.config import Settings

    with TestClient(create_app(Settings(db_url=sqlite_url))) as client:
        for path in ("/", "/pledges", "/conflicts", "/documents", "/review", "/upload"):
            assert client.get(path).status_code == 200, path
        assert "No pledges yet" in client.get("/").text
        assert client.get("/api/summary").json()["pledged"]["usd"] is None
