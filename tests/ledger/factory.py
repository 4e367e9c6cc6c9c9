"""Small builders for ledger tests: claims and documents written for the tests."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from pledgewatch.records import Amount, Claim, Document, Evidence

_ids = itertools.count(1)


def doc(
    doc_id: str, published: str | None = "2026-03-01", *, initiative: str | None = "Board of Peace", **kw: Any
):
    return Document(
        doc_id=doc_id,
        text=kw.pop("text", "text"),
        content_hash=doc_id,
        published=dt.date.fromisoformat(published) if published else None,
        initiative=initiative,
        **kw,
    )


def claim(
    doc_id: str,
    donors: str | tuple[str, ...] = "Kazakhstan",
    stance: str = "commit",
    stage: str = "pledge",
    category: str = "funding",
    amount: tuple[float, str] | None = None,
    *,
    start: int = 0,
    date: str | None = None,
    id: int | None = None,
    **kw: Any,
) -> Claim:
    sentence = kw.pop("evidence", f"{donors} {stance} {stage} {category} {amount}.")
    return Claim(
        donors=(donors,) if isinstance(donors, str) else donors,
        stance=stance,  # type: ignore[arg-type]
        stage=stage,  # type: ignore[arg-type]
        category=category,  # type: ignore[arg-type]
        evidence=Evidence(sentence, start, start + len(sentence)),
        amount=Amount(*amount) if amount else None,
        date=dt.date.fromisoformat(date) if date else None,
        id=id if id is not None else next(_ids),
        doc_id=doc_id,
        **kw,
    )


def docs(*items: Document) -> dict[str, Document]:
    return {d.doc_id: d for d in items}
