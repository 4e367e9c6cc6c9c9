"""Where sources disagree about one ledger row; each conflict names both sides' claims.

- ``stance``: a commitment and a denial from different sources;
- ``stage``: one source says delivered, another that nothing was delivered;
- ``amount``: the same stage reported with figures more than 10% apart by different
  publishers (a later figure from the same document, outlet or speaker is a revision);
- ``date``: the same event dated a few days apart by different documents.

A member's row also weighs the joint (group) claims it belongs to, for every kind but
``amount``: a joint total is never compared with one member's figure.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from pledgewatch.ledger.entries import Entry, PledgeKey, same_publisher, same_source
from pledgewatch.records import Conflict, ConflictKind

AMOUNT_TOLERANCE = 0.10
DATE_WINDOW_DAYS = 3


def _ids(entries: Sequence[Entry]) -> tuple[int, ...]:
    return tuple(sorted({e.claim.id for e in entries if e.claim.id is not None}))


def _sides(
    side_a: Sequence[Entry], side_b: Sequence[Entry], apart: Callable[[Entry, Entry], bool]
) -> tuple[list[Entry], list[Entry]]:
    """The entries of each side that disagree with at least one entry of the other side."""
    a = [x for x in side_a if any(apart(x, y) for y in side_b)]
    b = [y for y in side_b if any(apart(x, y) for x in side_a)]
    return a, b


@dataclass(frozen=True, slots=True)
class Found:
    """A disagreement before it becomes a Conflict record: the entries of both sides."""

    kind: ConflictKind
    a: tuple[Entry, ...]
    b: tuple[Entry, ...]
    detail: str

    def to_conflict(self, key: PledgeKey) -> Conflict:
        return Conflict(
            kind=self.kind,
            initiative=key.initiative,
            donor=key.donor,
            category=key.category,  # type: ignore[arg-type]
            claim_ids_a=_ids(self.a),
            claim_ids_b=_ids(self.b),
            detail=self.detail,
        )


def _conflict(
    _key: PledgeKey, kind: ConflictKind, a: Sequence[Entry], b: Sequence[Entry], detail: str
) -> Found:
    return Found(kind, tuple(a), tuple(b), detail)


def _stance_and_stage(key: PledgeKey, entries: Sequence[Entry]) -> list[Found]:
    out = []
    delivered = [e for e in entries if e.claim.stance == "commit" and e.claim.stage == "delivered"]
    not_paid = [e for e in entries if e.claim.stance == "deny" and e.claim.stage == "delivered"]
    a, b = _sides(delivered, not_paid, lambda x, y: not same_source(x, y))
    if a and b:
        out.append(_conflict(key, "stage", a, b, "delivered vs not delivered"))
    commits = [e for e in entries if e.claim.stance == "commit"]
    denies = [e for e in entries if e.claim.stance == "deny"]

    def stance_apart(x: Entry, y: Entry) -> bool:
        stage_pair = x.claim.stage == "delivered" and y.claim.stage == "delivered"
        return not stage_pair and not same_source(x, y)

    a, b = _sides(commits, denies, stance_apart)
    if a and b:
        out.append(_conflict(key, "stance", a, b, "commit vs deny"))
    return out


def _value(entry: Entry) -> float | None:
    if entry.usd is not None:
        return entry.usd.value
    return entry.claim.amount.value if entry.claim.amount is not None else None


def _clusters(entries: Sequence[Entry]) -> list[list[Entry]]:
    """Figures within 10% of the smallest of their cluster read as the same figure."""
    valued = sorted(
        ((v, e) for e in entries if (v := _value(e)) is not None and v > 0),
        key=lambda pair: (pair[0], pair[1].order()),
    )
    clusters: list[list[Entry]] = []
    floor = 0.0
    for value, entry in valued:
        if clusters and value <= floor * (1 + AMOUNT_TOLERANCE):
            clusters[-1].append(entry)
        else:
            clusters.append([entry])
            floor = value
    return clusters


def _fmt(entry: Entry) -> str:
    amount = entry.claim.amount
    if amount is None:
        return "?"
    return f"{amount.value:,.0f} {amount.unit}"


def _amounts(key: PledgeKey, entries: Sequence[Entry]) -> list[Found]:
    out = []
    # One pass groups the figures by stance, stage and dimension (in the entries' order).
    grouped: dict[tuple[str, str], dict[str, list[Entry]]] = {}
    for e in entries:
        amount = e.claim.amount
        if amount is None:
            continue
        money = amount.is_money and e.usd and e.usd.value
        by_stage = grouped.setdefault((e.claim.stance, e.claim.stage), {})
        by_stage.setdefault("USD" if money else f"{e.unit}", []).append(e)
    for stance in ("commit", "deny"):
        for stage in ("pledge", "delivered"):
            by_dimension = grouped.get((stance, stage), {})
            for dimension in sorted(by_dimension):
                clusters = _clusters(by_dimension[dimension])
                for low, high in zip(clusters, clusters[1:], strict=False):
                    a, b = _sides(low, high, lambda x, y: not same_publisher(x, y))
                    if a and b:
                        detail = f"{stage}: {_fmt(a[0])} vs {_fmt(b[-1])}"
                        out.append(_conflict(key, "amount", a, b, detail))
    return out


def _dates(key: PledgeKey, entries: Sequence[Entry]) -> list[Found]:
    """Claims dated a few days apart, with no other date around them, tell of one event dated
    differently. A run of dates spanning more than the window is a series of events, not one."""
    dated = sorted((e for e in entries if e.claim.date is not None), key=lambda e: (e.claim.date, e.order()))
    runs: list[list[Entry]] = []
    for entry in dated:
        day = entry.claim.date or dt.date.min
        if runs and (day - (runs[-1][-1].claim.date or dt.date.min)).days <= DATE_WINDOW_DAYS:
            runs[-1].append(entry)
        else:
            runs.append([entry])
    out = []
    for run in runs:
        first, last = run[0].claim.date, run[-1].claim.date
        if first is None or last is None or first == last or (last - first).days > DATE_WINDOW_DAYS:
            continue
        early = [e for e in run if e.claim.date == first]
        later = [e for e in run if e.claim.date != first]
        a, b = _sides(early, later, lambda x, y: x.doc_id != y.doc_id)
        if a and b:
            days = sorted({e.claim.date.isoformat() for e in b if e.claim.date})
            out.append(_conflict(key, "date", a, b, f"{first.isoformat()} vs {', '.join(days)}"))
    return out


def find_conflicts(key: PledgeKey, own: Sequence[Entry], linked: Sequence[Entry] = ()) -> list[Conflict]:
    """The conflicts of one row; ``linked`` are the group entries a member's row also weighs."""
    together = sorted([*own, *linked], key=Entry.order) if linked else own  # ``own`` comes in order
    found = [*_stance_and_stage(key, together), *_amounts(key, own), *_dates(key, together)]
    # A member's row reports only what involves its own claims: group-only
    # disagreements belong to the group's row.
    own_rows = bool(linked)
    return [f.to_conflict(key) for f in found if not own_rows or any(not e.is_group for e in (*f.a, *f.b))]
