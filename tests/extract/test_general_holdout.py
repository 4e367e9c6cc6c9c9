"""Constructions found on a held-out probe: demonym subjects with less common nouns, a second
verb after 'and' sharing the first subject, 'another N' in the object, 'could not offer', a
possessor's promised gift, money followed by 'and send', building materials, regional banks, a
recipient government paying itself. Each case is a sentence written for this test."""

from __future__ import annotations

import pytest

from .helpers import Key, keys

CHILE: Key = (("Chile",), "commit", "delivered", "funding", (5e6, "USD"))
LEAD = "Chile gave $5 million. "

CASES: list[tuple[str, set[Key]]] = [
    (
        LEAD + "Spain said Spanish gendarmes would train border guards and police officers in Rafah.",
        {CHILE, (("Spain",), "commit", "pledge", "security", None)},
    ),
    (
        "Jordan has trained 3,000 police officers and plans to train another 2,000 next year.",
        {
            (("Jordan",), "commit", "delivered", "security", (3000.0, "police officers")),
            (("Jordan",), "commit", "pledge", "security", (2000.0, "police officers")),
        },
    ),
    (
        "Peru, itself recovering from floods, said it could not offer assistance this year.",
        {(("Peru",), "deny", "pledge", "humanitarian", None)},
    ),
    (
        "Algeria's promised fuel shipment has not reached the port, officials said.",
        {
            (("Algeria",), "commit", "pledge", "humanitarian", None),
            (("Algeria",), "deny", "delivered", "humanitarian", None),
        },
    ),
    (
        "Turkey's ambassador said Ankara would donate $3 million in cash and send a medical team.",
        {
            (("Turkey",), "commit", "pledge", "funding", (3e6, "USD")),
            (("Turkey",), "commit", "pledge", "medical", None),
        },
    ),
    (
        LEAD + "A shipment of roofing sheets and cement from Guyana is due on Monday.",
        {CHILE, (("Guyana",), "commit", "pledge", "reconstruction", None)},
    ),
    (
        "The Caribbean Development Bank approved a $12 million loan for school repairs.",
        {(("Caribbean Development Bank",), "commit", "pledge", "funding", (12e6, "USD"))},
    ),
    (
        LEAD + "The Haitian government itself will spend 90 million gourdes on temporary shelters.",
        {CHILE},
    ),
    (
        LEAD + "Nepal, which sent peacekeepers to UN missions over the past three decades, will decide.",
        {CHILE},
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_holdout_constructions(text: str, expected: set[Key]) -> None:
    assert keys(text) == expected


SECOND_CASES: list[tuple[str, set[Key]]] = [
    # 'but gave no details' leaves the pledge standing
    (
        "Vietnam said it was ready to provide food assistance but gave no details.",
        {(("Vietnam",), "commit", "pledge", "food", None)},
    ),
    # the possessor of an official in a relative clause's antecedent gives
    (
        '"We stand with them," said Korea\'s deputy minister for foreign affairs, who announced a grant '
        "of 2 billion won.",
        {(("South Korea",), "commit", "pledge", "funding", (2e9, "KRW"))},
    ),
    (LEAD + "Peru's ambassador, who attended the talks, praised the fund.", {CHILE}),
    # grid equipment is reconstruction, and is something given
    (
        "Estonia is sending transformers to Odesa, and two mobile power stations from Poland are "
        "scheduled to arrive next week.",
        {
            (("Estonia",), "commit", "delivered", "reconstruction", None),
            (("Poland",), "commit", "pledge", "reconstruction", None),
        },
    ),
]


@pytest.mark.parametrize(("text", "expected"), SECOND_CASES)
def test_second_holdout_constructions(text: str, expected: set[Key]) -> None:
    assert keys(text) == expected
