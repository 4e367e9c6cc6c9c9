"""Claims of one sentence that repeat each other."""

from __future__ import annotations

from pledgewatch.extract.components.objects import Draft

__all__ = ["without_amountless_twins"]


def without_amountless_twins(drafts: list[Draft]) -> list[Draft]:
    """ "pledged €90m, which a diplomat said would be paid in two instalments": a claim without an
    amount that repeats one of the sentence with its amount (same donors, stance, stage, category)."""
    counted = {(d.donors, d.stance, d.stage, d.category) for d in drafts if d.amount is not None}
    return [
        d for d in drafts if d.amount is not None or (d.donors, d.stance, d.stage, d.category) not in counted
    ]
