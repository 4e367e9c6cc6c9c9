"""The claims a ledger row was built from, kept with the row's links in ``pledge_claims``.

A refresh must rebuild every row a new claim touches from all of that row's claims; a big
row holds thousands. Read by claim id, they are scattered over the claims, donors and
documents tables (three lookups per claim). Each link therefore carries a copy of the
fields the ledger reads of its claim and document, written with the link: one range scan
of the row's links gives back everything.

The copy is kept true by the writer: a link is (re)written whenever its claim is one the
refresh was told changed (every review and extraction path names the claims it touched),
and documents never change once stored. Links from before revision 0005 carry no copy
(``stance`` NULL); their claims are read from the claims table instead.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, bindparam, select

from pledgewatch.records import Amount, Claim, Evidence
from pledgewatch.store.ledger_load import Source
from pledgewatch.store.ledger_tables import pledge_claims

CHUNK = 500

# The copied columns, in the order ``input_values`` gives them.
INPUT_COLUMNS: tuple[str, ...] = (
    "stance",
    "stage",
    "category",
    "amount_value",
    "amount_unit",
    "bound",
    "collective",
    "recipient",
    "period",
    "speaker",
    "date",
    "evidence_start",
    "evidence_end",
    "review_state",
    "donors",
    "doc_id",
    "published",
    "initiative",
    "outlet",
)
LINK_COLUMNS: tuple[str, ...] = ("pledge_id", "claim_id", *INPUT_COLUMNS)

_READ = select(*(pledge_claims.c[name] for name in LINK_COLUMNS)).where(
    pledge_claims.c.pledge_id.in_(bindparam("ids", expanding=True))
)


def input_values(claim: Claim, source: Source | None) -> tuple[object, ...]:
    """What the link of ``claim`` keeps of it and of its document (``INPUT_COLUMNS``)."""
    amount = claim.amount
    return (
        claim.stance,
        claim.stage,
        claim.category,
        amount.value if amount is not None else None,
        amount.unit if amount is not None else None,
        claim.bound,
        claim.collective,
        claim.recipient,
        claim.period,
        claim.speaker,
        claim.date,
        claim.evidence.start,
        claim.evidence.end,
        claim.review_state,
        json.dumps(list(claim.donors), ensure_ascii=False),
        claim.doc_id,
        source.published if source is not None else claim.published,
        source.initiative if source is not None else None,
        source.outlet if source is not None else None,
    )


def link_rows(
    links: Sequence[tuple[int, int]], claims: Mapping[int, Claim], sources: Mapping[str, Source]
) -> list[tuple[object, ...]]:
    """Rows of ``LINK_COLUMNS`` for these (pledge id, claim id) links."""
    rows = []
    for pledge_id, claim_id in links:
        claim = claims[claim_id]
        rows.append((pledge_id, claim_id, *input_values(claim, sources.get(claim.doc_id or ""))))
    return rows


@dataclass(slots=True)
class RowInputs:
    """The links of some rows and the claims (with their documents) they were built from."""

    links: set[tuple[int, int]] = field(default_factory=set)
    claims: dict[int, Claim] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    uncopied: set[int] = field(default_factory=set)  # claim ids of links without a copy


def _chunks(values: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


def read_inputs(conn: Connection, pledge_ids: Collection[int], skip: Collection[int] = ()) -> RowInputs:
    """The links of these rows and their claims as copied; claims in ``skip`` (changed since the
    copy) are left for the caller to read fresh."""
    out = RowInputs()
    skip = set(skip)
    for chunk in _chunks(sorted(pledge_ids)):
        for row in conn.execute(_READ, {"ids": chunk}).all():  # fetched at once: much faster
            pledge_id, claim_id = row[0], row[1]
            out.links.add((pledge_id, claim_id))
            if claim_id in skip or claim_id in out.claims:
                continue
            if row[2] is None:
                out.uncopied.add(claim_id)
                continue
            out.claims[claim_id] = _claim(row)
            doc_id = row[17]
            if doc_id not in out.sources:
                out.sources[doc_id] = Source(doc_id, row[18], row[19], row[20])
    out.uncopied -= out.claims.keys()
    return out


@lru_cache(maxsize=65536)
def _names(donors: str) -> tuple[str, ...]:
    """The donors' names of a copy (the same few lists recur across a row's claims)."""
    return tuple(json.loads(donors))


def _claim(row: Any) -> Claim:
    (_, claim_id, stance, stage, category, value, unit, bound, collective, recipient, period, speaker,
     date, start, end, state, donors, doc_id, published, _, _) = row  # fmt: skip
    amount = None if unit is None else Amount(float(value), unit)
    return Claim(
        _names(donors), stance, stage, category, Evidence("", start, end), amount, bound,
        bool(collective), recipient, period, speaker, date, "", claim_id, doc_id, None, state, published,
    )  # fmt: skip


__all__ = ["INPUT_COLUMNS", "LINK_COLUMNS", "RowInputs", "input_values", "link_rows", "read_inputs"]
