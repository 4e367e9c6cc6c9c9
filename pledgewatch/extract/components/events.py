"""Event memory: the date a document gives an event, lent to later claims that refer to it.

A sentence that dates a named event ("the inaugural Board of Peace meeting in
Washington on Feb. 20", "the February 19 summit", "the board met ... on February 19")
is remembered as (kind, qualifiers) -> date. A claim sentence that states no date of
its own but puts the claim at an event ("during the inaugural meeting", "at the
summit", "at the end of the session") takes the date of that event (spec: the date of
the statement or event, when the text states it):

1. the same kind of event sharing a qualifier ("inaugural"), else
2. the same kind of event, else
3. any event, when every event the document dates falls on one day.

Among several candidates the one dated last before the claim wins (else the first
after it). Event words, qualifiers, verbs and the prepositions that place a claim at
an event are data (``data/events.json``); "before", "after" and "since" never do.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from pledgewatch.errors import ExtractDataError

_NAME = r"(?:[A-Z][\w’'&.\-]*|of|for|on|the|and)"


@dataclass(frozen=True, slots=True)
class EventRules:
    kinds: dict[str, str]  # noun or verb (lower case) -> kind of event
    qualifiers: frozenset[str]
    mention: re.Pattern[str]  # an event named in a sentence (groups: pre, noun)
    reference: re.Pattern[str]  # a claim placed at an event (groups: pre, noun)
    window: int  # characters between an event and the date that follows it


@dataclass(frozen=True, slots=True)
class DatedEvent:
    index: int  # sentence index
    kind: str
    qualifiers: frozenset[str]
    date: dt.date


@dataclass(frozen=True, slots=True)
class EventRef:
    kind: str
    qualifiers: frozenset[str]


def _alternation(words: Sequence[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def load_event_rules() -> EventRules:
    path = "extract/data/events.json"
    raw = resources.files("pledgewatch.extract.data").joinpath("events.json").read_text(encoding="utf-8")
    try:
        data = json.loads(raw)
        nouns = {str(k).lower(): str(v) for k, v in data["nouns"].items()}
        verbs = {str(k).lower(): str(v) for k, v in data["verbs"].items()}
        qualifiers = [str(q).lower() for q in data["qualifiers"]]
        references = [str(r) for r in data["references"]]
        window = int(data["window"])
        if not nouns or not references or window <= 0:
            raise ValueError("nouns and references must not be empty, window must be positive")
        if not set(verbs.values()) <= set(nouns.values()):
            raise ValueError("every verb must name a kind of event that a noun names")
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise ExtractDataError(f"events.json is invalid: {error}", path=path) from error
    pre = rf"(?P<pre>(?:(?:(?i:{_alternation(qualifiers)}))[\s\-]+|{_NAME}\s+){{0,6}})"
    noun = rf"(?P<noun>(?i:{_alternation(list(nouns))}))\b"
    mention = re.compile(rf"\b(?:{pre}{noun}|(?P<verb>{_alternation(list(verbs))})\b)")
    reference = re.compile(
        rf"(?:^|\b)(?i:{_alternation(references)})\s+(?i:the|its|their|this|that|this\s+week's)\s+{pre}{noun}"
    )
    return EventRules({**nouns, **verbs}, frozenset(qualifiers), mention, reference, window)


def _qualifiers(rules: EventRules, pre: str | None) -> frozenset[str]:
    words = re.split(r"[\s\-]+", (pre or "").lower())
    return frozenset(w for w in words if w in rules.qualifiers)


def dated_events(
    rules: EventRules, index: int, text: str, dates: Sequence[tuple[int, int, dt.date]]
) -> list[DatedEvent]:
    """The events one sentence dates; ``dates`` are (start, end, date) relative to ``text``."""
    if not dates:
        return []
    mentions = list(rules.mention.finditer(text))
    out = []
    for i, m in enumerate(mentions):
        word = (m.group("noun") or m.group("verb")).lower()
        kind = rules.kinds[re.sub(r"\s+", " ", word)]
        quals = _qualifiers(rules, m.group("pre"))
        next_start = mentions[i + 1].start() if i + 1 < len(mentions) else len(text)
        before = [d for s, e, d in dates if e <= m.start() and not text[e : m.start()].strip()]
        after = [
            d
            for s, _, d in dates
            if m.end() <= s < next_start and s - m.end() <= rules.window and ";" not in text[m.end() : s]
        ]
        found = before[-1:] or after[:1]
        if found:
            out.append(DatedEvent(index, kind, quals, found[0]))
    return out


def referred_event(rules: EventRules, text: str) -> EventRef | None:
    """The event a sentence places its claim at, if any ("during the inaugural meeting")."""
    m = rules.reference.search(text)
    if m is None:
        return None
    kind = rules.kinds[re.sub(r"\s+", " ", m.group("noun").lower())]
    return EventRef(kind, _qualifiers(rules, m.group("pre")))


def event_date(memory: Sequence[DatedEvent], ref: EventRef, index: int) -> dt.date | None:
    """The date of the event ``ref`` refers to from sentence ``index`` (see module doc)."""
    same_kind = [e for e in memory if e.kind == ref.kind]
    tiers = [
        [e for e in same_kind if e.qualifiers & ref.qualifiers],
        same_kind,
        list(memory) if len({e.date for e in memory}) == 1 else [],
    ]
    for tier in tiers:
        if tier:
            earlier = [e for e in tier if e.index < index]
            return (earlier[-1] if earlier else tier[0]).date
    return None
