"""Cue lexicon: chains, stance and stage, non-claims, validation of the data file."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from pledgewatch.errors import ExtractDataError
from pledgewatch.extract.components.cues import compile_cues, load_cues


@pytest.mark.parametrize(
    ("sentence", "kind", "stage"),
    [
        ("Chile pledged $9 million.", "pledge", "pledge"),
        ("Chile has committed troops.", "pledge", "pledge"),
        ("Chile is ready to send doctors.", "pledge", "pledge"),
        ("Chile revealed plans to allocate 40 grants.", "pledge", "pledge"),
        ("Chile expects to raise $5 million.", "pledge", "pledge"),
        ("Chile is contributing $3 billion to the fund.", "pledge", "pledge"),
        ("Chile has contributed $3 billion.", "delivered", "delivered"),
        ("Chile disbursed the first tranche.", "delivered", "delivered"),
        ("Chile and Peru are currently providing medical teams.", "delivered", "delivered"),
        ("Chile has not made any payment.", "deny", "delivered"),
        ("Chile made no financial contribution.", "deny", "delivered"),
        ("Chile will not send troops unless asked.", "deny", "pledge"),
        ("Chile ruled out sending soldiers.", "deny", "pledge"),
    ],
)
def test_cue_kind_and_stage(sentence: str, kind: str, stage: str) -> None:
    cues = load_cues().find(sentence)
    assert cues, sentence
    assert (cues[0].kind, cues[0].stage) == (kind, stage)


def test_small_words_join_cues_into_one_chain() -> None:
    cues = load_cues().find("Peru announced on Monday it will provide $4 million.")
    assert len(cues) == 1
    assert cues[0].text == "announced on Monday it will"


def test_denial_wins_in_a_chain() -> None:
    (cue,) = load_cues().find("Peru denied it would send troops.")
    assert cue.kind == "deny"


def test_nominal_cue_takes_donors_after_it() -> None:
    cues = load_cues().find("Trump praised contributions from Peru and Chile.")
    assert cues[0].nominal


@pytest.mark.parametrize(
    ("sentence", "scope"),
    [
        ("Will Peru pay its share?", "sentence"),
        ("Trump expects them to pay for this.", "clause"),
        ("Peru is interested in participating in construction projects.", "clause"),
        ("No specific amount has been made public.", "clause"),
        ("The mission may include troops, possibly from Peru.", "phrase"),
        ("The pledge adds to $3 billion already provided since the war began.", "phrase"),
    ],
)
def test_nonclaims_are_found_with_their_scope(sentence: str, scope: str) -> None:
    assert scope in {n.scope for n in load_cues().nonclaims(sentence)}


def _data() -> dict:
    raw = resources.files("pledgewatch.extract.data").joinpath("cues.json").read_text(encoding="utf-8")
    return json.loads(raw)


def test_bad_kind_is_rejected_with_the_entry_named() -> None:
    data = _data()
    data["cues"][0]["kind"] = "maybe"
    with pytest.raises(ExtractDataError, match=r"cues\[0\].*kind"):
        compile_cues(data)


def test_bad_pattern_is_rejected() -> None:
    data = _data()
    data["nonclaims"][0]["pattern"] = "(unclosed"
    with pytest.raises(ExtractDataError, match="bad pattern"):
        compile_cues(data)
