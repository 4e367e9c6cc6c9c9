"""A pledge named only by a pronoun ("months after Lima announced it"), the second conjunct of
'is not only ... but also sending', '-ing' increases, and a trailing 'state media reported' that
attributes rather than reports. Each case is a sentence written for this test."""

from __future__ import annotations

import pytest

from .helpers import Key, keys

CASES: list[tuple[str, set[Key]]] = [
    # 'after X promised it/them': X pledged what the clause before denies was delivered
    (
        "Ecuador's money has still not arrived, ten months after Quito first promised it at a summit.",
        {
            (("Ecuador",), "deny", "delivered", "funding", None),
            (("Ecuador",), "commit", "pledge", "funding", None),
        },
    ),
    (
        "Grants from Iceland have not materialised, a spokeswoman said, a year after Reykjavik "
        "announced them.",
        {
            (("Iceland",), "deny", "delivered", "funding", None),
            (("Iceland",), "commit", "pledge", "funding", None),
        },
    ),
    (
        "Latvia's money is nowhere to be seen, officials said.",
        {(("Latvia",), "deny", "delivered", "funding", None)},
    ),
    # 'it' as the subject of a new clause is no pledged thing
    (
        "Chile pledged $5 million. Peru announced it would host the next meeting.",
        {(("Chile",), "commit", "pledge", "funding", (5e6, "USD"))},
    ),
    # 'not only X but also sending Y': the second conjunct keeps the subject
    (
        "Rwanda is not only keeping its battalion in the mission but also sending 150 police officers.",
        {(("Rwanda",), "commit", "delivered", "security", (150.0, "police officers"))},
    ),
    (
        "Mexico is not only opening its ports to the convoys but also sending medical teams to the "
        "border, state media reported.",
        {(("Mexico",), "commit", "delivered", "medical", None)},
    ),
    # an increase in the progressive names its new figure
    (
        "Finland is tripling its grant to the fund, to 9 million euros.",
        {(("Finland",), "commit", "pledge", "funding", (9e6, "EUR"))},
    ),
    # a media report opening the sentence stays a report
    ("State media reported that Mexico would send troops.", set()),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_implied_pledges_and_conjuncts(text: str, expected: set[Key]) -> None:
    assert keys(text) == expected


OTHER_CASES: list[tuple[str, set[Key]]] = [
    # the perfect progressive of giving delivers
    (
        "The World Food Programme has been distributing high-energy biscuits in the camps since Monday.",
        {(("World Food Programme",), "commit", "delivered", "food", None)},
    ),
    # gifts to something other than the initiative are no claims
    (
        "Chile gave $5 million. Fiji, which is not a partner of the fund, has offered loans to others.",
        {(("Chile",), "commit", "delivered", "funding", (5e6, "USD"))},
    ),
    (
        "Chile gave $5 million. Norway gave $3 million outside the facility.",
        {(("Chile",), "commit", "delivered", "funding", (5e6, "USD"))},
    ),
]


@pytest.mark.parametrize(("text", "expected"), OTHER_CASES)
def test_progressive_perfect_and_other_initiatives(text: str, expected: set[Key]) -> None:
    assert keys(text) == expected
