"""General behaviours found on probe articles, fifth part: "not only ... but also", mine action
and in-kind vocabulary, domestic spending, datelines, groups named after a colon, the sayer's own
agency. Each case is a sentence written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from pledgewatch.extract import extract

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
    (
        "Ghana will not just send troops but also medics.",
        {
            (("Ghana",), "commit", "pledge", "security", None),
            (("Ghana",), "commit", "pledge", "medical", None),
        },
    ),
    (
        "Morocco has provided not merely equipment but training for bomb disposal units.",
        {(("Morocco",), "commit", "delivered", "security", None)},
    ),
    (
        "Chad is not only preparing troops for the force but also offering police trainers.",
        {(("Chad",), "commit", "pledge", "security", None)},
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
    # counted teachers and trainers, airlifts, signed loans, contributions made
    (
        "The talks ended. Benin will send 150 teachers.",
        {(("Benin",), "commit", "pledge", "education", (150.0, "teachers"))},
    ),
    (
        "The talks ended. Ghana will send 12 police trainers.",
        {(("Ghana",), "commit", "pledge", "security", (12.0, "trainers"))},
    ),
    (
        "The talks ended. Chile organised an airlift of relief supplies to Lima.",
        {(("Chile",), "commit", "delivered", "humanitarian", None)},
    ),
    (
        "The talks ended. Korea signed a concessional loan of $90 million.",
        {(("South Korea",), "commit", "pledge", "funding", (90e6, "USD"))},
    ),
    (
        "The talks ended. Sweden made a trust fund contribution of $4 million.",
        {(("Sweden",), "commit", "delivered", "funding", (4e6, "USD"))},
    ),
    (
        "The talks ended. Chile will send 80 electricians to restore the grid.",
        {(("Chile",), "commit", "pledge", "expertise", (80.0, "electricians"))},
    ),
    (
        "The talks ended. Peru delivered 30 tonnes of supplies to the island.",
        {(("Peru",), "commit", "delivered", "humanitarian", (30.0, "tonnes"))},
    ),
    (
        "The talks ended. Benin, once a borrower, made a $1.5 million contribution this year.",
        {(("Benin",), "commit", "delivered", "funding", (1.5e6, "USD"))},
    ),
    (
        "The talks ended. Norway donated mine detectors and sniffer dogs to the border guard.",
        {(("Norway",), "commit", "delivered", "security", None)},
    ),
    (
        "The talks ended. Estonia offered to share its experience with Moldovan officials.",
        {(("Estonia",), "commit", "pledge", "expertise", None)},
    ),
    # a state right after the verb is its object: the next verb keeps the first subject
    (
        "The talks ended. Korea has provided Ukraine with mine detectors and will train Ukrainian sappers.",
        {
            (("South Korea",), "commit", "delivered", "security", None),
            (("South Korea",), "commit", "pledge", "security", None),
        },
    ),
]


@pytest.mark.parametrize(("text", "expected"), VOCABULARY_CASES)
def test_mine_action_and_in_kind_vocabulary(text: str, expected: set[Key]) -> None:
    assert keys(text) == expected


NOT_A_CONTRIBUTION_CASES: list[tuple[str, set[Key]]] = [
    # a state spending on itself contributes to no initiative
    (
        "Ghana's finance minister said the government would lift domestic health spending to 12 percent.",
        set(),
    ),
    ("Peru will devote 18 percent of the national budget to schools and hire 9,000 teachers.", set()),
    ("Nepal said it would raise its own education budget and build 300 classrooms.", set()),
    ("Laos will buy vaccines with national funds.", set()),
    ("Fiji said its government would draw on national reserves to rebuild 400 homes.", set()),
    # an aid budget is still the donor's own aid
    (
        "Norway will increase its aid budget for Sudan to 50 million dollars.",
        {(("Norway",), "commit", "pledge", "funding", (50e6, "USD"))},
    ),
    # a previous round of a replenishment is another initiative
    ("Austria, which gave $90 million to the previous round, has not announced a figure.", set()),
    # selling is business, not aid
    ("Turkey said it would supply armoured vehicles to the army on commercial terms.", set()),
]


@pytest.mark.parametrize(("text", "expected"), NOT_A_CONTRIBUTION_CASES)
def test_domestic_spending_earlier_rounds_and_sales_are_no_claims(text: str, expected: set[Key]) -> None:
    assert keys(text) == expected


MORE_CASES: list[tuple[str, set[Key]]] = [
    # training police or soldiers is security
    (
        "Uruguay will train officers of the Gambian army.",
        {(("Uruguay",), "commit", "pledge", "security", None)},
    ),
    # "made a contribution" gave it
    (
        "Luxembourg made a 3 million euro contribution to the trust fund in May.",
        {(("Luxembourg",), "commit", "delivered", "funding", (3e6, "EUR"))},
    ),
    (
        "Kuwait has made its first payment of $15 million.",
        {(("Kuwait",), "commit", "delivered", "funding", (15e6, "USD"))},
    ),
    # specific in-kind aid stays a claim of its own beside medical aid; generic aid does not
    (
        "Nepal sent rescuers and paramedics to the quake zone.",
        {
            (("Nepal",), "commit", "delivered", "humanitarian", None),
            (("Nepal",), "commit", "delivered", "medical", None),
        },
    ),
    (
        "Nepal sent relief supplies and medicines to the quake zone.",
        {(("Nepal",), "commit", "delivered", "medical", None)},
    ),
]


@pytest.mark.parametrize(("text", "expected"), MORE_CASES)
def test_training_contributions_made_and_in_kind_aid(text: str, expected: set[Key]) -> None:
    assert keys(text) == expected


def test_a_denial_does_not_govern_what_the_sayer_adds_after_saying() -> None:
    text = "Oman denied reports that it would send troops, saying Muscat would instead send doctors."
    assert keys(text) == {
        (("Oman",), "deny", "pledge", "security", None),
        (("Oman",), "commit", "pledge", "medical", None),
    }


def _dates(text: str, published: dt.date | None) -> list[tuple[tuple[str, ...], dt.date | None]]:
    return [(c.donors, c.date) for c in extract(text, published).claims]


def test_a_dateline_dates_a_statement_made_at_an_undated_meeting_and_its_quote() -> None:
    text = (
        "OSLO, May 7. /Wire/. Iceland will send 20 police officers to the mission, the premier said "
        "at the donors' meeting.\n\n\"Malta and Cyprus have both pledged medical teams. Greece is "
        'already sending doctors," she said.\n\nPortugal has delivered 300 tents.'
    )
    assert _dates(text, dt.date(2026, 5, 7)) == [
        (("Iceland",), dt.date(2026, 5, 7)),
        (("Malta", "Cyprus"), dt.date(2026, 5, 7)),
        (("Greece",), dt.date(2026, 5, 7)),
        (("Portugal",), None),  # no statement at the event: the report's date is not the claim's
    ]


def test_a_dateline_does_not_date_a_meeting_held_elsewhere() -> None:
    text = (
        "RIGA, May 8 (Wire) - Latvia pledged 5 million euros at the donor meeting in Brussels, a source said."
    )
    assert _dates(text, dt.date(2026, 5, 8)) == [(("Latvia",), None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The talks ended. Two donors pledged $40 million between them: Norway and Ireland.",
            {(("Norway", "Ireland"), "commit", "pledge", "funding", (40e6, "USD"))},
        ),
        # the count must agree with the list
        ("The talks ended. Two donors pledged $40 million: Norway, Ireland and Chile.", set()),
    ],
)
def test_a_counted_group_named_after_a_colon_in_its_sentence(text: str, expected: set[Key]) -> None:
    assert keys(text) == expected


def test_the_sayers_own_agency_is_the_sayer() -> None:
    text = (
        "The World Bank said it would add $200 million. Oman, which hosted earlier talks, said its aid "
        "agency had already delivered 900 tonnes of flour."
    )
    assert (("Oman",), "commit", "delivered", "food", (900.0, "tonnes")) in keys(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "have still not materialised", "has not yet been received": a denial of delivery
        (
            "The talks ended. Payments from Malta have still not materialised, the agency said.",
            {(("Malta",), "deny", "delivered", "funding", None)},
        ),
        (
            "The talks ended. Money from Chile has not yet been received, a spokesman said.",
            {(("Chile",), "deny", "delivered", "funding", None)},
        ),
        (
            "The talks ended. Contributions from Malta have yet to arrive.",
            {(("Malta",), "deny", "delivered", "funding", None)},
        ),
        # refuting a withdrawal affirms the troops: no claim
        ("The talks ended. Togo denied reports that it would withdraw its troops from Mali.", set()),
        # "completed the deployment of" delivered it
        (
            "The talks ended. Benin said it had completed the deployment of 700 soldiers.",
            {(("Benin",), "commit", "delivered", "security", (700.0, "soldiers"))},
        ),
        # a bare "will not contribute" in an appeal is money
        (
            "The talks ended. Cyprus will not contribute, its finance minister said.",
            {(("Cyprus",), "deny", "pledge", "funding", None)},
        ),
    ],
)
def test_denials_of_delivery_withdrawals_and_completed_deployments(text: str, expected: set[Key]) -> None:
    assert keys(text) == expected


def test_a_body_that_raised_money_from_others_is_a_recipient_not_a_donor() -> None:
    text = (
        "Fund X raises $2 billion\n\nThe Global Fund raised $2 billion from governments and foundations "
        "on Monday. Norway pledged $80 million."
    )
    assert keys(text) == {(("Norway",), "commit", "pledge", "funding", (80e6, "USD"))}
