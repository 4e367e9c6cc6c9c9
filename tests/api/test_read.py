"""Reading the ledger over HTTP: lists with filters and pages, one item, problem documents."""

from __future__ import annotations

from .conftest import Site


def test_pledges_list_shows_the_ledger_with_statuses(site: Site) -> None:
    body = site.client.get("/api/pledges").json()
    rows = {(p["donor"], p["category"]): p for p in body["items"]}
    assert rows[("Norway", "funding")]["status"] == "disputed"
    assert rows[("Chile", "medical")]["status"] == "pledged"
    assert rows[("Chile", "medical")]["pledged"] == {"value": 200.0, "unit": "doctors"}
    assert rows[("Japan", "funding")]["status"] == "delivered"
    assert body["next_offset"] is None


def test_pledges_filter_by_status_category_and_donor(site: Site) -> None:
    get = site.client.get
    assert [p["donor"] for p in get("/api/pledges?status=disputed").json()["items"]] == ["Norway"]
    assert {p["donor"] for p in get("/api/pledges?category=funding").json()["items"]} == {"Norway", "Japan"}
    assert [p["category"] for p in get("/api/pledges?donor=Chile").json()["items"]] == ["medical"]


def test_lists_page_with_limit_and_offset(site: Site) -> None:
    first = site.client.get("/api/pledges?limit=2").json()
    assert len(first["items"]) == 2 and first["next_offset"] == 2
    rest = site.client.get("/api/pledges?limit=2&offset=2").json()
    assert len(rest["items"]) == 1 and rest["next_offset"] is None
    seen = {p["id"] for p in first["items"]} | {p["id"] for p in rest["items"]}
    assert len(seen) == 3


def test_claims_filter_by_document_donor_and_review_state(site: Site) -> None:
    get = site.client.get
    oslo = get("/api/claims?doc_id=pw-test-oslo").json()["items"]
    assert [c["donors"] for c in oslo] == [["Norway"], ["Chile"], ["Japan"]]
    norway = get("/api/claims?donor=Norway").json()["items"]
    assert {c["stance"] for c in norway} == {"commit", "deny"}
    assert len(get("/api/claims?review_state=machine").json()["items"]) == 4
    assert get("/api/claims?review_state=accepted").json()["items"] == []


def test_claim_keeps_its_evidence_offsets_into_the_document(site: Site) -> None:
    claim = site.client.get(f"/api/claims/{site.seeded.chile_claim_id}").json()
    text = site.client.get("/api/documents/pw-test-oslo").json()["text"]
    evidence = claim["evidence"]
    assert (
        text[evidence["start"] : evidence["end"]]
        == evidence["text"]
        == "Chile promised 200 doctors for field hospitals."
    )


def test_document_detail_has_text_metadata_and_claims(site: Site) -> None:
    body = site.client.get("/api/documents/pw-test-denial").json()
    assert body["title"] == "Oslo denies <script>alert(1)</script>"
    assert body["published"] == "2026-03-02"
    assert [c["stance"] for c in body["claims"]] == ["deny"]


def test_documents_filter_by_publication_date(site: Site) -> None:
    found = site.client.get("/api/documents?published_from=2026-03-01").json()["items"]
    assert [d["doc_id"] for d in found] == ["pw-test-denial"]


def test_conflicts_name_both_sides_and_their_pledge(site: Site) -> None:
    [conflict] = site.client.get("/api/conflicts").json()["items"]
    assert conflict["kind"] == "stance" and conflict["donor"] == "Norway"
    assert site.seeded.norway_denial_id in conflict["claim_ids_a"] + conflict["claim_ids_b"]
    pledge = site.client.get(f"/api/pledges/{conflict['pledge_id']}").json()
    assert (pledge["donor"], pledge["category"], pledge["status"]) == ("Norway", "funding", "disputed")


def test_donors_list_and_detail(site: Site) -> None:
    donors = {d["donor"]: d for d in site.client.get("/api/donors").json()["items"]}
    assert set(donors) == {"Chile", "Japan", "Norway"}
    assert donors["Japan"]["delivered_usd"] == 50e6
    assert donors["Chile"]["pledged_usd"] is None  # doctors have no dollar figure: unknown, not zero
    norway = site.client.get("/api/donors/Norway").json()
    assert norway["conflicts"] == 1 and [p["category"] for p in norway["ledger"]] == ["funding"]


def test_unknown_things_are_404_problem_documents(site: Site) -> None:
    for path in (
        "/api/claims/999999",
        "/api/pledges/999999",
        "/api/documents/nope",
        "/api/donors/Atlantis",
        "/api/x",
    ):
        response = site.client.get(path)
        assert response.status_code == 404, path
        assert response.headers["content-type"] == "application/problem+json"
        problem = response.json()
        assert set(problem) == {"type", "title", "status", "detail", "code", "hint", "instance"}
        assert problem["status"] == 404 and problem["title"] == "Not Found"


def test_bad_parameters_are_a_pw506_problem(site: Site) -> None:
    response = site.client.get("/api/pledges?limit=100000&status=lost")
    assert response.status_code == 422
    problem = response.json()
    assert problem["code"] == "PW506" and problem["type"] == "urn:pledgewatch:error:PW506"
    assert "limit" in problem["detail"] and "status" in problem["detail"]


def test_an_unexpected_failure_is_a_generic_500_without_internals(sqlite_site: Site) -> None:
    with sqlite_site.engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE conflict_claims")
        conn.exec_driver_sql("DROP TABLE conflicts")
    response = sqlite_site.client.get("/api/conflicts")
    assert response.status_code == 500
    assert response.headers["content-type"] == "application/problem+json"
    text = response.text
    assert response.json()["code"] == "PW500"
    for leak in ("Traceback", "sqlite", "no such table", "SELECT", "OperationalError", ".py"):
        assert leak not in text


def test_responses_carry_security_headers(site: Site) -> None:
    headers = site.client.get("/api/pledges").headers
    assert "default-src 'self'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"


def test_openapi_documents_every_list_with_paging_and_problem_errors(site: Site) -> None:
    schema = site.client.get("/openapi.json").json()
    for path in ("/api/documents", "/api/claims", "/api/pledges", "/api/donors", "/api/conflicts"):
        get = schema["paths"][path]["get"]
        names = {p["name"] for p in get["parameters"]}
        assert {"limit", "offset"} <= names, path
        assert "application/problem+json" in get["responses"]["422"]["content"]
    assert "post" in schema["paths"]["/api/documents"]
    assert "post" in schema["paths"]["/api/claims/{claim_id}/accept"]
    assert not any(p.startswith("/review") or p == "/" for p in schema["paths"])  # pages stay out of it


def test_summary_keeps_stages_apart_and_unknown_unknown(site: Site) -> None:
    body = site.client.get("/api/summary").json()
    assert body["pledged"]["usd"] == 300e6 and body["delivered"]["usd"] == 50e6
    assert body["denied"]["usd"] is None and body["denied"]["unknown"] == 1  # a denial with no figure
    assert body["conflicts"] == 1
    cells = {(c["category"], c["status"]): c["pledges"] for c in body["by_category_and_status"]}
    assert cells == {("funding", "disputed"): 1, ("funding", "delivered"): 1, ("medical", "pledged"): 1}
