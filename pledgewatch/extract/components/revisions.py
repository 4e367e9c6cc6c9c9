"""Revised pledges: a pledge raised to a new figure counts once, at that figure.

"raised its pledge by $50 million to $400 million", "upped its pledge to $60 million from $40
million", "lifted its pledge to NOK 400 million, up from NOK 250 million": the ledger keeps the
latest figure of a revised pledge (DESIGN.md), so the increment and the old figure are no
amounts of the claim (``current_figures``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pledgewatch.extract.components.objects import Quantity

__all__ = ["INCREASED", "current_figures", "prior_amount"]

# a chain that raises an existing contribution: "will double its humanitarian support"
INCREASED = re.compile(
    r"\b(?:increas|rais|lift|up(?:s|ped|ping)\b|hik|bump\w*\s+up|step\w*\s+up|doubl|tripl|boost|top(?:s|ped)?\s+up)"
    r"\w*\s+(?:its|their|his|her)\b",
    re.I,
)
_PRIOR_AMOUNT = re.compile(
    r"(?:up\s+from|down\s+from|compared\s+(?:with|to)|from\s+(?:a|an|the)?\s*previous)\s*(?:the|its|their|an?)?\s*$",
    re.I,
)
_ROSE = re.compile(
    r"\s+(?:has\s+|have\s+)?(?:rose|risen|grew|grown|climbed|increased|jumped|went\s+up)\b", re.I
)
_BY = re.compile(r"\bby\s+(?:about\s+|some\s+|nearly\s+|around\s+)?$", re.I)
_FROM_FIGURE = re.compile(r"\bfrom\s+(?:about\s+|some\s+|nearly\s+|around\s+|an?\s+|the\s+|its\s+)?$", re.I)


def prior_amount(text: str, at: int) -> bool:
    """Is the amount starting at ``at`` an earlier figure ("up from $40 million")?"""
    return _PRIOR_AMOUNT.search(text[max(0, at - 25) : at]) is not None


def current_figures(cue: str, text: str, lo: int, off: int, qty: list[Quantity]) -> list[Quantity]:
    """The amounts of a raised pledge's object (from ``lo``) without the increment and the old figure."""
    raised = INCREASED.search(cue) or _ROSE.match(text, lo)  # "Japan's pledge rose to $300m from $200m"
    if not raised or sum(q.is_money for q in qty) <= 1:
        return qty
    # "raised its pledge by $50 million to $400 million": the new total, not the increment
    qty = [q for q in qty if not (q.is_money and _BY.search(text, 0, q.start - off))]
    # "upped its pledge to $60 million from $40 million": the figure it was raised from
    return [q for q in qty if not (q.is_money and _FROM_FIGURE.search(text, 0, q.start - off))] or qty
