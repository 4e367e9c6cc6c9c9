"""A question answered no: "Asked whether Madrid would send troops, the minister said: 'That is
not on the table.'" denies what the question names (spec: implicit denials)."""

from __future__ import annotations

import re

__all__ = ["refused_question"]

_ASKED = re.compile(
    r"^\W*(?:when\s+|but\s+)?asked\s+(?:whether|if|about\s+(?:reports|plans)\s+that)\b[^,;:]*", re.I
)
_NO = re.compile(
    r"\b(?:said|replied|answered|responded|told\s+\w+)\s*:?\s*[\"“']?\s*(?:"
    r"no\b|not\s+at\s+this\s+(?:time|stage)|"
    r"(?:that|it|this)\s+(?:is|was)\s+not\s+(?:on\s+the\s+table|an\s+option|(?:being\s+)?(?:considered|discussed|planned))|"
    r"(?:that|it|this)['’]s\s+not\s+(?:on\s+the\s+table|an\s+option)|"
    r"there\s+(?:are|were)\s+no\s+(?:such\s+)?plans|(?:we|it|they)\s+(?:have|has|had)\s+no\s+(?:such\s+)?plans)",
    re.I,
)


def refused_question(sentence: str) -> int | None:
    """Where the question ends when the sentence opens with one and answers it no, else None."""
    asked = _ASKED.match(sentence)
    if asked is None or _NO.search(sentence, asked.end()) is None:
        return None
    return asked.end()
