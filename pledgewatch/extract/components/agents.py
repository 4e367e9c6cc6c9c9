"""The agent of a passive: "the 1,000 troops pledged by Indonesia", "Of the $500 million promised by
Saudi Arabia, ...", "Aid pledged by Kuwait has not arrived". The donors follow "by" and what is given
is the noun phrase right before the participle (``passive_agent``)."""

from __future__ import annotations

import re
from dataclasses import replace

from pledgewatch.extract.components.cues import Cue
from pledgewatch.extract.components.donors import DocContext, Donors, list_after
from pledgewatch.extract.components.earlier import earlier_year
from pledgewatch.extract.components.objects import SentenceInput

__all__ = ["passive_agent"]

_BY = re.compile(r"\s+by\s+")
# where the noun phrase before the participle begins: a comma, "of", a relative or a speech verb
_NP_START = re.compile(r"(?:,(?!\d)|[;:(\u2014])|\b(?:that|which|said|says|for|to|from)\b", re.I)
_TO_BE = re.compile(r"\b(?:to|will|would|are\s+to|is\s+to)\s+be\s+$", re.I)
_SUBJECT_GAP = re.compile(r"[^,;:()\u2014]{0,25}")
_NOUN_BEFORE = re.compile(r"[\w$€£%)]\s+$")


def passive_agent(
    text: str, inp: SentenceInput, cue: Cue, clause: tuple[int, int, int], ctx: DocContext
) -> tuple[Donors, int, Cue] | None:
    """Donors after "by" following the participle of ``cue``, where the noun phrase before it begins,
    and the cue as read ("to be sent by" is a promise); ``clause`` is its start, end and next cue
    (sentence offsets). Earlier aid ("delivered by Turkey in 2023", "since 2014") gives none, nor a
    phrase that is the subject of the next cue ("supplies donated by Kuwait are due": the main verb
    says what happened to them)."""
    lo, hi, nxt = clause
    by = _BY.match(text, cue.end, hi)
    if by is None or not _NOUN_BEFORE.search(text, lo, cue.start):
        return None
    if cue.stage == "delivered" and (
        earlier_year(text, cue.end, hi, ctx.year) or any(cue.end <= a < hi for a, _ in inp.blocked)
    ):
        return None
    agent = list_after(text, inp.sentence.start, inp.mentions, by.end(), hi, ctx)
    if agent is None or (nxt < hi and _SUBJECT_GAP.fullmatch(text, agent.end, nxt)):
        return None
    at = cue.start
    future = _TO_BE.search(text, lo, at)  # "the 250 police officers to be sent by Jamaica": a promise
    if future is not None:
        at, cue = future.start(), replace(cue, kind="pledge", stage="pledge") if cue.kind != "deny" else cue
    starts = [m.end() for m in _NP_START.finditer(text, max(lo, at - 80), at)]
    return agent, (starts[-1] if starts else max(lo, at - 80)), cue
