"""Review actions change claims, log who did what, refresh the ledger; re-extraction keeps them."""

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from pledgewatch.errors import ClaimNotFoundError, EvidenceNotFoundError, ReviewFieldError
from pledgewatch.records import Extraction
from pledgewatch.store.ledger import rebuild_ledger
from pledgewatch.store.ledger_queries import LedgerFilter, list_pledges
from pledgewatch.store.review import (
    accept_claim,
    add_claim,
    edit_claim,
    reextract_document,
    reject_claim,
    review_history,
    review_queue,
)

from .corpus import ALPHA, BETA, at, corpus, ingest, snapshot


def _claim_id(conn, doc_id: str, category: str) -> int:
    return next(c.id for c in review_queue(conn, limit=None) if c.doc_id == doc_id and c.category == category)


def _status(conn, donor: str, category: str) -> str | None:
    rows = [p for p in list_pledges(conn, LedgerFilter(donor=donor, category=category)) if not p.group]
    return rows[0].status if rows else None


def test_reject_removes_a_claim_from_the_ledger_and_logs_the_reason(engine: Engine) -> None:
    with engine.connect() as conn:
        ingest(conn, corpus())
        assert _status(conn, "Kazakhstan", "funding") == "disputed"
        deny = next(c.id for c in review_queue(conn, limit=None) if c.stance == "deny")
        claim = reject_claim(conn, deny, why="the officials spoke of another fund", user="ana")
        conn.commit()
        assert claim.review_state == "rejected"
        assert _status(conn, "Kazakhstan", "funding") == "pledged"
        (entry,) = review_history(conn, claim_id=deny)
        assert (entry.action, entry.reviewer, entry.reason) == (
            "reject",
            "ana",
            "the officials spoke of another fund",
        )
        assert entry.old_value == "machine" and entry.new_value == "rejected" and entry.at is not None
        incremental = snapshot(conn)
        rebuild_ledger(conn)
        conn.commit()
        assert snapshot(conn) == incremental


def test_edit_changes_fields_moves_the_claim_between_rows_and_logs_old_and_new(sqlite_url: str) -> None:
    from pledgewatch.store import make_engine

    engine = make_engine(sqlite_url)
    with engine.connect() as conn:
        ingest(conn, corpus())
        medical = _claim_id(conn, "alpha", "medical")
        edited = edit_claim(conn, medical, {"category": "security", "amount": "200 troops"}, user="bo")
        conn.commit()
        assert edited.review_state == "edited" and edited.category == "security"
        assert edited.amount is not None and edited.amount.unit == "troops"
        assert _status(conn, "Kazakhstan", "medical") is None
        assert _status(conn, "Kazakhstan", "security") == "pledged"
        fields = {(e.field, e.old_value, e.new_value) for e in review_history(conn, claim_id=medical)}
        assert fields == {
            ("category", '"medical"', '"security"'),
            ("amount", "null", '{"value": 200, "unit": "troops"}'),
        }
    engine.dispose()


def test_edit_refuses_unknown_fields_and_bad_values(sqlite_url: str) -> None:
    from pledgewatch.store import make_engine

    engine = make_engine(sqlite_url)
    with engine.connect() as conn:
        ingest(conn, corpus())
        some = _claim_id(conn, "alpha", "medical")
        for changes in ({"colour": "red"}, {"stance": "maybe"}, {"amount": "lots"}, {"date": "Feb 20"}):
            with pytest.raises(ReviewFieldError):
                edit_claim(conn, some, changes, user="bo")
        with pytest.raises(ClaimNotFoundError):
            accept_claim(conn, 999_999, user="bo")
        assert review_history(conn) == []
    engine.dispose()


def test_add_needs_evidence_found_in_the_document(sqlite_url: str) -> None:
    from pledgewatch.store import make_engine

    engine = make_engine(sqlite_url)
    with engine.connect() as conn:
        ingest(conn, corpus())
        missed = at(BETA, "Officials", donors="Uzbekistan", category="reconstruction")
        added = add_claim(conn, "beta", missed, user="cy")
        conn.commit()
        assert added.review_state == "accepted" and added.evidence.check(BETA)
        assert _status(conn, "Uzbekistan", "reconstruction") == "pledged"
        with pytest.raises(EvidenceNotFoundError):
            add_claim(conn, "beta", at(ALPHA, "Kazakhstan is ready"), user="cy")
        assert [e.action for e in review_history(conn)] == ["add"]
    engine.dispose()


def test_reextraction_replaces_machine_claims_but_never_reviewed_ones(engine: Engine) -> None:
    with engine.connect() as conn:
        ingest(conn, corpus())
        medical = _claim_id(conn, "alpha", "medical")
        education = _claim_id(conn, "alpha", "education")
        accept_claim(conn, education, user="ana")
        reject_claim(conn, medical, why="not a pledge", user="ana")
        conn.commit()
        new = Extraction(
            (
                at(ALPHA, "President", donors="Kazakhstan", category="education", amount=(300, "grants")),
                at(ALPHA, "Kazakhstan is ready", category="medical"),  # the rejected one, read again
                at(ALPHA, "Kazakhstan pledged", amount=(5e7, "USD")),
            ),
            extractor_version="v2",
        )
        result = reextract_document(conn, "alpha", new, user="pipeline")
        conn.commit()
        assert (result.removed, result.kept, result.skipped, result.added) == (1, 2, 2, 1)
        states = {(c.category, c.review_state, c.extractor_version) for c in _alpha_claims(conn)}
        assert states == {
            ("education", "accepted", "v1"),
            ("medical", "rejected", "v1"),
            ("funding", "machine", "v2"),
        }
        assert _status(conn, "Kazakhstan", "medical") is None
        funding = [
            p for p in list_pledges(conn, LedgerFilter(donor="Kazakhstan", category="funding")) if not p.group
        ]
        assert funding[0].pledged_usd == 5e7
        incremental = snapshot(conn)
        rebuild_ledger(conn)
        conn.commit()
        assert snapshot(conn) == incremental


def _alpha_claims(conn):
    from pledgewatch.store.ledger_load import load_claims
    from pledgewatch.store.tables import claims, documents

    found, _ = load_claims(conn, where=documents.c.doc_id == "alpha")
    assert all(c.doc_id == "alpha" for c in found) and claims is not None
    return found


def test_review_log_is_append_only(engine: Engine) -> None:
    with engine.connect() as conn:
        ingest(conn, corpus())
        accept_claim(conn, _claim_id(conn, "alpha", "medical"), user="ana")
        conn.commit()
    for statement in ("UPDATE review_log SET reviewer = 'mallory'", "DELETE FROM review_log"):
        with engine.connect() as conn, pytest.raises(DBAPIError, match="append-only"):
            conn.execute(text(statement))
    with engine.connect() as conn:
        assert [e.reviewer for e in review_history(conn)] == ["ana"]
