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


# "to help Moldova", "aid for Moldova", "Moldova's recovery", "Moldova energy recovery": the state
# the initiative helps
_HELPED_BEFORE = re.compile(
    r"\b(?:for|to|help|helping|helps|assist|assisting|support|supporting|rebuild|rebuilding)\s+(?:the\s+)?$",
    re.I,
)
_HELPED_AFTER = re.compile(
    r"^(?:['’]s?)?\s+(?:[a-z]+\s+){0,2}(?:recovery|reconstruction|rebuilding|relief|appeal|response|needs)\b"
)


def aid_recipients(text: str, states: list[tuple[int, int, str]]) -> frozenset[str]:
    """The states the document shows receiving aid, from their mentions ``(start, end, name)``."""
    out = set()
    for start, end, name in states:
        if _HELPED_BEFORE.search(text, max(0, start - 30), start) or _HELPED_AFTER.match(
            text[end : end + 60]
        ):
            out.add(name)
    return frozenset(out)
