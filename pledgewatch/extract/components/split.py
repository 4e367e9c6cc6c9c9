"""Amounts and subjects split across clauses.

- "Of the $500m Kuwait pledged, only $100m has arrived": the pledge's amount stands before its
  subject (``lead_amount``) and the delivery's subject is an amount (``amount_subject``), given
  by the donor of the verb before it.
- "Washington committed $100 million, of which only $45 million has been disbursed": the
  delivered part ends the pledge's object where its phrase begins.
- "Germany pledged €300m last year, but has disbursed only €100m": a clause that opens with a
  conjunction and no subject shares the previous verb's subject (``IMPLICIT_SUBJECT``).
- "pledged $3 million and has disbursed a third of it": a share of what was just pledged is
  delivered in the pledge's category, without an amount (``share_of_it``).
"""

from __future__ import annotations

import re
from dataclasses import replace

from pledgewatch.extract.components.amounts import AmountMention
from pledgewatch.extract.components.objects import Quantity

__all__ = [
    "IMPLICIT_SUBJECT",
    "amount_subject",
    "borrow_units",
    "lead_amount",
    "relative_count",
    "share_of_it",
]

# "40 million of the 100 million kronor": the first amount is in the second one's currency
_PART_OF_WHOLE = re.compile(r"\s+(?:of|out\s+of)\s+(?:the|its|their|an?)?\s*(?:[\w'’]+\s+){0,2}?$", re.I)

_ADVERBS = r"(?:so\s+far|now|already|actually|yet|only|just|since|reportedly|fully|still|then)"
# between the amount and a delivery cue: "$100m [of it] has [so far] [been] disbursed"
_SUBJECT_TAIL = re.compile(
    r"\s*(?:of\s+(?:it|that|this|them|the\s+(?:money|sum|amount|total|pledge|funds))\s+)?"
    rf"(?:(?:has|have|had|was|were|is|are)\s+)?(?:{_ADVERBS}\s+){{0,2}}(?:been\s+)?",
    re.I,
)
# where the delivered part's phrase begins: ", of which only", ", only", " but only"
_PART_LEAD = re.compile(
    r"(?:[,;]\s*|\s)(?:(?:of\s+which|of\s+that|but|and|while|yet)\s+)?(?:(?:only|just|so\s+far|some|about)\s+)*$",
    re.I,
)
# "Of the €30 million Germany pledged": the amount before the subject is the pledge's
_LEAD = re.compile(r"\W*(?:of|from|out\s+of)\s+(?:the|its|their|an?)\s+(?:(?!\d)\w+\s+)?", re.I)
IMPLICIT_SUBJECT = re.compile(
    r"^\s*[,;]?\s*(?:and|but|yet|while|whereas)\s+(?:(?:also|then|later|so\s+far|since|still|\w+ly)\s+)*$",
    re.I,
)
_BARE = re.compile(
    r"(?<![\w.,$€£¥])(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?=\s+(?:million|billion)\b)|\d+)"
    r"(?:\s+(million|billion))?(?![\w.,])",
    re.I,
)
_SCALE = {"million": 1e6, "billion": 1e9}
_PLEDGED = re.compile(r"\b(?:pledged?|promised?|committed|commitment|promise)\b", re.I)
_PRONOUN_OBJECT = re.compile(
    r"\b(?:has|have|had)\s+(?:not\s+|yet\s+to\s+|never\s+)\w+\s+(?:any(?:thing)?|it|them)(?:\s+(?:so\s+far|yet))?\W*$",
    re.I,
)
_SHARE = re.compile(
    r"\b(?:half|part|most|some|all|much|none|nothing|any|a\s+(?:third|quarter|fifth|fraction|portion|share)|"
    r"\d+(?:\.\d+)?\s*(?:percent|per\s+cent|%))\s+of\s+(?:it|that|this|them|which|the\s+(?:money|sum|amount|pledge|funds))\b",
    re.I,
)


def amount_subject(
    text: str, off: int, quantities: list[Quantity], lo: int, hi: int
) -> tuple[Quantity, int] | None:
    """The amount that is the subject of a cue starting at ``hi`` ("only $100m has arrived"), and
    where its phrase begins (sentence offsets; quantities absolute). A bare number takes the unit
    of the count before it ("Of the 400 police officers Benin promised, only 150 have arrived")."""
    q = _subject_quantity(text, off, quantities, lo, hi)
    if q is None:
        return None
    lead = _PART_LEAD.search(text, lo, q.start - off)
    return q, (lead.start() if lead else q.start - off)


def _subject_quantity(text: str, off: int, quantities: list[Quantity], lo: int, hi: int) -> Quantity | None:
    before = [q for q in quantities if lo <= q.start - off and q.end - off <= hi and not q.conversion]
    if before and _SUBJECT_TAIL.fullmatch(text, before[-1].end - off, hi):
        return before[-1]
    # "pledged 1,000 troops in January, while only 400 have been deployed": the count may stand
    # in the clause before
    counts = [q for q in quantities if q.end - off <= hi and not q.is_money and not q.conversion]
    if not counts:
        return None
    bare = [
        m
        for m in _BARE.finditer(text, counts[-1].end - off, hi)
        if _SUBJECT_TAIL.fullmatch(text, m.end(), hi)
    ]
    if not bare:
        return None
    m = bare[-1]
    number = m.group(0).split()[0]
    value = float(number.replace(",", "")) * _SCALE.get((m.group(1) or "").lower(), 1)
    return Quantity(off + m.start(), off + m.end(), value, counts[-1].unit, None, False, m.group(0))


def lead_amount(
    text: str, off: int, quantities: list[Quantity], lo: int, hi: int, pledged: bool
) -> Quantity | None:
    """ "Of the €30 million Germany pledged": the amount that opens the clause ``text[lo:hi]``; for a
    cue that is no pledge, only when the lead says it was pledged ("Of its $80m pledge, X has paid")."""
    lead = _LEAD.match(text, lo, hi)
    if lead is None:
        return None
    q = next((q for q in quantities if q.start - off == lead.end() and q.end - off < hi), None)
    if q is None or pledged or _PLEDGED.search(text, lo, min(hi, q.end - off + 30)):
        return q
    return None


# "among the 250 police officers Chad will send", "for the 600 soldiers that Senegal will deploy": a
# count whose relative clause has the donor as its subject
_RELATIVE_HEAD = re.compile(r"\bthe\s+(?:(?:about|some|nearly|around|first|last|remaining)\s+)?$", re.I)
_THAT = re.compile(r"\s+(?:that|which)\s", re.I)
_RELATIVE_TAIL = re.compile(
    r"\s+(?:that\s+|which\s+|whom\s+)?(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){1,4}(?:(?:has|have|had|is|are)\s+)?"
)


def relative_count(text: str, off: int, quantities: list[Quantity], lo: int, hi: int) -> Quantity | None:
    """The count a relative clause's subject gives, standing before it ("the 300 police officers
    Morocco will deploy"), when the subject ends right before the cue at ``hi``."""
    for q in quantities:
        start, end = q.start - off, q.end - off
        if (
            lo <= start
            and end < hi
            and not q.is_money
            and not q.conversion
            and _RELATIVE_TAIL.fullmatch(text, end, hi)
            and (_RELATIVE_HEAD.search(text, max(lo, start - 20), start) or _THAT.match(text, end))
        ):
            return q
    return None


# "$30 million, which its secretary general said would cover fuel": a relative clause on a money amount
_MONEY_WHICH = re.compile(r"\s*,\s*which\b[^,;]*$", re.I)


def money_relative(text: str, off: int, quantities: list[Quantity], hi: int) -> bool:
    """Does the cue at ``hi`` stand in a relative clause on a money amount? It says what the money
    pays for or how it is paid: no claim of its own (spec: money is funding, whatever it pays for)."""
    return any(
        q.is_money and q.end - off < hi and _MONEY_WHICH.match(text, q.end - off, hi) for q in quantities
    )


def borrow_units(text: str, amounts: list[AmountMention]) -> list[AmountMention]:
    """Money amounts without a currency that are a part of the money amount right after them."""
    out = list(amounts)
    for i, (a, b) in enumerate(zip(amounts, amounts[1:], strict=False)):
        money = a.kind == b.kind == "money" and a.unit is None and b.unit is not None
        if money and b.start - a.end <= 40 and _PART_OF_WHOLE.fullmatch(text, a.end, b.start):
            out[i] = replace(a, unit=b.unit)
    return out


def share_of_it(text: str, lo: int, hi: int) -> bool:
    """ "has transferred half of it", "has not deployed any": a share of what the clause before named."""
    return _SHARE.search(text, lo, hi) is not None or _PRONOUN_OBJECT.search(text, lo, hi) is not None


# "..., six months after Doha announced them": the pronoun stands for what the clause before named
_PROMISED_IT = re.compile(
    r"\s+(?:it|them)(?=\s*(?:[,.;:)]|$)|\s+(?:at|in|on|with|during|last|this|earlier|publicly)\b)", re.I
)


# "The money, which Doha announced in March, has not arrived": the antecedent was pledged
_WHICH_NAME = re.compile(r",\s*(?:which|that)\s+(?:[A-Z][\w’'-]*\s+){1,3}(?:first\s+|had\s+|has\s+)?$")


def promised_it(text: str, at: int, lo: int = 0, cue: int = 0) -> bool:
    """Is the object of the cue ending at ``at`` only "it" or "them" ("after Riyadh promised it"),
    or the antecedent of ", which Doha announced" (the cue from ``cue``, its clause from ``lo``)?"""
    return _PROMISED_IT.match(text, at) is not None or _WHICH_NAME.search(text, lo, cue) is not None


# "pledged 200,000 doses; not one has arrived", "none of the money has been disbursed"
_NONE_SUBJECT = re.compile(
    r"\b(?:not\s+(?:a\s+single\s+)?one|none)(?:\s+of\s+(?:them|it|these|those|the\s+\w+))?"
    r"(?:\s+(?:has|have|had)(?:\s+(?:yet|so\s+far|still))?(?:\s+been)?)?\s+$",
    re.I,
)


NONE_CHAIN = "none of it (the previous verb's object)"


def none_subject(text: str, lo: int, hi: int) -> int | None:
    """Where "none (of it)" or "not one" begins when it is the subject of a cue at ``hi``."""
    m = _NONE_SUBJECT.search(text, lo, hi)
    return m.start() if m else None


_MORE_OBJECT = re.compile(r"\s+(?:[a-z]+\s+)?more\s*(?:[,.;]|$|(?:later|soon|next|in|by|this)\b)", re.I)
_ANOTHER = re.compile(r"\s+(?:[a-z]+\s+)?(?:another|a\s+further|an\s+additional)\s+(?=\d)", re.I)
_FOLLOW = re.compile(r"\s+(?:soon\s+|shortly\s+|later\s+)?follow\b", re.I)
_MORE = re.compile(
    r"\b(?:more|another|further|rest|remainder|balance|second|third|next|additional)\b(?:\s+[\w,.-]+){0,3}\s+$",
    re.I,
)


def follows(text: str, lo: int, cue: int, at: int) -> bool:
    """ "another 200,000 will follow", "will send more": more of what the subject gave, for a cue
    from ``cue`` to ``at`` in a clause from ``lo``."""
    if _MORE_OBJECT.match(text, at) or _ANOTHER.match(text, at):
        return True  # "will send more", "plans to train another 5,000"
    return _FOLLOW.match(text, at) is not None and _MORE.search(text, max(lo, cue - 60), cue) is not None


def another_count(text: str, off: int, quantities: list[Quantity], at: int) -> Quantity | None:
    """ "has trained 5,000 police and plans to train another 5,000": the bare number after the cue
    ending at ``at`` counts in the unit of the count before it."""
    m = _ANOTHER.match(text, at)
    bare = _BARE.match(text, m.end()) if m else None
    counts = [q for q in quantities if q.end - off <= at and not q.is_money and not q.conversion]
    if bare is None or not counts:
        return None
    value = float(bare.group(0).split()[0].replace(",", "")) * _SCALE.get((bare.group(1) or "").lower(), 1)
    return Quantity(off + bare.start(), off + bare.end(), value, counts[-1].unit, None, False, bare.group(0))
