"""The API over a real socket: a uvicorn server on 127.0.0.1, on SQLite and on PostgreSQL."""

from __future__ import annotations

import httpx

from .conftest import Site, serving


def test_read_write_and_review_over_a_real_server(site: Site) -> None:
    with serving(site.app) as url, httpx.Client(base_url=url, timeout=30) as http:
        pledges = http.get("/api/pledges").json()["items"]
        assert {p["donor"] for p in pledges} == {"Chile", "Japan", "Norway"}
        assert http.post(f"/api/claims/{site.seeded.norway_denial_id}/reject").status_code == 401
        rejected = http.post(f"/api/claims/{site.seeded.norway_denial_id}/reject", headers=site.auth)
        assert rejected.status_code == 200
        assert [p["status"] for p in http.get("/api/pledges?donor=Norway").json()["items"]] == ["pledged"]
        text = (
            "CAIRO, March 9 - Egypt will provide 300 tonnes of flour to families in Gaza, the ministry said."
        )
        added = http.post("/api/documents", json={"text": text, "doc_id": "cairo-flour"}, headers=site.auth)
        assert added.status_code == 201
        assert http.get("/api/documents/cairo-flour").json()["text"] == text
        problem = http.get("/api/pledges?limit=-1")
        assert problem.status_code == 422 and problem.headers["content-type"] == "application/problem+json"
