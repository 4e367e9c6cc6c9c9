"""The alias table of the actor finder: every way the gazetteer lets a state, organisation,
group, person or title be written, as (alias, Entry) pairs.

Besides the listed names, aliases and acronyms, an organisation named after a state is
also found with the state as a possessive ("Qatar's Fund for Development", "Saudi
Arabia's development fund"): see ``_possessive_variants``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pledgewatch.extract.gazetteer import Gazetteer

Kind = Literal["state", "organisation", "group", "person", "blocked", "title"]
Via = Literal["name", "acronym", "demonym", "capital", "territory", "group", "title", "surname"]


@dataclass(frozen=True, slots=True)
class Entry:
    name: str
    kind: Kind
    via: Via
    iso3: str | None
    surface: str | None  # exact surface required (acronyms); None: any case, capitalised
    ambiguous: bool
    speaks_for: str | None = None
    role: str | None = None


def _is_acronym(alias: str) -> bool:
    letters = alias.replace(".", "").replace("&", "")
    return (
        len(letters) <= 6
        and letters.isalpha()
        and any(c.isupper() for c in letters[1:] + letters[:1])
        and (letters.isupper() or sum(c.isupper() for c in letters) >= 2)
    )


def _strip_the(alias: str) -> str:
    return alias[4:] if alias.lower().startswith("the ") else alias


def alias_entries(gaz: Gazetteer) -> list[tuple[str, Entry]]:
    out: list[tuple[str, Entry]] = []

    def add(alias: str, entry: Entry) -> None:
        alias = _strip_the(alias.strip())
        if entry.surface is None and _is_acronym(alias):
            entry = Entry(entry.name, entry.kind, "acronym", entry.iso3, alias, entry.ambiguous)
        elif entry.surface is not None:
            entry = Entry(entry.name, entry.kind, entry.via, entry.iso3, alias, entry.ambiguous)
        out.append((alias, entry))

    for s in gaz.states:
        add(s.name, Entry(s.name, "state", "name", s.iso3, None, s.ambiguous))
        for alias in s.aliases:
            add(alias, Entry(s.name, "state", "name", s.iso3, None, False))
        for demonym in s.demonyms:
            add(demonym, Entry(s.name, "state", "demonym", s.iso3, None, False))
        for capital in s.capitals:
            add(capital, Entry(s.name, "state", "capital", s.iso3, None, False))
    iso3 = {s.name: s.iso3 for s in gaz.states}
    owners = _owner_forms(gaz)
    for o in gaz.organisations:
        add(o.name, Entry(o.name, "organisation", "name", None, None, False))
        for alias in o.aliases:
            add(alias, Entry(o.name, "organisation", "name", None, None, False))
        for alias in _possessive_variants((o.name, *o.aliases), owners):
            add(alias, Entry(o.name, "organisation", "name", None, None, False))
        for acronym in o.acronyms:
            add(acronym, Entry(o.name, "organisation", "acronym", None, acronym, False))
        for capital in o.capitals:
            add(capital, Entry(o.name, "organisation", "capital", None, None, False))
    for state, places in gaz.territories.items():
        for place in places:
            add(place, Entry(state, "state", "territory", iso3.get(state), None, False))
    for group, aliases in gaz.groups.items():
        for alias in aliases:
            add(alias, Entry(group, "group", "group", None, None, False))
    for p in gaz.people:
        for alias in (p.name, *p.variants):
            out.append((alias, Entry(p.name, "person", "name", None, None, False, p.speaks_for, p.role)))
        for surname in p.surnames:
            out.append(
                (surname, Entry(p.name, "person", "surname", None, surname, False, p.speaks_for, p.role))
            )
    for core in gaz.titles.official + gaz.titles.unofficial:
        out.append((core, Entry(core, "title", "title", None, None, False)))
    for phrase in gaz.blocked:
        out.append((phrase, Entry(phrase, "blocked", "name", None, None, False)))
    return out


def _owner_forms(gaz: Gazetteer) -> dict[str, tuple[str, ...]]:
    """Each way a state is written (name, alias, demonym) -> the names its possessive takes."""
    out: dict[str, tuple[str, ...]] = {}
    for s in gaz.states:
        names = tuple(a for a in (s.name, *s.aliases) if " " not in a or a.count(" ") <= 2)
        for form in (s.name, *s.aliases, *s.demonyms):
            out.setdefault(form, names)
    return out


def _possessive_variants(names: tuple[str, ...], owners: dict[str, tuple[str, ...]]) -> list[str]:
    """ "Qatar Fund for Development" is also written "Qatar's Fund for Development" and "Saudi Fund
    for Development" "Saudi Arabia's Development Fund": a state's name in an organisation's name
    may stand as a possessive, and "X Fund for Development" may read "X's development fund"."""
    out: list[str] = []
    for name in names:
        words = name.split()
        for k in (1, 2, 3):
            head, rest = " ".join(words[:k]), words[k:]
            if head not in owners or len(rest) < 2:
                continue
            tails = [" ".join(rest)]
            if rest[0] == "Fund" and rest[1:] and rest[1] == "for":
                tails.append(" ".join(rest[2:]) + " Fund")  # Fund for Development -> Development Fund
            for owner in owners[head]:
                for tail in tails:
                    out.extend((f"{owner}'s {tail}", f"{owner}’s {tail}"))
    return out
