"""The extraction pipeline: sentences -> entities -> cues -> claims and memberships.

``build_nlp()`` returns the cached ``Pipeline`` (lexicons compiled and validated once
per process; nothing is built at import). ``Pipeline.extract(text, published)`` is
pure. A cheap prefilter lets texts with no contribution or membership cue leave
before any entity is looked for.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import cast

from pledgewatch.extract.components.actors import ActorMention, DocumentActors, find_actors
from pledgewatch.extract.components.amounts import AmountMention, find_amounts
from pledgewatch.extract.components.categories import CategoryLexicon, load_categories
from pledgewatch.extract.components.claims import Draft, Quantity, SentenceInput, SentenceReader
from pledgewatch.extract.components.cues import CueLexicon, load_cues
from pledgewatch.extract.components.dates import DateMention, find_dates
from pledgewatch.extract.components.donors import DocContext
from pledgewatch.extract.components.events import (
    DatedEvent,
    dated_events,
    event_date,
    load_event_rules,
    referred_event,
)
from pledgewatch.extract.components.memberships import (
    MembershipDraft,
    MembershipRules,
    event_dates,
    load_membership_rules,
    read_memberships,
)
from pledgewatch.extract.components.split import borrow_units
from pledgewatch.extract.segment import Sentence, split_sentences
from pledgewatch.records import Action, Amount, Claim, Evidence, Extraction, Membership

EXTRACTOR_VERSION = "1.2.0"
MAX_SENTENCE = 1500  # longer "sentences" are tables or run-together pages: no evidence a reader can check

_NOT_EVENT_DATE = re.compile(r"(?:since|from|until|in|by|through|before|after)\s*$", re.I)
# "DUBAI, Feb 20 - ...", "JAKARTA (Feb 20) - ...": the dateline dates the report, not the event
_DATELINE_BEFORE = re.compile(r"^[A-Z][A-Z .'’\-]{1,30}(?:,\s*[A-Z][A-Za-z.]*)?(?:,\s*|\s*\(\s*)$")
_DATELINE_AFTER = re.compile(r"^\s*\)?(?:\s*\([A-Za-z .]+\))?\s*(?:[-—–]|\.\s*/)")
# "at the meeting in Washington": a place the claim names (a dateline elsewhere does not date it)
_PLACE = re.compile(r"\b(?:in|at)\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)")
_QUOTES = re.compile(r"[\"“”]")
_PRONOUN = re.compile(
    r"\b(?:it|he|she|they|its|the\s+(?:country|government|kingdom|emirate|sultanate|republic|nation|bloc)"
    r"|none\s+of\s+the\s+(?:money|funds|funding|cash|pledge|aid))\b",
    re.I,
)

# "Nine countries pledged ...": the next sentence may name them (components.groups)
_COUNTED = re.compile(
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:\w+\s+)?"
    r"(?:countries|states|nations|donors|governments)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Trace:
    """What the extractor read, kept for ``--explain``."""

    claims: tuple[tuple[Claim, Draft], ...]
    memberships: tuple[tuple[Membership, MembershipDraft], ...]


class Pipeline:
    """Compiled lexicons and the steps that use them; one per process (see ``build_nlp``)."""

    def __init__(self) -> None:
        self.cues: CueLexicon = load_cues()
        self.categories: CategoryLexicon = load_categories()
        self.memberships: MembershipRules = load_membership_rules()

    def has_trigger(self, text: str) -> bool:
        """The prefilter: could the text hold a contribution or membership claim at all?"""
        return self.cues.may_hold_claims(text)

    def extract(self, text: str, published: dt.date | None = None) -> Extraction:
        return self.trace_extract(text, published)[0]

    def trace_extract(self, text: str, published: dt.date | None = None) -> tuple[Extraction, Trace]:
        if not text or not self.has_trigger(text):
            return Extraction(extractor_version=EXTRACTOR_VERSION), Trace((), ())
        sentences = split_sentences(text)
        doc_actors = DocumentActors(text, find_actors(text))
        lazy = _Lazy(text, published, sentences)
        ctx = DocContext(doc_actors, year=published.year if published else None)
        reader = SentenceReader(self.cues, self.categories, ctx)
        claims: list[tuple[Claim, Draft]] = []
        members: list[tuple[Membership, MembershipDraft]] = []
        seen_claims: set[tuple[object, ...]] = set()
        seen_members: set[tuple[str, str]] = set()
        quoted_date: tuple[int, dt.date] | None = None  # a statement dated by its event, for its quote
        for index, sentence in enumerate(sentences):
            local = doc_actors.in_span(sentence.start, sentence.end)
            if (
                sentence.noise
                or len(sentence.text) > MAX_SENTENCE
                or (not local and not _PRONOUN.search(sentence.text) and not _COUNTED.search(sentence.text))
                or not (
                    self.cues.names_something(sentence.text) or self.categories.terms.search(sentence.text)
                )
            ):
                ctx.see(local)
                continue  # no actor to give, or nothing to be given: no claim, no membership
            inp = SentenceInput(sentence, local, lazy.quantities(sentence))
            drafts = reader.read(inp)
            own = lazy.date(index) if drafts else None
            when = own or (lazy.event_of(index) if drafts else None)
            if when is not None and own is None:
                quoted_date = (index, when)
            elif when is None and quoted_date and index - quoted_date[0] <= 2 and _in_quote(sentences, index):
                when = quoted_date[1]  # '"Albania ... have all committed troops," he said': one statement
            for draft in drafts:
                claim = _claim(draft, when)
                key = (claim.donors, claim.category, claim.stance, claim.stage, claim.amount, sentence.start)
                if key not in seen_claims:
                    seen_claims.add(key)
                    claims.append((claim, draft))
            if local:
                for mdraft in read_memberships(sentence, local, ctx, lazy, index):
                    if (mdraft.member, mdraft.action) in seen_members:
                        continue
                    seen_members.add((mdraft.member, mdraft.action))
                    ev = Evidence(sentence.text, sentence.start, sentence.end)
                    action = cast(Action, mdraft.action)
                    members.append((Membership(mdraft.member, action, ev, mdraft.date, mdraft.rule), mdraft))
            ctx.see(local)
        if ctx.recipients:  # "Gavi raises $9 billion" in the headline of a text where Gavi collects pledges
            claims = [(c, d) for c, d in claims if not set(c.donors) <= ctx.recipients]
        extraction = Extraction(
            claims=tuple(c for c, _ in claims),
            memberships=tuple(m for m, _ in members),
            extractor_version=EXTRACTOR_VERSION,
        )
        return extraction, Trace(tuple(claims), tuple(members))


class _Lazy:
    """Amounts and dates, found over the whole text only when a sentence needs them."""

    def __init__(self, text: str, published: dt.date | None, sentences: list[Sentence]) -> None:
        self.text, self.published, self.sentences = text, published, sentences
        self._quantities: list[Quantity] | None = None
        self._dates: list[list[tuple[int, dt.date]]] | None = None
        self._spans: list[list[tuple[int, int, dt.date]]] = []
        self._events: dict[str, dt.date] | None = None
        self._memory: list[DatedEvent] | None = None
        self._dateline: tuple[str, dt.date] | None = None

    def quantities(self, s: Sentence) -> list[Quantity]:
        if self._quantities is None:
            found = borrow_units(self.text, find_amounts(self.text))
            self._quantities = [q for q in map(_quantity, found) if q is not None]
        return [q for q in self._quantities if s.start <= q.start < s.end]

    def _all_dates(self) -> list[list[tuple[int, dt.date]]]:
        if self._dates is None:
            found = find_dates(self.text, self.published)
            self._spans = [_dates_in(s, found) for s in self.sentences]
            for s in self.sentences[:3]:
                line = _dateline_in(s, found)
                if line is not None:
                    self._dateline = line
                    break
            self._dates = [[(start, date) for start, _, date in spans] for spans in self._spans]
        return self._dates

    def date(self, index: int) -> dt.date | None:
        dates = self._all_dates()[index]
        return dates[0][1] if dates else None

    def event(self, action: str) -> dt.date | None:
        if self._events is None:
            pairs = [(s, d) for s, d in zip(self.sentences, self._all_dates(), strict=True) if not s.noise]
            self._events = event_dates(pairs)
        return self._events.get(action)

    def event_of(self, index: int) -> dt.date | None:
        """The date of the event the sentence places its claim at ("during the inaugural meeting")."""
        rules = load_event_rules()
        ref = referred_event(rules, self.sentences[index].text)
        if ref is None:
            return None
        if self._memory is None:
            self._all_dates()
            self._memory = []
            for i, (s, spans) in enumerate(zip(self.sentences, self._spans, strict=True)):
                if spans and not s.noise:
                    local = [(a - s.start, b - s.start, d) for a, b, d in spans]
                    self._memory.extend(dated_events(rules, i, s.text, local))
        found = event_date(self._memory, ref, index)
        if found is None and self._dateline is not None:
            # "WASHINGTON, February 19. /TASS/. ... said at the first meeting": the report's date and
            # place are the event's, unless the sentence puts the event elsewhere
            place, date = self._dateline
            named = {m.group(1).casefold() for m in _PLACE.finditer(self.sentences[index].text)}
            if not named - {place.casefold()}:
                return date
        return found


@lru_cache(maxsize=1)
def build_nlp() -> Pipeline:
    """The process-wide pipeline, built on first use."""
    return Pipeline()


def _quantity(a: AmountMention) -> Quantity | None:
    if a.unit is None:
        return None
    return Quantity(a.start, a.end, a.value, a.unit, a.bound, a.is_conversion, a.surface)


def _dates_in(s: Sentence, dates: list[DateMention]) -> list[tuple[int, int, dt.date]]:
    out = []
    for d in dates:
        if s.start <= d.start < s.end and d.precision == "day":
            before = s.text[: d.start - s.start]
            if _NOT_EVENT_DATE.search(before[-12:]) or _dateline_place(s, d) is not None:
                continue
            out.append((d.start, d.end, d.date))
    return out


def _dateline_place(s: Sentence, d: DateMention) -> str | None:
    """ "WASHINGTON, February 19. /TASS/." opening a sentence: the dateline's place."""
    before = s.text[: d.start - s.start]
    if (
        len(before) <= 40
        and _DATELINE_BEFORE.match(before)
        and _DATELINE_AFTER.match(s.text[d.end - s.start :])
    ):
        return re.split(r"[,(]", before)[0].strip()
    return None


def _dateline_in(s: Sentence, dates: list[DateMention]) -> tuple[str, dt.date] | None:
    for d in dates:
        if s.start <= d.start < s.end and d.precision == "day":
            place = _dateline_place(s, d)
            if place:
                return place, d.date
    return None


def _in_quote(sentences: list[Sentence], index: int) -> bool:
    """Does the sentence open a quotation or continue one the previous sentence left open?"""
    text = sentences[index].text.lstrip()
    if text[:1] in '"“':
        return True
    prev = sentences[index - 1].text if index else ""
    return (
        prev.count("“") > prev.count("”")
        or len(_QUOTES.findall(prev.replace("“", "").replace("”", ""))) % 2 == 1
    )


def _claim(d: Draft, when: dt.date | None) -> Claim:
    amount = Amount(d.amount.value, d.amount.unit) if d.amount is not None else None
    return Claim(
        donors=d.donors,
        stance=d.stance,  # type: ignore[arg-type]
        stage=d.stage,  # type: ignore[arg-type]
        category=d.category,  # type: ignore[arg-type]
        evidence=Evidence(d.sentence.text, d.sentence.start, d.sentence.end),
        amount=amount,
        bound=d.amount.bound if d.amount is not None else None,  # type: ignore[arg-type]
        collective=d.collective,
        recipient=d.recipient,
        period=d.period,
        speaker=d.speaker,
        date=when,
        rule=d.rule,
    )


__all__ = ["EXTRACTOR_VERSION", "Pipeline", "Trace", "ActorMention", "build_nlp"]
