"""Sentences with exact character offsets, and the page furniture that never yields claims.

``split_sentences(text)`` returns every sentence of the text as a ``Sentence`` whose
``text`` is exactly ``text[start:end]`` (stripped of surrounding whitespace, never
altered inside), in document order, with ``noise`` set on sentences that belong to page
furniture: captions and photo credits, "See Also:" lines, related-article and
subscription prompts, copyright lines, and everything after a "Suggested Reading" or
"Related" block header. The patterns live in ``data/noise.json``.
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


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: ``text == document[start:end]``; ``noise`` marks page furniture."""

    text: str
    start: int
    end: int
    noise: bool = False
    line_start: bool = False  # the sentence opens a line (headline, dateline, caption)


@dataclass(frozen=True, slots=True)
class NoiseRules:
    line: re.Pattern[str]  # a line matching this is furniture
    block: re.Pattern[str]  # a line matching this starts furniture that runs to the end
    abbreviations: frozenset[str]
    keywords: Any  # Aho-Corasick automaton: a furniture line holds one of these

    def may_be_furniture(self, line: str) -> bool:
        low = line.lower()
        return low.lstrip().startswith(("by ", "[")) or next(self.keywords.iter(low), None) is not None


@lru_cache(maxsize=1)
def load_noise_rules() -> NoiseRules:
    raw = resources.files("pledgewatch.extract.data").joinpath("noise.json").read_text(encoding="utf-8")
    data = json.loads(raw)
    try:
        line = re.compile(
            "|".join(
                [f"(?i:{p})" for p in data["line_patterns"]]
                + [f"(?:{p})" for p in data["line_patterns_cased"]]
            )
        )
        block = re.compile("|".join(f"(?:{p})" for p in data["block_patterns"]), re.IGNORECASE)
        abbreviations = frozenset(a.lower() for a in data["abbreviations"])
        keywords = ahocorasick.Automaton()
        for word in data["keywords"]:
            keywords.add_word(word, word)
        keywords.make_automaton()
    except (KeyError, TypeError, re.error) as error:
        raise ExtractDataError(f"noise.json is invalid: {error}", path="extract/data/noise.json") from error
    return NoiseRules(line=line, block=block, abbreviations=abbreviations, keywords=keywords)


# A sentence may end at . ! ? (and closing quotes or brackets after them) when
# whitespace and an opening capital, digit or quote follow.
_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9$€£])")
_LINE = re.compile(r"[^\n]+")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")


def _is_abbreviation(chunk: str, rules: NoiseRules) -> bool:
    """True when the full stop ending ``chunk`` belongs to an abbreviation or an initial."""
    m = _WORD_BEFORE.search(chunk[:-1] if chunk.endswith(".") else chunk)
    if not m:
        return False
    word = m.group(1)
    if len(word) == 1 and word.isupper():  # an initial: "Donald J. Trump"
        return True
    if "." in word and len(word.replace(".", "")) <= 3:  # "U.S", "U.N"
        return True
    return word.lower() in rules.abbreviations


def _split_line(text: str, start: int, end: int, rules: NoiseRules) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    cursor = start
    for m in _END.finditer(text, start, end):
        stop = m.end()
        if text[m.start()] == "." and m.end() - m.start() == 1 and _is_abbreviation(text[cursor:stop], rules):
            continue
        spans.append((cursor, stop))
        cursor = stop
    spans.append((cursor, end))
    return spans


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _furniture(line: str, rules: NoiseRules) -> bool:
    """Furniture marks sit at the start or the end of a line: long lines are searched there only."""
    if not rules.may_be_furniture(line):
        return False
    if len(line) <= 400:
        return bool(rules.line.search(line))
    return bool(rules.line.search(line[:200]) or rules.line.search(line[-200:]))


def split_sentences(text: str) -> list[Sentence]:
    """Every sentence with its offsets; furniture is kept but flagged ``noise``."""
    rules = load_noise_rules()
    sentences: list[Sentence] = []
    in_block = False
    for line in _LINE.finditer(text):
        line_text = line.group(0)
        if not line_text.strip():
            continue
        if not in_block and len(line_text) < 80 and rules.block.search(line_text):
            in_block = True
        noise = in_block or _furniture(line_text, rules)
        first = True
        for s, e in _split_line(text, line.start(), line.end(), rules):
            s, e = _strip(text, s, e)
            if s < e:
                sentences.append(Sentence(text[s:e], s, e, noise=noise, line_start=first))
                first = False
    return sentences
