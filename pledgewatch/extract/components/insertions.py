"""Parenthetical insertions between a subject and its verb.

News often puts a non-restrictive relative clause or an apposition between the subject and
its verb: "Norway, which chaired the session with the African Union, will provide $50 million",
"Qatar, a mediator between Israel and Hamas, pledged ...", "Indonesia – which has long backed
the cause – offered troops". The insertion is background: the actors it names are not the
subject of the main verb, and a cue inside it ("Chile, which says it has sent 500 tonnes of
wheat since the war began, pledged a further $20 million") is earlier aid or background that
neither cancels nor takes over the main clause.

``insertion_before`` finds, for a cue, the insertion that stands between a subject mention and
the cue: it opens right after the mention with a comma and a relative pronoun or determiner (or
with a dash or a parenthesis) and closes at the last comma (dash, parenthesis) before the cue
when only a few lowercase words ("will", "has also", "said it would") stand between the close
and the cue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pledgewatch.extract.components.actors import ActorMention
from pledgewatch.extract.components.cues import Cue
from pledgewatch.extract.components.donors import DocContext, _shift, governed, subject_donors, usable

__all__ = ["Insertion", "background", "closed", "insertion_before", "insertion_spans", "merged"]

# ", which chaired", ", a long-standing contributor", ", one of the", ", itself a donor"
# ", as chair of the G7 alongside Italy,", ", Ukraine's biggest backer after Britain,"
_COMMA_OPEN = re.compile(
    r",\s*(?:which|who|whose|whom|an?|the|one\s+of|itself|themselves|long|once|home\s+to|host\s+(?:to|of)|"
    r"currently|formerly|already|now|still|not|(?-i:[a-z]{3,}ing)|as(?!\s+well\s+as\b)|"
    r"(?-i:[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3})['’]s)\s",
    re.I,
)
# "Norway, Egyptian officials said, will provide", "Norway, said Egypt's minister, will provide"
_ATTRIBUTED = re.compile(
    r",\s*(?:(?:said|says|according\s+to)\s[^,;]{1,60}?|(?:[^,;]{1,60}?\s)?"
    r"(?:said|says|added|noted|reported|told\s+\w+)(?:\s+(?:on|in|last)\s+\w+)?)\s*,"
)
# " – which ...", " — a ...", " -- ...", " (which ...)"
_WHO = re.compile(r",\s*(?:who\s|(?P<which>which\s|whose\s))", re.I)
# "The kingdom, which hosted the summit with France, pledged": a state named before stands for the head
_STATE_WORD = re.compile(
    r"(?:^|\s)(?:the|its|their)\s+(?:country|kingdom|emirate|sultanate|republic|nation|bloc|government)\s*$",
    re.I,
)
_DASH_OPEN = re.compile(r"\s*(?P<mark>[\u2013\u2014]|--)\s*(?=\w)|\s(?P<hyphen>-)\s|\s*(?P<paren>\()")
_CLOSERS = {"\u2013": "\u2013", "\u2014": "\u2014", "--": "--", "-": " - ", "(": ")"}
# what may stand between the close and the cue: "will", "has also", "said it would", "on Friday" (not
# a new subject: "said the bank would")
_TO_CUE = re.compile(
    r"\s*(?:(?!(?:the|an?|other|several|many|some|all|donors|officials)\s)(?:[a-z][\w’'-]*|on\s+[A-Z][a-z]+day)\s+){0,4}"
)
_FUNCTION_WORDS = frozenset({"a", "an", "the", "and", "of", "or", "one", "its", "their"})
_REPORTED = re.compile(r"\b(?:reports?|claims?|suggestions?|allegations?|that)\b", re.I)
_MARKS = frozenset(",(-\u2013\u2014")
_LISTED = re.compile(r"\s*(?:,|and\b|&)")
_LOWER_WORD = re.compile(r"\b[a-z][a-z’'-]{2,}\b")


@dataclass(frozen=True, slots=True)
class Insertion:
    """An insertion ``text[open:close]`` (sentence offsets) after the subject ``head``."""

    head: ActorMention | None  # absolute offsets, like every mention (None: a subject not in the gazetteer)
    open: int  # the opening comma, dash or parenthesis
    close: int  # just after the closing comma, dash or parenthesis


def insertion_before(
    text: str, off: int, mentions: list[ActorMention], lo: int, cue_start: int, ctx: DocContext
) -> Insertion | None:
    """The insertion between a subject in ``text[lo:cue_start]`` and the cue, if any."""
    for m in mentions:
        a, b = m.start - off, m.end - off
        if a < lo or b >= cue_start or not usable(m) or text[b : b + 2].lstrip()[:1] not in _MARKS:
            continue
        found = _opened(text, b, cue_start)
        if found is None:
            continue
        opening, close_mark, body = found
        possessive = text[body - 3 : body].rstrip()[-2:] in ("'s", "’s")
        if not possessive and any(
            opening < x.start - off <= body and _LISTED.match(text, x.end - off)
            for x in mentions
            if usable(x) and x is not m
        ):
            continue  # "Egypt, the UAE and Qatar, the three mediators, pledged": a list goes on
        close = _close(text, body, cue_start, close_mark)
        if close is None:
            continue
        if close_mark == "," and not _descriptive(text, opening, close, off, mentions):
            continue  # "Norway, the United Kingdom, and ...": a list, not an apposition
        if governed(text, _shift(m, off), lo):
            return None  # "talks with Norway, which ...": the mention is no subject
        inner = [x for x in mentions if b <= x.start - off and x.end - off <= cue_start]
        if any(close <= x.start - off for x in inner if usable(x)):
            return None  # "Norway, which ..., said Sweden would": the cue has its own subject
        return Insertion(m, opening, close)
    return _after_subject(text, off, mentions, lo, cue_start, ctx)


def insertion_spans(
    text: str,
    off: int,
    mentions: list[ActorMention],
    cues: list[Cue],
    clauses: list[tuple[int, int]],
    ctx: DocContext,
) -> list[tuple[int, int]]:
    """The insertions whose cues and non-claims are background, as ``(open, close)`` spans.

    A pledge inside the insertion is kept when the main verb delivers: "Oman, which pledged $90m,
    has delivered none of it" reads both."""
    spans = []
    for cue in cues:
        j = next(i for i, (a, b) in enumerate(clauses) if a <= cue.start < b)
        found = insertion_before(text, off, mentions, clauses[j][0], cue.start, ctx)
        for k in range(j - 1, -1, -1):  # "Norway, which chaired the talks while Egypt hosted them, will"
            if found is not None:
                break
            found = insertion_before(text, off, mentions, clauses[k][0], cue.start, ctx)
            if found is not None and not found.open <= clauses[j][0] < found.close:
                found = None
        if found is None:
            continue
        held = [c for c in cues if found.open <= c.start < found.close]
        if cue.stage == "delivered" and any(c.kind == "pledge" for c in held):
            continue
        spans.append((found.open, found.close))
    return spans


def merged(clauses: list[tuple[int, int]], spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The clauses without the boundaries that stand inside an insertion."""
    out: list[tuple[int, int]] = []
    for a, b in clauses:
        if out and any(x <= a < y for x, y in spans):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def background(spans: list[tuple[int, int]], cues: list[Cue]) -> list[tuple[int, int]]:
    """The parts of the insertions that are background. "China, which rejected reports that it
    would send troops, pledged $10 million", "Kuwait, which has yet to pay its $500 million pledge,
    said": the head's own denial is a claim, read from where it begins."""
    out = []
    for a, b in spans:
        own = [c for c in cues if a <= c.start < b and c.kind == "deny" and _own_denial(c)]
        out.append((a, own[0].start) if own else (a, b))
    return out


def _own_denial(cue: Cue) -> bool:
    """A denial in the head's own name: "has yet to pay", "will not send", "rejected reports that it
    would" (but not "a charge Abu Dhabi rejects", whose subject is another)."""
    return cue.name != "deny.denied" or _REPORTED.search(cue.text) is not None


def closed(spans: list[tuple[int, int]], at: int, cue_start: int) -> bool:
    """True when an insertion holding ``at`` closes before the cue (a denial in it governs no more)."""
    return any(a <= at < b <= cue_start for a, b in spans)


def _after_subject(
    text: str, off: int, mentions: list[ActorMention], lo: int, cue_start: int, ctx: DocContext
) -> Insertion | None:
    """ "President Ruto, who visited Cairo, pledged", "Norway's government, which chaired the talks
    with Egypt, will provide", "The kingdom, which hosted the summit with France, pledged": a clause
    after a subject that is not a bare name still keeps the actors it names from being the subject
    (but "The money, which Kuwait pledged in March, has arrived" is Kuwait's)."""
    if "," not in text[lo:cue_start]:
        return None
    who = _WHO.search(text, lo, cue_start)
    if who is None or any(m.end - off == who.start() for m in mentions):
        return None
    if who.group("which") and not _STATE_WORD.search(text, lo, who.start()):
        before = [m for m in mentions if m.end - off <= who.start()]
        if subject_donors(text, off, before, lo, who.start(), ctx) is None:
            return None
    close = _close(text, who.end(), cue_start, ",")
    if close is None or any(close <= m.start - off < cue_start for m in mentions if usable(m)):
        return None
    return Insertion(None, who.start(), close)


def _opened(text: str, at: int, hi: int) -> tuple[int, str, int] | None:
    """(where the insertion opens, the mark that closes it, where its body starts) right at ``at``."""
    if _ATTRIBUTED.match(text, at, hi):
        return at, ",", at + 1
    comma = _COMMA_OPEN.match(text, at, hi)
    if comma is not None:
        return at, ",", comma.end()
    dash = _DASH_OPEN.match(text, at, hi)
    if dash is not None:
        mark = dash.group("mark") or dash.group("hyphen") or dash.group("paren")
        return at, _CLOSERS[mark], dash.end()
    return None


def _close(text: str, body: int, cue_start: int, mark: str) -> int | None:
    """Just after the last ``mark`` before the cue from which only a few lowercase words lead to it."""
    at = text.rfind(mark, body, cue_start)
    if at < 0:
        return None
    end = at + len(mark)
    gap = _TO_CUE.match(text, end, cue_start)
    if gap is None or gap.end() != cue_start:
        return None
    if mark == ")":  # "Norway (which chaired the talks), will": a comma may follow the parenthesis
        comma = re.match(r"\s*,", text[end:cue_start])
        if comma:
            end += comma.end()
    return end


def _descriptive(text: str, lo: int, hi: int, off: int, mentions: list[ActorMention]) -> bool:
    """True when the comma insertion says something about its head (a relative clause or an
    apposition with a common noun), not when it is just another name in a list."""
    body = text[lo:hi]
    if re.match(r",\s*(?:which|who|whose|whom)\b", body, re.I):
        return True
    spans = [(x.start - off, x.end - off) for x in mentions if lo <= x.start - off < hi]
    for w in _LOWER_WORD.finditer(body):
        if w.group(0) in _FUNCTION_WORDS:
            continue
        if not any(a <= lo + w.start() < b for a, b in spans):
            return True
    return False
