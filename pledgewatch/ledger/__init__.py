"""Claims → pledges and conflicts. Pure and deterministic: no I/O, no SQL.

>>> ledger = build_ledger(claims, documents={d.doc_id: d for d in docs})
>>> [p.status for p in ledger.for_donor("Kazakhstan").pledges]

The same set of claims gives the same ledger whatever their order; ``keys`` restricts
the output to some rows (the store's incremental refresh), computed exactly as in a
full build. ``as_of`` keeps only what had been published by that date.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

from pledgewatch.ledger.actors import resolve_actor
from pledgewatch.ledger.conflicts import find_conflicts
from pledgewatch.ledger.entries import (
    UNASSIGNED,
    Entry,
    PledgeKey,
    SourceInfo,
    keys_for,
    merge_groups,
    prepare,
)
from pledgewatch.ledger.pledges import build_pledge
from pledgewatch.ledger.totals import Totals, totals
from pledgewatch.records import Claim, Conflict, Pledge

__all__ = [
    "UNASSIGNED",
    "Ledger",
    "PledgeKey",
    "Totals",
    "build_ledger",
    "key_of",
    "keys_for",
    "linked_keys",
    "resolve_actor",
    "totals",
]


@dataclass(frozen=True, slots=True)
class Ledger:
    """Every pledge row and every conflict, in a fixed order."""

    pledges: tuple[Pledge, ...] = ()
    conflicts: tuple[Conflict, ...] = ()

    def for_donor(self, donor: str) -> Ledger:
        """A donor's own rows and the joint pledges it is a member of."""
        name = resolve_actor(donor)
        return Ledger(
            tuple(p for p in self.pledges if p.donor == name or name in p.group),
            tuple(c for c in self.conflicts if c.donor == name),
        )


def key_of(pledge: Pledge | Conflict) -> PledgeKey:
    group = pledge.group if isinstance(pledge, Pledge) else ()
    return PledgeKey(pledge.initiative, pledge.donor, pledge.category, group)


def linked_keys(key: PledgeKey) -> tuple[PledgeKey, ...]:
    """The member rows whose conflicts a group row feeds (none for a single donor)."""
    return tuple(PledgeKey(key.initiative, member, key.category) for member in key.group)


def build_ledger(
    claims: Iterable[Claim],
    *,
    documents: Mapping[str, SourceInfo] | None = None,
    as_of: dt.date | None = None,
    keys: Collection[PledgeKey] | None = None,
) -> Ledger:
    """Pledges and conflicts from claims (rejected ones ignored)."""
    entries = prepare(claims, documents or {})
    if as_of is not None:
        entries = [e for e in entries if e.reported is not None and e.reported <= as_of]
    entries = merge_groups(entries)
    by_key: dict[PledgeKey, list[Entry]] = defaultdict(list)
    linked: dict[tuple[str, str, str], list[Entry]] = defaultdict(list)
    for entry in entries:
        by_key[entry.key].append(entry)
        for member in entry.key.group:
            linked[(entry.key.initiative, member, entry.key.category)].append(entry)
    wanted = sorted(by_key if keys is None else (k for k in keys if k in by_key))
    pledges: list[Pledge] = []
    conflicts: list[Conflict] = []
    for key in wanted:
        own = sorted(by_key[key], key=Entry.order)
        pledges.append(build_pledge(key, own))
        group_entries = () if key.group else linked.get((key.initiative, key.donor, key.category), ())
        conflicts.extend(find_conflicts(key, own, group_entries))
    conflicts.sort(key=lambda c: (c.initiative, c.donor, c.category, c.kind, c.detail, c.claim_ids_a))
    return Ledger(tuple(pledges), tuple(conflicts))
