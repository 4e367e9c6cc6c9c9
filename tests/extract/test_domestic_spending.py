"""A government paying from its own purse (treasury, state coffers, own revenues, customs
receipts) spends on itself: no claim, and no claim for the last donor either. Each case is a
sentence written for this test."""

from __future__ import annotations

import pytest

from .helpers import Key, keys

CHILE: Key = (("Chile",), "commit", "pledge", "funding", (8e6, "USD"))

DOMESTIC_CASES: list[tuple[str, set[Key]]] = [
    (
        "Chile pledged $8 million. Peru's government said it would spend 40 million soles from the "
        "national treasury on shelters.",
        {CHILE},
    ),
    (
        "Chile pledged $8 million. The interim authorities said they would cover fuel costs out of "
        "their own budget.",
        {CHILE},
    ),
    (
        "Chile pledged $8 million. Bolivia will fund the repairs from its own revenues, the minister said.",
        {CHILE},
    ),
    (
        "Chile pledged $8 million. The junta said it would spend 2 billion pesos from state coffers "
        "on rebuilding bridges.",
        {CHILE},
    ),
    (
        "Chile pledged $8 million. The cabinet will pay the recruits out of customs revenue.",
        {CHILE},
    ),
    # a donor's emergency fund is not its own budget
    (
        "The United Nations released $4 million from its Central Emergency Response Fund.",
        {(("United Nations",), "commit", "delivered", "funding", (4e6, "USD"))},
    ),
]


@pytest.mark.parametrize(("text", "expected"), DOMESTIC_CASES)
def test_domestic_spending_is_no_claim(text: str, expected: set[Key]) -> None:
    assert keys(text) == expected
