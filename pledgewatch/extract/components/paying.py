"""What money pays for, and verbs of paying.

"1.2 billion euros for energy repairs": a contribution stated as money is funding
(spec/claims.md), so the categories of what it pays for are not claims of their own
(``paid_for_spans``). "has not paid its dues", "would not contribute to the fund": a verb of
paying makes a contribution with no other category money (``money_verb``).
"""

from __future__ import annotations

import re

__all__ = ["money_verb", "paid_for_spans", "pays_for", "valued"]

_PAID_FOR = re.compile(
    r"(?:,\s*(?=(?:to\s+(?:pay|fund|finance|cover)|for)\b))?"  # "$90m, up from $60m, to pay for vehicles"
    r"[^,;]{0,30}?\b(?:in|for|to|towards?|on)\s+(.*?)"
    r"(?=;|,\s*while\b|\s+while\s|(?:,\s*|\s+)and\s+(?:\w+\s+)?(?:will|would|has|have|is|are|was|were|also|to)\b"
    r"|(?:,\s*|\s+)and\s+(?:send|provide|deliver|deploy|dispatch|supply|donate|train|build|offer)s?\b|$)",
    re.I,
)
_MONEY_VERB = re.compile(
    r"^(?:\S+\s+){0,3}?(?:pa(?:y|id|ying)(?!\s+(?:a\s+)?(?:visit|tribute|attention|respects|homage|heed))"
    r"|fund(?:ed|ing)?|financ\w*|donat\w*)\b|"
    # "will not contribute (this year), the minister said"
    r"\bcontribut(?:e|es|ed|ing)(?:\s+(?:this|next)\s+(?:year|month|week|time)|\s+(?:now|again|yet|either))?"
    r"\s*(?:[,.;]|$)|"
    # "would not make a new contribution"
    r"^(?:\S+\s+){0,2}?mak(?:e|es|ing)\s+(?:a|an|any|its|their)\s+(?:\w+\s+){0,2}?"
    r"(?:contribution|donation|payment)s?\b|"
    r"\bcontribut\w*\s+(?:financially|money|to\s+(?:the\s+|its\s+)?(?:[\w'’-]+\s+){0,4}?(?:fund|budget|appeal|replenishment|facility|pool|coffers|kitty|response\s+plan|campaign|drive))\b",
    re.I,
)


def paid_for_spans(text: str, hi: int, ends: list[int]) -> list[tuple[int, int]]:
    """Spans (sentence offsets) that say what the money amounts ending at ``ends`` pay for."""
    out = []
    for end in ends:
        m = _PAID_FOR.match(text, end, hi)
        out.append((m.start(1), m.end()) if m else (end, end))
    return out


# "Contributions from X have not arrived": what did not arrive (or arrived) was money
_GIVEN_MONEY = re.compile(r"\b(?:contributions?|pledges?|donations?)\s+(?:from|by)\b", re.I)


def money_verb(cue: str, text: str, lo: int, hi: int, delivery: bool = False) -> bool:
    """Does the cue, or the start of its object, speak of money ("has not paid", "will fund")? For a
    delivery, also a subject that was pledged money ("Contributions from X have not arrived")."""
    head = text[lo : min(hi, lo + 60)]
    return _MONEY_VERB.search(cue + " " + head) is not None or (
        delivery and _GIVEN_MONEY.search(head) is not None
    )


# "pledged to fund a field hospital", "would keep paying for the army's fuel": money is given
_PAYS_FOR = re.compile(
    r"\s*(?:to\s+)?(?:(?:keep|continue|help)\s+(?:to\s+)?)?"
    r"(?:pay(?:ing)?\s+for|fund(?:ing)?|financ(?:e|ing)|cover(?:ing)?\s+the\s+costs?\s+of)\s",
    re.I,
)
_FUND_CUE = re.compile(r"\b(?:fund|funding|finance|financing|pay|paying)\s+(?:for\s+)?$", re.I)


def pays_for(cue: str, text: str, lo: int) -> bool:
    """Does the cue or the start of its object say the donor pays for what follows?"""
    return _FUND_CUE.search(cue) is not None or _PAYS_FOR.match(text, lo) is not None


# "equipment worth $15 million": the value of a gift in kind, not money given
_WORTH = re.compile(
    r"\b(?:worth|valued\s+at|with\s+a\s+(?:total\s+)?value\s+of)\s+"
    r"(?:(?:about|some|around|nearly|almost|roughly|more\s+than|over|up\s+to|at\s+least)\s+)?$",
    re.I,
)
_GOODS = re.compile(
    r"\b(?:equipment|vehicles|goods|supplies|materials|items|machinery|hardware|kits|generators|tents|trucks|boats)"
    r"\s+(?:[\w-]+\s+){0,3}?$",
    re.I,
)


def valued(text: str, lo: int, at: int) -> str | None:
    """For money at ``at``: "goods" after "vehicles worth", "worth" after another "X worth", else None."""
    worth = _WORTH.search(text, max(lo, at - 30), at)
    if worth is None:
        return None
    return "goods" if _GOODS.search(text, max(lo, worth.start() - 40), worth.start()) else "worth"
