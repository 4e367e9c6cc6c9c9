"""Properties of the stored ledger (SQLite in memory): rebuild equals incremental; reviews survive."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pledgewatch.records import Extraction
from pledgewatch.store import make_engine
from pledgewatch.store.ledger import rebuild_ledger
from pledgewatch.store.ledger_load import load_claims
from pledgewatch.store.review import accept_claim, edit_claim, reextract_document, reject_claim

from .corpus import corpus, ingest, snapshot

ACTIONS = st.lists(
    st.tuples(
        st.sampled_from(["accept", "reject", "edit"]),
        st.integers(0, 20),
        st.sampled_from(["funding", "security", "humanitarian"]),
    ),
    max_size=4,
)
PROPS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _review(conn, actions) -> None:
    found, _ = load_claims(conn)
    ids = sorted(c.id for c in found if c.id is not None)
    for action, pick, category in actions:
        claim_id = ids[pick % len(ids)]
        if action == "accept":
            accept_claim(conn, claim_id, user="prop")
        elif action == "reject":
            reject_claim(conn, claim_id, why="prop", user="prop")
        else:
            edit_claim(conn, claim_id, {"category": category}, user="prop")
        conn.commit()


@PROPS
@given(st.permutations(range(3)), ACTIONS)
def test_rebuild_equals_incremental_after_ingest_and_review(order, actions) -> None:
    engine = make_engine("sqlite://")
    items = corpus()
    with engine.connect() as conn:
        ingest(conn, [items[i] for i in order])
        _review(conn, actions)
        incremental = snapshot(conn)
        rebuild_ledger(conn)
        conn.commit()
        assert snapshot(conn) == incremental
    engine.dispose()


@PROPS
@given(ACTIONS, st.lists(st.booleans(), min_size=3, max_size=3))
def test_reviewed_claims_survive_reextraction(actions, keep) -> None:
    engine = make_engine("sqlite://")
    items = corpus()
    with engine.connect() as conn:
        ingest(conn, items)
        _review(conn, actions)
        before, _ = load_claims(conn)
        reviewed = {c.id: c for c in before if c.review_state != "machine"}
        for document, extraction in items:
            chosen = tuple(c for c, k in zip(extraction.claims, keep, strict=False) if k)
            reextract_document(conn, document.doc_id, Extraction(chosen, extractor_version="v9"), user="prop")
            conn.commit()
        after, _ = load_claims(conn)
        still = {c.id: c for c in after if c.id in reviewed}
        assert still == reviewed
        assert all(c.extractor_version == "v9" for c in after if c.review_state == "machine")
        incremental = snapshot(conn)
        rebuild_ledger(conn)
        conn.commit()
        assert snapshot(conn) == incremental
    engine.dispose()
