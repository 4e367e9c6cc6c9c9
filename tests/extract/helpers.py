"""What the extractor tests compare: a claim as (donors, stance, stage, category, amount)."""

from __future__ import annotations

import datetime as dt

from pledgewatch.extract import extract

Key = tuple[tuple[str, ...], str, str, str, object]

PUBLISHED = dt.date(2026, 3, 10)


def keys(text: str, published: dt.date | None = PUBLISHED) -> set[Key]:
    """The claims of ``text`` as comparable keys, the amount as (value, unit) or None."""
    out = set()
    for c in extract(text, published).claims:
        amount = (c.amount.value, c.amount.unit) if c.amount else None
        out.add((c.donors, c.stance, c.stage, c.category, amount))
    return out
