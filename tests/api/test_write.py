"""Writes over HTTP: tokens, adding documents through the ingest workflow, review actions."""

from __future__ import annotations

import pytest

from .conftest import MAX_BYTES, Site

NEW_TEXT = (
    "BRASILIA, March 3 - Brazil will provide $40 million to the reconstruction fund, the finance "
    "minister said on Tuesday."
)


def test_writes_without_a_token_are_401_problems(site: Site) -> None:
    for method, path, body in (
        ("POST", "/api/documents", {"text": NEW_TEXT}),
        ("POST", f"/api/claims/{site.seeded.chile_claim_id}/accept", None),
        ("PATCH", f"/api/claims/{site.seeded.chile_claim_id}", {"category": "security"}),
    ):
        response = site.client.request(method, path, json=body)
        assert response.status_code == 401, path
        assert response.json()["code"] == "PW502"
        assert response.headers["www-authenticate"] == "Bearer"


def test_a_wrong_or_revoked_token_is_refused(site: Site) -> None:
    from pledgewatch.store.tokens import revoke_token

    path = f"/api/claims/{site.seeded.chile_claim_id}/accept"
    assert site.client.post(path, headers={"Authorization": "Bearer pw_nope"}).status_code == 401
    with site.engine.begin() as conn:
        revoke_token(conn, "tester")
    assert site.client.post(path, headers=site.auth).status_code == 401


def test_posting_a_document_stores_extracts_and_updates_the_ledger(site: Site) -> None:
    body = {
        "text": NEW_TEXT,
        "doc_id": "brasilia-0303",
        "title": "Brazil pledges",
        "published": "2026-03-03",
        "initiative": "Board of Peace",
    }
    response = site.client.post("/api/documents", json=body, headers=site.auth)
    assert response.status_code == 201, response.text
    result = response.json()
    assert result["doc_id"] == "brasilia-0303" and result["stored"] is True
    stored = site.client.get("/api/documents/brasilia-0303").json()
    assert stored["text"] == NEW_TEXT and stored["title"] == "Brazil pledges"
    assert len(stored["claims"]) == result["claims"]
    if result["claims"]:  # the extractor read a claim: the ledger has its row
        donors = {p["donor"] for p in site.client.get("/api/pledges").json()["items"]}
        assert {d for c in stored["claims"] for d in c["donors"]} <= donors
    again = site.client.post("/api/documents", json=body, headers=site.auth)
    assert again.status_code == 200 and again.json()["stored"] is False


def test_posted_documents_over_the_size_limit_are_413(site: Site) -> None:
    body = {"text": "x" * (MAX_BYTES + 70_000)}
    response = site.client.post("/api/documents", json=body, headers=site.auth)
    assert response.status_code == 413
    assert response.json()["code"] == "PW504"


def test_posted_document_must_have_text(site: Site) -> None:
    response = site.client.post("/api/documents", json={"title": "no text"}, headers=site.auth)
    assert response.status_code == 422 and response.json()["code"] == "PW506"


def test_rejecting_the_denial_resolves_the_conflict(site: Site) -> None:
    denial = site.seeded.norway_denial_id
    response = site.client.post(
        f"/api/claims/{denial}/reject", json={"reason": "misquoted"}, headers=site.auth
    )
    assert response.status_code == 200, response.text
    assert response.json()["claim"]["review_state"] == "rejected"
    assert response.json()["reviewer"] == "tester"
    norway = site.client.get("/api/pledges?donor=Norway").json()["items"]
    assert [p["status"] for p in norway] == ["pledged"]
    assert site.client.get("/api/conflicts").json()["items"] == []


def test_accepting_marks_the_claim_and_keeps_the_ledger(site: Site) -> None:
    claim_id = site.seeded.chile_claim_id
    response = site.client.post(f"/api/claims/{claim_id}/accept", headers=site.auth)
    assert response.status_code == 200
    assert site.client.get(f"/api/claims/{claim_id}").json()["review_state"] == "accepted"
    chile = site.client.get("/api/pledges?donor=Chile").json()["items"]
    assert [p["status"] for p in chile] == ["pledged"]


def test_editing_a_claim_moves_it_in_the_ledger(site: Site) -> None:
    claim_id = site.seeded.chile_claim_id
    edit = {"category": "security", "amount": {"value": 150, "unit": "police officers"}}
    response = site.client.patch(f"/api/claims/{claim_id}", json=edit, headers=site.auth)
    assert response.status_code == 200, response.text
    claim = response.json()["claim"]
    assert claim["review_state"] == "edited" and claim["category"] == "security"
    assert claim["amount"] == {"value": 150.0, "unit": "police officers"}
    chile = site.client.get("/api/pledges?donor=Chile").json()["items"]
    assert [(p["category"], p["pledged"]["value"]) for p in chile] == [("security", 150.0)]


@pytest.mark.parametrize(
    "edit", [{}, {"stance": "maybe"}, {"amount": {"value": -1, "unit": "USD"}}, {"x": 1}]
)
def test_bad_edits_are_422(site: Site, edit: dict[str, object]) -> None:
    response = site.client.patch(f"/api/claims/{site.seeded.chile_claim_id}", json=edit, headers=site.auth)
    assert response.status_code == 422
    assert response.json()["code"] in ("PW506", "PW507")


def test_reviewing_an_unknown_claim_is_404(site: Site) -> None:
    assert site.client.post("/api/claims/999999/accept", headers=site.auth).status_code == 404


def test_private_server_needs_a_token_to_read(private_site: Site) -> None:
    assert private_site.client.get("/api/pledges").status_code == 401
    assert private_site.client.get("/api/pledges", headers=private_site.auth).status_code == 200
    page = private_site.client.get("/", headers={"accept": "text/html"})
    assert page.status_code == 401 and "Sign in" in page.text
    assert private_site.client.get("/static/style.css").status_code == 200
