"""Denied deliveries whose subject is 'none (of the money)' or 'not one', and denials of making
a contribution. Each case is a sentence written for this test."""

from __future__ import annotations

import pytest

from .helpers import Key, keys

CASES: list[tuple[str, set[Key]]] = [
    # 'not one / none has arrived': the donor of the clause before, in its category
    (
        "Quito pledged 50,000 doses in May; as of today, not one has reached the clinics.",
        {
            (("Ecuador",), "commit", "pledge", "medical", (50000.0, "doses")),
            (("Ecuador",), "deny", "delivered", "medical", None),
        },
    ),
    (
        "Ghana promised 400 police officers, but none have arrived.",
        {
            (("Ghana",), "commit", "pledge", "security", (400.0, "police officers")),
            (("Ghana",), "deny", "delivered", "security", None),
        },
    ),
    # 'none of the money' in the next sentence stands for the donor just named; the sayer who
    # confirms it adds nothing
    (
        "Austria pledged $30 million for the response. The first vaccines arrived in March, but none "
        "of the money has been paid out, an official confirmed.",
        {
            (("Austria",), "commit", "pledge", "funding", (30e6, "USD")),
            (("Austria",), "deny", "delivered", "funding", None),
        },
    ),
    # without a donor before it, 'none of the money' names nobody
    ("The talks ended on Friday. None of the money has been disbursed, officials said.", set()),
    # making a contribution gives money; making a decision gives nothing
    (
        "Chile gave $5 million. Canada said it would not make a new contribution this year.",
        {
            (("Chile",), "commit", "delivered", "funding", (5e6, "USD")),
            (("Canada",), "deny", "pledge", "funding", None),
        },
    ),
    (
        "Chile gave $5 million. Canada will make a decision next week.",
        {(("Chile",), "commit", "delivered", "funding", (5e6, "USD"))},
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_none_delivered_and_contributions_made(text: str, expected: set[Key]) -> None:
    assert keys(text) == expected


PART_CASES: list[tuple[str, set[Key]]] = [
    # a part of a counted pledge, in millions, is delivered in the pledge's unit
    (
        "Brazil promised 2 million doses in June, and according to the ministry, 1.2 million of them "
        "have now been delivered.",
        {
            (("Brazil",), "commit", "pledge", "medical", (2e6, "doses")),
            (("Brazil",), "commit", "delivered", "medical", (1.2e6, "doses")),
        },
    ),
    # 'another N will follow': more of the same, pledged
    (
        "Poland has delivered 8,000 tents and says another 2,000 will follow next month.",
        {
            (("Poland",), "commit", "delivered", "humanitarian", (8000.0, "tents")),
            (("Poland",), "commit", "pledge", "humanitarian", (2000.0, "tents")),
        },
    ),
    (
        "Chile paid $5 million and said a decision on more would follow.",
        {(("Chile",), "commit", "delivered", "funding", (5e6, "USD"))},
    ),
]


@pytest.mark.parametrize(("text", "expected"), PART_CASES)
def test_parts_that_follow(text: str, expected: set[Key]) -> None:
    assert keys(text) == expected


def test_thousands_comma_is_no_attribution() -> None:
    # the comma of "8,000" does not open ", says ...": the count stays the object
    assert keys("Poland has delivered 8,000 tents and says it will send more.") == {
        (("Poland",), "commit", "delivered", "humanitarian", (8000.0, "tents")),
        (("Poland",), "commit", "pledge", "humanitarian", None),
    }
