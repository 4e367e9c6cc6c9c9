"""Claims made ready for the ledger: donors resolved, keyed, dated, in a fixed order.

A claim becomes one ``Entry`` per ledger row it belongs to. A joint amount of several
donors (``collective`` with an amount) is ONE entry under a group key; any other claim
gives one entry per donor. Rejected claims never enter the ledger.

Row key: initiative × donor × category. The recipient is kept on the row, not in the key:
recipients are free text ("ISF", "International Stabilization Force in the Gaza Strip"),
and a denial rarely names one, so splitting on them would scatter one pledge and hide
the disputes between its sources.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Protocol

from pledgewatch.ledger.actors import normalise, resolve_actor
from pledgewatch.ledger.currency import Usd, to_usd
from pledgewatch.ledger.units import canonical_unit
from pledgewatch.records import Claim

UNASSIGNED = "(unassigned)"
GROUP_JOINER = " + "


class SourceInfo(Protocol):
    """What the ledger needs of a document (a ``Document`` has all of it)."""

    @property
    def doc_id(self) -> str: ...
    @property
    def published(self) -> dt.date | None: ...
    @property
    def initiative(self) -> str | None: ...
    @property
    def outlet(self) -> str | None: ...


@dataclass(frozen=True, slots=True, order=True)
class PledgeKey:
    """One ledger row: initiative × donor × category; ``group`` lists a joint pledge's members."""

    initiative: str
    donor: str
    category: str
    group: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Entry:
    """A claim as one ledger row sees it."""

    claim: Claim
    key: PledgeKey
    donors: tuple[str, ...]  # resolved, sorted, distinct
    reported: dt.date | None  # when its source was published (else the claim's own date)
    outlet: str | None
    usd: Usd | None
    unit: str | None  # canonical unit of the amount
    speaker_key: str = ""  # normalised speaker and outlet, compared for "same source"
    outlet_key: str = ""
    rank: tuple[object, ...] = field(default=(), compare=False, repr=False)  # order(), computed once

    @property
    def doc_id(self) -> str:
        return self.claim.doc_id or ""

    @property
    def is_group(self) -> bool:
        return bool(self.key.group)

    def order(self) -> tuple[object, ...]:
        """Chronological, then by size, then by place: never by database id (ingest order)."""
        return self.rank or rank_of(self.claim, self.reported, self.usd)


def rank_of(c: Claim, reported: dt.date | None, usd: Usd | None) -> tuple[object, ...]:
    size = usd.value if usd and usd.value is not None else (c.amount.value if c.amount else -1)
    return (
        reported or dt.date.min,
        c.date or dt.date.min,
        size or 0.0,
        c.doc_id or "",
        c.evidence.start,
        c.evidence.end,
        c.stance,
        c.stage,
        c.donors,
        c.amount.unit if c.amount else "",
        c.bound or "",
        c.collective,
        c.recipient or "",
        c.speaker or "",
        c.period or "",
        c.review_state,
    )


def group_label(members: Iterable[str]) -> str:
    return GROUP_JOINER.join(sorted(set(members)))


def resolve_donors(donors: Iterable[str]) -> tuple[str, ...]:
    return _resolve_donors(tuple(donors))


@lru_cache(maxsize=65536)
def _resolve_donors(donors: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted({resolve_actor(d) for d in donors if d.strip()}))


def keys_for(claim: Claim, initiative: str) -> tuple[PledgeKey, ...]:
    """The ledger rows a claim belongs to."""
    joint = claim.collective and claim.amount is not None
    return _keys(tuple(claim.donors), joint, claim.category, initiative)


@lru_cache(maxsize=65536)
def _keys(names: tuple[str, ...], joint: bool, category: str, initiative: str) -> tuple[PledgeKey, ...]:
    donors = _resolve_donors(names)
    if joint and len(donors) > 1:
        return (PledgeKey(initiative, group_label(donors), category, donors),)
    return tuple(PledgeKey(initiative, d, category) for d in donors)


def reported_on(claim: Claim, source: SourceInfo | None) -> dt.date | None:
    published = source.published if source is not None else None
    return published or claim.published or claim.date


def prepare(claims: Iterable[Claim], documents: Mapping[str, SourceInfo]) -> list[Entry]:
    """Every non-rejected claim as the entries of the rows it belongs to."""
    entries: list[Entry] = []
    for claim in claims:
        if claim.review_state == "rejected":
            continue
        source = documents.get(claim.doc_id or "")
        initiative = (source.initiative if source is not None else None) or UNASSIGNED
        reported = reported_on(claim, source)
        usd = to_usd(claim.amount, claim.date or reported)
        unit = canonical_unit(claim.amount.unit) if claim.amount is not None else None
        outlet = source.outlet if source is not None else None
        speaker_key = normalise(claim.speaker) if claim.speaker else ""
        outlet_key = normalise(outlet) if outlet else ""
        rank = rank_of(claim, reported, usd)
        for key in keys_for(claim, initiative):
            donors = key.group or (key.donor,)
            entries.append(
                Entry(claim, key, donors, reported, outlet, usd, unit, speaker_key, outlet_key, rank)
            )
    return entries


def same_source(a: Entry, b: Entry) -> bool:
    """One document, unless two different people are quoted in it."""
    if a.claim.doc_id != b.claim.doc_id:
        return False
    return not (a.speaker_key and b.speaker_key and a.speaker_key != b.speaker_key)


def same_publisher(a: Entry, b: Entry) -> bool:
    """The same document, outlet or speaker: a later figure from it revises the earlier one."""
    if a.claim.doc_id == b.claim.doc_id:
        return True
    if a.outlet_key and a.outlet_key == b.outlet_key:
        return True
    return bool(a.speaker_key and a.speaker_key == b.speaker_key)


def _figure(entry: Entry) -> float | None:
    if entry.usd is not None and entry.usd.value is not None:
        return entry.usd.value
    return entry.claim.amount.value if entry.claim.amount is not None else None


def _same_figure(a: Entry, b: Entry) -> bool:
    fa, fb = _figure(a), _figure(b)
    if fa is None or fb is None or fa <= 0 or fb <= 0:
        return False
    return max(fa, fb) <= min(fa, fb) * 1.10


def merge_groups(entries: list[Entry]) -> list[Entry]:
    """A joint claim that names only some members of a larger joint pledge with the same
    figure (within 10%) belongs to that pledge: "Bahrain and Kuwait, among the nine, pledged
    $7 billion" is the nine's $7 billion, not a second joint pledge."""
    by_scope: dict[tuple[str, str], dict[PledgeKey, list[Entry]]] = {}
    for entry in entries:
        if entry.key.group:
            by_scope.setdefault((entry.key.initiative, entry.key.category), {}).setdefault(
                entry.key, []
            ).append(entry)
    moved: dict[int, PledgeKey] = {}
    for groups in by_scope.values():
        if len(groups) < 2:
            continue
        ordered = sorted(groups, key=lambda k: (-len(k.group), k.donor))
        for key, own in groups.items():
            members = set(key.group)
            for entry in own:
                for bigger in ordered:
                    if len(bigger.group) <= len(members) or not members < set(bigger.group):
                        continue
                    if any(_same_figure(entry, other) for other in groups[bigger]):
                        moved[id(entry)] = bigger
                        break
    if not moved:
        return entries
    return [replace(e, key=moved[id(e)], donors=moved[id(e)].group) if id(e) in moved else e for e in entries]
