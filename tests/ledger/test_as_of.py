"""``--as-of`` views select their claims in SQL and remember the last ledgers they built: both must
give exactly what the whole as-of ledger gives, and a new claim or a review must show at once."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy import Engine

from pledgewatch.ledger import UNASSIGNED
from pledgewatch.records import Extraction
from pledgewatch.store.ledger import ledger_as_of
from pledgewatch.store.ledger_queries import LedgerFilter, count_pledges, list_conflicts, list_pledges
from pledgewatch.store.review import reject_claim
from pledgewatch.workflows import build_demo

from .corpus import at, corpus, document, ingest

DAYS = ["2026-01-15", "2026-02-19", "2026-02-20", "2026-02-28", "2026-12-31"]
DONORS = ["Kazakhstan", "Toqaev", "the UAE", "Qatar", "Bahrain", "United Nations", "Uzbekistan", "Nobody"]


def _rows(pledges) -> list[object]:
    return [dataclasses.replace(p, id=None) for p in pledges]


def _sides(found) -> list[tuple[object, ...]]:
    return sorted((c.kind, c.donor, c.category, c.detail, c.claim_ids_a, c.claim_ids_b) for c in found)


@pytest.fixture
def demo_url(db_url: str) -> str:
    """The demo corpus (twelve documents, a joint pledge of nine, disputes) plus the test corpus
    under another initiative."""
    build_demo(db_url)
    from pledgewatch.store import make_engine

    engine = make_engine(db_url)
    with engine.connect() as conn:
        ingest(conn, corpus())
    engine.dispose()
    return db_url


def test_as_of_by_donor_and_initiative_equals_the_whole_as_of_ledger(demo_url: str) -> None:
    from pledgewatch.store import make_engine

    engine = make_engine(demo_url)
    with engine.connect() as conn:
        for day in map(dt.date.fromisoformat, DAYS):
            whole = ledger_as_of(conn, day)
            for donor in DONORS:
                view = whole.for_donor(donor)
                f = LedgerFilter(donor=donor, as_of=day)
                assert _rows(list_pledges(conn, f, limit=None)) == _rows(view.pledges), (day, donor)
                assert _sides(list_conflicts(conn, f, limit=None)) == _sides(view.conflicts), (day, donor)
            initiatives = {p.initiative for p in whole.pledges} | {UNASSIGNED}
            for initiative in initiatives:
                f = LedgerFilter(initiative=initiative, as_of=day)
                want = [p for p in whole.pledges if p.initiative == initiative]
                assert _rows(list_pledges(conn, f, limit=None)) == _rows(want), (day, initiative)
    engine.dispose()


def test_as_of_views_show_a_review_and_a_new_document_at_once(engine: Engine) -> None:
    day = dt.date(2026, 12, 31)
    f = LedgerFilter(donor="Kazakhstan", as_of=day)
    with engine.connect() as conn:
        ingest(conn, corpus())
        before = [(p.donor, p.category, p.status) for p in list_pledges(conn, f)]
        assert ("Kazakhstan", "funding", "disputed") in before and count_pledges(conn, f) == len(before)
        denial = next(c for c in list_conflicts(conn, f) if c.category == "funding" and c.kind == "stance")
        for claim_id in denial.claim_ids_b:
            reject_claim(conn, claim_id, why="misread", user="test")
        conn.commit()
        after = [(p.donor, p.category, p.status) for p in list_pledges(conn, f)]
        assert ("Kazakhstan", "funding", "pledged") in after
        assert ("Kazakhstan", "funding", "disputed") not in after
        text = "Kazakhstan pledged 40 doctors for the field hospital."
        extra = Extraction((at(text, "Kazakhstan", category="medical", amount=(40, "doctors")),))
        ingest(conn, [(document("delta", text, "2026-04-01", outlet="Delta"), extra)])
        medical = next(p for p in list_pledges(conn, f) if p.category == "medical")
        assert medical.sources == 2 and medical.pledged is not None and medical.pledged.value == 40
