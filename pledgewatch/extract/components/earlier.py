"""Earlier aid by date: a year before the publication year dates aid given before the
initiative ("sent $385 million in 2023" in a 2024 article), which is no claim (spec:
"Earlier or other aid")."""

from __future__ import annotations

import re

# "in 2023", "during 2022": one year, not a span running on ("in 2023-2025", "in 2023 and 2024")
_IN_YEAR = re.compile(r"\b(?:in|during|throughout)\s+((?:19|20)\d\d)\b(?!\s*(?:[-–/]|and\b|to\b|through\b))")
_DIGIT = re.compile(r"\d")


def dated_earlier(text: str, year: int | None) -> list[tuple[int, int]]:
    """Spans of the phrases (after a comma) dated before ``year``: ", having given $15 million in 2024"."""
    out = []
    for m in _IN_YEAR.finditer(text):
        comma = text.rfind(",", 0, m.start())
        if year is not None and int(m.group(1)) < year and comma >= 0:
            out.append((comma, m.end()))
    return out


def earlier_year(text: str, lo: int, hi: int, year: int | None) -> bool:
    """Does a year before ``year`` date the object ``text[lo:hi]`` ("gave $50 million in 2022")?"""
    if year is None:
        return False
    for m in _IN_YEAR.finditer(text, lo, hi):
        if int(m.group(1)) >= year:
            continue
        before = text[lo : m.start()]
        comma = before.rfind(",")
        # "$50 million in 2022", or "the largest donor, providing $340 million in 2025" when
        # the dated phrase holds the only amount
        if comma < 0 or (_DIGIT.search(before, comma) and not _DIGIT.search(before, 0, comma)):
            return True
    return False
