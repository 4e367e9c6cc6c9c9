"""People in a text: a title before a name, well-known people, and later references by surname.

``PeopleFinder.load().resolve(text, mentions)`` takes the mentions of
``ActorFinder.find`` and returns them with person mentions added and resolved
within the document:

- a title (the grammar is in ``components.titles``) gives a person and whom they
  speak for: "Kazakh President
  Qasym-Zhomart Toqaev", "Deputy Prime Minister and Minister of National Economy
  Serik Zhumangarin", "UAE Foreign Minister Sheikh Abdullah bin Zayed Al Nahyan"
  (honorifics such as Sheikh are not part of the name), "European Commission
  President Ursula von der Leyen" (-> European Union). The state or organisation
  written just before the title, or inside it ("Ambassador to the UN"), is the one
  spoken for; else the list of well-known people (people.json) decides.
- "former" titles and unofficial ones ("Uzbek political analyst") speak for
  nobody: ``speaks_for`` is None and ``affiliation`` keeps the state.
- every mention of one person carries the same ``name``: the first full (two or
  more word) form the text gives, else the listed canonical name; a later bare
  surname ("Zhetybayev also said"), "Al-Jubeir" or "Sheikh Abdullah" resolves to
  the person first named in full.
- a spelling the list lacks ("Kassym-Zhomart Tokaev") is matched to a listed person
  with rapidfuzz, only for title persons that no exact form matched.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick
from rapidfuzz import fuzz, process

from pledgewatch.extract.components.actors import ActorFinder, ActorMention
from pledgewatch.extract.components.folding import fold
from pledgewatch.extract.components.titles import TitleGrammar
from pledgewatch.extract.gazetteer import Gazetteer, KnownPerson, load_gazetteer

_WORD_BEFORE = re.compile(r"(\S+)\s+$")


@dataclass(slots=True)
class _Person:
    """One person in one document: every mention of them points here."""

    name: str  # display name: first full form, else the listed name
    tokens: tuple[str, ...]
    known: KnownPerson | None
    speaks_for: str | None
    role: str | None
    affiliation: str | None
    official: bool | None


class PeopleFinder:
    """Title grammar + well-known people. Build with ``load()``."""

    def __init__(self, gaz: Gazetteer, actors: ActorFinder) -> None:
        self._grammar = TitleGrammar(gaz.titles)
        self._particles = self._grammar.particles
        self._honorifics = self._grammar.honorifics
        self._known: dict[str, KnownPerson] = {}
        for p in gaz.people:
            for form in (p.name, *p.variants, *p.surnames):
                self._known.setdefault(fold(form), p)
        # Fuzzy fall-back for spellings the list lacks ("Kassym-Zhomart Tokaev").
        self._full_forms = [(fold(f), p) for p in gaz.people for f in (p.name, *p.variants) if " " in f]
        self._surname_forms = [(fold(f), p) for p in gaz.people for f in p.surnames if len(f) >= 5]
        self._full_keys = [f for f, _ in self._full_forms]
        self._surname_keys = [f for f, _ in self._surname_forms]
        self._fuzzy_cache: dict[str, KnownPerson | None] = {}
        self._actors = actors

    @classmethod
    @lru_cache(maxsize=1)
    def load(cls) -> PeopleFinder:
        return cls(load_gazetteer(), ActorFinder.load())

    # --- names -------------------------------------------------------------------------

    def _fuzzy_known(self, surface: str) -> KnownPerson | None:
        """A listed person whose name is spelt a little differently (rapidfuzz ratio >= 88, and the
        last names alike); a single word must be a listed surname at ratio >= 90. Cached."""
        key = fold(surface)
        if key not in self._fuzzy_cache:
            if len(self._fuzzy_cache) > 10_000:
                self._fuzzy_cache.clear()
            self._fuzzy_cache[key] = self._fuzzy_lookup(key)
        return self._fuzzy_cache[key]

    def _fuzzy_lookup(self, key: str) -> KnownPerson | None:
        tokens = key.split()
        if len(tokens) >= 2:
            hit = process.extractOne(key, self._full_keys, scorer=fuzz.ratio, score_cutoff=88)
            if hit is not None and fuzz.ratio(tokens[-1], hit[0].split()[-1]) >= 75:
                return self._full_forms[hit[2]][1]
        elif len(key) >= 5:
            hit = process.extractOne(key, self._surname_keys, scorer=fuzz.ratio, score_cutoff=90)
            if hit is not None:
                return self._surname_forms[hit[2]][1]
        return None

    # --- resolution --------------------------------------------------------------------

    def _later_references(
        self,
        text: str,
        keys: list[str],
        by_key: dict[str, _Person],
        given: dict[str, _Person],
        taken: list[ActorMention],
    ) -> list[ActorMention]:
        """Surnames, 'Al-Jubeir', 'Sheikh Abdullah' of people already named in this document."""
        automaton = ahocorasick.Automaton()
        for key in keys:
            automaton.add_word(key, len(key))
        automaton.make_automaton()
        folded = fold(text)
        occupied = bytearray(len(text))
        for m in taken:
            occupied[m.start : m.end] = b"\x01" * (m.end - m.start)
        hits = sorted(
            ((last - n + 1, last + 1) for last, n in automaton.iter(folded)), key=lambda h: (h[0], -h[1])
        )
        out: list[ActorMention] = []
        last_end = -1
        for start, end in hits:
            if start < last_end or occupied.find(1, start, end) != -1:
                continue
            if (start and folded[start - 1].isalnum()) or (end < len(text) and folded[end].isalnum()):
                continue
            surface = text[start:end]
            if not (surface[:1].isupper() or surface.split()[0] in self._particles):
                continue
            key = folded[start:end]
            person = by_key.get(key)
            if person is None and key in given:
                before = _WORD_BEFORE.search(text, max(0, start - 12), start)
                if before and before.group(1).rstrip(".") in self._honorifics:
                    person = given[key]
            if person is None:
                continue
            last_end = end
            out.append(ActorMention(start, end, surface, person.name, "person", "surname", confidence=0.85))
        return out

    def resolve(
        self, text: str, mentions: list[ActorMention], title_hits: list[tuple[int, int]] | None = None
    ) -> list[ActorMention]:
        """Add title persons, give every person mention one name per person, add later surnames.

        ``title_hits``: spans of title words from ``ActorFinder.scan``; found again when None.
        """
        if title_hits is None:
            title_hits = self._actors.scan(text)[1]
        people: list[_Person] = []
        by_key: dict[str, _Person] = {}

        def person_for(name: str, known: KnownPerson | None) -> _Person | None:
            key = fold(name)
            if key in by_key:
                return by_key[key]
            if known is not None:
                for p in people:
                    if p.known is known:
                        return p
            tokens = name.split()
            if len(tokens) == 1:
                for p in reversed(people):
                    if tokens[0] in p.tokens:
                        return p
            return None

        given: dict[str, _Person] = {}

        def register(p: _Person, surface: str) -> None:
            by_key[fold(surface)] = p
            tokens = surface.split()
            if len(tokens) >= 2:
                by_key.setdefault(fold(tokens[-1]), p)
                if tokens[-2] in self._particles:
                    by_key.setdefault(fold(" ".join(tokens[-2:])), p)
                if any(t in ("bin", "bint", "ibn") for t in tokens):
                    given.setdefault(fold(tokens[0]), p)

        found: list[ActorMention] = [m for m in mentions if m.kind != "person"]
        listed: list[ActorMention] = [m for m in mentions if m.kind == "person"]  # sorted, disjoint
        listed_starts = [m.start for m in listed]
        dropped: set[int] = set()
        titled: list[ActorMention] = []
        surface_known: dict[str, KnownPerson] = {}
        occupied = bytearray(len(text) + 1)
        for m in found:
            occupied[m.start : m.end] = b"\x01" * (m.end - m.start)
        for match in self._grammar.find(text, title_hits, mentions):
            start, end = match.name_start, match.name_end
            if occupied.find(1, start, end) != -1:
                continue
            official, former, prefix, role_text = match.official, match.former, match.actor, match.role
            surface = text[start:end]
            known = self._known.get(fold(surface)) or self._fuzzy_known(surface)
            if known is not None:
                surface_known[fold(surface)] = known
            i = max(0, bisect.bisect_right(listed_starts, start) - 1)
            overlapping = []
            while i < len(listed) and listed[i].start < end:
                if start < listed[i].end:
                    overlapping.append(listed[i])
                    dropped.add(i)
                i += 1
            if known is None and overlapping:  # "King Hamad": the list knows the title with the name
                known = self._known.get(fold(overlapping[0].surface))
                if known is not None:
                    surface_known[fold(surface)] = known
            speaks_for = prefix.name if prefix is not None else (known.speaks_for if known else None)
            titled.append(
                ActorMention(
                    start=start,
                    end=end,
                    surface=surface,
                    name=surface,
                    kind="person",
                    via="title",
                    confidence=0.9,
                    speaks_for=speaks_for if official and not former else None,
                    role=role_text,
                    affiliation=prefix.name if prefix is not None else None,
                    official=official and not former,
                )
            )
        persons = sorted(
            [m for i, m in enumerate(listed) if i not in dropped] + titled, key=lambda m: m.start
        )
        resolved: list[ActorMention] = []
        for m in persons:
            known = self._known.get(fold(m.surface)) or surface_known.get(fold(m.surface))
            p = person_for(m.surface, known)
            if p is None:
                p = _Person(
                    m.surface,
                    tuple(m.surface.split()),
                    known,
                    m.speaks_for,
                    m.role,
                    m.affiliation,
                    m.official,
                )
                if known is not None and m.via != "title":
                    p.speaks_for = known.speaks_for
                people.append(p)
            elif len(m.surface.split()) >= 2 and len(p.name.split()) < 2:
                p.name, p.tokens = m.surface, tuple(m.surface.split())
            if p.speaks_for is None and m.speaks_for is not None:
                p.speaks_for = m.speaks_for
            p.affiliation = p.affiliation or m.affiliation
            p.role = p.role or m.role
            p.official = m.official if p.official is None else p.official
            register(p, m.surface)
            resolved.append(m)
        # Bare later references to people first named in full ("Zhetybayev also addressed",
        # "Sheikh Abdullah": a given name only after an honorific).
        keys = [k for k in (*by_key, *given) if len(k) > 2]
        if keys:
            resolved += self._later_references(text, keys, by_key, given, found + resolved)
        out: list[ActorMention] = []
        for m in resolved:
            p = by_key.get(fold(m.surface)) or person_for(m.surface, self._known.get(fold(m.surface)))
            if p is None:
                out.append(m)
                continue
            display = p.name if len(p.name.split()) >= 2 or p.known is None else p.known.name
            out.append(
                ActorMention(
                    m.start,
                    m.end,
                    m.surface,
                    display,
                    "person",
                    m.via,
                    confidence=m.confidence,
                    speaks_for=p.speaks_for,
                    role=p.role or m.role,
                    affiliation=p.affiliation,
                    official=p.official,
                )
            )
        return sorted(found + out, key=lambda m: m.start)


def find_people(text: str, mentions: list[ActorMention] | None = None) -> list[ActorMention]:
    """Only the person mentions of ``find_actors(text)`` (pass its result to avoid a second pass)."""
    if mentions is None:
        from pledgewatch.extract.components.actors import find_actors

        mentions = find_actors(text)
    return [m for m in mentions if m.kind == "person"]
