"""Which states a typed anaphor can stand for: "the kingdom" is a kingdom, "the emirate" an
emirate. The lists are data (``data/grammar.json``: ``state_kinds``); a noun without a list
("the country", "the government") fits any state."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from pledgewatch.errors import ExtractDataError

__all__ = ["fitting"]


@lru_cache(maxsize=1)
def _kinds() -> dict[str, frozenset[str]]:
    raw = resources.files("pledgewatch.extract.data").joinpath("grammar.json").read_text(encoding="utf-8")
    try:
        kinds = json.loads(raw)["state_kinds"]
        return {noun: frozenset(names) for noun, names in kinds.items()}
    except (KeyError, TypeError, AttributeError) as error:
        raise ExtractDataError(
            f"grammar.json has no valid state_kinds: {error}", path="extract/data/grammar.json"
        ) from error


def fitting(anaphor: str, names: tuple[str, ...]) -> tuple[str, ...]:
    """The ``names`` that ``anaphor`` ("the kingdom") can stand for, in order."""
    noun = anaphor.lower().split()[-1]
    allowed = _kinds().get(noun)
    return names if allowed is None else tuple(n for n in names if n in allowed)
