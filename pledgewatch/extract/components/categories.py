"""What a contribution is: the eight categories of spec/claims.md, read from the words.

``CategoryLexicon.find(text, start, end)`` returns the category terms in a span, earlier
terms winning where they overlap ("food security" is food, not security); a match that
starts with a capital inside a sentence belongs to a name ("Gaza Reconstruction Fund")
and does not count. ``purpose_start`` finds where a phrase about what the contribution
is *for* begins ("to support Gaza's reconstruction"); ``period`` finds a time span
("over the next five years"). The terms are data (``data/categories.json``).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from pledgewatch.errors import ExtractDataError
from pledgewatch.records import CATEGORIES


@dataclass(frozen=True, slots=True)
class CategoryHit:
    start: int
    end: int
    category: str
    term: str


@dataclass(frozen=True, slots=True)
class CategoryLexicon:
    terms: re.Pattern[str]
    term_categories: tuple[str, ...]
    cased: re.Pattern[str]
    cased_categories: tuple[str, ...]
    counts: dict[str, str]
    purpose: re.Pattern[str]
    refine: frozenset[str]
    period_re: re.Pattern[str]
    place_words: frozenset[str] = frozenset()
    head_nouns: frozenset[str] = frozenset()
    generic: re.Pattern[str] = re.compile(r"aid|assistance", re.I)

    def is_generic(self, hit: CategoryHit) -> bool:
        """Humanitarian aid whose form the text does not give ("relief supplies", not "tents")."""
        return hit.category == "humanitarian" and self.generic.fullmatch(hit.term) is not None

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[CategoryHit]:
        """Category terms in ``text[start:end]`` (offsets into ``text``), in order."""
        end = len(text) if end is None else end
        hits: list[CategoryHit] = []
        for m in self.terms.finditer(text, start, end):
            if m.group(0)[0].isupper() and m.start() > 0 and not _sentence_initial(text, m.start()):
                continue
            head = _NEXT_WORD.match(text, m.end())
            if head and head.group(1).lower() in self.head_nouns:
                continue  # "the reconstruction conference", "a humanitarian agency": a modifier
            category = self.term_categories[int((m.lastgroup or "g0")[1:])]
            hits.append(CategoryHit(m.start(), m.end(), category, m.group(0)))
        for m in self.cased.finditer(text, start, end):
            before = _LAST_WORD.search(text, max(0, m.start() - 40), m.start())
            if before and before.group(1).lower() in self.place_words:
                continue  # "in Gaza City": an existing place, not a planned district
            category = self.cased_categories[int((m.lastgroup or "g0")[1:])]
            hits.append(CategoryHit(m.start(), m.end(), category, m.group(0)))
        hits.sort(key=lambda h: h.start)
        return hits

    def count_category(self, unit: str) -> str | None:
        """The category of a counted contribution ("500 scholarships" -> education)."""
        return self.counts.get(unit.lower())

    def purpose_start(self, text: str, start: int, end: int) -> int | None:
        m = self.purpose.search(text, start, end)
        return m.start() if m else None

    def period(self, text: str, start: int, end: int) -> str | None:
        m = self.period_re.search(text, start, end)
        return m.group(0) if m else None


_NEXT_WORD = re.compile(r"\s+([\w’']+)")
# the word before a run of capitalised words ("near [Khan Younis City]")
_LAST_WORD = re.compile(r"([A-Za-z]+)\W*(?:[A-Z][\w’'-]*\s+)*$")


def _sentence_initial(text: str, pos: int) -> bool:
    before = text[:pos].rstrip(" \"'“‘(")
    return not before or before[-1] in ".!?:\n"


def _alternation(patterns: list[str]) -> str:
    inner = "|".join(f"(?P<g{i}>{p})" for i, p in enumerate(patterns))
    return f"(?<![\\w-])(?:{inner})(?!\\w)"


@lru_cache(maxsize=1)
def load_categories() -> CategoryLexicon:
    """Load and validate ``data/categories.json`` (cached)."""
    raw = resources.files("pledgewatch.extract.data").joinpath("categories.json").read_text(encoding="utf-8")
    return compile_categories(json.loads(raw))


def compile_categories(data: dict[str, Any]) -> CategoryLexicon:
    """Validate and compile a category lexicon; ``ExtractDataError`` names the bad entry."""
    path = "extract/data/categories.json"
    try:
        cats, patterns = [], []
        for i, (category, pattern) in enumerate(data["terms"]):
            if category not in CATEGORIES:
                raise ExtractDataError(f"terms[{i}]: unknown category {category!r}", path=path)
            cats.append(category)
            patterns.append(pattern)
        cased_cats, cased_patterns = [], []
        for i, (category, pattern) in enumerate(data["cased_terms"]):
            if category not in CATEGORIES:
                raise ExtractDataError(f"cased_terms[{i}]: unknown category {category!r}", path=path)
            cased_cats.append(category)
            cased_patterns.append(pattern)
        counts = {str(k).lower(): str(v) for k, v in data["counts"].items()}
        bad = [k for k, v in counts.items() if v not in CATEGORIES]
        if bad:
            raise ExtractDataError(f"counts: unknown category for {bad}", path=path)
        refine = frozenset(data["refine_categories"])
        if not refine <= set(CATEGORIES):
            raise ExtractDataError("refine_categories: unknown category", path=path)
        return CategoryLexicon(
            terms=re.compile(_alternation(patterns), re.I),
            term_categories=tuple(cats),
            cased=re.compile(_alternation(cased_patterns)),
            cased_categories=tuple(cased_cats),
            counts=counts,
            purpose=re.compile("|".join(f"(?:\\b{p})" for p in data["purpose"]), re.I),
            refine=refine,
            period_re=re.compile("|".join(f"(?:\\b{p}\\b)" for p in data["period"]), re.I),
            place_words=frozenset(str(w).lower() for w in data.get("cased_place_words", [])),
            head_nouns=frozenset(str(w).lower() for w in data.get("head_nouns", [])),
            generic=re.compile(data.get("generic_humanitarian", "aid|assistance"), re.I),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise ExtractDataError(f"categories.json is invalid: {error}", path=path) from error
    except re.error as error:
        raise ExtractDataError(f"categories.json has a bad pattern: {error}", path=path) from error
