"""General behaviours found on probe10 articles, second part: a count in a possessive subject or
before a relative clause's subject, an amount added on top of earlier aid, an aside between the
subject and its verb. Each case is a sentence written for this test."""

from __future__ import annotations

import pytest

from .helpers import Key, keys

COUNT_CASES: list[tuple[str, set[Key]]] = [
    # a possessive subject with a count: what arrived is the possessor's, with the count
    (
        "Burundi's 350 troops reached Bangui on Tuesday.",
        {(("Burundi",), "commit", "delivered", "security", (350, "troops"))},
    ),
    (
        "Zambia's 120 police officers landed in Port-au-Prince on Monday, the mission said.",
        {(("Zambia",), "commit", "delivered", "security", (120, "police officers"))},
    ),
    (
        "Peru has sent tents, while Ecuador's 30 doctors arrived in Lima on Sunday.",
        {
            (("Peru",), "commit", "delivered", "humanitarian", None),
            (("Ecuador",), "commit", "delivered", "medical", (30, "doctors")),
        },
    ),
    (
        "Kenya's first 400 police officers arrived in Port-au-Prince on Tuesday.",
        {(("Kenya",), "commit", "delivered", "security", (400, "police officers"))},
    ),
    # any counted thing of the possessor, not a year
    (
        "Latvia's 25 electricians arrived in Odesa on Monday.",
        {(("Latvia",), "commit", "delivered", "expertise", (25, "electricians"))},
    ),
    (
        "Norway's 12 medical staff reached the camp on Saturday.",
        {(("Norway",), "commit", "delivered", "medical", (12, "medical staff"))},
    ),
    ("Kenya's 2024 budget arrived in parliament on Monday.", set()),
    (
        "Indonesia's contingent of 1,000 troops arrived in Gaza on Tuesday.",
        {(("Indonesia",), "commit", "delivered", "security", (1000, "troops"))},
    ),
    (
        "Nepal's 800-strong battalion reached Juba last week.",
        {(("Nepal",), "commit", "delivered", "security", (800, "troops"))},
    ),
    # a count before a relative clause whose subject is the donor
    (
        "Officials are preparing for the arrival of 400 soldiers that Azerbaijan has promised.",
        {(("Azerbaijan",), "commit", "pledge", "security", (400, "soldiers"))},
    ),
    (
        "Training has begun for the 250 police officers Jamaica will send to Haiti next week.",
        {(("Jamaica",), "commit", "pledge", "security", (250, "police officers"))},
    ),
    (
        "Barracks are being built for the 600 soldiers that Senegal will deploy by June.",
        {(("Senegal",), "commit", "pledge", "security", (600, "soldiers"))},
    ),
    (
        "The camp will house the 200 troops Kenya has deployed.",
        {(("Kenya",), "commit", "delivered", "security", (200, "troops"))},
    ),
]


@pytest.mark.parametrize(("text", "expected"), COUNT_CASES)
def test_count_with_its_donor(text: str, expected: set[Key]) -> None:
    assert keys(text) == expected


CLAUSE_CASES: list[tuple[str, set[Key]]] = [
    # a speech tag between two clauses; the new amount on top of earlier aid is the claim
    (
        "The EU pledged 125 million euros, its commissioner told delegates, while Germany said it would "
        "provide a further 60 million euros on top of the 95 million euros it allocated last year.",
        {
            (("European Union",), "commit", "pledge", "funding", (125e6, "EUR")),
            (("Germany",), "commit", "pledge", "funding", (60e6, "EUR")),
        },
    ),
    (
        "Japan said it would give an additional $20 million in addition to the $35 million it paid in 2025.",
        {(("Japan",), "commit", "pledge", "funding", (20e6, "USD"))},
    ),
    # earlier aid alone is still no claim
    ("The new pledge comes on top of the $3 billion Qatar has provided since the war began.", set()),
    # a new subject after ", and" is its own, also one ending in "-ly"
    (
        "Norway gave tents, and Italy pledged 40 million euros for generators.",
        {
            (("Norway",), "commit", "delivered", "humanitarian", None),
            (("Italy",), "commit", "pledge", "funding", (40e6, "EUR")),
        },
    ),
    # an aside between the subject and its verb does not give the subject
    (
        "Italy, which trains Libyan police units, has provided 20 armoured vehicles to the mission.",
        {(("Italy",), "commit", "delivered", "security", (20, "vehicles"))},
    ),
]


@pytest.mark.parametrize(("text", "expected"), CLAUSE_CASES)
def test_clauses_keep_their_donors(text: str, expected: set[Key]) -> None:
    assert keys(text) == expected


def test_relative_clause_on_the_amount_adds_no_claim() -> None:
    # "which ... would be paid" speaks of the amount just pledged: one claim, with its amount
    assert keys(
        "Austria and Slovenia put forward a joint package of 40 million euros, which a diplomat said "
        "would be paid in two instalments."
    ) == {(("Austria", "Slovenia"), "commit", "pledge", "funding", (40e6, "EUR"))}


EARLIER_AND_PAID_FOR_CASES: list[tuple[str, set[Key]]] = [
    # an earlier year dates only the aid after "in addition to", not the new amount before it
    (
        "Denmark pledged 15 million euros, its minister said, while Austria said it would give a further "
        "4 million euros in addition to the 8 million euros it provided in 2025.",
        {
            (("Denmark",), "commit", "pledge", "funding", (15e6, "EUR")),
            (("Austria",), "commit", "pledge", "funding", (4e6, "EUR")),
        },
    ),
    # what the money pays for is no claim of its own, also after "up from ..."
    (
        "Australia upped its contribution to 70 million dollars, up from 40 million dollars, "
        "to pay for armoured vehicles and salaries.",
        {(("Australia",), "commit", "pledge", "funding", (70e6, "USD"))},
    ),
    # an organisation named by its acronym
    (
        "CARICOM put forward a package of $30 million for the mission.",
        {(("Caribbean Community",), "commit", "pledge", "funding", (30e6, "USD"))},
    ),
]


@pytest.mark.parametrize(("text", "expected"), EARLIER_AND_PAID_FOR_CASES)
def test_earlier_aid_and_what_money_pays_for(text: str, expected: set[Key]) -> None:
    assert keys(text) == expected


def test_relative_clause_on_money_says_what_it_pays_for() -> None:
    # "which ... would cover fuel": what the money pays for is no claim of its own
    assert keys(
        "The Islamic Development Bank put forward a package of $12 million, which its president said "
        "would cover fuel and logistics for six months."
    ) == {(("Islamic Development Bank",), "commit", "pledge", "funding", (12e6, "USD"))}


AGENT_CASES: list[tuple[str, set[Key]]] = [
    # the agent of a passive gives the noun phrase before the participle
    (
        "Barracks are ready for the 1,200 troops pledged by Bangladesh.",
        {(("Bangladesh",), "commit", "pledge", "security", (1200, "troops"))},
    ),
    (
        "Officials welcomed 300 tonnes of flour donated by Kazakhstan.",
        {(("Kazakhstan",), "commit", "delivered", "food", (300, "tonnes"))},
    ),
    (
        "Of the $400 million pledged by Kuwait, only $90 million has arrived.",
        {
            (("Kuwait",), "commit", "pledge", "funding", (400e6, "USD")),
            (("Kuwait",), "commit", "delivered", "funding", (90e6, "USD")),
        },
    ),
    ("The mobile clinic was donated by Qatar.", {(("Qatar",), "commit", "delivered", "medical", None)}),
    # "to be sent by" is a promise
    (
        "Training began for the 250 police officers to be sent by Jamaica next week.",
        {(("Jamaica",), "commit", "pledge", "security", (250, "police officers"))},
    ),
    # an agent that gives nothing, or gave earlier aid
    ("The plan was proposed by Egypt and backed by France.", set()),
    ("The medicines sent by India in 2024 are running out.", set()),
    ("Aid provided by Sweden since 2014 totals 3 billion crowns.", set()),
]


@pytest.mark.parametrize(("text", "expected"), AGENT_CASES)
def test_passive_agent_gives(text: str, expected: set[Key]) -> None:
    assert keys(text) == expected


def test_participle_phrase_as_subject_is_not_delivered() -> None:
    # the phrase is the subject of the next verb: that verb, not the participle, says what happened to it
    found = keys("Medical supplies donated by Kuwait are due in Port Sudan next week.")
    assert all(stage != "delivered" for _, _, stage, _, _ in found)
