"""General behaviours found on probe articles, fourth part: "not only ... but also", mine action
and in-kind vocabulary, donors after "from", amounts split across clauses, domestic spending.
Each case is a sentence written for this test."""

from __future__ import annotations

import pytest

from .helpers import Key, keys

NOT_ONLY_CASES: list[tuple[str, set[Key]]] = [
    # "not only ... but also" affirms both conjuncts: never a denial
    (
        "Peru is not only contributing soldiers but also gendarmes to the mission.",
        {(("Peru",), "commit", "pledge", "security", None)},
    ),
    (
        "Ireland will not only send peacekeepers but also police to the force.",
        {(("Ireland",), "commit", "pledge", "security", None)},
    ),
    (
        "Estonia has not only shipped tents but also sent surgeons to the camps.",
        {
            (("Estonia",), "commit", "delivered", "humanitarian", None),
            (("Estonia",), "commit", "delivered", "medical", None),
        },
    ),
    # a plain negation still denies
    (
        "Ireland will not send peacekeepers to the force.",
        {(("Ireland",), "deny", "pledge", "security", None)},
    ),
]


@pytest.mark.parametrize(("text", "expected"), NOT_ONLY_CASES)
def test_not_only_but_also_affirms_both(text: str, expected: set[Key]) -> None:
    assert keys(text) == expected


VOCABULARY_CASES: list[tuple[str, set[Key]]] = [
    # mine action is security work, like the demining the lexicon already knew
    (
        "Austria will train 40 Moldovan deminers next spring.",
        {(("Austria",), "commit", "pledge", "security", (40.0, "deminers"))},
    ),
    (
        "Belgium has delivered mine detection equipment to the border police.",
        {(("Belgium",), "commit", "delivered", "security", None)},
    ),
    (
        "Denmark sent mine clearance teams and two armoured excavators.",
        {(("Denmark",), "commit", "delivered", "security", None)},
    ),
    # in-kind and medical items
    (
        "Portugal airlifted trauma kits to the district hospital.",
        {(("Portugal",), "commit", "delivered", "medical", None)},
    ),
    (
        "Greece shipped hygiene supplies, tarpaulins and water purification kits.",
        {(("Greece",), "commit", "delivered", "humanitarian", None)},
    ),
    (
        "Spain announced in-kind contributions for the displaced.",
        {(("Spain",), "commit", "pledge", "humanitarian", None)},
    ),
    # debt relief and concessional lending are money
    (
        "France will provide debt relief to the poorest borrowers.",
        {(("France",), "commit", "pledge", "funding", None)},
    ),
    (
        "Korea offered concessional financing through its export bank.",
        {(("South Korea",), "commit", "pledge", "funding", None)},
    ),
]


@pytest.mark.parametrize(("text", "expected"), VOCABULARY_CASES)
def test_mine_action_and_in_kind_vocabulary(text: str, expected: set[Key]) -> None:
    assert keys(text) == expected


GIVEN_FROM_CASES: list[tuple[str, set[Key]]] = [
    # what did not arrive is what the donor after "from" has not delivered
    (
        "The cash from Oman has not arrived, the agency said.",
        {(("Oman",), "deny", "delivered", "funding", None)},
    ),
    (
        "Officials said payments from Denmark have yet to arrive.",
        {(("Denmark",), "deny", "delivered", "funding", None)},
    ),
    (
        "The 40 million euros from Italy had not yet been paid by March.",
        {(("Italy",), "deny", "delivered", "funding", (40e6, "EUR"))},
    ),
    # what arrived or reached a place was delivered
    (
        "Relief supplies from Qatar arrived in Benghazi on a chartered ship.",
        {(("Qatar",), "commit", "delivered", "humanitarian", None)},
    ),
    (
        "Medicines from India, including insulin and antibiotics, reached Colombo overnight.",
        {(("India",), "commit", "delivered", "medical", None)},
    ),
    (
        "A consignment of flour from Kazakhstan landed in Kabul.",
        {(("Kazakhstan",), "commit", "delivered", "food", None)},
    ),
    # "reached" without a given-from subject delivers nothing
    ("Estonia reached an agreement on aid for Moldova.", set()),
    ("The appeal reached $90 million after Canada's announcement.", set()),
]


@pytest.mark.parametrize(("text", "expected"), GIVEN_FROM_CASES)
def test_donor_after_from_in_a_subject_that_was_given(text: str, expected: set[Key]) -> None:
    assert keys(text) == expected
