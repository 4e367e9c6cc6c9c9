"""Honest totals: pledged, delivered and denied side by side, never added to each other.

An unknown amount is counted as unknown (``*_unknown``: rows with no figure), never as
zero; a figure that could not be converted to USD is listed apart (``unconverted``); a
joint pledge is counted once, apart from single-donor pledges (``joint_*``), never split.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from pledgewatch.records import Amount, Pledge


@dataclass(frozen=True, slots=True)
class StageTotal:
    """One stage's total: the USD sum of known figures, and what could not be summed."""

    usd: float = 0.0
    rows: int = 0  # rows with this stage at all
    unknown: int = 0  # of them, rows whose figure is unknown
    unconverted: tuple[Amount, ...] = ()
    counts: tuple[tuple[str, float], ...] = ()  # (unit, sum) of counted amounts ("troops")
    converted: int = 0  # rows whose figure is in (or converted to) USD


@dataclass(frozen=True, slots=True)
class Totals:
    pledged: StageTotal = field(default_factory=StageTotal)
    delivered: StageTotal = field(default_factory=StageTotal)
    denied: StageTotal = field(default_factory=StageTotal)
    joint_pledged: StageTotal = field(default_factory=StageTotal)
    joint_delivered: StageTotal = field(default_factory=StageTotal)


Row = tuple[bool, Amount | None, float | None, str]


def _stage(rows: list[Row]) -> StageTotal:
    usd = 0.0
    unknown = 0
    unconverted: list[Amount] = []
    counts: dict[str, float] = {}
    n = 0
    converted = 0
    for present, amount, value_usd, unit_label in rows:
        if not present:
            continue
        n += 1
        if amount is None:
            unknown += 1
        elif amount.is_money and value_usd is not None:
            usd += value_usd
            converted += 1
        elif amount.is_money:
            unconverted.append(amount)
        else:
            counts[unit_label] = counts.get(unit_label, 0.0) + amount.value
    return StageTotal(round(usd, 2), n, unknown, tuple(unconverted), tuple(sorted(counts.items())), converted)


def stage_flags(p: Pledge) -> tuple[bool, bool, bool]:
    """Which stage totals a row counts in: (pledged, delivered, denied).

    A row delivered without any pledge figure is not an unknown pledge: it counts only as
    delivered."""
    has_delivery = p.status in ("delivered", "partial") or p.delivered is not None
    has_pledge = p.status in ("pledged", "partial", "delivered", "disputed") and (
        p.pledged is not None or not has_delivery
    )
    has_denial = p.status in ("denied", "disputed") or p.denied is not None
    return has_pledge, has_delivery, has_denial and not p.group


def totals(pledges: Iterable[Pledge]) -> Totals:
    """Sum each stage over rows: pledged over rows with a commitment, delivered over rows with a
    delivery, denied over rows with a denial."""
    single: dict[str, list[Row]] = {"p": [], "d": [], "x": []}
    joint: dict[str, list[Row]] = {"p": [], "d": []}
    for p in pledges:
        has_pledge, has_delivery, has_denial = stage_flags(p)
        target = joint if p.group else single
        label = "/".join(p.units)
        target["p"].append((has_pledge, p.pledged, p.pledged_usd, label or _unit(p.pledged)))
        target["d"].append((has_delivery, p.delivered, p.delivered_usd, label or _unit(p.delivered)))
        if not p.group:
            single["x"].append((has_denial, p.denied, p.denied_usd, label or _unit(p.denied)))
    return Totals(
        pledged=_stage(single["p"]),
        delivered=_stage(single["d"]),
        denied=_stage(single["x"]),
        joint_pledged=_stage(joint["p"]),
        joint_delivered=_stage(joint["d"]),
    )


def _unit(amount: Amount | None) -> str:
    return amount.unit if amount is not None else ""
