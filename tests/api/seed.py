"""A small database written for the web tests: three donors, one stance conflict, a token.

The texts are written for these tests. Claims are built by hand (not by the extractor) so
that what the pages and the API must show is known exactly.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Engine

from pledgewatch.records import Amount, Claim, Evidence, Extraction
from pledgewatch.sources import make_document
from pledgewatch.store.documents import save_document
from pledgewatch.store.ledger import rebuild_ledger
from pledgewatch.store.tokens import create_token

INITIATIVE = "Board of Peace"

OSLO_TEXT = (
    "OSLO, Feb 10 - Norway will contribute $300 million to the reconstruction fund, the foreign ministry "
    "said. Chile promised 200 doctors for field hospitals. Japan has already delivered $50 million in "
    "emergency grants."
)
DENIAL_TEXT = (
    "Norway has not pledged any money to the board, a government spokesperson said on Monday. "
    "A reader comment read <script>alert('pw')</script> and nothing else."
)
SCRIPT_TITLE = "Oslo denies <script>alert(1)</script>"


@dataclass(frozen=True, slots=True)
class Seeded:
    token: str
    norway_denial_id: int
    chile_claim_id: int


def _claim(
    text: str,
    sentence: str,
    donors: tuple[str, ...],
    stance: str,
    stage: str,
    category: str,
    amount: Amount | None = None,
) -> Claim:
    start = text.index(sentence)
    return Claim(
        donors=donors,
        stance=stance,  # type: ignore[arg-type]
        stage=stage,  # type: ignore[arg-type]
        category=category,  # type: ignore[arg-type]
        evidence=Evidence(sentence, start, start + len(sentence)),
        amount=amount,
        rule="test",
    )


def seed(engine: Engine) -> Seeded:
    oslo = make_document(
        OSLO_TEXT,
        "pw-test-oslo",
        title="Norway and Chile pledge support",
        published=dt.date(2026, 2, 10),
        initiative=INITIATIVE,
        outlet="Test Wire",
        url="https://example.org/oslo",
    )
    oslo_claims = (
        _claim(
            OSLO_TEXT,
            "OSLO, Feb 10 - Norway will contribute $300 million to the reconstruction fund, the "
            "foreign ministry said.",
            ("Norway",),
            "commit",
            "pledge",
            "funding",
            Amount(300e6, "USD"),
        ),
        _claim(
            OSLO_TEXT,
            "Chile promised 200 doctors for field hospitals.",
            ("Chile",),
            "commit",
            "pledge",
            "medical",
            Amount(200, "doctors"),
        ),
        _claim(
            OSLO_TEXT,
            "Japan has already delivered $50 million in emergency grants.",
            ("Japan",),
            "commit",
            "delivered",
            "funding",
            Amount(50e6, "USD"),
        ),
    )
    denial = make_document(
        DENIAL_TEXT,
        "pw-test-denial",
        title=SCRIPT_TITLE,
        published=dt.date(2026, 3, 2),
        initiative=INITIATIVE,
        outlet="Other Daily",
    )
    denial_claims = (
        _claim(
            DENIAL_TEXT,
            "Norway has not pledged any money to the board, a government spokesperson said on Monday.",
            ("Norway",),
            "deny",
            "pledge",
            "funding",
        ),
    )
    with engine.connect() as conn:
        save_document(conn, oslo, Extraction(claims=oslo_claims, extractor_version="test"))
        save_document(conn, denial, Extraction(claims=denial_claims, extractor_version="test"))
        rebuild_ledger(conn)
        token = create_token(conn, "tester")
        conn.commit()
    from pledgewatch.store.claims import list_claims

    with engine.connect() as conn:
        by_donor = {c.donors[0] + c.stance: c.id for c in list_claims(conn, limit=None)}
    return Seeded(
        token=token, norway_denial_id=by_donor["Norwaydeny"] or 0, chile_claim_id=by_donor["Chilecommit"] or 0
    )
