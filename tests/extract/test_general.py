"""General behaviours found on articles outside the dev set: each case is a sentence written
for this test (other countries, other wording) showing one mechanism, not one article."""

from __future__ import annotations

import pytest

from pledgewatch.extract import extract
from pledgewatch.extract.components.amounts import find_amounts

from .helpers import Key, keys


@pytest.mark.parametrize(
    ("text", "value", "unit", "bound"),
    [
        ("Oman turned over $12 million to the relief agency.", 12e6, "USD", None),
        ("Chile signed over 40 million euros in grants.", 40e6, "EUR", None),
        ("The agency received over $3 million.", 3e6, "USD", "min"),
        ("Oslo announced 600 million kroner in new aid.", 600e6, "NOK", None),
        ("The Danish government will add 75 million kroner.", 75e6, "DKK", None),
        ("Sweden's pledge of 200 million crowns.", 200e6, "SEK", None),
        ("Stockholm gave 90 million kronor.", 90e6, "SEK", None),
        ("Prague sent 15 million Czech crowns.", 15e6, "CZK", None),
        ("Doha wired 30 million riyals.", 30e6, "QAR", None),
        ("Amman released 5 million dinars.", 5e6, "JOD", None),
        ("Ottawa committed C$25 million and Canberra A$10 million.", 25e6, "CAD", None),
        ("Bern added 8 million Swiss francs.", 8e6, "CHF", None),
    ],
)
def test_amounts_read_particles_and_currencies_by_context(
    text: str, value: float, unit: str, bound: object
) -> None:
    first = find_amounts(text)[0]
    assert (first.value, first.unit, first.bound) == (value, unit, bound)


def test_crowns_without_a_country_are_no_money() -> None:
    assert all(a.unit != "NOK" for a in find_amounts("It cost 40 million crowns."))


CASES: list[tuple[str, set[Key]]] = [
    # compound count nouns from the lexicon keep their modifier
    (
        "Argentina has shipped 12 mobile field hospitals to the region.",
        {(("Argentina",), "commit", "delivered", "medical", (12.0, "field hospitals"))},
    ),
    # a category word inside an existing place's name is not what is given
    (
        "Morocco's army set up a field hospital near Khan Younis City on Monday.",
        {(("Morocco",), "commit", "delivered", "medical", None)},
    ),
    (
        "Bahrain opened a clinic in Mosul City and sent doctors.",
        {(("Bahrain",), "commit", "delivered", "medical", None)},
    ),
    # a second verb coordinated with the first keeps its subject, whatever the first's object
    (
        "Oman built a bridge in Basra and later sent 40 doctors.",
        {
            (("Oman",), "commit", "delivered", "reconstruction", None),
            (("Oman",), "commit", "delivered", "medical", (40.0, "doctors")),
        },
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_general_claims(text: str, expected: set[Key]) -> None:
    assert keys(text) == expected


CUE_CASES: list[tuple[str, set[Key]]] = [
    # preparing / readying something is an announced intent
    (
        "Greece is readying a shipment of medicines for the appeal.",
        {(("Greece",), "commit", "pledge", "medical", None)},
    ),
    # signing agreements, deals or memoranda for an amount is a pledge of that amount
    (
        "Kuwait signed two grant agreements worth $80 million with the agency.",
        {(("Kuwait",), "commit", "pledge", "funding", (80e6, "USD"))},
    ),
    (
        "The European Commission signed a memorandum for 600 million euros in loans.",
        {(("European Union",), "commit", "pledge", "funding", (600e6, "EUR"))},
    ),
    # a count of containers holds every category of its "of" phrase
    (
        "Algeria dispatched 40 planes of flour and medicines to the border.",
        {
            (("Algeria",), "commit", "delivered", "food", (40.0, "aircraft")),
            (("Algeria",), "commit", "delivered", "medical", (40.0, "aircraft")),
        },
    ),
    (
        "Tunisia sent 60 trucks of wheat and vaccines.",
        {
            (("Tunisia",), "commit", "delivered", "food", (60.0, "trucks")),
            (("Tunisia",), "commit", "delivered", "medical", (60.0, "trucks")),
        },
    ),
]


@pytest.mark.parametrize(("text", "expected"), CUE_CASES)
def test_general_cues(text: str, expected: set[Key]) -> None:
    assert keys(text) == expected


DENIAL_CASES: list[tuple[str, set[Key]]] = [
    # "rejected/dismissed claims that X had ...": a denial of the embedded claim, with its stage and amount
    (
        "A spokeswoman for the Omani foreign ministry dismissed reports that the sultanate had paid "
        "$40 million into the fund.",
        {(("Oman",), "deny", "delivered", "funding", (40e6, "USD"))},
    ),
    # "the kingdom" prefers a state named in its own sentence over the previous donor
    (
        "Egypt sent 20 trucks of flour. Officials in the Jordanian capital rejected claims that the "
        "kingdom had given $15 million to the appeal.",
        {
            (("Egypt",), "commit", "delivered", "food", (20.0, "trucks")),
            (("Jordan",), "deny", "delivered", "funding", (15e6, "USD")),
        },
    ),
    # not contributing to an appeal or replenishment denies funding
    (
        "Belarus, which was not invited, has not contributed to the appeal.",
        {(("Belarus",), "deny", "delivered", "funding", None)},
    ),
    # increased/raised ... to X: the amount after "to"; a percentage or increment is not the amount
    (
        "Portugal increased its contribution by 25 percent to 90 million euros.",
        {(("Portugal",), "commit", "pledge", "funding", (90e6, "EUR"))},
    ),
    (
        "Belgium raised its pledge by 20 million euros to 120 million euros.",
        {(("Belgium",), "commit", "pledge", "funding", (120e6, "EUR"))},
    ),
]


@pytest.mark.parametrize(("text", "expected"), DENIAL_CASES)
def test_general_denials_and_increases(text: str, expected: set[Key]) -> None:
    assert keys(text) == expected


ACTOR_CASES: list[tuple[str, set[Key]]] = [
    # an organisation named after a state is also written with the state as a possessive
    (
        "Kuwait's Fund for Arab Economic Development pledged $25 million.",
        {(("Kuwait Fund for Arab Economic Development",), "commit", "pledge", "funding", (25e6, "USD"))},
    ),
    (
        "Saudi Arabia's development fund signed a deal for $60 million.",
        {(("Saudi Fund for Development",), "commit", "pledge", "funding", (60e6, "USD"))},
    ),
    # "since the start of the year" dates a delivery; "since the start of the war" is earlier aid
    (
        "Finland has delivered 12 ambulances since the start of the year.",
        {(("Finland",), "commit", "delivered", "medical", (12.0, "ambulances"))},
    ),
    ("Finland has delivered 12 ambulances since the start of the war.", set()),
]


@pytest.mark.parametrize(("text", "expected"), ACTOR_CASES)
def test_general_actors_and_earlier_aid(text: str, expected: set[Key]) -> None:
    assert keys(text) == expected


@pytest.mark.parametrize(
    ("text", "members"),
    [
        ("Diplomats said Serbia had declined to join the joint declaration.", set()),
        ("Serbia declined to join the coalition, citing costs.", {("Serbia", "declined")}),
        ("Asked again on Monday, Serbia declined to join.", {("Serbia", "declined")}),
        ("Serbia refused to sign the open letter.", set()),
    ],
)
def test_declining_is_about_the_initiative(text: str, members: set[tuple[str, str]]) -> None:
    assert {(m.member, m.action) for m in extract(text).memberships} == members


def test_a_parenthetical_speaker_stays_in_its_clause() -> None:
    text = (
        "Austria will give 50 million euros, Chancellor Karl Nehammer said, "
        "while Belgium promised 20 million euros in aid."
    )
    speakers = {c.donors: c.speaker for c in extract(text).claims}
    assert speakers == {("Austria",): "Karl Nehammer", ("Belgium",): None}


def test_a_speech_frame_covers_the_whole_sentence() -> None:
    text = (
        "Chancellor Karl Nehammer said Austria would give 50 million euros, "
        "while Belgium pledged 20 million euros."
    )
    speakers = {c.donors: c.speaker for c in extract(text).claims}
    assert speakers == {("Austria",): "Karl Nehammer", ("Belgium",): "Karl Nehammer"}
