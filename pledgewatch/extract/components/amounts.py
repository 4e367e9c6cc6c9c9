"""Amounts of money and contribution counts, found with compiled regexes over plain text.

    >>> from pledgewatch.extract.components.amounts import find_amounts
    >>> [(a.value, a.unit, a.bound) for a in find_amounts("more than $7 billion and 500 educational grants")]
    [(7000000000.0, 'USD', 'min'), (500.0, 'grants', None)]

``find_amounts(text)`` returns ``AmountMention``s in text order; ``start``/``end``
are character offsets into ``text`` (the bound words are not part of the span).

- money: ``kind="money"``, ``value`` in units of the currency, ``unit`` its ISO 4217
  code ("$7bn" -> 7e9 USD, "₹1.59 lakh" -> 159000 INR, "845.6 billion won" -> KRW;
  a bare "$" is USD). A number with a scale word but no currency ("a further 7bn")
  is money with ``unit=None``, unless a noun follows it ("2.1 million Palestinians"
  is nothing).
- counts: ``kind="count"``, ``unit`` the plural lowercase head noun from
  data/count_units.json. Up to two modifier words may stand between the number and
  the noun, and are not part of the unit: "500 university scholarships" ->
  scholarships, "4,200 aid trucks" -> trucks, "two field hospitals" -> hospitals.
  Numbers before any other noun are not amounts.
- ``bound``: "more than/over/at least" -> ``min``; "up to/as many as" -> ``max``;
  "about/nearly/around/some" -> ``approx`` (data/currencies.json). A range
  ("$2-3 billion") keeps its low end with ``min``.
- ``conversion_of``: for an amount that restates the one before it in another
  currency, "50 billion euros (USD 55 billion)" or ", or about $608 million", the
  index (in the returned list) of the original; the claims layer keeps the original.
- "a 1,000-strong force" (or contingent, battalion...) is a count of troops.
- Percentages, years, times, ordinals, "20-point", "5+1" and "G20" are not amounts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import ahocorasick

from pledgewatch.extract.components.folding import match_text
from pledgewatch.extract.gazetteer import Gazetteer, load_gazetteer

AmountKind = Literal["money", "count"]
Bound = Literal["min", "max", "approx"]


@dataclass(frozen=True, slots=True)
class AmountMention:
    start: int
    end: int
    surface: str
    value: float
    unit: str | None
    bound: Bound | None
    kind: AmountKind
    conversion_of: int | None = None

    @property
    def is_conversion(self) -> bool:
        return self.conversion_of is not None


def _alternation(words: list[str] | tuple[str, ...] | set[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_ATTACHED_SCALES = ("bn", "mn", "tn", "trn", "bln", "mln", "m", "b", "k", "cr")
_STOP_MODIFIERS = (
    "of|the|and|or|to|for|in|from|with|by|at|on|per|a|an|this|that|these|those|its|their|his|her|our|"
    "more(?=\\s+than)|than|was|were|is|are|be|been|will|would|have|has|had|said|says|each|every|which|who"
)
_CONVERSION_GAP = re.compile(
    r"\s*(?:\(\s*|,\s*or\s+|\s+or\s+|,\s*equivalent\s+to\s+|\s*–\s*|\s*—\s*)"
    r"(?:(?:about|approx\.?|approximately|around|roughly|some|nearly|almost|equivalent\s+to|"
    r"equal\s+to|worth|or|~)\s*)?$",
    re.IGNORECASE,
)
_NOT_AFTER = re.compile(
    r"\s*(?:%|per\s*cent\b|percent\b|pct\b|-point\b|-year\b|:\d|\+\d|th\b|st\b|nd\b|rd\b)", re.I
)
_NEXT_WORD = re.compile(r"\s*([A-Za-z][\w\-]*)")
_FREE_AFTER = frozenset(
    re.split(
        r"\s+",
        "in for to of worth toward towards over from this as and by at on into under with that which "
        "a an the annually each per",
    )
)


class AmountFinder:
    """Compiled money and count grammar over the shipped lexicons. Build with ``load()``."""

    def __init__(self, gaz: Gazetteer) -> None:
        cur = gaz.currencies
        self._symbols = cur.symbols
        self._words = cur.words
        self._scales = cur.scales
        self._numbers = cur.number_words
        self._units = gaz.units
        letters = [s for s in cur.symbols if s[:1].isalpha()]
        signs = [s for s in cur.symbols if not s[:1].isalpha()]
        word_scales = [s for s in cur.scales if len(s) > 1]
        number_words = _alternation(list(cur.number_words))
        iso_codes = [s for s in letters if s.isalpha() and s.isupper() and len(s) == 3]
        self._body = re.compile(
            rf"(?:(?P<sign>{_alternation(signs)})|(?<![A-Za-z])(?P<code>{_alternation(letters)}))?\s?"
            rf"(?:(?<![\d,])(?<!\d\.)(?P<num>{_NUMBER})|\b(?P<word>(?i:{number_words})))"
            rf"(?:\s*(?:-|–|to)\s*(?P<num2>{_NUMBER}))?"
            rf"(?:(?P<att>(?i:{_alternation(_ATTACHED_SCALES)}))(?![\w])"
            rf"|\s*-?\s*(?P<scale>(?i:{_alternation(word_scales)}))(?:\s+(?P<scale2>(?i:crore|billion|million)))?\b)?"
            rf"(?:\s*(?P<post_code>(?<![A-Za-z])(?:{_alternation(iso_codes)})\b)"
            rf"|\s+(?P<post_word>(?i:{_alternation([*cur.words, *cur.contextual])}))\b)?"
        )
        # Scanning: a cheap guard lets the engine skip every position that cannot start a
        # number written in digits (a digit, a currency sign, or a capital within 5 characters
        # of a digit: "USD400", "Rs 5"). Numbers written in words are found by an automaton.
        marks = "".join(sorted({re.escape(c) for c in "0123456789"} | {re.escape(x[0]) for x in signs}))
        self._scan = re.compile(rf"(?=[{marks}]|[A-Z][A-Za-z.$ ]{{0,4}}\d){self._body.pattern}")
        self._word_numbers = ahocorasick.Automaton()
        for word in cur.number_words:
            if word in ("a", "an"):
                for scale in word_scales:
                    self._word_numbers.add_word(match_text(f"{word} {scale}"), len(word) + len(scale) + 1)
            else:
                self._word_numbers.add_word(match_text(word), len(word))
        self._word_numbers.make_automaton()
        forms = _alternation(list(gaz.units))
        self._unit_after = re.compile(
            rf"[ \t]+(?P<mods>(?:(?!(?:{_STOP_MODIFIERS})\b)[A-Za-z][\w\-]*[ \t]+){{0,2}})"
            rf"(?P<unit>(?i:{forms}))\b"
        )
        self._strong = re.compile(
            rf"-strong[ \t]+(?:[a-z][\w\-]*[ \t]+){{0,2}}?(?:{_alternation(gaz.strong_heads)})\b",
            re.IGNORECASE,
        )
        self._strong_unit = gaz.strong_unit
        self._bounds = cur.bounds
        self._particles = cur.particle_verbs
        self._contextual = {
            word: (
                default,
                re.compile(
                    "|".join(
                        f"(?P<c{i}>\\b(?:{_alternation(names)})\\b)" for i, (_, names) in enumerate(pairs)
                    )
                ),
                tuple(code for code, _ in pairs),
            )
            for word, (default, pairs) in cur.contextual.items()
        }
        self._bound_words = max(len(b.split()) for b in cur.bounds)

    @classmethod
    @lru_cache(maxsize=1)
    def load(cls) -> AmountFinder:
        return cls(load_gazetteer())

    def _value(self, g: dict[str, str | None]) -> float:
        num, word = g["num"], g["word"]
        value = (
            float(num.replace(",", ""))
            if num
            else self._numbers.get(" ".join((word or "").lower().split()), 0.0)
        )
        for group in ("att", "scale", "scale2"):
            scale = g[group]
            if scale:
                value *= self._scales[scale.lower()]
        return value

    def _currency(self, g: dict[str, str | None], text: str = "", at: int = 0) -> str | None:
        symbol = g["sign"] or g["code"] or g["post_code"]
        if symbol:
            return self._symbols[symbol]
        if g["post_word"]:
            word = " ".join(g["post_word"].lower().split())
            if word in self._contextual:
                return self._by_context(word, text, at)
            return self._words[word]
        return None

    def _by_context(self, word: str, text: str, at: int) -> str | None:
        """ "1 billion kroner": the currency of the country named last before it in its paragraph."""
        default, pattern, codes = self._contextual[word]
        lo = text.rfind("\n\n", 0, at)
        last = None
        for found in pattern.finditer(text, max(0, lo, at - 600), at):
            last = found
        if last is None:
            return default
        return codes[int((last.lastgroup or "c0")[1:])]

    def _matches(self, text: str) -> list[re.Match[str]]:
        found = list(self._scan.finditer(text))
        covered = bytearray(len(text) + 1)
        for m in found:
            covered[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
        for last, length in self._word_numbers.iter(match_text(text)):
            start = last - 1 - length
            if not covered[start]:
                match = self._body.match(text, start)
                if match is not None:
                    found.append(match)
                    covered[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
        found.sort(key=lambda m: m.start())
        return found

    def find(self, text: str) -> list[AmountMention]:
        out: list[AmountMention] = []
        for m in self._matches(text):
            g = m.groupdict()
            if not (g["num"] or g["word"]):
                continue
            prefixed = bool(g["sign"] or g["code"])
            if g["num"] and not prefixed:
                before = text[max(0, m.start("num") - 2) : m.start("num")]
                if before[-1:].isalpha() or (before[-1:] == "-" and before[:1].isalnum()):
                    continue  # G20, COVID-19
            if _NOT_AFTER.match(text, m.end()):
                continue
            currency = self._currency(g, text, m.start())
            scaled = bool(g["att"] or g["scale"])
            if not scaled and (g["word"] or "").lower() in ("a", "an", "half a"):
                continue
            if g["att"] and len(g["att"]) == 1 and currency is None:
                continue
            value = self._value(g)
            start, end = m.start(), m.end()
            if not prefixed:
                start = m.start("num") if g["num"] else m.start("word")
            unit: str | None = currency
            kind: AmountKind = "money"
            if currency is None:
                counted = self._unit_after.match(text, end)
                strong = self._strong.match(text, end) if g["num"] and not scaled else None
                if counted and self._plausible_count(counted.group("mods"), value, g["num"]):
                    unit, kind, end = self._count_unit(counted.group(0)), "count", counted.end()
                elif strong:
                    unit, kind, end = self._strong_unit, "count", strong.end()
                elif scaled:
                    nxt = _NEXT_WORD.match(text, end)
                    if nxt and nxt.group(1).lower() not in _FREE_AFTER:
                        continue
                else:
                    continue
            end = len(text[:end].rstrip())
            bound = self._bound(text, start)
            if g["num2"] and bound is None:
                bound = "min"
            out.append(AmountMention(start, end, text[start:end], value, unit, bound, kind))
        return self._mark_conversions(text, out)

    @staticmethod
    def _plausible_count(modifiers: str | None, value: float, digits: str | None) -> bool:
        """'500 Kazakh troops' yes; 'in 2014 Palestinians seek shelter' no: a year before capitals."""
        if not modifiers or modifiers[:1].islower():
            return True
        return not (digits and len(digits) == 4 and digits.isdigit() and 1900 <= value <= 2100)

    def _count_unit(self, phrase: str) -> str:
        """The unit of 'police officers' is the two-word lexicon noun, of 'aid trucks' the head."""
        words = phrase.lower().split()
        for size in (3, 2):
            if len(words) >= size and " ".join(words[-size:]) in self._units:
                return self._units[" ".join(words[-size:])]
        return self._units[words[-1]]

    def _bound(self, text: str, start: int) -> Bound | None:
        """The bound phrase ending right before the amount: its last one to four words."""
        window = text[max(0, start - 40) : start]
        if window.endswith("~"):
            return "approx"
        words = [w.strip("([\"'“‘,;:") for w in window.lower().split()]
        for size in range(min(self._bound_words, len(words)), 0, -1):
            bound = self._bounds.get(" ".join(words[-size:]))
            if bound is not None:
                if size == 1 and len(words) > 1 and words[-2] in self._particles:
                    return None  # "handed over $50 million": a verb particle, not "more than"
                return bound  # type: ignore[return-value]
        return None

    @staticmethod
    def _mark_conversions(text: str, mentions: list[AmountMention]) -> list[AmountMention]:
        out: list[AmountMention] = []
        for i, m in enumerate(mentions):
            if i and m.kind == "money" and mentions[i - 1].kind == "money":
                gap = text[mentions[i - 1].end : m.start]
                prev = out[i - 1]
                origin = prev.conversion_of if prev.conversion_of is not None else i - 1
                if len(gap) < 40 and _CONVERSION_GAP.fullmatch(gap) and m.unit != mentions[i - 1].unit:
                    m = AmountMention(m.start, m.end, m.surface, m.value, m.unit, m.bound, m.kind, origin)
            out.append(m)
        return out


def find_amounts(text: str) -> list[AmountMention]:
    """Every money amount and contribution count in ``text`` (see module doc)."""
    return AmountFinder.load().find(text)
