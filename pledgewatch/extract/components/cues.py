"""Contribution cues: the words that say a donor pledged, delivered or denied something.

``CueLexicon.find(sentence)`` finds the cues of one sentence and joins cues that follow
each other with only small words between them into one chain ("revealed plans to
allocate", "announced on Sunday it will provide"): deny wins over pledge, pledge over
delivered. ``CueLexicon.nonclaims(sentence)`` finds what cancels a cue: expectations of
others, speculation, interest, unknown details, estimates, earlier aid. The patterns are
data (``data/cues.json``), validated when loaded.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import ahocorasick

from pledgewatch.errors import ExtractDataError

KINDS = ("pledge", "delivered", "deny")
SCOPES = ("sentence", "clause", "before", "phrase")
_RANK = {"deny": 2, "pledge": 1, "delivered": 0}


@dataclass(frozen=True, slots=True)
class Cue:
    """One cue or chain of cues in a sentence (offsets relative to the sentence)."""

    start: int
    end: int
    kind: str  # pledge | delivered | deny
    stage: str  # pledge | delivered
    name: str
    text: str
    nominal: bool = False  # "contributions from ...": the donors follow the cue


@dataclass(frozen=True, slots=True)
class NonClaim:
    start: int
    end: int
    scope: str
    name: str
    unless_deny: bool = False


@dataclass(frozen=True, slots=True)
class CueLexicon:
    verbs: re.Pattern[str]
    nouns: re.Pattern[str]
    nonclaim: re.Pattern[str]
    verb_rules: tuple[tuple[str, str, str], ...]  # (name, kind, stage) by group index
    noun_rules: tuple[tuple[str, str, str], ...]
    nonclaim_rules: tuple[tuple[str, str, bool], ...]  # (name, scope, unless_deny)
    speech_verbs: frozenset[str]
    non_giving: frozenset[str]
    relativizers: frozenset[str]
    trigger: re.Pattern[str]
    prefilter: Any  # an Aho-Corasick automaton over lowercase stems

    window: int = 250

    def may_hold_claims(self, text: str) -> bool:
        """The cheap exit: False unless a cue stem and an object stem stand close together in
        one sentence (or a membership stem appears anywhere)."""
        last = {"cue": -(10**9), "object": -(10**9)}
        for end, kind in self.prefilter.iter(text.lower()):
            if kind == "both":
                return True
            other = "object" if kind == "cue" else "cue"
            if end - last[other] <= self.window and not _SENTENCE_END.search(text, last[other], end):
                return True
            last[kind] = end
        return False

    def names_something(self, sentence: str) -> bool:
        """Does a sentence hold an object stem (something that can be given) or a membership stem?"""
        return any(kind != "cue" for _, kind in self.prefilter.iter(sentence.lower()))

    def find(self, sentence: str) -> list[Cue]:
        """The cue chains of a sentence, in order."""
        singles: list[Cue] = []
        for m in self.verbs.finditer(sentence):
            name, kind, stage = self.verb_rules[_group_index(m)]
            singles.append(Cue(m.start(), m.end(), kind, stage, name, m.group(0)))
        chains = _chain(singles, sentence)
        spans = [(c.start, c.end) for c in chains]
        denials = [c.end for c in chains if c.kind == "deny"]
        for m in self.nouns.finditer(sentence):
            if any(a < m.start() < b for a, b in spans):
                continue  # "increased its contribution by 37 percent": the noun belongs to the verb's chain
            if any(
                end <= m.start() and _DETERMINER_GAP.fullmatch(sentence, end, m.start()) for end in denials
            ):
                continue  # "has made no commitment of troops": the noun is the denial's object
            name, kind, stage = self.noun_rules[_group_index(m)]
            chains.append(Cue(m.start(), m.end(), kind, stage, name, m.group(0), nominal=True))
        chains.sort(key=lambda c: c.start)
        return chains

    def nonclaims(self, sentence: str) -> list[NonClaim]:
        out = []
        for m in self.nonclaim.finditer(sentence):
            name, scope, unless_deny = self.nonclaim_rules[_group_index(m)]
            out.append(NonClaim(m.start(), m.end(), scope, name, unless_deny))
        return out


def _group_index(m: re.Match[str]) -> int:
    return int((m.lastgroup or "g0")[1:])


_DETERMINER_GAP = re.compile(r"\s*(?:(?:a|an|any|no|its|their)\s+)?(?:[\w-]+\s+)?", re.I)
_SENTENCE_END = re.compile(r"[.!?]\s+[A-Z\"“]|\n")
_SMALL_GAP = re.compile(r"^[\s\w'’]{0,40}$")
_DIGIT = re.compile(r"\d")
_GAP_STOP = re.compile(r"\b(?:and|or|but|while|whereas|which|who|because|after|before|when|if|as)\b", re.I)


# "rejected reports that the emirate would give", "denied that Qatar had pledged": the second verb
# has a subject of its own
_OWN_SUBJECT = re.compile(
    r"\bthat\s+(?:(?i:the)\s+(?i:kingdom|emirate|country|government|state|sultanate|republic)\b|[A-Z])"
)


# "Qatar's pledge has been disbursed": the first cue is a noun, the subject of the second
_NOUN_SUBJECT = re.compile(r"^\s+(?:has|have|had)\s+(?:\w+\s+)?been\s+$")


_AGENT = re.compile(r"\s+by\s+(?:the\s+)?[A-Z]")
_POSSESSIVE = re.compile(r"\w['’]s?\s+$")


def _chain(singles: list[Cue], sentence: str) -> list[Cue]:
    """Join cues separated by at most three small words (no punctuation, no conjunction)."""
    chains: list[Cue] = []
    for cue in singles:
        if chains:
            last = chains[-1]
            gap = sentence[last.end : cue.start]
            if (
                _SMALL_GAP.match(gap)
                and not _DIGIT.search(gap)  # "contribution of NOK 200 million will": the amount is the object
                and len(gap.split()) <= 3
                and not _GAP_STOP.search(gap)
                and not _OWN_SUBJECT.search(gap)
                and not _NOUN_SUBJECT.match(gap)
                and not _POSSESSIVE.search(sentence, 0, last.start)  # "Oman's promised aid has not arrived"
                and not _AGENT.match(gap)  # "supplies donated by Kuwait are due": the agent is a subject
            ):
                kind = last.kind if _RANK[last.kind] >= _RANK[cue.kind] else cue.kind
                stage = _chain_stage(last, cue, kind)
                name = last.name if kind == last.kind else cue.name
                chains[-1] = Cue(last.start, cue.end, kind, stage, name, sentence[last.start : cue.end])
                continue
        chains.append(cue)
    return chains


def _chain_stage(first: Cue, second: Cue, kind: str) -> str:
    if kind == "deny":
        if first.name == "deny.denied" and second.kind != "deny":
            return second.stage  # "dismissed reports that it had sent troops": what is denied
        return first.stage if first.kind == "deny" else second.stage
    return "pledge" if "pledge" in (first.kind, second.kind) else "delivered"


def _alternation(patterns: list[str]) -> str:
    """One regex with one named group per pattern; word boundaries around the patterns
    (kept outside the alternation, so the engine can scan fast) unless a pattern starts
    with punctuation."""
    words = [
        f"(?P<g{i}>{p})" for i, p in enumerate(patterns) if not (p.startswith("\\") and p[1:2] in "?.!,;:")
    ]
    edges = [f"(?P<g{i}>{p})" for i, p in enumerate(patterns) if p.startswith("\\") and p[1:2] in "?.!,;:"]
    out = f"(?<![\\w'’])(?:{'|'.join(words)})(?!\\w)"
    return "|".join([out, *edges]) if edges else out


def _require(entry: dict[str, Any], key: str, allowed: tuple[str, ...] | None, where: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or (allowed is not None and value not in allowed):
        raise ExtractDataError(f"{where}: field {key!r} is {value!r}", path="extract/data/cues.json")
    return value


@lru_cache(maxsize=1)
def load_cues() -> CueLexicon:
    """Load and validate ``data/cues.json`` (cached)."""
    raw = resources.files("pledgewatch.extract.data").joinpath("cues.json").read_text(encoding="utf-8")
    return compile_cues(json.loads(raw))


def _cue_rules(data: dict[str, Any], section: str) -> tuple[list[tuple[str, str, str]], list[str]]:
    """The (name, kind, stage) rules of one cue section and their patterns, in order."""
    rules, patterns = [], []
    for i, entry in enumerate(data[section]):
        where = f"{section}[{i}]"
        rules.append(
            (
                _require(entry, "name", None, where),
                _require(entry, "kind", KINDS, where),
                _require(entry, "stage", ("pledge", "delivered"), where),
            )
        )
        patterns.append(_require(entry, "pattern", None, where))
    return rules, patterns


def compile_cues(data: dict[str, Any]) -> CueLexicon:
    """Validate and compile a cue lexicon; ``ExtractDataError`` names the bad entry."""
    try:
        verb_rules, verb_patterns = _cue_rules(data, "cues")
        noun_rules, noun_patterns = _cue_rules(data, "nouns")
        nc_rules, nc_patterns = [], []
        for i, entry in enumerate(data["nonclaims"]):
            where = f"nonclaims[{i}]"
            nc_rules.append(
                (
                    _require(entry, "name", None, where),
                    _require(entry, "scope", SCOPES, where),
                    bool(entry.get("unless_deny", False)),
                )
            )
            nc_patterns.append(_require(entry, "pattern", None, where))
        verbs = re.compile(_alternation(verb_patterns), re.I)
        nouns = re.compile(_alternation(noun_patterns), re.I)
        nonclaim = re.compile(_alternation(nc_patterns), re.I)
        trigger = re.compile(_alternation(verb_patterns + noun_patterns), re.I)
        speech = frozenset(w.lower() for w in data["speech_verbs"])
        non_giving = frozenset(w.lower() for w in data["non_giving_verbs"])
        prefilter = ahocorasick.Automaton()
        for key, kind in (("cues", "cue"), ("objects", "object"), ("both", "both")):
            for stem in data["prefilter"][key]:
                if not isinstance(stem, str) or not stem or stem != stem.lower():
                    raise ExtractDataError(
                        f"prefilter.{key}: {stem!r} is not lowercase", path="extract/data/cues.json"
                    )
                prefilter.add_word(stem, kind)
        prefilter.make_automaton()
        window = int(data["prefilter"]["window"])
        relativizers = frozenset(w.lower() for w in data["relativizers"])
    except (KeyError, TypeError) as error:
        raise ExtractDataError(f"cues.json is missing {error}", path="extract/data/cues.json") from error
    except re.error as error:
        raise ExtractDataError(
            f"cues.json has a bad pattern: {error}", path="extract/data/cues.json"
        ) from error
    return CueLexicon(
        verbs=verbs,
        nouns=nouns,
        nonclaim=nonclaim,
        verb_rules=tuple(verb_rules),
        noun_rules=tuple(noun_rules),
        nonclaim_rules=tuple(nc_rules),
        speech_verbs=speech,
        non_giving=non_giving,
        relativizers=relativizers,
        trigger=trigger,
        prefilter=prefilter,
        window=window,
    )
