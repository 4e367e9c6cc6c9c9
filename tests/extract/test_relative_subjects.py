"""A relative clause or an apposition between a subject and its verb is background: the actors it
names are not the subject, and a cue inside it neither cancels nor takes over the main clause.
Each case is a sentence written for this test."""

from __future__ import annotations

import pytest

from pledgewatch.extract import extract

from .helpers import Key, keys

M = 1e6

RELATIVE_CASES: list[tuple[str, set[Key]]] = [
    # names inside the relative clause do not become the subject
    (
        "Sweden, which co-hosted the meeting alongside Egypt and Jordan, pledged $40 million for schools.",
        {(("Sweden",), "commit", "pledge", "funding", (40 * M, "USD"))},
    ),
    (
        "Canada, whose prime minister met Egypt's president on Sunday, pledged 150 million Canadian dollars.",
        {(("Canada",), "commit", "pledge", "funding", (150 * M, "CAD"))},
    ),
    (
        "Kenya, whose police officers have trained with Italy and France, will deploy 1,000 officers.",
        {(("Kenya",), "commit", "pledge", "security", (1000.0, "officers"))},
    ),
    (
        "Officials said Kuwait, which hosted a donor conference with Norway in 2014, would give "
        "$250 million.",
        {(("Kuwait",), "commit", "pledge", "funding", (250 * M, "USD"))},
    ),
    # a clause break inside the relative clause does not end the subject's clause
    (
        "Norway, which chaired the session while Egypt hosted it, will provide $50 million.",
        {(("Norway",), "commit", "pledge", "funding", (50 * M, "USD"))},
    ),
    # a cue inside the relative clause is earlier aid or background: the main verb's claim stands
    (
        "Denmark, which had already given $12 million to the World Food Programme, announced another "
        "$30 million on Tuesday.",
        {(("Denmark",), "commit", "pledge", "funding", (30 * M, "USD"))},
    ),
    (
        "Pakistan, which has contributed troops to UN missions since the 1960s, offered 2,000 soldiers.",
        {(("Pakistan",), "commit", "pledge", "security", (2000.0, "soldiers"))},
    ),
    (
        "The United Kingdom, which sent 2,000 tonnes of flour in January, airlifted 40 tonnes of "
        "medicines to Cairo on Monday.",
        {(("United Kingdom",), "commit", "delivered", "medical", (40.0, "tonnes"))},
    ),
    (
        "Morocco, which trucked 300 tonnes of rice to the border last month, will send a field hospital.",
        {(("Morocco",), "commit", "pledge", "medical", None)},
    ),
    # a denial inside the clause ("a charge X rejects") neither denies nor steals the main claim
    (
        "Turkey, which accuses the United Arab Emirates of arming the militia, a charge Abu Dhabi "
        "rejects, announced $200 million in aid.",
        {(("Turkey",), "commit", "pledge", "funding", (200 * M, "USD"))},
    ),
    # the head's own denial of reports in the clause is a claim; it governs nothing after the clause
    (
        "China, which rejected reports that it would send troops, pledged $10 million in aid.",
        {
            (("China",), "deny", "pledge", "security", None),
            (("China",), "commit", "pledge", "funding", (10 * M, "USD")),
        },
    ),
    (
        "Oman, which denied claims that it had paid $40 million, will send 100 doctors.",
        {
            (("Oman",), "deny", "delivered", "funding", (40 * M, "USD")),
            (("Oman",), "commit", "pledge", "medical", (100.0, "doctors")),
        },
    ),
    (
        "Kuwait, which has yet to pay its $500 million pledge, said it would send 100 doctors.",
        {
            (("Kuwait",), "deny", "delivered", "funding", (500 * M, "USD")),
            (("Kuwait",), "commit", "pledge", "medical", (100.0, "doctors")),
        },
    ),
    # speculation, expectations and interest inside the clause do not cancel the main verb
    (
        "Italy, which said it might send police, pledged 20 million euros.",
        {(("Italy",), "commit", "pledge", "funding", (20 * M, "EUR"))},
    ),
    (
        "Egypt, which urged other states to pay, pledged 500 tonnes of flour.",
        {(("Egypt",), "commit", "pledge", "food", (500.0, "tonnes"))},
    ),
    (
        "Mexico, which is considering joining the board, gave $5 million.",
        {(("Mexico",), "commit", "delivered", "funding", (5 * M, "USD"))},
    ),
    # a pledge in the clause stays when the main verb delivers part of it
    (
        "Austria, which pledged 20 million euros in March, has so far paid only 5 million euros.",
        {
            (("Austria",), "commit", "pledge", "funding", (20 * M, "EUR")),
            (("Austria",), "commit", "delivered", "funding", (5 * M, "EUR")),
        },
    ),
    # "N more soldiers" counts N soldiers; the troops the head already has are no claim
    (
        "Spain, which has 600 troops in Lebanon, will deploy 200 more soldiers.",
        {(("Spain",), "commit", "pledge", "security", (200.0, "soldiers"))},
    ),
    # appositions, dashes and parentheses
    (
        "Germany, Ukraine's biggest European backer after Britain, will give 200 million euros.",
        {(("Germany",), "commit", "pledge", "funding", (200 * M, "EUR"))},
    ),
    (
        "Japan, as chair of the G7 alongside Italy, pledged $100 million.",
        {(("Japan",), "commit", "pledge", "funding", (100 * M, "USD"))},
    ),
    (
        "Japan, as well as Italy, pledged $100 million.",
        {(("Japan", "Italy"), "commit", "pledge", "funding", (100 * M, "USD"))},
    ),
    (
        "Qatar, a go-between for Israel and Hamas, pledged $500 million.",
        {(("Qatar",), "commit", "pledge", "funding", (500 * M, "USD"))},
    ),
    (
        "Indonesia – which has long backed the Palestinian cause alongside Malaysia – offered 20,000 troops.",
        {(("Indonesia",), "commit", "pledge", "security", (20000.0, "troops"))},
    ),
    (
        "Indonesia—which has long backed the cause alongside Malaysia—offered 20,000 troops.",
        {(("Indonesia",), "commit", "pledge", "security", (20000.0, "troops"))},
    ),
    (
        "Indonesia -- which has long backed the cause alongside Malaysia -- offered 20,000 troops.",
        {(("Indonesia",), "commit", "pledge", "security", (20000.0, "troops"))},
    ),
    (
        "Indonesia - which has long backed the cause alongside Malaysia - offered 20,000 troops.",
        {(("Indonesia",), "commit", "pledge", "security", (20000.0, "troops"))},
    ),
    (
        "Belgium (which holds the chair after Hungary) will send 40 doctors.",
        {(("Belgium",), "commit", "pledge", "medical", (40.0, "doctors"))},
    ),
    (
        "Tunisia, home to refugees from Libya, said it had delivered 200 tonnes of flour.",
        {(("Tunisia",), "commit", "delivered", "food", (200.0, "tonnes"))},
    ),
    # a participle phrase
    (
        "Norway, speaking for the Nordic states alongside Sweden, pledged $50 million.",
        {(("Norway",), "commit", "pledge", "funding", (50 * M, "USD"))},
    ),
    # an attribution between subject and verb
    (
        "Norway, Egyptian officials said, will provide $50 million.",
        {(("Norway",), "commit", "pledge", "funding", (50 * M, "USD"))},
    ),
    (
        "Norway, said Egypt's foreign minister, will provide $50 million.",
        {(("Norway",), "commit", "pledge", "funding", (50 * M, "USD"))},
    ),
    (
        "Norway, the Egyptian foreign ministry said on Monday, will provide $50 million.",
        {(("Norway",), "commit", "pledge", "funding", (50 * M, "USD"))},
    ),
    # after the insertion, a new subject takes the verb
    ("Norway, which chaired the session, said the bank would provide $5 million.", set()),
    # two subjects each with their own insertion
    (
        "Ireland, itself a small donor, pledged 10 million euros, while Portugal, which hosted talks "
        "with Spain, gave 5 million euros.",
        {
            (("Ireland",), "commit", "pledge", "funding", (10 * M, "EUR")),
            (("Portugal",), "commit", "delivered", "funding", (5 * M, "EUR")),
        },
    ),
    # "A, which ..., and B": both conjuncts give
    (
        "Italy, which holds the presidency with France, and Japan pledged $20 million each.",
        {
            (("Italy",), "commit", "pledge", "funding", (20 * M, "USD")),
            (("Japan",), "commit", "pledge", "funding", (20 * M, "USD")),
        },
    ),
    # a head the gazetteer does not name: the actors in the clause are still not the subject
    ("The kingdom, which hosted the summit with France, pledged $1 billion.", set()),
    (
        "Saudi Arabia hosted the talks. The kingdom, which hosted the summit with France, pledged "
        "$1 billion.",
        {(("Saudi Arabia",), "commit", "pledge", "funding", (1e9, "USD"))},
    ),
    (
        "Norway's government, which chaired the session with Egypt, will provide $50 million.",
        {(("Norway",), "commit", "pledge", "funding", (50 * M, "USD"))},
    ),
    (
        "The German government, which faces a budget crisis, pledged 125 million euros.",
        {(("Germany",), "commit", "pledge", "funding", (125 * M, "EUR"))},
    ),
    # a thing given before its giver's relative clause: the giver in the clause gives it
    (
        "The aid, which Japan sent in March, reached Port Sudan on Friday.",
        {(("Japan",), "commit", "delivered", "humanitarian", None)},
    ),
    (
        "Norway, the host, and Sweden pledged $5 million each.",
        {
            (("Norway",), "commit", "pledge", "funding", (5 * M, "USD")),
            (("Sweden",), "commit", "pledge", "funding", (5 * M, "USD")),
        },
    ),
    # an apposition after a list belongs to the whole list
    (
        "Egypt, the UAE and Qatar, the three mediators, pledged $900 million.",
        {(("Egypt", "United Arab Emirates", "Qatar"), "commit", "pledge", "funding", (900 * M, "USD"))},
    ),
    # a list of names is no apposition: all of them give
    (
        "Norway, the Netherlands, Denmark and Sweden pledged $90 million.",
        {(("Norway", "Netherlands", "Denmark", "Sweden"), "commit", "pledge", "funding", (90 * M, "USD"))},
    ),
    # the clause says the head gives outside the initiative: still no claim
    (
        "Taiwan, which is not a partner of the fund, offered $5 million in loans to its allies.",
        set(),
    ),
]


@pytest.mark.parametrize(("text", "expected"), RELATIVE_CASES)
def test_relative_clause_before_the_verb(text: str, expected: set[Key]) -> None:
    assert keys(text) == expected


DELIVERY_CASES: list[tuple[str, set[Key]]] = [
    # flying, trucking and ferrying goods to a place delivers them
    (
        "Peru, which upgraded its embassy in Chile last year, flew 1,000 tents to the city on Friday.",
        {(("Peru",), "commit", "delivered", "humanitarian", (1000.0, "tents"))},
    ),
    (
        "Egypt trucked 2,000 tonnes of food to Rafah.",
        {(("Egypt",), "commit", "delivered", "food", (2000.0, "tonnes"))},
    ),
    (
        "Greece ferried 300 tonnes of flour to the port.",
        {(("Greece",), "commit", "delivered", "food", (300.0, "tonnes"))},
    ),
    # a minister flying somewhere gives nothing
    ("The Greek minister flew to Cairo on Monday.", set()),
]


@pytest.mark.parametrize(("text", "expected"), DELIVERY_CASES)
def test_delivery_verbs(text: str, expected: set[Key]) -> None:
    assert keys(text) == expected


GAPPED_CASES: list[tuple[str, set[Key]]] = [
    # "and Y a further/an additional/another Z": the gapped conjunct is Y's own amount
    (
        "The European Commission promised 300 million euros and France a further 90 million euros.",
        {
            (("European Union",), "commit", "pledge", "funding", (300 * M, "EUR")),
            (("France",), "commit", "pledge", "funding", (90 * M, "EUR")),
        },
    ),
    (
        "Brazil pledged $10 million and Argentina an additional $5 million.",
        {
            (("Brazil",), "commit", "pledge", "funding", (10 * M, "USD")),
            (("Argentina",), "commit", "pledge", "funding", (5 * M, "USD")),
        },
    ),
    (
        "Spain offered 50 million euros, and Portugal another 10 million euros.",
        {
            (("Spain",), "commit", "pledge", "funding", (50 * M, "EUR")),
            (("Portugal",), "commit", "pledge", "funding", (10 * M, "EUR")),
        },
    ),
    (
        "Ghana pledged 300 troops and Kenya a further 200 troops.",
        {
            (("Ghana",), "commit", "pledge", "security", (300.0, "troops")),
            (("Kenya",), "commit", "pledge", "security", (200.0, "troops")),
        },
    ),
    (
        "The EU pledged 270 million euros and Germany, which hosted the talks, a further 125 million euros.",
        {
            (("European Union",), "commit", "pledge", "funding", (270 * M, "EUR")),
            (("Germany",), "commit", "pledge", "funding", (125 * M, "EUR")),
        },
    ),
    # "another" before an amount with a recipient named in between is the same donor's
    (
        "Spain pledged 50 million euros to Jordan and another 10 million euros to Lebanon.",
        {
            (("Spain",), "commit", "pledge", "funding", (50 * M, "EUR")),
            (("Spain",), "commit", "pledge", "funding", (10 * M, "EUR")),
        },
    ),
]


@pytest.mark.parametrize(("text", "expected"), GAPPED_CASES)
def test_gapped_further_amount(text: str, expected: set[Key]) -> None:
    assert keys(text) == expected


def test_evidence_is_the_whole_sentence_with_its_insertion() -> None:
    text = "Talks ended. Sweden, which co-hosted them with Egypt, pledged $40 million."
    (claim,) = extract(text).claims
    assert claim.donors == ("Sweden",)
    assert claim.evidence.text == "Sweden, which co-hosted them with Egypt, pledged $40 million."
    assert text[claim.evidence.start : claim.evidence.end] == claim.evidence.text
