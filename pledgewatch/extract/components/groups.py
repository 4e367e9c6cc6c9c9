"""Unnamed subjects and the groups a following sentence names.

"with governments and companies announcing new commitments" has a subject of its own
that names no donor: the cue must not reach back past it to an earlier actor
(``unnamed_subject``). A counted group ("Nine countries pledged $7 billion") yields its
members when the next sentence lists exactly that many states or organisations ("The
group is made up of A, B, ... and I.": ``named_next``); spec/claims.md mandates the
same for groups the preceding sentence names ("The two countries": ``named_before``; listed
groups such as "the Gulf states" are resolved by ``donors.resolve``).
The group nouns are data (``data/grammar.json``: ``unnamed_subjects``).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from pledgewatch.extract.components.actors import ActorMention
from pledgewatch.extract.components.donors import (
    DocContext,
    Donors,
    coordinated_right,
    number,
    resolve,
    usable,
)

_INTRO = re.compile(
    r"^\W*(?:The|These|Those|They|Its\s+members|The\s+\w+)\s+(?:\w+\s+){0,2}?"
    r"(?:are|were|is\s+made\s+up\s+of|are\s+made\s+up\s+of|include[sd]?|includes|comprised?|comprises|"
    r"consist(?:s|ed)?\s+of|(?:are|were)\s+named\s+as)\s*:?\s*(?:the\s+)?$",
    re.I,
)
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")


@lru_cache(maxsize=1)
def _unnamed() -> re.Pattern[str]:
    raw = resources.files("pledgewatch.extract.data").joinpath("grammar.json").read_text(encoding="utf-8")
    nouns = "|".join(sorted(json.loads(raw)["unnamed_subjects"], key=len, reverse=True))
    return re.compile(
        rf"\b(?:(?P<count>\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+)?(?:other\s+|donor\s+|western\s+|arab\s+|\w+\s+)?(?:{nouns})\s+"
        r"(?:(?:\w+ly|also|have|has|had|will|would|are|were|all|together|jointly|too|each)\s+){0,3}$",
        re.I,
    )


def unnamed_subject(
    text: str, lo: int, hi: int, offset: int, mentions: list[ActorMention]
) -> re.Match[str] | None:
    """The unnamed group noun standing as the subject right before a cue at ``hi``, if any."""
    floor = lo
    for m in mentions:
        if usable(m) and lo <= m.end - offset <= hi:
            floor = max(floor, m.end - offset)
    return _unnamed().search(text, floor, hi)


def named_before(ctx: DocContext, sentence_start: int, subject: re.Match[str]) -> Donors | None:
    """ "Qatar and Egypt brokered the truce. The two countries pledged ...": a definite counted
    group takes the states the previous sentence names, when exactly that many."""
    count = number(subject.group("count") or "")
    if count is None or count < 2 or not re.search(r"\bthe\s*$", subject.string[: subject.start()], re.I):
        return None
    text = ctx.actors.text
    lo = max(0, sentence_start - 600)
    last = len(text[:sentence_start].rstrip()) - 1  # the previous sentence's own full stop
    ends = [m.end() for m in _SENTENCE_END.finditer(text, lo, max(lo, last))]
    start = ends[-1] if ends else lo
    names: list[str] = []
    for m in ctx.actors.in_span(start, sentence_start):
        if usable(m) and m.kind == "state" and m.name not in names:
            names.append(m.name)
    if len(names) != count:
        return None
    return Donors(tuple(names), (subject.group(0).strip(), *names), None, 0, count)


_LIST_AFTER = re.compile(r"(?::|\s[-–—]|—|–)\s*(?:namely\s+)?(?:the\s+)?")


def named_after(
    ctx: DocContext, text: str, offset: int, mentions: list[ActorMention], lo: int, subject: re.Match[str]
) -> Donors | None:
    """ "Three Gulf states pledged $1 billion: Saudi Arabia, Qatar and the UAE": the list after a
    colon or dash later in the same sentence names the counted group, when exactly that many."""
    count = number(subject.group("count") or "")
    lead = _LIST_AFTER.search(text, lo)
    if count is None or count < 2 or lead is None:
        return None
    after = [m.shifted(offset) for m in mentions if m.start - offset >= lead.end() and usable(m)]
    if not after or after[0].start != lead.end() or after[0].kind == "person":
        return None
    group = coordinated_right(text, after, 0, len(text))
    names: list[str] = []
    for g in group:
        names.extend(n for n in resolve(g, ctx)[0] if n not in names)
    if len(names) != count:
        return None
    return Donors(tuple(names), (subject.group(0).strip(), *(g.surface for g in group)), None, 0, count)


def named_next(ctx: DocContext, sentence_end: int, subject: re.Match[str]) -> Donors | None:
    """ "Nine countries pledged ...": the states the next sentence lists, when exactly nine."""
    count = number(subject.group("count") or "")
    if count is None or count < 2:
        return None
    text = ctx.actors.text
    end = _SENTENCE_END.search(text, sentence_end)
    stop = end.end() if end else len(text)
    nxt = [m for m in ctx.actors.in_span(sentence_end, stop) if usable(m) and m.kind != "person"]
    if not nxt or not _INTRO.match(text[sentence_end : nxt[0].start]):
        return None
    group = coordinated_right(text, nxt, 0, stop)
    names: list[str] = []
    for g in group:
        names.extend(n for n in resolve(g, ctx)[0] if n not in names)
    if len(names) != count:
        return None
    chain = (subject.group(0).strip(), *(g.surface for g in group))
    return Donors(tuple(names), chain, None, 0, count)
