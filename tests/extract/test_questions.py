"""A question answered no denies what it names; answered otherwise it claims nothing.
Each case is a sentence written for this test."""

from __future__ import annotations

import pytest

from pledgewatch.extract.components.questions import refused_question

from .helpers import Key, keys

CHILE: Key = (("Chile",), "commit", "delivered", "funding", (5e6, "USD"))
LEAD = "Chile gave $5 million. "

CASES: list[tuple[str, set[Key]]] = [
    (
        LEAD + 'Asked whether Lisbon would send more troops, the defence minister said: "That is not on '
        'the table."',
        {CHILE, (("Portugal",), "deny", "pledge", "security", None)},
    ),
    (
        LEAD + "When asked if Quito would pay into the fund, the minister replied: no.",
        {CHILE, (("Ecuador",), "deny", "pledge", "funding", None)},
    ),
    (LEAD + "Asked whether Lima would send troops, the minister said it was possible.", {CHILE}),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_questions_answered(text: str, expected: set[Key]) -> None:
    assert keys(text) == expected


def test_refused_question_ends_at_the_question() -> None:
    sentence = "Asked whether Oslo would help, she said there were no plans."
    assert refused_question(sentence) == sentence.index(",")
    assert refused_question("Oslo said there were no plans, when asked whether it would help.") is None


def test_sayer_before_a_relative_clause_is_the_pronoun() -> None:
    # "X, which has built ... since 2012, said it would": "it" is X, not the donor named before
    text = (
        "Chile gave $5 million. Norway, which has built dozens of schools in the region since 2015, said it "
        "would provide 50 million kroner."
    )
    assert keys(text) == {CHILE, (("Norway",), "commit", "pledge", "funding", (50e6, "NOK"))}
