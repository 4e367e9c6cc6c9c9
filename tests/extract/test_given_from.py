"""Subjects that name something given, with the donor after "from": the verbs that deliver
('unloaded', 'docked'), those that announce a delivery to come ('is due', 'is expected in',
'is scheduled for'), such subjects in a second clause, and participle tails ('carrying ...').
Each case is a sentence written for this test."""

from __future__ import annotations

import pytest

from .helpers import Key, keys

# the prefilter reads a document only when some cue stands near an object; this one does
OPENING = "Portugal has sent 30 tonnes of flour to the region. "
PORTUGAL: Key = (("Portugal",), "commit", "delivered", "food", (30.0, "tonnes"))

GIVEN_FROM_CASES: list[tuple[str, set[Key]]] = [
    # a given-from subject in the clause after "and" takes its own donor, not the first clause's
    (
        "Rice from Vietnam reached the camps on Monday, and a shipment of tents from Turkey is due "
        "on Friday.",
        {
            (("Vietnam",), "commit", "delivered", "food", None),
            (("Turkey",), "commit", "pledge", "humanitarian", None),
        },
    ),
    (
        "Blankets from Austria arrived last week, while a consignment of maize from Zambia is expected "
        "in Lilongwe within days.",
        {
            (("Austria",), "commit", "delivered", "humanitarian", None),
            (("Zambia",), "commit", "pledge", "food", None),
        },
    ),
    # 'is due / scheduled' announce a delivery: a pledge of the thing in the subject
    (
        OPENING + "Vials of vaccine from Belgium are scheduled to arrive in Goma next month.",
        {PORTUGAL, (("Belgium",), "commit", "pledge", "medical", None)},
    ),
    (
        OPENING + "A third flight from Ireland carrying surgical kits is set for Tuesday.",
        {PORTUGAL, (("Ireland",), "commit", "pledge", "medical", None)},
    ),
    # 'unloaded / docked' deliver, with the count in the subject
    (
        "A ship carrying 12,000 tonnes of sorghum from Argentina docked in Mombasa on Sunday.",
        {(("Argentina",), "commit", "delivered", "food", (12000.0, "tonnes"))},
    ),
    # the thing that arrived is the subject only: the next clause's object is not its category
    (
        "Aid from Malta reached Misrata, and doses from Cyprus are due next week.",
        {
            (("Malta",), "commit", "delivered", "humanitarian", None),
            (("Cyprus",), "commit", "pledge", "medical", None),
        },
    ),
    # a subject that names no given thing is no delivery to come
    (OPENING + "Kuwait is due to host the next meeting in May.", {PORTUGAL}),
    (OPENING + "Denmark is expected to announce a package next week.", {PORTUGAL}),
]


@pytest.mark.parametrize(("text", "expected"), GIVEN_FROM_CASES)
def test_given_from_subjects(text: str, expected: set[Key]) -> None:
    assert keys(text) == expected


MORE_CASES: list[tuple[str, set[Key]]] = [
    # the agent of 'donated by' gives, in its own clause, with only its own clause as the object
    (
        "Blankets from Austria arrived in Homs, and medical supplies donated by Qatar are expected to "
        "land in Aleppo tomorrow.",
        {
            (("Austria",), "commit", "delivered", "humanitarian", None),
            (("Qatar",), "commit", "pledge", "medical", None),
        },
    ),
    (
        OPENING + "Rice donated by Thailand has arrived in Yangon.",
        {PORTUGAL, (("Thailand",), "commit", "delivered", "food", None)},
    ),
    # a pledge named by a pronoun, when the thing is named but not its giver
    (
        OPENING + "The promised money has yet to arrive, a year after Abu Dhabi pledged it.",
        {PORTUGAL, (("United Arab Emirates",), "commit", "pledge", "funding", None)},
    ),
    # counted gendarmes in a 'not only ... but also' conjunct
    (
        OPENING + "Senegal is not only hosting the talks but also deploying 250 gendarmes to the mission.",
        {PORTUGAL, (("Senegal",), "commit", "delivered", "security", (250.0, "gendarmes"))},
    ),
    # a recipient government paying with its own money gives nothing
    (OPENING + "The Somali government pledged to pay for the repairs with its own money.", {PORTUGAL}),
]


@pytest.mark.parametrize(("text", "expected"), MORE_CASES)
def test_given_by_and_implied(text: str, expected: set[Key]) -> None:
    assert keys(text) == expected
