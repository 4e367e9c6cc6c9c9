"""schemathesis over /openapi.json: no 500s, and every response matches the documented schema.

The app runs in process (ASGI) on a seeded SQLite database, with a token so that writes are
exercised too. Each operation gets a few generated examples, so the run stays well under a
minute. (The operations are listed here and checked against the schema: a new route fails
``test_every_operation_is_fuzzed`` until it is added.)
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from .conftest import Site, make_site

OPERATIONS = [
    ("GET", "/api/documents"),
    ("POST", "/api/documents"),
    ("GET", "/api/documents/{doc_id}"),
    ("GET", "/api/claims"),
    ("GET", "/api/claims/{claim_id}"),
    ("PATCH", "/api/claims/{claim_id}"),
    ("POST", "/api/claims/{claim_id}/accept"),
    ("POST", "/api/claims/{claim_id}/reject"),
    ("GET", "/api/pledges"),
    ("GET", "/api/pledges/{pledge_id}"),
    ("GET", "/api/donors"),
    ("GET", "/api/donors/{name}"),
    ("GET", "/api/conflicts"),
    ("GET", "/api/summary"),
]


@pytest.fixture(scope="module")
def fuzzed_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    url = f"sqlite:///{tmp_path_factory.mktemp('fuzz') / 'fuzz.db'}"
    yield from make_site(url)


def test_every_operation_is_fuzzed(fuzzed_site: Site) -> None:
    loaded = schemathesis.openapi.from_asgi("/openapi.json", fuzzed_site.app)
    found = {(op.ok().method.upper(), op.ok().path) for op in loaded.get_all_operations()}
    assert found == set(OPERATIONS)


@pytest.mark.parametrize(("method", "path"), OPERATIONS, ids=[f"{m} {p}" for m, p in OPERATIONS])
def test_operation_conforms_to_the_schema(fuzzed_site: Site, method: str, path: str) -> None:
    loaded = schemathesis.openapi.from_asgi("/openapi.json", fuzzed_site.app)
    operation = loaded[path][method]
    auth = fuzzed_site.auth

    @given(case=operation.as_strategy())
    @settings(
        max_examples=10,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def run(case: Any) -> None:
        case.call_and_validate(headers=auth)

    run()
