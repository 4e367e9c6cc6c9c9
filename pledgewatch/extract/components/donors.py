"""Who gives: the donors of a cue, read from the actors around it.

The donor is the subject of the cue: the actor nearest before it in its clause that
is not governed by a preposition ("co-hosted by Egypt" is not a subject), together
with the actors coordinated with it ("Both Turkey and the UAE", "A, B, C and D").
A person stands for the state or organisation they speak for. Without an actor, a
pronoun or "the country" points back to the last donor or speaker. A group noun
("the Gulf nations") becomes the members the preceding sentences named.
``DocContext`` carries what earlier sentences told (last donors, last person).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from pledgewatch.errors import ExtractDataError
from pledgewatch.extract.components.actors import ActorMention, DocumentActors
from pledgewatch.extract.components.kinds import fitting
from pledgewatch.extract.components.recipients import aid_recipients
from pledgewatch.extract.gazetteer import load_gazetteer

_COORD = re.compile(r"^(?:\s*(?:,|and|&|as well as|both|the|also|plus)\s*)*$", re.I)
_LIST_LEAD = re.compile(r"^\s*(?:both\s+|the\s+|all\s+)*$", re.I)
_NP_FILLER = re.compile(r"^(?:\s*(?:the|and|,|[A-Z][\w’'.-]*)\s*)*$")
_PRONOUN = re.compile(
    r"\b(?:(?P<person>he|she)|(?P<state>the\s+(?:country|government|kingdom|emirate|state|sultanate|republic|nation)|its\s+government)"
    r"|(?P<thing>it|they|its|their|the\s+bloc)|(?P<we>we|(?:our|my)\s+(?:country|government|nation)))\b",
    re.I,
)
_PAREN = re.compile(r"\s*\([^()]{1,60}\)")
_WORD = re.compile(r"[\w’'-]+")
_COUNT = r"(?:(?:about|some|nearly|first)\s+)?(?P<n>(?!(?:19|20)\d\d\s)\d[\d,.]*(?:-strong)?\s+)?"
_POSSESSED = re.compile(rf"^['’]s?\s+{_COUNT}([\w-]+)")  # "Kenya's 400 police officers": X's count
_NAMED_INSTITUTION = re.compile(r"^['’]s?\s+(?:[A-Z][\w-]*\s+){1,3}([a-z]+)\b")
# "... for Sudan, and Lithuania paid": after a comma and a conjunction a new clause has its own subject
_CLAUSE_OPENER = re.compile(r"[,;]\s*(?:and|but|while|whereas)\s+(?:the\s+)?$", re.I)
_RELATIVE_CONJUNCT = re.compile(
    r",\s*(?:(?:which|who|whose)\s|(?:the|an?)\s(?=[^,;()]*?\b[a-z]{3,}))[^,;()]{1,80},\s*and\s+(?:the\s+)?"
)
_TO_VERB = re.compile(r"^\s*(?:(?:also|then|later|itself|\w+ly)\s+)?$")


@dataclass(frozen=True, slots=True)
class Donors:
    """The donors of one cue and how they were found (for --explain)."""

    names: tuple[str, ...]
    chain: tuple[str, ...]  # e.g. ('"he"', "Serik Zhumangarin", "Kazakhstan")
    speaker: str | None = None
    end: int = 0  # where the donor phrase ends (nominal cues: the object starts there)
    group_count: int | None = None
    listed: tuple[tuple[str, int], ...] = ()  # (donor, end of its mention) in a list after a nominal cue
    object_at: int = -1  # "Aid from Japan arrived": the object is the subject, from here
    object_end: int = -1  # "only $100m has arrived": ... up to here


@dataclass(slots=True)
class DocContext:
    """What the sentences read so far tell about the next ones."""

    actors: DocumentActors
    last_donors: tuple[str, ...] = ()
    sentence_no: int = 0  # sentences read so far
    last_donors_no: int = -(10**6)  # the sentence that named the last donors
    last_person: ActorMention | None = None
    states_seen: list[str] = field(default_factory=list)
    recipients: set[str] = field(default_factory=set)  # bodies the document shows collecting pledges
    year: int | None = None  # the publication year: aid "in 2023" before it is earlier aid
    _recipients: frozenset[str] | None = None
    prev_states: tuple[str, ...] = ()  # the states the previous sentence names
    prev_bodies: tuple[str, ...] = ()  # the organisations it names

    def aid_recipients(self) -> frozenset[str]:
        """States the document shows receiving aid ("to help Moldova", "Moldova's recovery")."""
        if self._recipients is None:
            states = [(m.start, m.end, m.name) for m in self.actors.mentions if m.kind == "state"]
            self._recipients = aid_recipients(self.actors.text, states)
        return self._recipients

    def set_donors(self, names: tuple[str, ...]) -> None:
        self.last_donors, self.last_donors_no = names, self.sentence_no

    def recent_donors(self) -> tuple[str, ...]:
        """The last donors, if named in this sentence or the two before ("It also said it would ...")."""
        return self.last_donors if self.sentence_no - self.last_donors_no <= 2 else ()

    def see(self, mentions: list[ActorMention]) -> None:
        self.sentence_no += 1
        self.prev_states = tuple(
            dict.fromkeys(
                m.name for m in mentions if m.kind == "state" and m.via != "territory" and not m.dateline
            )
        )
        self.prev_bodies = tuple(dict.fromkeys(m.name for m in mentions if m.kind == "organisation"))
        for m in mentions:
            if m.kind == "person":
                self.last_person = m
            elif (
                m.kind == "state"
                and m.via != "territory"
                and not m.dateline
                and m.name not in self.states_seen
            ):
                self.states_seen.append(m.name)

    def person_state(self, person: ActorMention) -> str | None:
        if person.official is False:
            return None
        return self.actors.speaker_state(person)


@lru_cache(maxsize=1)
def load_grammar() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(prepositions, keep_possessor, after_subject) from ``data/grammar.json``."""
    raw = resources.files("pledgewatch.extract.data").joinpath("grammar.json").read_text(encoding="utf-8")
    try:
        data = json.loads(raw)
        return (
            frozenset(data["prepositions"]),
            frozenset(data["keep_possessor"]),
            frozenset(data["after_subject"]),
        )
    except (KeyError, TypeError) as error:
        raise ExtractDataError(
            f"grammar.json is invalid: {error}", path="extract/data/grammar.json"
        ) from error


@lru_cache(maxsize=1)
def time_words() -> frozenset[str]:
    """Day and month names: "On Monday, Serbia declined" (``data/grammar.json``)."""
    raw = resources.files("pledgewatch.extract.data").joinpath("grammar.json").read_text(encoding="utf-8")
    return frozenset(w.lower() for w in json.loads(raw).get("time_words", []))


@lru_cache(maxsize=1)
def load_groups() -> dict[str, tuple[str, ...]]:
    """Members of the groups of states a text may name collectively (``data/groups.json``)."""
    raw = resources.files("pledgewatch.extract.data").joinpath("groups.json").read_text(encoding="utf-8")
    try:
        return {g["name"]: tuple(g["members"]) for g in json.loads(raw)["groups"]}
    except (KeyError, TypeError) as error:
        raise ExtractDataError(f"groups.json is invalid: {error}", path="extract/data/groups.json") from error


def usable(m: ActorMention) -> bool:
    """Mentions that can be donors: not datelines, not territories, not blocked."""
    return not m.dateline and m.via != "territory" and m.kind in ("state", "organisation", "person", "group")


def governed(text: str, m: ActorMention, floor: int) -> bool:
    """True when a preposition governs the mention ("by Egypt and Norway", "in Washington")."""
    words = _WORD.findall(text[floor : m.start])
    recent = words[-5:]
    for i in range(len(recent) - 1, -1, -1):
        word = recent[i]
        low = word.lower()
        if low == "of" and i > 0 and recent[i - 1][0].isupper():
            continue  # "Minister of International Development Anne X": the title's own "of"
        if low in load_grammar()[0]:
            if low == "with" and re.match(r"\s+\w+ing\b", text[m.end : m.end + 20]):
                return False  # "with the United States pledging $4 billion"
            return low != "including"
        if low in time_words():
            return False  # "On Monday, Serbia declined": the preposition governs the date
        if low in ("the", "and", "both") or word[0].isupper():
            continue
        return False
    return False


def _fresh_subject(text: str, m: ActorMention, hi: int) -> bool:
    """ "... to buy wheat for Sudan, and Lithuania paid": the mention opens a new clause as the
    subject of the verb right after it, whatever preposition governed the list before the comma."""
    return bool(_CLAUSE_OPENER.search(text, 0, m.start)) and bool(_TO_VERB.match(text[m.end : hi]))


def _modifier(text: str, m: ActorMention, hi: int) -> bool:
    """A state name used inside a longer name ("Ukraine Recovery Conference"), a mere
    possessor ("Ukraine's allies") or a noun modifier ("IDA replenishment", "US allies")."""
    if m.kind == "person":
        return False
    _, keep, after = load_grammar()
    owned = _POSSESSED.match(text[m.end : m.end + 40])
    if owned and not owned.group("n") and owned.group(2).lower() not in keep:
        # "Norway's Nansen programme": a named institution of the possessor keeps it the giver
        named = _NAMED_INSTITUTION.match(text[m.end : m.end + 60])
        if not (named and named.group(1) in keep):
            return True
    word = re.match(r"\s+([a-z][\w-]*)", text[m.end : hi])
    if word and not owned:
        w = word.group(1)
        if w not in after and w not in keep and not w.endswith(("ly", "ed")) and w not in load_grammar()[0]:
            return True
    nxt = re.match(r"\s+([A-Z][a-z]+)", text[m.end : min(hi, m.end + 30)])
    return nxt is not None and nxt.group(1) not in {"And", "The"} and m.via in ("name", "capital")


def resolve(
    m: ActorMention, ctx: DocContext, groups_used: list[str] | None = None
) -> tuple[list[str], str | None]:
    """Donor names for one mention, and the speaker when it is a person."""
    if m.kind == "person":
        state = ctx.person_state(m)
        return ([state] if state else []), m.name
    if m.kind == "group":
        members = load_groups().get(m.name, ())
        named = [s for s in ctx.states_seen if s in members]
        return named, None
    if m.name in _recipients():
        return [], None  # "the Board of Peace will provide ...": the initiative gives nothing to itself
    return [m.name], None


@lru_cache(maxsize=1)
def _recipients() -> frozenset[str]:
    return frozenset(o.name for o in load_gazetteer().organisations if o.recipient)


def coordinated_left(text: str, mentions: list[ActorMention], head: int, floor: int) -> list[ActorMention]:
    """The head mention and the mentions coordinated before it ("A, B and C")."""
    group = [mentions[head]]
    i = head - 1
    while i >= 0 and mentions[i].start >= floor:
        gap = text[mentions[i].end : group[0].start]
        k = _across_relative(text, mentions, i, group[0].start, floor)
        if k is not None:  # "Italy, which holds the G7 presidency, and Japan pledged"
            i, gap = k, ""
        if mentions[i].kind == "person" or not usable(mentions[i]) or not _COORD.match(gap):
            break
        if governed(text, mentions[i], floor):  # "Among the Gulf states, the UAE pledged"
            break
        group.insert(0, mentions[i])
        i -= 1
    return group


def _across_relative(text: str, mentions: list[ActorMention], i: int, at: int, floor: int) -> int | None:
    """The mention (index at or before ``i``) that a relative clause or apposition ending in ", and"
    right before ``at`` follows: the first conjunct of "A, which ..., and B", "A, the host, and B"."""
    for k in range(i, -1, -1):
        if mentions[k].start < floor:
            return None
        if _RELATIVE_CONJUNCT.fullmatch(text, mentions[k].end, at):
            return k
    return None


def coordinated_right(text: str, mentions: list[ActorMention], first: int, limit: int) -> list[ActorMention]:
    """A list of mentions starting at ``first`` ("Kazakhstan, Azerbaijan, ... and the Gulf nations")."""
    group = [mentions[first]]
    i = first + 1
    while i < len(mentions) and mentions[i].end <= limit:
        gap = _PAREN.sub("", text[group[-1].end : mentions[i].start])  # "Norway ($50 million), Sweden"
        if not usable(mentions[i]) or not _COORD.match(gap.replace("—", ",").replace("–", ",")):
            break
        group.append(mentions[i])
        i += 1
    return group


def subject_donors(
    text: str, offset: int, mentions: list[ActorMention], lo: int, hi: int, ctx: DocContext
) -> Donors | None:
    """Donors from the subject region ``text[lo:hi]`` (sentence offsets; mentions absolute)."""
    local = [m for m in mentions if lo <= m.start - offset and m.end - offset <= hi]
    candidates = [
        i
        for i, m in enumerate(local)
        if usable(m)
        and (not governed(text, _shift(m, offset), lo) or _fresh_subject(text, _shift(m, offset), hi))
        and not _modifier(text, _shift(m, offset), hi)
    ]
    if candidates:
        head = candidates[-1]
        shifted = [_shift(m, offset) for m in local]
        if local[head].kind == "person":
            names, speaker = resolve(local[head], ctx)
            if not names:
                return None
            return Donors(tuple(names), (local[head].surface, local[head].name, names[0]), speaker, hi)
        group = coordinated_left(text, shifted, head, lo)
        names = []
        chain: list[str] = []
        for g in group:
            resolved, _ = resolve(g, ctx)
            chain.append(g.surface if resolved == [g.surface] else f"{g.surface} → {', '.join(resolved)}")
            names.extend(n for n in resolved if n not in names)
        return Donors(tuple(names), tuple(chain), None, hi) if names else None
    region = text[lo:hi]
    for p in reversed(list(_PRONOUN.finditer(region))):
        if p.group("state"):
            # "the Saudi ministry rejected claims that the kingdom had paid": a state of this sentence
            own = [
                m
                for m in mentions
                if m.kind == "state" and usable(m) and m.end - offset <= lo + p.start()
                if fitting(p.group(0), (m.name,))
            ]
            if own:
                return Donors((own[-1].name,), (f'"{p.group(0)}"', own[-1].surface, own[-1].name), None, hi)
        if p.group("we"):
            # '"We are committing $250 million," said Prime Minister X': the quoted speaker's state
            people = [m for m in mentions if m.kind == "person" and ctx.person_state(m)]
            person = people[0] if people else None
            state = ctx.person_state(person) if person else None
            if (
                person
                and state
                and text[: lo + p.start()].count("\u201c") + text[: lo + p.start()].count('"')
            ):
                return Donors((state,), (f'"{p.group(0)}"', person.name, state), person.name, hi)
            return None
        if p.group("person"):
            person = ctx.last_person
            state = ctx.person_state(person) if person else None
            if person and state:
                return Donors((state,), (f'"{p.group(0)}"', person.name, state), person.name, hi)
            return None
        recent = fitting(p.group(0), ctx.recent_donors())  # "the emirate" is no kingdom
        if recent:
            return Donors(recent, (f'"{p.group(0)}"', *recent), None, hi)
        just = fitting(p.group(0), ctx.prev_states)
        if p.group("state") and len(just) == 1:
            # "The Saudi government hosted the talks. The kingdom pledged ...": the one state just named
            return Donors(just, (f'"{p.group(0)}"', *just), None, hi)
        if p.group(0).lower().endswith("bloc") and len(ctx.prev_bodies) == 1:
            return Donors(ctx.prev_bodies, (f'"{p.group(0)}"', *ctx.prev_bodies), None, hi)
        return None
    return None


def list_after(
    text: str, offset: int, mentions: list[ActorMention], lo: int, hi: int, ctx: DocContext
) -> Donors | None:
    """Donors listed right after a nominal cue ("contributions from nine countries—including A, B")."""
    local = [_shift(m, offset) for m in mentions if lo <= m.start - offset and m.end - offset <= hi]
    local = [m for m in local if usable(m)]
    if not local:
        return None
    lead = text[lo : local[0].start]
    count_m = re.match(
        r"^\s*(?:the\s+|other\s+)*(\w+)\s+(?:countries|states|nations|donors|governments)\b", lead, re.I
    )
    if not (_LIST_LEAD.match(lead) or (count_m and re.search(r"including\s*$|such as\s*$|:\s*$", lead))):
        return None
    group = coordinated_right(text, local, 0, hi)
    names: list[str] = []
    chain: list[str] = []
    for g in group:
        resolved, _ = resolve(g, ctx)
        chain.append(g.surface if resolved == [g.surface] else f"{g.surface} → {', '.join(resolved)}")
        names.extend(n for n in resolved if n not in names)
    count = number(count_m.group(1)) if count_m else None
    if count is not None and count != len(names):
        return None
    listed = tuple((g.name, g.end) for g in group if g.kind in ("state", "organisation"))
    end = group[-1].end
    tail = _PAREN.match(text, end)
    if tail and tail.start() - end <= 1:
        end = tail.end()
    return Donors(tuple(names), tuple(chain), None, end, count, listed) if names else None


_NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_NUMBERS = {w: i for i, w in enumerate((*_NUMBER_WORDS, "eleven", "twelve"))}


def number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return _NUMBERS.get(word.lower())


def _shift(m: ActorMention, offset: int) -> ActorMention:
    """The mention with offsets relative to a sentence starting at ``offset``."""
    if offset == 0:
        return m
    return ActorMention(
        start=m.start - offset,
        end=m.end - offset,
        surface=m.surface,
        name=m.name,
        kind=m.kind,
        via=m.via,
        iso3=m.iso3,
        confidence=m.confidence,
        dateline=m.dateline,
        speaks_for=m.speaks_for,
        role=m.role,
        affiliation=m.affiliation,
        official=m.official,
    )
