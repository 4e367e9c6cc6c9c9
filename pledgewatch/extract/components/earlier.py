"""Earlier aid by date: a year before the publication year dates aid given before the
initiative ("sent $385 million in 2023", "sent 300 tonnes last year" in a 2024 article), which
is no claim (spec: "Earlier or other aid"). A promise dated earlier is still a promise: a
follow-up article's "pledged €300 million at the conference last year" is the pledge the
ledger tracks, so only deliveries are dropped by ``earlier_year``."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pledgewatch.extract.components.objects import SentenceInput

# "in 2023", "during 2022": one year, not a span running on ("in 2023-2025", "in 2023 and 2024")
_IN_YEAR = re.compile(r"\b(?:in|during|throughout)\s+((?:19|20)\d\d)\b(?!\s*(?:[-–/]|and\b|to\b|through\b))")
# "last year", not "last year's drought" (an event, not the date of the aid)
_LAST_YEAR = re.compile(r"\blast\s+year\b(?!['’]s)")
_DIGIT = re.compile(r"\d")
_ADDED_TO = re.compile(r"\b(?:on\s+top\s+of|in\s+addition\s+to)\b", re.I)


def dated_earlier(text: str, year: int | None) -> list[tuple[int, int]]:
    """Spans of the phrases (after a comma) dated before ``year``: ", having given $15 million in 2024"."""
    out = []
    for m in _IN_YEAR.finditer(text):
        comma = text.rfind(",", 0, m.start())
        if year is not None and int(m.group(1)) < year and comma >= 0:
            # ", while France will give €5m in addition to the €10m it gave in 2025": only the earlier aid
            added = [a.start() for a in _ADDED_TO.finditer(text, comma, m.start())]
            out.append((added[-1] if added else comma, m.end()))
    return out


def earlier_year(text: str, lo: int, hi: int, year: int | None) -> bool:
    """Does a year before ``year`` date the object ``text[lo:hi]`` ("gave $50 million in 2022")?"""
    if year is None:
        return False
    starts = [m.start() for m in _IN_YEAR.finditer(text, lo, hi) if int(m.group(1)) < year]
    starts += [m.start() for m in _LAST_YEAR.finditer(text, lo, hi)]
    for start in starts:
        before = text[lo:start]
        comma = before.rfind(",")
        # "$50 million in 2022", or "the largest donor, providing $340 million in 2025" when
        # the dated phrase holds the only amount
        if comma < 0 or (_DIGIT.search(before, comma) and not _DIGIT.search(before, 0, comma)):
            return True
    return False


def new_before_earlier(text: str, at: int, lo: int, inp: SentenceInput) -> bool:
    """ "a further $30 million on top of the $45 million it gave last year": does an additive marker at
    ``at`` follow an amount of the object starting at ``lo``? The amount before it is new aid."""
    off = inp.sentence.start
    return _ADDED_TO.match(text, at) is not None and any(
        lo <= q.start - off and q.end - off <= at and not q.conversion for q in inp.quantities
    )
