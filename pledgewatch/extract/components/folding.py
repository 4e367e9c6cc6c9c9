"""Offset-keeping text folds for name matching.

``fold(text)`` lowercases, drops Latin accents and straightens quotes and dashes,
one ASCII character for each character of ``text``, so a match in the fold has the
same offsets in the text. ``match_text(text)`` is the fold with every punctuation
mark and space as one space, padded with a space each side: automaton keys built
the same way can only match on word boundaries (padded index i is text index i - 1).
Both run as ``bytes.translate`` over ASCII; non-ASCII characters are mapped one by
one first (cached).
"""

from __future__ import annotations

import functools
import re
import unicodedata

_QUOTES = {"\u2018", "\u2019", "\u201a", "\u201b", "\u02bc", "\u2032"}
_DASHES = {"\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2015", "\u2212"}
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


@functools.lru_cache(maxsize=4096)
def _ascii_char(char: str) -> str:
    """One ASCII character standing for a non-ASCII one: 'é' -> 'e', '’' -> "'", '—' -> '-'."""
    if char in _QUOTES:
        return "'"
    if char in _DASHES:
        return "-"
    if char.isspace():
        return " "
    base = unicodedata.normalize("NFKD", char)[:1]
    if base.isascii() and base.isalpha():
        return base
    return "x" if char.isalnum() else "#"


_LOWER = bytes(range(256)).translate(None).lower()
_LOWER_PUNCT_AS_SPACE = bytes(c if chr(c).isalnum() else 32 for c in _LOWER[:128]) + bytes(range(128, 256))


def _ascii(text: str) -> bytes:
    if not text.isascii():
        text = _NON_ASCII.sub(lambda m: _ascii_char(m.group()), text)
    return text.encode("ascii")


def fold(text: str) -> str:
    """Lowercase ASCII with accents dropped, quotes and dashes straightened; keeps every offset."""
    if len(text) <= 64:
        return _fold_short(text)
    return _ascii(text).translate(_LOWER).decode("ascii")


@functools.lru_cache(maxsize=8192)
def _fold_short(text: str) -> str:
    return _ascii(text).translate(_LOWER).decode("ascii")


def match_text(text: str) -> str:
    """``fold`` with every punctuation mark and space as one space, padded with a space each side."""
    return " " + _ascii(text).translate(_LOWER_PUNCT_AS_SPACE).decode("ascii") + " "
