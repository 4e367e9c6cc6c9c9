"""The ledger built from the dev set's gold claims shows what the issue asks for.

Reads ``shared/eval/dev`` (env PLEDGEWATCH_SHARED, else <repo>/../shared); skipped when absent.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from pledgewatch.ledger import build_ledger
from pledgewatch.records import Amount, Claim, Document, Evidence

SHARED = Path(os.environ.get("PLEDGEWATCH_SHARED") or Path(__file__).resolve().parents[3] / "shared")
GOLD = SHARED / "eval" / "dev" / "gold.jsonl"
NINE = (
    "Azerbaijan",
    "Bahrain",
    "Kazakhstan",
    "Kuwait",
    "Morocco",
    "Qatar",
    "Saudi Arabia",
    "United Arab Emirates",
    "Uzbekistan",
)

pytestmark = pytest.mark.skipif(not GOLD.exists(), reason=f"dev set not found at {GOLD}")


def _gold_ledger():
    claims, documents, n = [], {}, 0
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        text = (GOLD.parent / record["text_file"]).read_text(encoding="utf-8")
        published = dt.date.fromisoformat(record["published"]) if record.get("published") else None
        documents[record["doc_id"]] = Document(
            record["doc_id"], text, record["doc_id"], published=published, initiative="Board of Peace"
        )
        for c in record["claims"]:
            n += 1
            start = text.index(c["evidence"])
            amount = c.get("amount")
            claims.append(
                Claim(
                    donors=tuple(c["donors"]),
                    stance=c["stance"],
                    stage=c["stage"],
                    category=c["category"],
                    evidence=Evidence(c["evidence"], start, start + len(c["evidence"])),
                    amount=Amount(amount["value"], amount["unit"]) if amount else None,
                    bound=c.get("bound"),
                    collective=c.get("collective", False),
                    recipient=c.get("recipient"),
                    speaker=c.get("speaker"),
                    date=dt.date.fromisoformat(c["date"]) if c.get("date") else None,
                    id=n,
                    doc_id=record["doc_id"],
                )
            )
    return build_ledger(claims, documents=documents)


def test_dev_set_ledger_shows_the_disputes_pledges_and_the_joint_pledge() -> None:
    ledger = _gold_ledger()
    rows = {(p.donor, p.category): p for p in ledger.pledges if not p.group}
    assert rows[("Kazakhstan", "funding")].status == "disputed"
    assert rows[("Kazakhstan", "security")].status == "disputed"
    education = rows[("Kazakhstan", "education")]
    assert education.status == "pledged" and education.pledged is not None and education.pledged.value == 500
    assert education.units == ("grants", "scholarships")
    uzbek = rows[("Uzbekistan", "reconstruction")]
    assert uzbek.status == "pledged" and uzbek.pledged is None
    un = rows[("United Nations", "funding")]
    assert un.status == "pledged" and un.pledged_usd == 2e9
    (joint,) = [p for p in ledger.pledges if p.group]
    assert joint.group == NINE and joint.pledged_usd == 7e9
    for donor in NINE:
        assert joint in ledger.for_donor(donor).pledges
    dates = [c for c in ledger.conflicts if c.kind == "date" and c.donor == "Kazakhstan"]
    assert [c.detail for c in dates] == ["2026-02-19 vs 2026-02-20"]
