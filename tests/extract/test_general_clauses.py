"""General behaviours found on articles outside the dev set, third part: clause subjects,
earlier aid by date, experts, plural cue nouns, in-kind categories. Each case is a sentence
written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from pledgewatch.extract import extract

from .helpers import Key, keys

CLAUSE_CASES: list[tuple[str, set[Key]]] = [
    # after ", and" a new clause has its own subject, even after "for <place>"
    (
        "Norway gave 4 million euros to buy rice for Chad, and Estonia paid for 9,000 tonnes of maize "
        "for Niger.",
        {
            (("Norway",), "commit", "delivered", "funding", (4e6, "EUR")),
            (("Estonia",), "commit", "delivered", "food", (9000.0, "tonnes")),
        },
    ),
    (
        "Chile sent doctors to Haiti, while Peru later shipped 300 tents.",
        {
            (("Chile",), "commit", "delivered", "medical", None),
            (("Peru",), "commit", "delivered", "humanitarian", (300.0, "tents")),
        },
    ),
    # a coordinated place after a preposition stays a place
    (
        "Ghana sent 50 tonnes of rice to Mali, and Niger.",
        {(("Ghana",), "commit", "delivered", "food", (50.0, "tonnes"))},
    ),
]


@pytest.mark.parametrize(("text", "expected"), CLAUSE_CASES)
def test_general_clause_subjects(text: str, expected: set[Key]) -> None:
    assert keys(text) == expected


CATEGORY_CASES: list[tuple[str, set[Key]]] = [
    # experts and specialists are know-how; medical or military experts keep their own category
    (
        "Iceland will send a team of geothermal specialists to Kenya.",
        {(("Iceland",), "commit", "pledge", "expertise", None)},
    ),
    (
        "Estonia will dispatch election experts to Moldova.",
        {(("Estonia",), "commit", "pledge", "expertise", None)},
    ),
    ("Cuba will send a brigade of medical specialists.", {(("Cuba",), "commit", "pledge", "medical", None)}),
    # shelter and winter items are in-kind humanitarian aid
    (
        "Austria sent 4,000 blankets and hygiene kits to Tonga.",
        {(("Austria",), "commit", "delivered", "humanitarian", (4000.0, "blankets"))},
    ),
    (
        "Portugal will provide sleeping bags and mattresses.",
        {(("Portugal",), "commit", "pledge", "humanitarian", None)},
    ),
    # vaccine doses are medical; school supplies are education
    (
        "Mexico donated 200,000 vaccine doses to Belize.",
        {(("Mexico",), "commit", "delivered", "medical", (200000.0, "doses"))},
    ),
    ("Finland will supply school kits to Malawi.", {(("Finland",), "commit", "pledge", "education", None)}),
    # rescue teams are in-kind humanitarian aid
    (
        "Croatia sent 45 rescuers to the flooded region.",
        {(("Croatia",), "commit", "delivered", "humanitarian", (45.0, "rescuers"))},
    ),
    (
        "Greece dispatched search-and-rescue teams to Izmir.",
        {(("Greece",), "commit", "delivered", "humanitarian", None)},
    ),
]


@pytest.mark.parametrize(("text", "expected"), CATEGORY_CASES)
def test_general_in_kind_categories(text: str, expected: set[Key]) -> None:
    assert keys(text) == expected


EARLIER_CASES: list[tuple[str, set[Key]]] = [
    # aid dated before the publication year, or "last year", is earlier aid (spec: not a claim)
    ("Sweden gave $40 million in emergency aid to Chad in 2024.", set()),
    ("Sweden has provided $40 million in aid to Chad since last year.", set()),
    ("Sweden sent 300 tonnes of flour to Chad last year.", set()),
    # a promise dated earlier is still the promise a follow-up article tracks
    (
        "Norway pledged 200 million euros to Chad at the donor conference last year.",
        {(("Norway",), "commit", "pledge", "funding", (200e6, "EUR"))},
    ),
    (
        "Sweden promised $40 million to Chad in 2024.",
        {(("Sweden",), "commit", "pledge", "funding", (40e6, "USD"))},
    ),
    # the current year, a future year, a span and "last year's" event keep the claim
    (
        "Sweden will give $40 million in 2026 to help Chad recover from last year's drought.",
        {(("Sweden",), "commit", "pledge", "funding", (40e6, "USD"))},
    ),
    (
        "Sweden will provide $40 million to Chad in 2025-2027.",
        {(("Sweden",), "commit", "pledge", "funding", (40e6, "USD"))},
    ),
]


@pytest.mark.parametrize(("text", "expected"), EARLIER_CASES)
def test_aid_dated_before_publication_is_earlier_aid(text: str, expected: set[Key]) -> None:
    assert keys(text) == expected


def test_a_past_year_needs_a_publication_date() -> None:
    text = "Sweden gave $40 million in emergency aid to Chad in 2024."
    assert keys(text, None) == {(("Sweden",), "commit", "delivered", "funding", (40e6, "USD"))}


SPEAKER_CASES: list[tuple[str, tuple[str, ...], str]] = [
    # "his/her country" after a titled sayer is the sayer's state; titles may hold "and"
    (
        "Norway's Minister of Trade and Industry Cecilie Myrseth said her country would give €30 million.",
        ("Norway",),
        "Cecilie Myrseth",
    ),
    (
        "Japanese Minister of Foreign Trade and Development Ken Sato said his government would give $9m.",
        ("Japan",),
        "Ken Sato",
    ),
    # a month word that is also a given name starts a name before a surname
    (
        "Czech Foreign Minister Jan Lipavsky said Prague would give $5 million.",
        ("Czech Republic",),
        "Jan Lipavsky",
    ),
]


@pytest.mark.parametrize(("text", "donors", "speaker"), SPEAKER_CASES)
def test_titled_sayer_gives_state_and_speaker(text: str, donors: tuple[str, ...], speaker: str) -> None:
    claims = extract(text, dt.date(2026, 3, 10)).claims
    assert [(c.donors, c.speaker) for c in claims] == [(donors, speaker)]


def test_a_month_abbreviation_before_a_day_is_still_a_date() -> None:
    text = "Norway pledged 30 million euros on Jan 5, Minister Anniken Huitfeldt said."
    claims = extract(text, dt.date(2026, 3, 1)).claims
    assert [(c.speaker, c.date) for c in claims] == [("Anniken Huitfeldt", dt.date(2026, 1, 5))]


PLURAL_CUE_CASES: list[tuple[str, set[Key]]] = [
    # a plural cue noun listing amounts "from <donor>" gives each donor its own amount
    (
        "Fresh commitments included €30 million from Sweden and $20 million from Japan.",
        {
            (("Sweden",), "commit", "pledge", "funding", (30e6, "EUR")),
            (("Japan",), "commit", "pledge", "funding", (20e6, "USD")),
        },
    ),
    (
        "Donations announced included 5,000 tonnes of maize from Canada and 40 ambulances from Qatar.",
        {
            (("Canada",), "commit", "pledge", "food", (5000.0, "tonnes")),
            (("Qatar",), "commit", "pledge", "medical", (40.0, "ambulances")),
        },
    ),
    # an unnamed source stays no donor
    ("Other contributions included €3 million from private firms.", set()),
]


@pytest.mark.parametrize(("text", "expected"), PLURAL_CUE_CASES)
def test_plural_cue_noun_lists_donors(text: str, expected: set[Key]) -> None:
    assert keys(text) == expected


def _in_recovery_story(sentence: str) -> str:
    return f"Moldova energy recovery\n\nDonors met in Chisinau to help Moldova rebuild its grid. {sentence}"


SIGNED_CASES: list[tuple[str, set[Key]]] = [
    # a signed financing agreement is a funding pledge of its giving party; the state the
    # document shows receiving aid signs as the recipient
    (
        "The EIB and Moldova signed a €200 million financing agreement on Tuesday.",
        {(("European Investment Bank",), "commit", "pledge", "funding", (200e6, "EUR"))},
    ),
    (
        "Moldova and the World Bank signed a $150 million loan agreement.",
        {(("World Bank",), "commit", "pledge", "funding", (150e6, "USD"))},
    ),
    (
        "Moldova signed a $20 million grant agreement with Sweden.",
        {(("Sweden",), "commit", "pledge", "funding", (20e6, "USD"))},
    ),
    ("Moldova signed a memorandum on energy cooperation with Romania.", set()),
]


@pytest.mark.parametrize(("sentence", "expected"), SIGNED_CASES)
def test_signed_financing_agreement_leaves_out_the_recipient(sentence: str, expected: set[Key]) -> None:
    assert keys(_in_recovery_story(sentence)) == expected


REFUTED_CASES: list[tuple[str, set[Key]]] = [
    # a report the text calls baseless/untrue is a denial of what it reported, amount kept
    (
        "Reports that Oman would send troops to the mission were baseless, a ministry spokesman said.",
        {(("Oman",), "deny", "pledge", "security", None)},
    ),
    (
        "Rumours that Oman had pledged $10 million are untrue, the foreign ministry said.",
        {(("Oman",), "deny", "pledge", "funding", (10e6, "USD"))},
    ),
    # refuting a cut or withdrawal affirms the aid: no deny of the grant
    ("Claims that Oman had withdrawn its $10 million grant were false, an official said.", set()),
    # an unrefuted report is still no claim
    ("Reports say Oman will send troops to the mission.", set()),
]


@pytest.mark.parametrize(("text", "expected"), REFUTED_CASES)
def test_a_refuted_report_is_a_denial(text: str, expected: set[Key]) -> None:
    assert keys(text) == expected


def test_an_amount_in_words_between_cues_stays_the_object() -> None:
    # "contribution of NOK 200 million will be ...": the amount is not swallowed into a cue chain
    text = "Denmark's contribution of DKK 150 million will be managed by the fund."
    assert keys(text) == {(("Denmark",), "commit", "pledge", "funding", (150e6, "DKK"))}


CUE_CASES: list[tuple[str, set[Key]]] = [
    # "is to provide" announces intent; "unlocked" funds are made available
    (
        "Slovenia is to provide €2 million to the fund.",
        {(("Slovenia",), "commit", "pledge", "funding", (2e6, "EUR"))},
    ),
    (
        "Malta unlocked €1.5 million in emergency funding.",
        {(("Malta",), "commit", "pledge", "funding", (1.5e6, "EUR"))},
    ),
    # an aim or plan that is the subject names no donor
    ("The aim is to provide $5 million to each district.", set()),
]


@pytest.mark.parametrize(("text", "expected"), CUE_CASES)
def test_more_pledge_cues(text: str, expected: set[Key]) -> None:
    assert keys(text) == expected


SHARE_CASES: list[tuple[str, set[Key]]] = [
    # "X's share is/will be <amount>" states X's contribution
    (
        "Estonia's share will be 3 million euros.",
        {(("Estonia",), "commit", "pledge", "funding", (3e6, "EUR"))},
    ),
    ("The Latvian share is $2 million.", {(("Latvia",), "commit", "pledge", "funding", (2e6, "USD"))}),
    ("Estonia's share was 12 percent.", set()),
]


@pytest.mark.parametrize(("text", "expected"), SHARE_CASES)
def test_a_stated_share_is_a_pledge(text: str, expected: set[Key]) -> None:
    assert keys(text) == expected


def test_a_read_more_header_line_starts_page_furniture() -> None:
    text = (
        "Baltic aid for Moldova\n\nLithuania will give 4 million euros to the fund.\n\n"
        "Read more:\nLatvia pledges $9 million to Moldova energy fund\n"
    )
    assert keys(text) == {(("Lithuania",), "commit", "pledge", "funding", (4e6, "EUR"))}


DENY_CASES: list[tuple[str, set[Key]]] = [
    # a frozen contribution is withheld, its amount kept; refusing to pay one's share denies funding
    (
        "Hungary has frozen its €20 million contribution to the facility.",
        {(("Hungary",), "deny", "pledge", "funding", (20e6, "EUR"))},
    ),
    ("Venezuela refused to pay its dues.", {(("Venezuela",), "deny", "pledge", "funding", None)}),
    ("Uruguay is not sending soldiers to the mission.", {(("Uruguay",), "deny", "pledge", "security", None)}),
    # fulfilling a pledge is delivering it
    (
        "Slovakia has fulfilled its pledge of €3 million.",
        {(("Slovakia",), "commit", "delivered", "funding", (3e6, "EUR"))},
    ),
]


@pytest.mark.parametrize(("text", "expected"), DENY_CASES)
def test_more_denials_and_deliveries(text: str, expected: set[Key]) -> None:
    assert keys(text) == expected


IDIOM_CASES: list[tuple[str, set[Key]]] = [
    # idioms of giving: past forms deliver, future forms pledge
    ("Ecuador chipped in $2 million.", {(("Ecuador",), "commit", "delivered", "funding", (2e6, "USD"))}),
    (
        "Bolivia will put up another $1 million.",
        {(("Bolivia",), "commit", "pledge", "funding", (1e6, "USD"))},
    ),
    (
        "Paraguay is making $3 million available to the fund.",
        {(("Paraguay",), "commit", "pledge", "funding", (3e6, "USD"))},
    ),
    ("Paraguay put up a fight over $3 million in tariffs.", set()),
    # "among the commitments were X from A": each donor its amount
    (
        "Among the fresh pledges were €9 million from Austria and $4 million from Iceland.",
        {
            (("Austria",), "commit", "pledge", "funding", (9e6, "EUR")),
            (("Iceland",), "commit", "pledge", "funding", (4e6, "USD")),
        },
    ),
]


@pytest.mark.parametrize(("text", "expected"), IDIOM_CASES)
def test_idioms_of_giving(text: str, expected: set[Key]) -> None:
    assert keys(text) == expected


ANAPHORA_CASES: list[tuple[str, set[Key]]] = [
    # "the bloc" is the organisation just named; "the kingdom" the one state the previous sentence names
    (
        "The European Union said the bloc would give €8 million.",
        {(("European Union",), "commit", "pledge", "funding", (8e6, "EUR"))},
    ),
    (
        "African Union envoys met in Addis Ababa. The bloc will send 900 troops.",
        {(("African Union",), "commit", "pledge", "security", (900.0, "troops"))},
    ),
    (
        "The Jordanian government hosted the talks. The kingdom pledged $15 million.",
        {(("Jordan",), "commit", "pledge", "funding", (15e6, "USD"))},
    ),
    ("Jordan and Morocco hosted the talks. The kingdom pledged $15 million.", set()),
]


@pytest.mark.parametrize(("text", "expected"), ANAPHORA_CASES)
def test_bloc_and_kingdom_take_the_one_actor_just_named(text: str, expected: set[Key]) -> None:
    assert keys(text) == expected


RANK_CASES: list[tuple[str, set[Key]]] = [
    # a donor ranked by its amount pledges that amount
    (
        "The largest donor was Austria, with €90 million.",
        {(("Austria",), "commit", "pledge", "funding", (90e6, "EUR"))},
    ),
    (
        "Austria was the biggest donor with €90 million.",
        {(("Austria",), "commit", "pledge", "funding", (90e6, "EUR"))},
    ),
    (
        "Top contributors included Ireland ($7 million) and Iceland ($2 million).",
        {
            (("Ireland",), "commit", "pledge", "funding", (7e6, "USD")),
            (("Iceland",), "commit", "pledge", "funding", (2e6, "USD")),
        },
    ),
    # a ranking by aid of an earlier year is earlier aid; a phrase dated before the publication
    # year keeps its amount out of the new pledge
    ("Austria is the largest donor to the agency, providing $40 million in 2024.", set()),
    (
        "Austria will give $20 million, having given $15 million in 2024.",
        {(("Austria",), "commit", "pledge", "funding", (20e6, "USD"))},
    ),
]


@pytest.mark.parametrize(("text", "expected"), RANK_CASES)
def test_ranked_donors_and_dated_phrases(text: str, expected: set[Key]) -> None:
    assert keys(text) == expected


QUOTE_CASES: list[tuple[str, set[Key]]] = [
    # "my government" in a quote is the quoted speaker's state; "do its part with" pledges
    (
        '"My government will contribute $4 million," Ghanaian President John Mahama said.',
        {(("Ghana",), "commit", "pledge", "funding", (4e6, "USD"))},
    ),
    (
        '"Portugal will do its part with €6 million," Prime Minister Luis Montenegro said.',
        {(("Portugal",), "commit", "pledge", "funding", (6e6, "EUR"))},
    ),
]


@pytest.mark.parametrize(("text", "expected"), QUOTE_CASES)
def test_quoted_pledges(text: str, expected: set[Key]) -> None:
    assert keys(text) == expected


MEMBER_CASES: list[tuple[str, set[tuple[str, str]]]] = [
    ("Mongolia has become a member of the Board of Peace.", {("Mongolia", "joined")}),
    ("Belize pulled out of the Board of Peace after the dispute.", {("Belize", "withdrew")}),
    ("Fiji and Samoa have both signed on to the board.", {("Fiji", "joined"), ("Samoa", "joined")}),
    ("Fiji signed on to the charter.", {("Fiji", "signed_charter")}),
    ("Fiji is a member of the Commonwealth.", set()),
]


@pytest.mark.parametrize(("text", "expected"), MEMBER_CASES)
def test_more_membership_forms(text: str, expected: set[tuple[str, str]]) -> None:
    found = extract(f"Board of Peace\n\n{text}", dt.date(2026, 3, 1)).memberships
    assert {(m.member, m.action) for m in found} == expected


UNPAID_CASES: list[tuple[str, set[Key]]] = [
    # an unpaid or unmaterialised pledge is a denial of delivery, with the pledge's amount
    (
        "Oman's $30 million pledge has yet to materialise.",
        {(("Oman",), "deny", "delivered", "funding", (30e6, "USD"))},
    ),
    (
        "Oman's pledge of $30 million remains unpaid.",
        {
            (("Oman",), "commit", "pledge", "funding", (30e6, "USD")),
            (("Oman",), "deny", "delivered", "funding", (30e6, "USD")),
        },
    ),
    ("None of Oman's $30 million has been paid.", {(("Oman",), "deny", "delivered", "funding", None)}),
    ("Most of Oman's aid remains undelivered.", set()),
    # beginning to disburse a pledge delivers part of it: the amount stays the pledge's
    (
        "Oman has begun disbursing its $30 million pledge.",
        {
            (("Oman",), "commit", "pledge", "funding", (30e6, "USD")),
            (("Oman",), "commit", "delivered", "funding", None),
        },
    ),
]


@pytest.mark.parametrize(("text", "expected"), UNPAID_CASES)
def test_unpaid_and_begun_pledges(text: str, expected: set[Key]) -> None:
    assert keys(text) == expected


LEAGUE_CASES: list[tuple[str, set[Key]]] = [
    # a league table of donors: each donor with its own amount
    (
        "Japan led with $40 million, followed by Korea with $25 million.",
        {
            (("Japan",), "commit", "pledge", "funding", (40e6, "USD")),
            (("South Korea",), "commit", "pledge", "funding", (25e6, "USD")),
        },
    ),
    (
        "Spain topped the list with €12 million, ahead of Italy with €9 million.",
        {
            (("Spain",), "commit", "pledge", "funding", (12e6, "EUR")),
            (("Italy",), "commit", "pledge", "funding", (9e6, "EUR")),
        },
    ),
    ("Spain led the way with 30 delegates.", set()),
]


@pytest.mark.parametrize(("text", "expected"), LEAGUE_CASES)
def test_league_table_of_donors(text: str, expected: set[Key]) -> None:
    assert keys(text) == expected
