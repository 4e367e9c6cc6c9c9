"""The ledger built from a set of claims does not depend on the order they arrive in."""

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from pledgewatch.ledger import build_ledger, key_of

from .factory import claim, doc, docs

DOCS = docs(*(doc(f"d{i}", f"2026-0{1 + i % 3}-1{i}", outlet=f"O{i % 2}") for i in range(6)))
DONORS = ["Kazakhstan", "Tokayev", "UAE", "Qatar", "Uzbekistan"]

claims_strategy = st.lists(
    st.builds(
        lambda i, d, donors, stance, stage, category, amount, day, collective, rejected: claim(
            f"d{d}",
            tuple(donors),
            stance,
            stage,
            category,
            amount,
            start=i * 10,
            date=f"2026-02-{day:02d}" if day else None,
            collective=collective,
            review_state="rejected" if rejected else "machine",
        ),
        st.integers(0, 50),
        st.integers(0, 5),
        st.lists(st.sampled_from(DONORS), min_size=1, max_size=3, unique=True),
        st.sampled_from(["commit", "deny"]),
        st.sampled_from(["pledge", "delivered"]),
        st.sampled_from(["funding", "security", "education"]),
        st.one_of(
            st.none(), st.tuples(st.sampled_from([1e8, 1.05e8, 2e8, 500.0]), st.sampled_from(["USD", "EUR"]))
        ),
        st.one_of(st.none(), st.integers(17, 22)),
        st.booleans(),
        st.booleans(),
    ),
    max_size=25,
)


@settings(max_examples=60, deadline=None)
@given(claims_strategy, st.randoms(use_true_random=False))
def test_ledger_does_not_depend_on_claim_order(claims, rnd: random.Random) -> None:
    shuffled = list(claims)
    rnd.shuffle(shuffled)
    assert build_ledger(claims, documents=DOCS) == build_ledger(shuffled, documents=DOCS)


@settings(max_examples=40, deadline=None)
@given(claims_strategy)
def test_rows_built_alone_equal_the_full_build(claims) -> None:
    full = build_ledger(claims, documents=DOCS)
    for pledge in full.pledges:
        part = build_ledger(claims, documents=DOCS, keys=[key_of(pledge)])
        assert part.pledges == (pledge,)
        row = (pledge.initiative, pledge.donor, pledge.category)
        assert part.conflicts == tuple(
            c for c in full.conflicts if (c.initiative, c.donor, c.category) == row
        )
