"""Clauses of a sentence: where a clause breaks (a semicolon, ", while", ", saying" ...), where a phrase
ends, and where an attribution ("..., the minister said") cuts an object short."""

from __future__ import annotations

import re

__all__ = ["clause_spans", "cut_attribution", "phrase_end"]

# "..., saying Tokyo would instead send a medical team": a denial does not govern what the sayer adds
_CLAUSE_BREAK = re.compile(
    r";|,\s*(?:while|whereas|but|saying|adding|insisting|stressing)\b|\s(?:while|whereas)\s|\s--\s", re.I
)
_PHRASE_END = re.compile(r"[,;:()\u2014\u2013]|\s--|\.\s*$")
_ATTRIBUTION = re.compile(
    r"(?:,(?!\d{3})|[\u201d\"])\s*(?:(?:[\w.’'-]+\s+){0,8}?(?:said|says|added|noted|told|according\s+to)\b|said\b)",
    re.I,
)


def clause_spans(text: str) -> list[tuple[int, int]]:
    bounds = [0]
    for m in _CLAUSE_BREAK.finditer(text):
        bounds.append(m.start())
    bounds.append(len(text) + 1)
    return [(bounds[i], bounds[i + 1]) for i in range(len(bounds) - 1)]


def phrase_end(text: str, start: int) -> int:
    m = _PHRASE_END.search(text, start)
    return m.start() if m else len(text)


def cut_attribution(text: str, lo: int, hi: int) -> int:
    m = _ATTRIBUTION.search(text, lo, hi)
    return m.start() if m else hi
