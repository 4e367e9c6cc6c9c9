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
