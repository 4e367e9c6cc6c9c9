"""General behaviours found on probe articles, fourth part: donors after "from" in a subject that
was given, and amounts split across clauses ("Of the $500m Kuwait pledged, only $100m has
arrived"). Each case is a sentence written for this test."""

from __future__ import annotations

import pytest

from .helpers import Key, keys

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
    # "<things> of <what> from X", and adverbs before the negation
    (
        "The talks ended. Shipments of fuel from Oman arrived at the port on a tanker.",
        {(("Oman",), "commit", "delivered", "humanitarian", None)},
    ),
    (
        "Money from Algeria has still not reached the treasury, a spokesman said.",
        {(("Algeria",), "deny", "delivered", "funding", None)},
    ),
    # a possessive or demonym subject that names something given: the subject arrived
    (
        "The talks ended. Kuwait's money has not arrived, officials said.",
        {(("Kuwait",), "deny", "delivered", "funding", None)},
    ),
    (
        "The talks ended. Turkish aid arrived in Aleppo overnight.",
        {(("Turkey",), "commit", "delivered", "humanitarian", None)},
    ),
    (
        "The talks ended. The first Kenyan police officers arrived in the capital.",
        {(("Kenya",), "commit", "delivered", "security", None)},
    ),
    ("The talks ended. Blinken arrived in Kyiv with new aid.", set()),
    (
        "The talks ended. Funds from Oman and Bahrain have yet to reach the trust fund.",
        {(("Oman", "Bahrain"), "deny", "delivered", "funding", None)},
    ),
    # "reached" without a given-from subject delivers nothing
    ("Estonia reached an agreement on aid for Moldova.", set()),
    ("The appeal reached $90 million after Canada's announcement.", set()),
    ("The talks ended. Loans from the IMF have reached $5 billion.", set()),
    ("The talks ended. A delegation from Qatar arrived in Cairo.", set()),
]


@pytest.mark.parametrize(("text", "expected"), GIVEN_FROM_CASES)
def test_donor_after_from_in_a_subject_that_was_given(text: str, expected: set[Key]) -> None:
    assert keys(text) == expected


SPLIT_CASES: list[tuple[str, set[Key]]] = [
    # the pledge's amount before its subject, the delivered part as the next clause's subject
    (
        "Of the $80 million Oman promised in June, only $20 million has reached the fund.",
        {
            (("Oman",), "commit", "pledge", "funding", (80e6, "USD")),
            (("Oman",), "commit", "delivered", "funding", (20e6, "USD")),
        },
    ),
    (
        "Out of the 9 million euros Malta pledged, 4 million euros had been paid by October.",
        {
            (("Malta",), "commit", "pledge", "funding", (9e6, "EUR")),
            (("Malta",), "commit", "delivered", "funding", (4e6, "EUR")),
        },
    ),
    # "of which": the delivered part ends the pledge's object
    (
        "Ottawa committed C$30 million to the trust fund, of which just C$12 million has been spent.",
        {
            (("Canada",), "commit", "pledge", "funding", (30e6, "CAD")),
            (("Canada",), "commit", "delivered", "funding", (12e6, "CAD")),
        },
    ),
    # a second verb with no subject of its own after but/and shares the first one's subject
    (
        "Finland pledged €40m in 2025 but has so far transferred only €15m.",
        {
            (("Finland",), "commit", "pledge", "funding", (40e6, "EUR")),
            (("Finland",), "commit", "delivered", "funding", (15e6, "EUR")),
        },
    ),
    (
        "Chile promised $6 million, but has paid out just $2 million.",
        {
            (("Chile",), "commit", "pledge", "funding", (6e6, "USD")),
            (("Chile",), "commit", "delivered", "funding", (2e6, "USD")),
        },
    ),
    (
        "Malta promised $6 million, but Cyprus has paid $2 million.",
        {
            (("Malta",), "commit", "pledge", "funding", (6e6, "USD")),
            (("Cyprus",), "commit", "delivered", "funding", (2e6, "USD")),
        },
    ),
    # a share of what was just pledged is delivered in its category, without an amount
    (
        "Iceland pledged $3 million and has disbursed a third of it.",
        {
            (("Iceland",), "commit", "pledge", "funding", (3e6, "USD")),
            (("Iceland",), "commit", "delivered", "funding", None),
        },
    ),
    # a count works the same way
    (
        "Of the 400 police officers Benin promised, only 150 have arrived in the capital.",
        {
            (("Benin",), "commit", "pledge", "security", (400.0, "police officers")),
            (("Benin",), "commit", "delivered", "security", (150.0, "police officers")),
        },
    ),
    # a currency-less part takes the currency of the whole it is part of
    (
        "Latvia has so far handed over 2 million of the 7 million euros it promised.",
        {
            (("Latvia",), "commit", "delivered", "funding", (2e6, "EUR")),
            (("Latvia",), "commit", "pledge", "funding", (7e6, "EUR")),
        },
    ),
    # "<part> of <donor>'s <whole> pledge has been paid": the pledge and the delivered part
    (
        "Only $8 million of Bahrain's $30 million pledge has been disbursed.",
        {
            (("Bahrain",), "commit", "delivered", "funding", (8e6, "USD")),
            (("Bahrain",), "commit", "pledge", "funding", (30e6, "USD")),
        },
    ),
    # "No money from X has reached ...": a denial of delivery
    ("No money from Oman has reached the trust fund.", {(("Oman",), "deny", "delivered", "funding", None)}),
    # the second conjunct of "not only ... but also" has its own object
    (
        "Norway not only pledged $20 million but also sent 30 engineers.",
        {
            (("Norway",), "commit", "pledge", "funding", (20e6, "USD")),
            (("Norway",), "commit", "delivered", "expertise", (30.0, "engineers")),
        },
    ),
    # a bare number after ", while" counts in the unit of the clause before
    (
        "Niger pledged 800 troops in May, while only 300 have been deployed so far.",
        {
            (("Niger",), "commit", "pledge", "security", (800.0, "troops")),
            (("Niger",), "commit", "delivered", "security", (300.0, "troops")),
        },
    ),
    # "while disbursing", "none of it", "half of which", "Of its $80m pledge, X has paid"
    (
        "The talks ended. Austria pledged €60m in June while disbursing only €15m.",
        {
            (("Austria",), "commit", "pledge", "funding", (60e6, "EUR")),
            (("Austria",), "commit", "delivered", "funding", (15e6, "EUR")),
        },
    ),
    (
        "The talks ended. Oman, which pledged $90m, has so far delivered none of it.",
        {
            (("Oman",), "commit", "pledge", "funding", (90e6, "USD")),
            (("Oman",), "deny", "delivered", "funding", None),
        },
    ),
    (
        "The talks ended. Peru pledged $12m, half of which has been paid.",
        {
            (("Peru",), "commit", "pledge", "funding", (12e6, "USD")),
            (("Peru",), "commit", "delivered", "funding", None),
        },
    ),
    (
        "The talks ended. Of its $70m pledge, Bahrain has paid $25m.",
        {
            (("Bahrain",), "commit", "pledge", "funding", (70e6, "USD")),
            (("Bahrain",), "commit", "delivered", "funding", (25e6, "USD")),
        },
    ),
    # an amount opening the clause that nobody pledged stays out
    (
        "The talks ended. Of the $80m raised, Bahrain gave $20m.",
        {(("Bahrain",), "commit", "delivered", "funding", (20e6, "USD"))},
    ),
    (
        "The talks ended. Ghana pledged to send 300 soldiers but has not deployed any so far.",
        {
            (("Ghana",), "commit", "pledge", "security", (300.0, "soldiers")),
            (("Ghana",), "deny", "delivered", "security", None),
        },
    ),
]


@pytest.mark.parametrize(("text", "expected"), SPLIT_CASES)
def test_amounts_split_across_clauses(text: str, expected: set[Key]) -> None:
    assert keys(text) == expected
