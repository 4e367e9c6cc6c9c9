"""A typed anaphor stands only for a state of its kind: "the emirate" is never Portugal.
Each case is a sentence written for this test."""

from __future__ import annotations

import pytest

from pledgewatch.extract.components.kinds import fitting

from .helpers import Key, keys

CASES: list[tuple[str, set[Key]]] = [
    (
        "Portugal has sent 30 tonnes of flour. The emirate's money has yet to arrive.",
        {(("Portugal",), "commit", "delivered", "food", (30.0, "tonnes"))},
    ),
    (
        "Kuwait has sent 30 tonnes of flour. The emirate's money has yet to arrive.",
        {
            (("Kuwait",), "commit", "delivered", "food", (30.0, "tonnes")),
            (("Kuwait",), "deny", "delivered", "funding", None),
        },
    ),
    (
        "Morocco hosted the talks. The kingdom pledged $20 million.",
        {(("Morocco",), "commit", "pledge", "funding", (20e6, "USD"))},
    ),
    (
        "Peru hosted the talks. The country pledged $20 million.",
        {(("Peru",), "commit", "pledge", "funding", (20e6, "USD"))},
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_typed_anaphors(text: str, expected: set[Key]) -> None:
    assert keys(text) == expected


def test_fitting_keeps_order_and_untyped_nouns() -> None:
    assert fitting("the sultanate", ("Portugal", "Oman")) == ("Oman",)
    assert fitting("the government", ("Portugal", "Oman")) == ("Portugal", "Oman")
