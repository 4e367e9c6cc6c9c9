"""Actor resolution across documents: one canonical name per donor, however it is spelled.

``resolve_actor("the UAE")``, ``resolve_actor("Emirati")`` and ``resolve_actor("United Arab
Emirates")`` all give ``"United Arab Emirates"``; ``resolve_actor("Toqaev")`` gives
``"Kazakhstan"``: a person is linked to the state or organisation they speak for.

Names come from ``data/actors.json`` (validated on load) and, for states it does not
list, from pycountry. A name nobody knows stays as written, tidied (whitespace, a
leading "the").
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Literal

from pledgewatch.errors import LedgerDataError

ActorKind = Literal["state", "organisation", "person"]

_TITLES = re.compile(
    r"^(?:(?:president|prime minister|pm|foreign minister|minister|deputy prime minister|king|queen|emir|"
    r"sheikh|crown prince|prince|chancellor|secretary[- ]general|secretary of state|secretary|"
    r"spokesperson|spokesman|spokeswoman|ambassador|mr|mrs|ms|dr)\.?\s+)+"
)


@dataclass(frozen=True, slots=True)
class Actor:
    """A canonical actor: the name every spelling resolves to."""

    name: str
    kind: ActorKind
    iso3: str | None = None
    speaks_for: str | None = None
    role: str | None = None


@lru_cache(maxsize=65536)
def normalise(name: str) -> str:
    """The lookup key of a name: accents, case, dots, apostrophes, hyphens and 'the' removed."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = text.replace("’", "'").replace(".", "")
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"[^\w]+", " ", text).strip()
    text = re.sub(r"^the\s+", "", text)
    return re.sub(r"\s+", " ", text)


def tidy(name: str) -> str:
    """A name nobody knows, as written but without stray whitespace or a leading 'the'."""
    text = re.sub(r"\s+", " ", name).strip()
    return re.sub(r"^(?:the|The)\s+", "", text)


class ActorIndex:
    """Every known spelling → its Actor; people resolve to whom they speak for."""

    def __init__(self, actors: list[Actor], aliases: dict[str, str]) -> None:
        self._by_name = {a.name: a for a in actors}
        self._aliases = aliases  # normalised spelling -> canonical name (state, org or person)

    def lookup(self, name: str) -> Actor | None:
        key = normalise(name)
        canonical = self._aliases.get(key)
        if canonical is None:
            stripped = _TITLES.sub("", key)
            canonical = self._aliases.get(stripped)
        return self._by_name.get(canonical) if canonical else None

    def resolve(self, name: str) -> str:
        """The donor a name stands for: a state or organisation's canonical name."""
        actor = self.lookup(name)
        if actor is None:
            return tidy(name)
        if actor.kind == "person" and actor.speaks_for:
            return actor.speaks_for
        return actor.name

    def actor(self, canonical: str) -> Actor | None:
        return self._by_name.get(canonical)


def _require(entry: Any, key: str, where: str) -> Any:
    if not isinstance(entry, dict) or key not in entry:
        raise LedgerDataError(f"{where}: entry {entry!r} lacks '{key}'", path="ledger/data/actors.json")
    return entry[key]


def _pycountry_states() -> list[tuple[Actor, list[str]]]:
    import pycountry

    states = []
    for country in pycountry.countries:
        name = getattr(country, "common_name", None) or country.name
        spellings = [country.name, getattr(country, "official_name", None) or country.name]
        states.append((Actor(name=name, kind="state", iso3=country.alpha_3), spellings))
    return states


def load_index(raw: dict[str, Any]) -> ActorIndex:
    """Build the index from the JSON data; a malformed entry raises LedgerDataError (PW401)."""
    actors: dict[str, Actor] = {}
    aliases: dict[str, str] = {}

    def add(actor: Actor, spellings: list[str]) -> None:
        actors[actor.name] = actor
        for spelling in [actor.name, *spellings]:
            aliases[normalise(spelling)] = actor.name

    curated = raw.get("states", [])
    curated_iso = {_require(e, "iso3", "states") for e in curated}
    iso_spellings: dict[str, list[str]] = {}
    for state, spellings in _pycountry_states():
        iso_spellings[state.iso3 or ""] = [state.name, *spellings]
        if state.iso3 not in curated_iso:
            add(state, spellings)
    for entry in curated:
        name = _require(entry, "name", "states")
        spellings = [*iso_spellings.get(entry["iso3"], []), *entry.get("aliases", [])]
        add(Actor(name=name, kind="state", iso3=entry["iso3"]), spellings)
    for entry in raw.get("organisations", []):
        add(
            Actor(name=_require(entry, "name", "organisations"), kind="organisation"),
            entry.get("aliases", []),
        )
    for entry in raw.get("people", []):
        speaks_for = _require(entry, "speaks_for", "people")
        if speaks_for not in actors:
            raise LedgerDataError(
                f"people: {entry.get('name')!r} speaks for unknown actor {speaks_for!r}",
                path="ledger/data/actors.json",
            )
        person = Actor(
            name=_require(entry, "name", "people"),
            kind="person",
            speaks_for=speaks_for,
            role=entry.get("role"),
        )
        add(person, list(entry.get("aliases", [])))
    return ActorIndex(list(actors.values()), aliases)


@lru_cache(maxsize=1)
def default_index() -> ActorIndex:
    """The bundled index, built once on first use."""
    text = resources.files("pledgewatch.ledger").joinpath("data/actors.json").read_text(encoding="utf-8")
    return load_index(json.loads(text))


@lru_cache(maxsize=65536)
def resolve_actor(name: str) -> str:
    """The canonical donor for any spelling of a state, organisation or person speaking for one."""
    return default_index().resolve(name)
