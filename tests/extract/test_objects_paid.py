"""What an object gives when money and things meet: the worth of a gift in kind is its amount,
not money given; paying for or funding something without an amount is money. Each case is a
sentence written for this test."""

from __future__ import annotations

import pytest

from .helpers import Key, keys

CHILE_GAVE: Key = (("Chile",), "commit", "delivered", "funding", (5e6, "USD"))

CASES: list[tuple[str, set[Key]]] = [
    # 'worth $X' values what is given: one claim in the thing's category, with that amount
    (
        "Canada handed over patrol boats and radar equipment worth $12 million to the navy.",
        {(("Canada",), "commit", "delivered", "security", (12e6, "USD"))},
    ),
    (
        "Greece donated medical supplies valued at 2 million euros.",
        {(("Greece",), "commit", "delivered", "medical", (2e6, "EUR"))},
    ),
    # a stated count stays the amount
    (
        "Korea donated 30 ambulances worth $2 million.",
        {(("South Korea",), "commit", "delivered", "medical", (30.0, "ambulances"))},
    ),
    # 'worth' of money given stays money
    (
        "Norway gave grants worth $20 million to the fund.",
        {(("Norway",), "commit", "delivered", "funding", (20e6, "USD"))},
    ),
    # paying for or funding a thing gives money
    (
        "Oman and Kuwait jointly pledged to fund a mobile clinic in Aden.",
        {(("Oman", "Kuwait"), "commit", "pledge", "funding", None)},
    ),
    (
        "Denmark said it would keep paying for the generators' fuel until June.",
        {(("Denmark",), "commit", "pledge", "funding", None)},
    ),
    # a stated count keeps its own category
    (
        "Kuwait will fund 250 scholarships for nursing students.",
        {(("Kuwait",), "commit", "pledge", "education", (250.0, "scholarships"))},
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_object_money_and_things(text: str, expected: set[Key]) -> None:
    assert keys(text) == expected


COUNT_CASES: list[tuple[str, set[Key]]] = [
    # counted trainers take the category of what they go to do
    (
        "Chile gave $5 million. Portugal will send 80 instructors to train police cadets.",
        {
            (("Chile",), "commit", "delivered", "funding", (5e6, "USD")),
            (("Portugal",), "commit", "pledge", "security", (80.0, "instructors")),
        },
    ),
    (
        "Chile gave $5 million. Estonia will send 15 trainers to Kyiv.",
        {
            (("Chile",), "commit", "delivered", "funding", (5e6, "USD")),
            (("Estonia",), "commit", "pledge", "expertise", (15.0, "trainers")),
        },
    ),
    # aid given before the crisis, or to something unrelated, is no claim
    ("Before the famine, Belgium had funded nutrition research in Mali.", set()),
    ("Sweden paid for a new clinic in Gao, which is unrelated to the appeal.", set()),
]


@pytest.mark.parametrize(("text", "expected"), COUNT_CASES)
def test_counts_and_earlier_aid(text: str, expected: set[Key]) -> None:
    assert keys(text) == expected


GOODS_CASES: list[tuple[str, set[Key]]] = [
    # goods 'worth' an amount that no category names are in-kind aid with that amount
    (
        "Kenya delivered vehicles worth about $4 million to the relief agencies.",
        {(("Kenya",), "commit", "delivered", "humanitarian", (4e6, "USD"))},
    ),
    # commitments 'worth' an amount stay money
    (
        "Chile gave $5 million. Partners announced commitments worth more than 2 billion euros.",
        {(("Chile",), "commit", "delivered", "funding", (5e6, "USD"))},
    ),
    # a recipient government paying for something itself gives nothing
    (
        "Chile gave $5 million. Malawi's government will pay for the seed itself, the minister said.",
        {CHILE_GAVE},
    ),
    # ', which <donor> announced': the antecedent was pledged
    (
        "The money, which Rabat announced in April, has still not arrived.",
        {
            (("Morocco",), "commit", "pledge", "funding", None),
            (("Morocco",), "deny", "delivered", "funding", None),
        },
    ),
]


@pytest.mark.parametrize(("text", "expected"), GOODS_CASES)
def test_goods_worth_and_antecedents(text: str, expected: set[Key]) -> None:
    assert keys(text) == expected
