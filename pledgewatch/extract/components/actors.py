"""Actors named in a text: states, organisations, groups of states and people.

    >>> from pledgewatch.extract.components.actors import find_actors
    >>> [(m.surface, m.name, m.kind, m.via) for m in find_actors("The UAE and Kazakh troops")]
    [('UAE', 'United Arab Emirates', 'state', 'acronym'), ('Kazakh', 'Kazakhstan', 'state', 'demonym')]

``find_actors(text)`` returns ``ActorMention``s in text order; ``start``/``end``
are character offsets into ``text`` (``text[m.start:m.end] == m.surface``).

- ``kind``: ``state`` | ``organisation`` | ``group`` | ``person``.
- ``name``: the canonical name (spec/claims.md: "United Arab Emirates", "United
  Nations"); for a person, the full name as first given in the text.
- ``via``: how it was recognised: ``name`` (a full name or alias), ``acronym``
  ("UAE", "UN": matched case-sensitively), ``demonym`` ("Kazakh"), ``capital``
  ("Astana": a government metonym, low ``confidence``), ``territory`` ("Gaza" ->
  Palestine), ``group`` ("the Gulf nations"), ``title`` (a person after a title),
  ``surname`` (a person named again later by surname only).
- ``dateline``: the mention stands in a dateline ("WASHINGTON –", "SEOUL:"): a
  place, not an actor; the claims layer should ignore it.
- persons: ``speaks_for`` (the state or organisation they speak for, from their
  title or the list of well-known people; None when unknown or former), ``role``
  (the title as written), ``affiliation`` (the state in an unofficial title,
  "Uzbek political analyst"), ``official`` (False for "former" and unofficial
  titles, None when no title was seen).

Names are matched with one Aho-Corasick automaton over a case- and
accent-folded copy of the text; every match must stand on word boundaries and,
apart from acronyms, begin with a capital letter; the longest match wins
("Papua New Guinea" over "Guinea"), and blocked phrases ("Latin American",
"Kazakh Service") win and report nothing. Ambiguous state names (Jordan, Chad,
Georgia, Israel) need context: not next to another capitalised name ("Michael
Jordan", "Atlanta, Georgia"). A currency written with "US" ("$US 5bn", "US$5bn")
is no mention of the United States.

API:

- ``find_actors(text) -> list[ActorMention]``: everything above, persons resolved
  (``components.people``; ``find_people(text, mentions=None)`` keeps only persons).
- ``ActorMention.shifted(offset)``: the mention with sentence-relative offsets.
- ``ActorFinder.load()``: the cached finder; ``.find(text)`` without people,
  ``.scan(text)`` also returns the spans of title words, ``.datelines(text)``.
- ``DocumentActors(text, mentions)`` / ``DocumentActors.of(text)``: what a whole
  document knows: ``subject`` (the state its headline and lead name most),
  ``speaker_state(person)`` (whom a person speaks for, the subject for an official
  title that names no state), ``people()``, ``person(name)``, ``in_span(start, end)``
  and ``before(position)`` for sentence and context look-ups.
- ``fold(text)``: the offset-keeping ASCII lowercase fold used for matching.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from pledgewatch.extract.components.aliases import Entry as _Entry
from pledgewatch.extract.components.aliases import Kind, Via, alias_entries
from pledgewatch.extract.components.folding import fold as fold  # re-exported: part of the API
from pledgewatch.extract.components.folding import match_text
from pledgewatch.extract.gazetteer import Gazetteer, load_gazetteer

# Confidence that a mention of this kind names an actor (a capital is often just a place).
CONFIDENCE: dict[str, float] = {
    "name": 1.0,
    "acronym": 0.95,
    "demonym": 0.9,
    "title": 0.9,
    "surname": 0.85,
    "group": 0.8,
    "territory": 0.6,
    "capital": 0.5,
}
_PRIORITY = {"name": 0, "acronym": 1, "demonym": 2, "territory": 3, "group": 4, "capital": 5}


@dataclass(frozen=True, slots=True)
class ActorMention:
    start: int
    end: int
    surface: str
    name: str
    kind: Kind
    via: Via
    iso3: str | None = None
    confidence: float = 1.0
    dateline: bool = False
    speaks_for: str | None = None
    role: str | None = None
    affiliation: str | None = None
    official: bool | None = None  # persons: the title speaks for a state or organisation

    def shifted(self, offset: int) -> ActorMention:
        """The same mention with offsets relative to a span (a sentence) starting at ``offset``."""
        return dataclasses.replace(self, start=self.start - offset, end=self.end - offset)


_WORDCHAR = re.compile(r"\w")
_DATELINE = re.compile(
    r"(?m)^[ \t]*(?:date \d{4}-\d{2}-\d{2}\s+)?"
    r"(?P<place>[A-Z][A-Z.'’\- ]{1,30}[A-Z.]"
    r"(?:,[ \t]*[A-Z][A-Za-z.]*(?:[ \t]+[A-Z][A-Za-z.]*){0,3}(?:[ \t]+\d{1,2})?(?:,[ \t]*\d{4})?\.?){0,2})"
    r"\s*(?:\([A-Za-z]{2,12}\)\s*)?"
    r"(?:/[A-Za-z\-]{2,12}/\.?|[–—:\-]|$)"
)
_CAPITALISED_WORD = re.compile(r"([A-Z][\w'’\-]*)\s*$")
_PLACE_BEFORE = re.compile(r"([A-Z][a-z]+(?: [A-Z][a-z]+)?),\s*$")
_NEXT_WORD = re.compile(r"\s+([A-Z][\w'’\-]*)")


def _sentence_start(text: str, pos: int) -> bool:
    """ "Meanwhile, Jordan ...": a word opening its sentence is no place before a state."""
    before = text[max(0, pos - 3) : pos].rstrip(" \"'“‘(")
    return not before or before[-1] in ".!?:\n"


class ActorFinder:
    """Finds state, organisation, group and well-known-person names. Build with ``load()``."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.gazetteer = gaz
        self._entries: list[_Entry] = []
        by_key: dict[str, list[int]] = {}
        for alias, entry in alias_entries(gaz):
            key = match_text(alias)
            index = len(self._entries)
            self._entries.append(entry)
            by_key.setdefault(key, []).append(index)
        self._automaton = ahocorasick.Automaton()
        for key, indexes in by_key.items():
            is_title = any(self._entries[i].kind == "title" for i in indexes)
            names = tuple(i for i in indexes if self._entries[i].kind != "title")
            self._automaton.add_word(key, (len(key) - 2, names, is_title))
        self._automaton.make_automaton()
        titles = gaz.titles
        self._title_words = frozenset(
            w.split()[-1] for w in titles.official + titles.modifiers + titles.honorifics
        )
        self._function_words = titles.not_names
        self.state_names = frozenset(s.name for s in gaz.states)

    def aliases(self) -> list[tuple[str, str]]:
        """(alias as written, canonical name) for every state and organisation form."""
        return [
            (alias, entry.name)
            for alias, entry in alias_entries(self.gazetteer)
            if entry.kind in ("state", "organisation")
        ]

    @classmethod
    @lru_cache(maxsize=1)
    def load(cls) -> ActorFinder:
        """The finder over the shipped gazetteer, built once per process."""
        return cls(load_gazetteer())

    def _pick(self, text: str, start: int, end: int, indexes: tuple[int, ...]) -> _Entry | None:
        surface = text[start:end]
        best: _Entry | None = None
        for index in indexes:
            entry = self._entries[index]
            if entry.surface is not None:
                if surface != entry.surface:
                    continue
            elif not surface[:1].isupper():
                continue
            if best is None or _PRIORITY.get(entry.via, 9) < _PRIORITY.get(best.via, 9):
                best = entry
        return best

    def _ambiguous_ok(self, text: str, start: int, end: int) -> bool:
        """'Jordan' the state, not 'Michael Jordan' or 'Jordan Peterson'."""
        before = _CAPITALISED_WORD.search(text, max(0, start - 30), start)
        if (
            before
            and before.group(1) not in self._function_words
            and before.group(1) not in self._title_words
        ):
            return False
        place = _PLACE_BEFORE.search(text, max(0, start - 40), start)
        if (
            place
            and not _sentence_start(text, place.start())
            and not self._automaton.exists(match_text(place.group(1)))
        ):
            return False  # "Atlanta, Georgia": a place named before it
        after = _NEXT_WORD.match(text, end)
        return not (
            after and after.group(1) not in self._title_words and after.group(1) not in self._function_words
        )

    def datelines(self, text: str) -> list[tuple[int, int]]:
        """Spans of datelines ("WASHINGTON –", "SEOUL:", "RIYADH, Saudi Arabia (AP) —") in the first
        1,500 characters: the place and what follows it up to the dash or colon."""
        return [m.span("place") for m in _DATELINE.finditer(text, 0, min(len(text), 1500))]

    def find(self, text: str) -> list[ActorMention]:
        """State, organisation, group and listed-person mentions, longest match first, in text order."""
        return self.scan(text)[0]

    def scan(self, text: str) -> tuple[list[ActorMention], list[tuple[int, int]]]:
        """``find`` plus the spans of title words ("President", "Foreign Minister"), for people."""
        # Every key is padded with spaces and punctuation reads as a space, so a hit always
        # stands on word boundaries. Offsets: padded index i is text index i - 1.
        padded = match_text(text)
        candidates: list[tuple[int, int, _Entry]] = []
        titles: list[tuple[int, int]] = []
        for last, (length, indexes, is_title) in self._automaton.iter(padded):
            end = last - 1  # the trailing pad sits at text index `last - 1`
            start = end - length
            if is_title:
                titles.append((start, end))
            if not indexes or text[start - 1 : start] == "$" or text[end : end + 1] == "$":
                continue  # "$US 5bn", "US$5bn": a currency, not the United States
            entry = self._pick(text, start, end, indexes)
            if entry is not None:
                candidates.append((start, end, entry))
        candidates.sort(key=lambda c: (c[0], -c[1]))
        datelines = self.datelines(text)
        mentions: list[ActorMention] = []
        last_end = -1
        for start, end, entry in candidates:
            if start < last_end:
                continue
            last_end = end
            if entry.kind == "blocked" or (entry.ambiguous and not self._ambiguous_ok(text, start, end)):
                continue
            in_dateline = any(s <= start and end <= e for s, e in datelines)
            mentions.append(
                ActorMention(
                    start=start,
                    end=end,
                    surface=text[start:end],
                    name=entry.name,
                    kind=entry.kind,
                    via=entry.via,
                    iso3=entry.iso3,
                    confidence=CONFIDENCE.get(entry.via, 0.5) * (0.5 if in_dateline else 1.0),
                    dateline=in_dateline,
                    speaks_for=entry.speaks_for,
                    role=entry.role,
                )
            )
        return mentions, titles


def find_actors(text: str) -> list[ActorMention]:
    """Every actor mention in ``text``, persons resolved within the document (see module doc)."""
    from pledgewatch.extract.components.people import PeopleFinder

    mentions, titles = ActorFinder.load().scan(text)
    return PeopleFinder.load().resolve(text, mentions, titles)


_LEAD_CHARS = 700
_SUBJECT_WEIGHT = {"name": 1.0, "acronym": 1.0, "demonym": 1.0, "capital": 0.5}


class DocumentActors:
    """What one document knows about its actors: mentions by position, its subject, speakers.

    >>> doc = DocumentActors.of("Kazakhstan pledged aid. Ministry spokesperson Aida Bekova said so.")
    >>> doc.subject
    'Kazakhstan'
    >>> doc.speaker_state(doc.people()[0])
    'Kazakhstan'
    """

    def __init__(self, text: str, mentions: list[ActorMention]) -> None:
        self.text = text
        self.mentions = mentions
        self._starts = [m.start for m in mentions]

    @classmethod
    def of(cls, text: str) -> DocumentActors:
        return cls(text, find_actors(text))

    def in_span(self, start: int, end: int) -> list[ActorMention]:
        """Mentions wholly inside ``text[start:end]`` (a sentence), in order."""
        i = bisect.bisect_left(self._starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def before(self, position: int, kind: str | None = None) -> list[ActorMention]:
        """Mentions that end at or before ``position``, nearest first (for context and pronouns)."""
        i = bisect.bisect_right(self._starts, position)
        return [
            m for m in reversed(self.mentions[:i]) if m.end <= position and (kind is None or m.kind == kind)
        ]

    def people(self) -> list[ActorMention]:
        """The first mention of each person, in order of appearance."""
        seen: dict[str, ActorMention] = {}
        for m in self.mentions:
            if m.kind == "person":
                seen.setdefault(m.name, m)
        return list(seen.values())

    def person(self, name: str) -> ActorMention | None:
        """The first mention of a person by display name, full surface or surname."""
        for m in self.mentions:
            if m.kind == "person" and (m.name == name or m.surface == name):
                return m
        return None

    @functools.cached_property
    def subject(self) -> str | None:
        """The state the document is about: most mentioned in the headline and first paragraph.

        Names, acronyms and demonyms count 1, capitals 0.5 (datelines not at all), and a
        person who speaks for a state counts for it; ties go to the first seen. Falls back
        to the whole text when the lead names no state.
        """
        for limit in (_LEAD_CHARS, len(self.text)):
            scores: dict[str, float] = {}
            for order, m in enumerate(self.mentions):
                if m.start >= limit or m.dateline:
                    continue
                if m.kind == "state" and m.via in _SUBJECT_WEIGHT:
                    name, weight = m.name, _SUBJECT_WEIGHT[m.via]
                elif m.kind == "person" and m.speaks_for and m.speaks_for in self._state_names:
                    name, weight = m.speaks_for, 1.0
                else:
                    continue
                scores[name] = scores.get(name, 0.0) + weight - order * 1e-6
            if scores:
                return max(scores, key=lambda k: scores[k])
        return None

    @property
    def _state_names(self) -> frozenset[str]:
        return ActorFinder.load().state_names

    def speaker_state(self, person: ActorMention) -> str | None:
        """Whom a person speaks for: their own ``speaks_for``; for an official title that names
        no state ("Foreign Ministry spokesperson X"), the document's subject; else None."""
        if person.speaks_for:
            return person.speaks_for
        if person.official:
            return self.subject
        return None
