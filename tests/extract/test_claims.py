"""Claims read from sentences written for these tests (issue 3: stance, stage, categories,
amounts, donors, non-claims). Each case lists every claim the text must yield, no more."""

from __future__ import annotations

import datetime as dt

import pytest

from pledgewatch.extract import extract

from .helpers import Key, keys

CASES: list[tuple[str, set[Key]]] = [
    # stance and stage from the cue
    (
        "Chile pledged $12 million to the reconstruction fund.",
        {(("Chile",), "commit", "pledge", "funding", (12e6, "USD"))},
    ),
    (
        "Peru has disbursed 40 million euros to the trust fund.",
        {(("Peru",), "commit", "delivered", "funding", (40e6, "EUR"))},
    ),
    (
        "Norway is contributing $2 billion to the new body.",
        {(("Norway",), "commit", "pledge", "funding", (2e9, "USD"))},
    ),
    (
        "Ghana and Kenya are currently providing police officers and training for the mission.",
        {(("Ghana", "Kenya"), "commit", "delivered", "security", None)},
    ),
    (
        "Austria has not made any financial contribution to the fund.",
        {(("Austria",), "deny", "delivered", "funding", None)},
    ),
    (
        "Ireland will not send troops unless the council asks.",
        {(("Ireland",), "deny", "pledge", "security", None)},
    ),
    (
        "Portugal is prepared to provide $50 million once a ceasefire holds.",
        {(("Portugal",), "commit", "pledge", "funding", (50e6, "USD"))},
    ),
    (
        "Denmark did not pay the $30 million contribution it announced.",
        {(("Denmark",), "deny", "delivered", "funding", (30e6, "USD"))},
    ),
    # categories: several in one sentence, money is funding whatever it pays for
    (
        "Malaysia will send a field hospital, 300 peacekeepers and 20 tonnes of flour.",
        {
            (("Malaysia",), "commit", "pledge", "medical", None),
            (("Malaysia",), "commit", "pledge", "security", (300, "peacekeepers")),
            (("Malaysia",), "commit", "pledge", "food", (20, "tonnes")),
        },
    ),
    (
        "Estonia offered to share its expertise in e-government.",
        {(("Estonia",), "commit", "pledge", "expertise", None)},
    ),
    (
        "Morocco plans to build 2,000 housing units in the south.",
        {(("Morocco",), "commit", "pledge", "reconstruction", (2000, "housing units"))},
    ),
    (
        "Chile announced $8 million in humanitarian aid for displaced families.",
        {(("Chile",), "commit", "pledge", "funding", (8e6, "USD"))},
    ),
    (
        "Brazil will deliver humanitarian aid to the region.",
        {(("Brazil",), "commit", "pledge", "humanitarian", None)},
    ),
    (
        "Vietnam pledged 100 scholarships for Sudanese students over the next four years.",
        {(("Vietnam",), "commit", "pledge", "education", (100, "scholarships"))},
    ),
    # amounts: lists, gapping, conversions, parts of a total, collective totals
    (
        "Both Chile and Peru pledged $5 million each, while Brazil pledged $20 million.",
        {
            (("Chile",), "commit", "pledge", "funding", (5e6, "USD")),
            (("Peru",), "commit", "pledge", "funding", (5e6, "USD")),
            (("Brazil",), "commit", "pledge", "funding", (20e6, "USD")),
        },
    ),
    (
        "Oman committed $300 million, Jordan $100 million over two years, and Iraq also participated.",
        {
            (("Oman",), "commit", "pledge", "funding", (300e6, "USD")),
            (("Jordan",), "commit", "pledge", "funding", (100e6, "USD")),
            (("Iraq",), "commit", "pledge", "funding", None),
        },
    ),
    (
        "Sweden pledged 50 million euros (about $54 million) to the appeal.",
        {(("Sweden",), "commit", "pledge", "funding", (50e6, "EUR"))},
    ),
    (
        "Canada said it would give more than $900 million, including more than $300 million for water.",
        {
            (("Canada",), "commit", "pledge", "funding", (900e6, "USD")),
            (("Canada",), "commit", "pledge", "funding", (300e6, "USD")),
        },
    ),
    (
        "Chile, Peru and Colombia collectively pledged more than $60 million.",
        {(("Chile", "Peru", "Colombia"), "commit", "pledge", "funding", (60e6, "USD"))},
    ),
    # donors: pronouns, persons, capitals, recipients
    (
        "Finland pledged $10 million. It also promised to send 40 observers.",
        {
            (("Finland",), "commit", "pledge", "funding", (10e6, "USD")),
            (("Finland",), "commit", "pledge", "security", (40, "observers")),
        },
    ),
    (
        "The United States announced it will provide the Gaza Strip with $50 million.",
        {(("United States",), "commit", "pledge", "funding", (50e6, "USD"))},
    ),
    ("A conference co-hosted by Egypt and Norway raised $3 billion.", set()),
    ("Ukraine's allies pledged $2 billion in aid.", set()),
    ("WASHINGTON — Qatar pledged $1 billion.", {(("Qatar",), "commit", "pledge", "funding", (1e9, "USD"))}),
    (
        "The United States announced it would withhold funding from the agency.",
        {(("United States",), "deny", "pledge", "funding", None)},
    ),
    (
        "Norway has increased its contribution to the health fund to NOK 3 billion.",
        {(("Norway",), "commit", "pledge", "funding", (3e9, "NOK"))},
    ),
    (
        "The Kazakh government allocated 2 billion tenge for the shipment of 5,000 tonnes of flour.",
        {(("Kazakhstan",), "commit", "pledge", "funding", (2e9, "KZT"))},
    ),
    (
        "Egypt has sent 10,000 tonnes of aid through the crossing.",
        {(("Egypt",), "commit", "delivered", "humanitarian", (10000, "tonnes"))},
    ),
    (
        "Chile Pledges $500 Million To Health Fund",
        {(("Chile",), "commit", "pledge", "funding", (500e6, "USD"))},
    ),
    (
        "Chile's pledge of $500 million was welcomed by the organisers.",
        {(("Chile",), "commit", "pledge", "funding", (500e6, "USD"))},
    ),
    (
        "A $50 million pledge from Norway was the largest of the day.",
        {(("Norway",), "commit", "pledge", "funding", (50e6, "USD"))},
    ),
    (
        "Pledges came from the United States, which promised $4 billion, and Peru, which pledged $2 million.",
        {
            (("United States",), "commit", "pledge", "funding", (4e9, "USD")),
            (("Peru",), "commit", "pledge", "funding", (2e6, "USD")),
        },
    ),
    (
        "Spain pledged €20 million, bringing its total contribution since 2022 to €100 million.",
        {(("Spain",), "commit", "pledge", "funding", (20e6, "EUR"))},
    ),
    (
        "Pledges came from Norway ($50 million), Sweden ($40 million) and Denmark ($30 million).",
        {
            (("Norway",), "commit", "pledge", "funding", (50e6, "USD")),
            (("Sweden",), "commit", "pledge", "funding", (40e6, "USD")),
            (("Denmark",), "commit", "pledge", "funding", (30e6, "USD")),
        },
    ),
    (
        "The health fund has received $300 million from Norway and Sweden.",
        {(("Norway", "Sweden"), "commit", "delivered", "funding", (300e6, "USD"))},
    ),
    ("The fund has received $1.2 billion from 30 donors, including Canada and Chile.", set()),
    (
        "Azerbaijan denied reports that it had pledged $500 million.",
        {(("Azerbaijan",), "deny", "pledge", "funding", (500e6, "USD"))},
    ),
    ("Media claimed Latvia would send troops; the ministry said no decision had been taken.", set()),
    (
        "France's contribution of €1.6 billion makes it the second-largest donor.",
        {(("France",), "commit", "pledge", "funding", (1.6e9, "EUR"))},
    ),
    (
        "The United States pledged up to $6 billion, matching $1 for every $2 pledged by other donors.",
        {(("United States",), "commit", "pledge", "funding", (6e9, "USD"))},
    ),
    (
        "Among the Gulf states, the United Arab Emirates pledged $1.2 billion.",
        {(("United Arab Emirates",), "commit", "pledge", "funding", (1.2e9, "USD"))},
    ),
    (
        "Qatar pledged $1 billion, in addition to the salaries it has financed in the past.",
        {(("Qatar",), "commit", "pledge", "funding", (1e9, "USD"))},
    ),
    ("France did not announce fresh funds.", {(("France",), "deny", "pledge", "funding", None)}),
    ("Japan does not plan to send troops.", {(("Japan",), "deny", "pledge", "security", None)}),
    (
        "Norway will double its humanitarian support to the region.",
        {(("Norway",), "commit", "pledge", "humanitarian", None)},
    ),
    # not claims
    ("Britain and its partners pledged more than 800 million pounds in aid.", set()),
    ("Kuwait and Bahrain were among the nine countries that together pledged more than $7 billion.", set()),
    ("The head of the delegation set out the contribution of Chile to the recovery of the region.", set()),
    ("Israel will allow 600 aid trucks a day into the territory.", set()),
    ("Kuwait hosted the conference, where participants pledged $7 billion in total.", set()),
    ("Germany remains the largest donor, having provided more than €3 billion since 2011.", set()),
    ("An initiative proposed by Chile to fund housing drew praise.", set()),
    ("Russia will pay for the damage, the president said.", set()),
    ("Trump expects them to pay for the reconstruction.", set()),
    ("Spain is interested in participating in construction projects through its companies.", set()),
    ("Japan could possibly send troops later.", set()),
    ("Analysts say Qatar will likely give $1 billion.", set()),
    ("No specific amount has been made public by Italy.", set()),
    ("The World Bank estimated the cost of rebuilding at $50 billion.", set()),
    ("Would Greece send doctors?", set()),
    ("The $1 billion adds to the $3 billion Kuwait has already provided since the war began.", set()),
    ("The Palestinian president said his people needed action, not just pledges.", set()),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:50] for c in CASES])
def test_claims_of_sentence(text: str, expected: set[Key]) -> None:
    assert keys(text) == expected


def test_exclusively_humanitarian_answer_denies_troops() -> None:
    text = (
        "The spokesperson addressed reports about Latvian troops, stressing that "
        "Latvia's participation is exclusively humanitarian."
    )
    assert keys(text) == {(("Latvia",), "deny", "pledge", "security", None)}


def test_person_resolves_to_the_state_they_speak_for_and_is_the_speaker() -> None:
    text = (
        "Kazakh President Kassym-Jomart Tokayev spoke in Astana. "
        "Tokayev said Kazakhstan would send 10 doctors to the mission."
    )
    (claim,) = extract(text).claims
    assert claim.donors == ("Kazakhstan",)
    assert claim.speaker == "Kassym-Jomart Tokayev"


def test_capital_counts_only_as_a_subject() -> None:
    assert keys("Washington itself would contribute $10 billion to the board.") == {
        (("United States",), "commit", "pledge", "funding", (10e9, "USD"))
    }
    assert keys("Donors met in Washington and pledged $10 billion.") == set()


def test_group_noun_takes_the_states_named_before() -> None:
    text = (
        "Qatar pledged $1 billion and Kuwait pledged $500 million. "
        "Trump praised contributions from four countries, including Chile, Peru and the Gulf nations, "
        "totaling more than $2 billion."
    )
    joint = [c for c in extract(text).claims if c.collective]
    assert len(joint) == 1
    assert set(joint[0].donors) == {"Chile", "Peru", "Qatar", "Kuwait"}
    assert joint[0].bound == "min"


def test_one_amount_for_several_donors_is_collective_unless_each() -> None:
    (joint,) = extract("Chile and Peru pledged $10 million to the fund.").claims
    assert joint.collective and joint.donors == ("Chile", "Peru")
    split = extract("Chile and Peru each pledged $10 million to the fund.").claims
    assert [(c.donors, c.collective) for c in split] == [(("Chile",), False), (("Peru",), False)]


def test_bound_period_recipient_and_date_are_filled() -> None:
    text = "On Feb. 20, Chile pledged more than $12 million to the Global Fund over the next three years."
    (c,) = extract(text, dt.date(2026, 3, 5)).claims
    assert c.bound == "min"
    assert c.period == "over the next three years"
    assert c.recipient == "Global Fund"
    assert c.date == dt.date(2026, 2, 20)


def test_evidence_is_the_sentence_with_its_offsets() -> None:
    text = "Intro line.\nChile pledged $12 million to the fund. Nothing else happened."
    (c,) = extract(text).claims
    assert c.evidence.text == "Chile pledged $12 million to the fund."
    assert text[c.evidence.start : c.evidence.end] == c.evidence.text
    assert c.rule == "pledge.pledged"


def test_pronouns_point_back_only_to_recent_donors() -> None:
    near = "Finland pledged $10 million. It also promised to send 40 observers."
    assert {c.donors for c in extract(near).claims} == {("Finland",)}
    far = (
        "Finland pledged $10 million to the fund. The meeting lasted two days. "
        "Delegates discussed the agenda. Journalists waited outside. It will send 40 observers."
    )
    assert [c.category for c in extract(far).claims] == ["funding"]
