"""Membership records: a named state or organisation joined, signed the charter,
accepted an invitation, declined, or withdrew (spec/claims.md section 2).

Patterns are data (``data/memberships.json``). A ``subject`` pattern takes its member
from the subject of the verb, as claims do; a ``list`` pattern takes every actor
listed after it ("Countries signing the charter included A, B and C"). Unnamed groups
("18 countries") yield nothing, nor do negated or future steps ("has not joined",
"would ratify"). The date is the sentence's own date, else the date the document
gives for the same kind of event ("a signing ceremony ... on January 22").
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Protocol

from pledgewatch.errors import ExtractDataError
from pledgewatch.extract.components.actors import ActorMention
from pledgewatch.extract.components.donors import (
    DocContext,
    coordinated_right,
    resolve,
    subject_donors,
    usable,
)
from pledgewatch.extract.segment import Sentence
from pledgewatch.records import ACTIONS

_KEYWORDS = re.compile(
    r"join|sign|charter|invit|withdr|declin|reject|refus|turned\s+down|pulled\s+out|left|quit|exit|member",
    re.I,
)
_EVENT_WORDS = {
    "signed_charter": re.compile(r"\b(?:sign(?:ed|ing)?|charter)\b", re.I),
    "joined": re.compile(r"\bjoin(?:ed|s)?\b", re.I),
}


@dataclass(frozen=True, slots=True)
class MembershipRules:
    rules: tuple[tuple[str, str, re.Pattern[str]], ...]  # (action, form, pattern)
    negation: re.Pattern[str]
    trigger: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class MembershipDraft:
    member: str
    action: str
    sentence: Sentence
    rule: str
    date: dt.date | None


@lru_cache(maxsize=1)
def load_membership_rules() -> MembershipRules:
    path = "extract/data/memberships.json"
    raw = resources.files("pledgewatch.extract.data").joinpath("memberships.json").read_text(encoding="utf-8")
    try:
        data = json.loads(raw)
        rules = []
        for i, entry in enumerate(data["actions"]):
            if entry["action"] not in ACTIONS or entry["form"] not in ("subject", "list"):
                raise ExtractDataError(f"actions[{i}]: bad action or form", path=path)
            rules.append((entry["action"], entry["form"], re.compile(entry["pattern"])))
        negation = re.compile(data["negation"])
        trigger = re.compile("|".join(f"(?:{e['pattern']})" for e in data["actions"]))
    except (KeyError, TypeError, ValueError) as error:
        raise ExtractDataError(f"memberships.json is invalid: {error}", path=path) from error
    except re.error as error:
        raise ExtractDataError(f"memberships.json has a bad pattern: {error}", path=path) from error
    return MembershipRules(tuple(rules), negation, trigger)


class DateSource(Protocol):
    """Dates of the document's sentences, found when first asked for."""

    def date(self, index: int) -> dt.date | None: ...

    def event(self, action: str) -> dt.date | None: ...


def read_memberships(
    sentence: Sentence, mentions: list[ActorMention], ctx: DocContext, dates: DateSource, index: int
) -> list[MembershipDraft]:
    rules = load_membership_rules()
    text = sentence.text
    if not _KEYWORDS.search(text) or not rules.trigger.search(text):
        return []
    out: list[MembershipDraft] = []
    seen: set[tuple[str, str]] = set()
    for action, form, pattern in rules.rules:
        for m in pattern.finditer(text):
            if rules.negation.search(text[max(0, m.start() - 30) : m.start()]):
                continue
            names = _members(form, text, sentence.start, mentions, m, ctx)
            date = dates.date(index) or dates.event(action)
            for name in names:
                if (name, action) not in seen:
                    seen.add((name, action))
                    out.append(MembershipDraft(name, action, sentence, f"membership.{action}.{form}", date))
    return out


def _members(
    form: str, text: str, offset: int, mentions: list[ActorMention], m: re.Match[str], ctx: DocContext
) -> list[str]:
    if form == "list":
        local = [
            _at(x, offset)
            for x in mentions
            if x.start - offset >= m.end() and usable(x) and x.kind != "person"
        ]
        if not local or text[m.end() : local[0].start].strip(" :") not in ("", "the"):
            return []
        names: list[str] = []
        for g in coordinated_right(text, local, 0, len(text)):
            names.extend(n for n in resolve(g, ctx)[0] if n not in names)
        return names
    lo = 0
    for b in re.finditer(r";|,\s*(?:while|but|and)\b|\b(?:that|when|after|as)\b", text[: m.start()]):
        lo = b.end()
    donors = subject_donors(text, offset, mentions, lo, m.start(), ctx)
    return list(donors.names) if donors else []


def _at(x: ActorMention, offset: int) -> ActorMention:
    from dataclasses import replace

    return replace(x, start=x.start - offset, end=x.end - offset)


def event_dates(sentences: list[tuple[Sentence, list[tuple[int, dt.date]]]]) -> dict[str, dt.date]:
    """The first day-precise date the document gives next to each kind of membership event."""
    out: dict[str, dt.date] = {}
    for sentence, dates in sentences:
        if not dates:
            continue
        for action, words in _EVENT_WORDS.items():
            if action not in out and words.search(sentence.text):
                out[action] = dates[0][1]
    return out
