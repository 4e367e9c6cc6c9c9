"""Titles before (or after) a person's name: the grammar, and what a title tells.

``TitleGrammar(gazetteer.titles).find(text, title_hits, mentions)`` yields a
``TitleMatch`` for every title word (found by the actor automaton: ``ActorFinder.scan``)
that stands next to a name:

- "Kazakh President Qasym-Zhomart Toqaev", "Deputy Prime Minister and Minister of
  National Economy Serik Zhumangarin", "UAE Foreign Minister Sheikh Abdullah bin
  Zayed Al Nahyan" (honorifics are not part of the name), "US Ambassador to the UN
  Michael Waltz";
- "the finance minister, Mohammed Al-Jadaan, said" (a comma, closed by another);
- appositives: "Aida Bekova, Kazakhstan's deputy foreign minister," and
  "Dulat Serikov, a former Kazakh diplomat,".

``actor`` is the state or organisation written just before the title (with or
without "'s"), else inside it ("European Commission President"), else after the
name ("Foreign Minister X of Kazakhstan"). ``official`` is False for unofficial
titles ("political analyst"); ``former`` for "former"/"ex-" titles.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from pledgewatch.extract.components.actors import ActorMention
from pledgewatch.extract.gazetteer import Titles


def alternation(words: tuple[str, ...] | list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĢĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŹŻŽ"
_TOKEN = rf"(?:[{_UPPER}]\.|(?:[a-z]{{1,3}}-)?[{_UPPER}][\w'’\-]*)"  # "J.", "Tokayev", "el-Sisi"
_POSSESSIVE = re.compile(r"['’]s$")
_GAP = re.compile(r"(?:['’]s)?\s*")
_POSSESSIVE_GAP = re.compile(r"(?:['’]s)?")
_WORD = re.compile(r"[\w'’\-]+")
# "Minister Jan Lipavsky", "Premier May Tan": month words that are also given names, before a surname
_GIVEN_NAME_MONTHS = frozenset({"Jan", "April", "May", "June", "July", "August"})
_NEXT_NAME = re.compile(rf"\s+{_TOKEN}")


@dataclass(frozen=True, slots=True)
class TitleMatch:
    title_start: int
    title_end: int
    name_start: int
    name_end: int
    role: str
    official: bool
    former: bool
    actor: ActorMention | None


class TitleGrammar:
    """The title grammar of titles.json, compiled once (see module doc)."""

    def __init__(self, t: Titles) -> None:
        self.titles = t
        self._unofficial = frozenset(w.lower() for w in t.unofficial)
        self._not_names = t.not_names
        self.honorifics = frozenset(h.rstrip(".") for h in t.honorifics)
        self.particles = frozenset(p for p in t.particles if " " not in p)
        mods = alternation(t.modifiers)
        cores = alternation(t.official + t.unofficial)
        port = alternation(t.portfolio_words)
        honor = alternation(t.honorifics)
        particles = alternation(t.particles)
        portfolio = (
            rf"(?:\s+(?i:of|for)\s+(?:the\s+)?(?i:{port})(?:\s+(?:(?:and|of|for|the)\s+)*(?i:{port}))*)?"
        )
        # "Ambassador to the UN", "Emir of Qatar": a few capitalised words, as few as will do.
        to_whom = rf"(?:\s+(?:to|of)\s+(?:the\s+)?{_TOKEN}(?:\s+{_TOKEN}){{0,3}}?)?"
        one_title = rf"(?:(?:{mods})\s+)*(?:{cores}){portfolio}{to_whom}"
        # Anchored right after a title word found by the actor automaton: the rest of the
        # title, more titles joined by "and", honorifics, then the name.
        self._rest = re.compile(
            rf"(?P<tail>{portfolio}{to_whom}(?:\s+and\s+(?i:{one_title}))*)"
            rf"\s+(?:(?:{honor})\s+)*"
            rf"(?P<name>{_TOKEN}(?:\s+(?:(?:{particles})\s+)*{_TOKEN}){{0,5}})"
        )
        name = rf"{_TOKEN}(?:\s+(?:(?:{particles})\s+)*{_TOKEN}){{0,4}}"
        self._tail_only = re.compile(rf"{portfolio}{to_whom}")
        # "Aida Bekova, Kazakhstan's deputy foreign minister, said": a name, a comma, then
        # (after the actor and "the", checked in code) the title.
        self._apposition = re.compile(
            rf"(?P<name>{name})\s*,\s*(?:(?:the|a|an)\s+)?(?:(?:former|ex-|then-)\s*)?$"
        )
        self._of_actor = re.compile(r"\s+of\s+(?:the\s+)?")
        self._modifier_words = frozenset(
            w.lower() for m in t.modifiers + t.portfolio_words for w in m.split()
        )
        # "the finance minister, Mohammed Al-Jadaan, said": a comma between title and name,
        # accepted only when another comma closes the name.
        self._rest_comma = re.compile(
            rf"(?P<tail>{portfolio}{to_whom})\s*,\s+(?:(?:{honor})\s+)*(?P<name>{name})(?=\s*,)"
        )
        self._former = re.compile(rf"(?i:\b(?:{alternation(t.former)}))\s*$")
        self._name_after = re.compile(rf"\s+(?:(?:{honor})\s+)*(?P<name>{name})")
        self._portfolio_words = frozenset(t.portfolio_words)
        self._place_words = t.place_words

    def find(
        self, text: str, hits: list[tuple[int, int]], mentions: list[ActorMention]
    ) -> Iterator[TitleMatch]:
        """Every title next to a name, with what it tells (see module doc)."""
        starts = [m.start for m in mentions]
        by_start = {m.start: m for m in mentions if m.kind in ("state", "organisation") and not m.dateline}
        for title_start, title_end, start, end in self._titles(text, hits, mentions):
            role = " ".join(text[title_start:title_end].split())
            words = role.lower().split()
            official = not (words[-1] in self._unofficial or " ".join(words[-2:]) in self._unofficial)
            former = bool(self._former.search(text, max(0, title_start - 20), title_start))
            actor = self._prefix_actor(text, title_start, title_end, mentions, starts)
            if actor is None:
                of = self._of_actor.match(text, end)
                if of is not None:
                    actor = by_start.get(of.end())
            if actor is not None and actor.end <= title_start:
                former = former or bool(self._former.search(text, max(0, actor.start - 20), actor.start))
            yield TitleMatch(title_start, title_end, start, end, role, official, former, actor)

    def _clean_name(self, text: str, start: int, end: int, actor_starts: set[int]) -> tuple[int, int]:
        """Cut a name at a word that cannot be part of it: a stop word, an actor name, a possessive."""
        cut = end
        for m in re.finditer(r"\S+", text[start:end]):
            word = m.group().rstrip(".,")
            s = start + m.start()
            first_name = (
                m.start() == 0 and word in _GIVEN_NAME_MONTHS and _NEXT_NAME.match(text, start + m.end())
            )
            if (word in self._not_names and not first_name) or s in actor_starts:
                cut = s
                break
            if _POSSESSIVE.search(m.group()):  # "Trump's newly launched board"
                cut = s + len(m.group()) - 2
                break
        name = text[start:cut].rstrip(" ,.")
        words = name.split()
        if len(words) > 2 and words[0] in self._place_words:  # "(to the Middle) East Steve Witkoff"
            return self._clean_name(text, start + len(words[0]) + 1, start + len(name), actor_starts)
        if words[:1] and words[0] in self._portfolio_words:
            return start, start  # "Minister for Foreign Affairs": the title ran into its own words
        while name and name.split()[-1] in self.particles:
            name = name[: name.rfind(" ")].rstrip()
        if name and name.split()[0] in self.honorifics:
            return self._clean_name(text, start + len(name.split()[0]) + 1, start + len(name), actor_starts)
        return start, start + len(name)

    @staticmethod
    def _covering(mentions: list[ActorMention], starts: list[int], pos: int) -> ActorMention | None:
        """The state or organisation mention that starts before ``pos`` and runs past it."""
        i = bisect.bisect_right(starts, pos) - 1
        if (
            i >= 0
            and mentions[i].start < pos < mentions[i].end
            and mentions[i].kind in ("state", "organisation")
        ):
            return mentions[i]
        return None

    @staticmethod
    def _actor_before(mentions: list[ActorMention], starts: list[int], pos: int) -> ActorMention | None:
        """The last state or organisation mention that ends at or before ``pos``."""
        i = bisect.bisect_right(starts, pos) - 1
        while i >= 0:
            m = mentions[i]
            if m.end <= pos and m.kind in ("state", "organisation"):
                return m
            i -= 1
        return None

    def _prefix_actor(
        self, text: str, title_start: int, title_end: int, mentions: list[ActorMention], starts: list[int]
    ) -> ActorMention | None:
        """The state or organisation a title belongs to: just before it, else inside it."""
        m = self._actor_before(mentions, starts, title_start)
        if m is not None and _GAP.fullmatch(text, m.end, title_start):
            return m
        i = bisect.bisect_left(starts, title_start)
        while i < len(mentions) and mentions[i].start < title_end:
            m = mentions[i]
            if m.end <= title_end and m.kind in ("state", "organisation"):
                return m
            i += 1
        return None

    def _titles(
        self, text: str, hits: list[tuple[int, int]], mentions: list[ActorMention]
    ) -> Iterator[tuple[int, int, int, int]]:
        """(title start, title end, name start, name end) for each title word followed by a name."""
        consumed = -1
        actor_starts = {a.start for a in mentions if a.kind in ("state", "organisation", "group")}
        starts = [a.start for a in mentions]
        for core_start, core_end in sorted(hits, key=lambda h: (h[0], h[0] - h[1])):
            if core_start < consumed:
                continue
            title_start = core_start
            for word in reversed(list(_WORD.finditer(text, max(0, core_start - 80), core_start))):
                if text[word.end() : title_start].strip() or word.group().lower() not in self._modifier_words:
                    break
                title_start = word.start()
            rest = self._rest.match(text, core_end) or self._rest_comma.match(text, core_end)
            if rest is not None:
                start, end = rest.span("name")
                title_end = rest.end("tail")
                inside = self._covering(mentions, starts, start)
                if inside is not None:  # "Ambassador to the United States Yerzhan ...": skip the actor
                    after = self._name_after.match(text, inside.end)
                    if after is None:
                        continue
                    start, end = after.span("name")
                    title_end = inside.end
                start, end = self._clean_name(text, start, end, actor_starts)
                if end > start:
                    consumed = end
                    yield title_start, title_end, start, end
                    continue
            appositive = self._appositive(text, title_start, mentions, starts, actor_starts)
            if appositive is not None:
                tail = self._tail_only.match(text, core_end)
                consumed = tail.end() if tail else core_end
                yield title_start, consumed, appositive[0], appositive[1]

    def _appositive(
        self,
        text: str,
        title_start: int,
        mentions: list[ActorMention],
        starts: list[int],
        actor_starts: set[int],
    ) -> tuple[int, int] | None:
        """The name before ", [Actor's] [the] <title>", when there is one."""
        pos = title_start
        while pos and text[pos - 1].isspace():
            pos -= 1
        m = self._actor_before(mentions, starts, pos)
        if m is not None and _POSSESSIVE_GAP.fullmatch(text, m.end, pos):
            pos = m.start
        found = self._apposition.search(text, max(0, pos - 80), pos)
        if found is None:
            return None
        start, end = self._clean_name(text, found.start("name"), found.end("name"), actor_starts)
        if end <= start or start != found.start("name") or end != found.end("name"):
            return None
        if any(m.start < end and start < m.end for m in mentions if m.kind != "person"):
            return None
        return start, end
