"""The agent of a passive: "the 1,000 troops pledged by Indonesia", "Of the $500 million promised by
Saudi Arabia, ...", "Aid pledged by Kuwait has not arrived". The donors follow "by" and what is given
is the noun phrase right before the participle (``passive_agent``)."""

from __future__ import annotations

import re

from pledgewatch.extract.components.actors import ActorMention
from pledgewatch.extract.components.donors import DocContext, Donors, list_after

__all__ = ["passive_agent"]

_BY = re.compile(r"\s+by\s+")
# where the noun phrase before the participle begins: a comma, "of", a relative or a speech verb
_NP_START = re.compile(r"(?:,(?!\d)|[;:(\u2014])|\b(?:that|which|said|says|for|to|from)\b", re.I)
_NOUN_BEFORE = re.compile(r"[\w$€£%)]\s+$")


def passive_agent(
    text: str, off: int, mentions: list[ActorMention], lo: int, at: int, end: int, hi: int, ctx: DocContext
) -> tuple[Donors, int] | None:
    """Donors after "by" following the participle ``text[at:end]``, and where the noun phrase before
    it begins (sentence offsets; ``lo``/``hi`` bound the clause)."""
    by = _BY.match(text, end, hi)
    if by is None or not _NOUN_BEFORE.search(text, lo, at):
        return None
    agent = list_after(text, off, mentions, by.end(), hi, ctx)
    if agent is None:
        return None
    starts = [m.end() for m in _NP_START.finditer(text, max(lo, at - 80), at)]
    return agent, (starts[-1] if starts else max(lo, at - 80))
