"""Count units that mean the same thing ("grants" and "scholarships") compare as one.

Claims keep the unit their text gives; ``canonical_unit`` is only the key amounts are
compared on, read from ``data/units.json``.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from pledgewatch.errors import LedgerDataError


@lru_cache(maxsize=1)
def _unit_index() -> dict[str, str]:
    raw = json.loads(resources.files("pledgewatch.ledger").joinpath("data/units.json").read_text("utf-8"))
    units = raw.get("units")
    if not isinstance(units, dict):
        raise LedgerDataError(
            "'units' must map a canonical unit to its synonyms", path="ledger/data/units.json"
        )
    index: dict[str, str] = {}
    for canonical, synonyms in units.items():
        if not isinstance(synonyms, list) or not all(isinstance(s, str) for s in synonyms):
            raise LedgerDataError(
                f"units.{canonical} must be a list of strings", path="ledger/data/units.json"
            )
        for synonym in [canonical, *synonyms]:
            index[synonym.casefold()] = canonical
    return index


@lru_cache(maxsize=4096)
def canonical_unit(unit: str) -> str:
    """The unit amounts are compared on: an ISO currency stays itself, counts fold synonyms."""
    if len(unit) == 3 and unit.isupper():
        return unit
    key = " ".join(unit.casefold().split())
    return _unit_index().get(key, key)
