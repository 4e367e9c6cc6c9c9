"""General behaviours found on probe10 articles: a pledge noun presented with its amount, a pledge
raised to a new figure, staff seconded to a mission, personnel to a force, denials of a pledge that
name no object, counts in a possessive subject or a relative clause, an added amount on top of
earlier aid. Each case is a sentence written for this test."""

from __future__ import annotations

import pytest

from .helpers import Key, keys

PRESENTED_CASES: list[tuple[str, set[Key]]] = [
    # a light verb with a pledge noun and its amount is a pledge
    (
        "The Asian Development Bank presented a new commitment of $300 million for the ports.",
        {(("Asian Development Bank",), "commit", "pledge", "funding", (300e6, "USD"))},
    ),
    (
        "Kenya announced a commitment of 800 police officers and $15 million on Friday.",
        {
            (("Kenya",), "commit", "pledge", "security", (800, "police officers")),
            (("Kenya",), "commit", "pledge", "funding", (15e6, "USD")),
        },
    ),
    (
        "The European Union tabled a package of 75 million euros for teachers' salaries.",
        {(("European Union",), "commit", "pledge", "funding", (75e6, "EUR"))},
    ),
    (
        "The African Union put on the table a further package of $60 million for the mission.",
        {(("African Union",), "commit", "pledge", "funding", (60e6, "USD"))},
    ),
    # several donors putting forward one package: a joint total
    (
        "Sweden, Norway and Denmark put forward a joint pledge of 120 million euros.",
        {(("Sweden", "Norway", "Denmark"), "commit", "pledge", "funding", (120e6, "EUR"))},
    ),
    (
        "Korea came forward with a pledge of $20 million.",
        {(("South Korea",), "commit", "pledge", "funding", (20e6, "USD"))},
    ),
    (
        "Korea made a commitment of $20 million to the fund.",
        {(("South Korea",), "commit", "pledge", "funding", (20e6, "USD"))},
    ),
    # a contribution made is delivered
    (
        "Korea made a contribution of $20 million to the fund.",
        {(("South Korea",), "commit", "delivered", "funding", (20e6, "USD"))},
    ),
    # the amount before the noun
    (
        "Qatar put forward a $50 million package for the mission.",
        {(("Qatar",), "commit", "pledge", "funding", (50e6, "USD"))},
    ),
    ("The agency presented a report on food security.", set()),
    # a package that is not a contribution names nothing given
    ("Canada unveiled a package of sanctions against the junta.", set()),
]


@pytest.mark.parametrize(("text", "expected"), PRESENTED_CASES)
def test_presented_pledge_noun_is_a_pledge(text: str, expected: set[Key]) -> None:
    assert keys(text) == expected


RAISED_CASES: list[tuple[str, set[Key]]] = [
    # a raised pledge is one pledge at its new figure; the old figure is a revision
    (
        "Peru upped its pledge to $45 million from $30 million.",
        {(("Peru",), "commit", "pledge", "funding", (45e6, "USD"))},
    ),
    (
        "Finland lifted its pledge to 80 million euros, up from the 50 million euros it promised in May.",
        {(("Finland",), "commit", "pledge", "funding", (80e6, "EUR"))},
    ),
    (
        "Belgium more than doubled its pledge to 30 million euros.",
        {(("Belgium",), "commit", "pledge", "funding", (30e6, "EUR"))},
    ),
    (
        "Austria hiked its contribution to 25 million euros.",
        {(("Austria",), "commit", "pledge", "funding", (25e6, "EUR"))},
    ),
    (
        "Germany said it was raising its contribution to 100 million euros from 70 million euros.",
        {(("Germany",), "commit", "pledge", "funding", (100e6, "EUR"))},
    ),
    (
        "Chile's pledge rose to $30 million from $20 million.",
        {(("Chile",), "commit", "pledge", "funding", (30e6, "USD"))},
    ),
    # "set up its office" raises nothing
    ("Qatar set up its aid office in Khartoum in March.", set()),
]


@pytest.mark.parametrize(("text", "expected"), RAISED_CASES)
def test_raised_pledge_counts_at_new_figure(text: str, expected: set[Key]) -> None:
    assert keys(text) == expected


STAFF_CASES: list[tuple[str, set[Key]]] = [
    # seconded, loaned or detached specialists are at work: expertise delivered
    (
        "Estonia has seconded 8 cyber specialists to the ministry in Kyiv.",
        {(("Estonia",), "commit", "delivered", "expertise", (8, "experts"))},
    ),
    (
        "Portugal has loaned 15 engineers to the port authority to inspect the quays.",
        {(("Portugal",), "commit", "delivered", "expertise", (15, "engineers"))},
    ),
    (
        "Belgium detached 6 experts to the mission's headquarters in Bangui.",
        {(("Belgium",), "commit", "delivered", "expertise", (6, "experts"))},
    ),
    (
        "Norway has detached three experts to the secretariat.",
        {(("Norway",), "commit", "delivered", "expertise", (3, "experts"))},
    ),
    # personnel, staff or officers for a force or a mission are security
    (
        "Zambia will not contribute personnel to the force.",
        {(("Zambia",), "deny", "pledge", "security", None)},
    ),
    (
        "Benin will send staff to the stabilisation mission.",
        {(("Benin",), "commit", "pledge", "security", None)},
    ),
    (
        "Togo will not contribute officers to the mission, its minister said.",
        {(("Togo",), "deny", "pledge", "security", None)},
    ),
]


@pytest.mark.parametrize(("text", "expected"), STAFF_CASES)
def test_staff_for_missions(text: str, expected: set[Key]) -> None:
    assert keys(text) == expected


DENIED_PROMISE_CASES: list[tuple[str, set[Key]]] = [
    # denying a pledge with no object: a pledge to a fund is money, and what is denied is a promise
    (
        "Greece has not made a pledge to the fund, a government spokesman said.",
        {(("Greece",), "deny", "pledge", "funding", None)},
    ),
    ("Greece did not make a pledge at the conference.", {(("Greece",), "deny", "pledge", "funding", None)}),
    ("Greece did not pledge.", {(("Greece",), "deny", "pledge", "funding", None)}),
    ("Greece made no commitment at the meeting.", {(("Greece",), "deny", "pledge", "funding", None)}),
    ("Greece made no pledge.", {(("Greece",), "deny", "pledge", "funding", None)}),
    ("Greece has yet to make a pledge.", {(("Greece",), "deny", "pledge", "funding", None)}),
    ("Greece is not in a position to pledge.", {(("Greece",), "deny", "pledge", "funding", None)}),
    (
        "Greece said it was not in a position to contribute this year.",
        {(("Greece",), "deny", "pledge", "funding", None)},
    ),
    ("Brazil will not contribute, the minister said.", {(("Brazil",), "deny", "pledge", "funding", None)}),
    (
        "Hungary did not make any commitment at Tuesday's conference, diplomats said.",
        {(("Hungary",), "deny", "pledge", "funding", None)},
    ),
    ("Austria did not announce a pledge.", {(("Austria",), "deny", "pledge", "funding", None)}),
    ("Mexico has never pledged.", {(("Mexico",), "deny", "pledge", "funding", None)}),
    (
        "The Netherlands has made no new commitment to the facility.",
        {(("Netherlands",), "deny", "pledge", "funding", None)},
    ),
    ("Britain has so far made no pledge.", {(("United Kingdom",), "deny", "pledge", "funding", None)}),
    ("Japan is yet to announce a pledge.", {(("Japan",), "deny", "pledge", "funding", None)}),
    ("Canada declined to make a pledge.", {(("Canada",), "deny", "pledge", "funding", None)}),
    ("Greece has pledged nothing so far.", {(("Greece",), "deny", "pledge", "funding", None)}),
    ("Greece offered nothing.", {(("Greece",), "deny", "pledge", "funding", None)}),
    # an object named keeps its category
    ("Greece has yet to pledge troops.", {(("Greece",), "deny", "pledge", "security", None)}),
    (
        "Belgium has made no commitment of troops to the force.",
        {(("Belgium",), "deny", "pledge", "security", None)},
    ),
    # payments denied stay deliveries; a pledge not honoured is money not delivered
    ("Chile has so far made no payment.", {(("Chile",), "deny", "delivered", "funding", None)}),
    ("Chile has not honoured its pledge.", {(("Chile",), "deny", "delivered", "funding", None)}),
    ("Chile has yet to make good on its commitment.", {(("Chile",), "deny", "delivered", "funding", None)}),
    ("Chile has honoured its pledge.", {(("Chile",), "commit", "delivered", "funding", None)}),
    ("Greece has not made any payment.", {(("Greece",), "deny", "delivered", "funding", None)}),
    (
        "Greece has not made any financial contribution to the fund.",
        {(("Greece",), "deny", "delivered", "funding", None)},
    ),
    (
        "Greece has not paid its promised contribution.",
        {(("Greece",), "deny", "delivered", "funding", None)},
    ),
]


@pytest.mark.parametrize(("text", "expected"), DENIED_PROMISE_CASES)
def test_denied_promise_is_a_pledge_denial(text: str, expected: set[Key]) -> None:
    assert keys(text) == expected
