"""The recipient of a claim as the text names it: the channel or beneficiary after "to",
"through", "for", "via" or "into" ("the World Bank Gaza Reconstruction and Development
Fund", "Palestinian students"), capitalised names only, function words trimmed."""

from __future__ import annotations

import re

_RECIPIENT = re.compile(
    r"\b(?:to|through|for|via|into)\s+(?:the\s+)?(?P<np>(?:[A-Z][\w’'().-]*|of|the|and|for|[a-z]+’s|[a-z]+'s)"
    r"(?:\s+(?:[A-Z][\w’'().-]*|of|the|and|for|Development|Fund))*)"
)
_STUDENTS = re.compile(
    r"\bfor\s+(?P<np>(?:[A-Z]\w+\s+)?(?:students|refugees|children|families|civilians|youth))\b"
)


def recipient(text: str, lo: int, hi: int) -> str | None:
    m = _STUDENTS.search(text, lo, hi)
    if m:
        return m.group("np")
    for m in _RECIPIENT.finditer(text, lo, hi):
        words = m.group("np").strip().rstrip(",. ").split()
        while words and words[-1].lower() in ("of", "the", "and", "for", "to", "in"):
            words.pop()
        np = " ".join(words)
        if np and np[0].isupper() and len(np) > 3:
            return np
    return None
