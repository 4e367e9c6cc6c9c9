"""General behaviours found on articles outside the dev set, second part: subjects, recipients,
in-kind aid, denials, groups. Each case is a sentence written for this test."""

from __future__ import annotations

import pytest

from pledgewatch.extract import extract

from .helpers import Key, keys

SUBJECT_CASES: list[tuple[str, set[Key]]] = [
    # an unnamed subject right before the cue is the subject: no reaching back to an earlier actor
    (
        "Spain hosted the donor meeting in Madrid, with banks and firms announcing loans of $3 billion.",
        set(),
    ),
    # a counted group takes the members the next sentence lists, when exactly that many
    (
        "Four countries pledged $900 million for the fund. The group is made up of Chile, Peru, "
        "Brazil and Ecuador.",
        {(("Chile", "Peru", "Brazil", "Ecuador"), "commit", "pledge", "funding", (900e6, "USD"))},
    ),
    (
        "Five countries pledged $900 million for the fund. The group is made up of Chile, Peru, "
        "Brazil and Ecuador.",
        set(),
    ),
    # what analysts or experts say a donor will do is speculation
    ("Analysts say Kuwait will give $2 billion.", set()),
    ("Observers expect that Kuwait's government will send troops.", set()),
    # a discourse adverb opening the sentence does not make an ambiguous name a place
    (
        "Meanwhile, Chad has sent 300 soldiers to the force.",
        {(("Chad",), "commit", "delivered", "security", (300.0, "soldiers"))},
    ),
]


@pytest.mark.parametrize(("text", "expected"), SUBJECT_CASES)
def test_general_subjects(text: str, expected: set[Key]) -> None:
    assert keys(text) == expected


def test_unlisted_titles_give_the_speaker() -> None:
    claims = extract("Ireland will give 20 million euros, Tánaiste Helen McEntee said.").claims
    assert [c.speaker for c in claims] == ["Helen McEntee"]


RECIPIENT_CASES: list[tuple[str, set[Key]]] = [
    # the initiative (a recipient body in the gazetteer) never gives to itself
    ("The Board of Peace will provide $3 billion for new housing.", set()),
    # "raised/secured X from Y": Y gives, the subject only collects
    ("The Board of Peace has raised $4 billion from member states.", set()),
    (
        "The appeal secured $35 million from Denmark and Finland.",
        {(("Denmark", "Finland"), "commit", "pledge", "funding", (35e6, "USD"))},
    ),
    (
        "Japan will raise $20 million for the appeal.",
        {(("Japan",), "commit", "pledge", "funding", (20e6, "USD"))},
    ),
]


@pytest.mark.parametrize(("text", "expected"), RECIPIENT_CASES)
def test_general_recipients_are_no_donors(text: str, expected: set[Key]) -> None:
    assert keys(text) == expected


INKIND_CASES: list[tuple[str, set[Key]]] = [
    # energy and other in-kind goods no other category covers are humanitarian, counted or not
    (
        "Estonia has handed over 120 large generators to Moldovan towns.",
        {(("Estonia",), "commit", "delivered", "humanitarian", (120.0, "generators"))},
    ),
    (
        "Greece is supplying electricity through a floating power barge, officials said.",
        {(("Greece",), "commit", "delivered", "humanitarian", None)},
    ),
    # a body that secured pledges collects what others gave: it is no donor
    ("The World Health Organization secured about $3 billion in new pledges for its plan.", set()),
]


@pytest.mark.parametrize(("text", "expected"), INKIND_CASES)
def test_general_in_kind_and_collected_pledges(text: str, expected: set[Key]) -> None:
    assert keys(text) == expected


def test_a_body_that_collects_pledges_is_no_donor_anywhere_in_its_document() -> None:
    text = (
        "UNICEF raises $2 billion at Geneva summit\n\n"
        "UNICEF, the children's agency, secured more than $2 billion in new pledges for its strategy. "
        "Norway pledged $300 million to UNICEF."
    )
    assert keys(text) == {(("Norway",), "commit", "pledge", "funding", (300e6, "USD"))}


def test_aid_since_a_dated_month_is_earlier_aid() -> None:
    assert (
        keys("Oman has provided more than $60 million to Yemen since March 2015, the minister said.") == set()
    )


MORE_CASES: list[tuple[str, set[Key]]] = [
    # a progressive with a money amount announces it (spec: "is contributing $10 billion" is a pledge)
    (
        "Austria is providing an extra 40 million euros in aid.",
        {(("Austria",), "commit", "pledge", "funding", (40e6, "EUR"))},
    ),
    # each count keeps its own "of" phrase
    (
        "Pakistan sent 8 tonnes of medicines and 3 tonnes of flour on a military plane.",
        {
            (("Pakistan",), "commit", "delivered", "medical", (8.0, "tonnes")),
            (("Pakistan",), "commit", "delivered", "food", (3.0, "tonnes")),
        },
    ),
    # an aid agency named with a trailing 'center' is still the subject
    (
        "The KSrelief center signed an agreement worth $6 million with the agency.",
        {(("Saudi Arabia",), "commit", "pledge", "funding", (6e6, "USD"))},
    ),
]


@pytest.mark.parametrize(("text", "expected"), MORE_CASES)
def test_general_more(text: str, expected: set[Key]) -> None:
    assert keys(text) == expected


PREFILTER_CASES: list[tuple[str, set[Key]]] = [
    # a text whose only cue is a negated modal is still read
    (
        "Austria said it would not renew its funding for the agency.",
        {(("Austria",), "deny", "pledge", "funding", None)},
    ),
    # "X's contribution amounts to Y"
    (
        "Luxembourg's contribution amounts to 12 million euros.",
        {(("Luxembourg",), "commit", "pledge", "funding", (12e6, "EUR"))},
    ),
    # a title's own "of" does not govern the person it names
    (
        "Finland's Minister of International Development Ville Tavio announced 15 million euros "
        "for the appeal.",
        {(("Finland",), "commit", "pledge", "funding", (15e6, "EUR"))},
    ),
]


@pytest.mark.parametrize(("text", "expected"), PREFILTER_CASES)
def test_general_prefilter_and_titles(text: str, expected: set[Key]) -> None:
    assert keys(text) == expected


ADDED_CASES: list[tuple[str, set[Key]]] = [
    # "added $X" after another donor's pledge is a pledge of its own; "he added" is speech
    (
        "Chile pledged $40 million; Peru added $10 million.",
        {
            (("Chile",), "commit", "pledge", "funding", (40e6, "USD")),
            (("Peru",), "commit", "pledge", "funding", (10e6, "USD")),
        },
    ),
    ('"Our support will continue," the Peruvian minister added.', set()),
    # donors outside the state system that the gazetteer lists
    (
        "The Arab Coordination Group committed $3 billion to the recovery plan.",
        {(("Arab Coordination Group",), "commit", "pledge", "funding", (3e9, "USD"))},
    ),
]


@pytest.mark.parametrize(("text", "expected"), ADDED_CASES)
def test_general_added_and_listed_bodies(text: str, expected: set[Key]) -> None:
    assert keys(text) == expected


def test_a_modal_with_an_unlisted_giving_verb_passes_the_prefilter() -> None:
    assert keys("Lisbon would release 8 million euros in emergency aid.") == {
        (("Portugal",), "commit", "pledge", "funding", (8e6, "EUR"))
    }


def test_money_raised_with_partners_is_the_raisers_pledge() -> None:
    text = "Spain and its partners raised more than 900 million euros for Yemen at a conference in Madrid."
    assert keys(text) == {(("Spain",), "commit", "pledge", "funding", (900e6, "EUR"))}
    assert keys("Britain and its partners pledged more than 800 million pounds in aid.") == set()


DENY_MORE: list[tuple[str, set[Key]]] = [
    # "denied sending X": what is denied was delivered
    (
        "Morocco has denied sending troops to the border.",
        {(("Morocco",), "deny", "delivered", "security", None)},
    ),
    # a named subject after "denied that" is the donor of the denied claim
    (
        "The ministry in Muscat denied that Oman had pledged $70 million.",
        {(("Oman",), "deny", "pledge", "funding", (70e6, "USD"))},
    ),
    # "will not be sending" is a denial like "will not send"
    (
        "Italy will not be sending soldiers, officials said.",
        {(("Italy",), "deny", "pledge", "security", None)},
    ),
    # "has yet to pay its pledge" denies the delivery, with the pledge's amount
    (
        "Mexico has yet to pay its $15 million pledge.",
        {(("Mexico",), "deny", "delivered", "funding", (15e6, "USD"))},
    ),
]


@pytest.mark.parametrize(("text", "expected"), DENY_MORE)
def test_general_more_denials(text: str, expected: set[Key]) -> None:
    assert keys(text) == expected


def test_respectively_pairs_donors_with_amounts() -> None:
    assert keys("Chile and Peru pledged $20 million and $15 million respectively.") == {
        (("Chile",), "commit", "pledge", "funding", (20e6, "USD")),
        (("Peru",), "commit", "pledge", "funding", (15e6, "USD")),
    }


def test_we_in_a_quote_is_the_speakers_state() -> None:
    text = '"We are committing $40 million," said Foreign Minister Penny Wong.'
    assert keys(text) == {(("Australia",), "commit", "pledge", "funding", (40e6, "USD"))}
    assert keys("We will give $5 million, the statement said.") == set()


def test_amounts_from_named_donors_after_a_subjectless_cue() -> None:
    text = "The pledges included $90 million from Kuwait and $40 million from Oman."
    assert keys(text) == {
        (("Kuwait",), "commit", "pledge", "funding", (90e6, "USD")),
        (("Oman",), "commit", "pledge", "funding", (40e6, "USD")),
    }


def test_category_words_modifying_an_event_or_body_are_not_given() -> None:
    assert keys("Jordan offered to host the reconstruction conference.") == set()
    assert keys("Jordan offered to host a fundraiser.") == {
        (("Jordan",), "commit", "pledge", "funding", None)
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Oman and Jordan brokered the truce. The two countries pledged a combined $300 million.",
            {(("Oman", "Jordan"), "commit", "pledge", "funding", (300e6, "USD"))},
        ),
        ("Oman and Jordan brokered the truce. Two countries pledged a combined $300 million.", set()),
        ("Oman, Jordan and Egypt met. The two countries pledged a combined $300 million.", set()),
    ],
)
def test_a_definite_counted_group_takes_the_states_of_the_previous_sentence(
    text: str, expected: set[Key]
) -> None:
    assert keys(text) == expected


def test_lending_is_giving_money() -> None:
    assert keys("The Nordic Investment Bank will lend €80 million to the utility.") == {
        (("Nordic Investment Bank",), "commit", "pledge", "funding", (80e6, "EUR"))
    }


def test_a_named_institution_of_a_state_gives_for_it() -> None:
    assert keys("Denmark's Ukraine Fund programme will provide 2 billion kroner.") == {
        (("Denmark",), "commit", "pledge", "funding", (2e9, "DKK"))
    }
    assert keys("Egypt's allies pledged more aid.") == set()
