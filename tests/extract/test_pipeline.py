"""The pipeline: factory, purity, prefilter, dates, memberships, batches in worker processes."""

from __future__ import annotations

import datetime as dt

import pytest

from pledgewatch.extract import EXTRACTOR_VERSION, extract
from pledgewatch.extract.parallel import extract_many
from pledgewatch.extract.pipeline import build_nlp

TEXT = (
    "Board of Peace meets\n"
    "Chile pledged $12 million on Monday. Peru has sent 40 doctors.\n"
    "Chile signed the charter on Jan. 22 in Davos. Peru has not joined the Board of Peace.\n"
    "Countries signing the charter included Bolivia, Ecuador and Uruguay.\n"
    "Eighteen countries would ratify the charter later."
)


def test_build_nlp_is_cached() -> None:
    assert build_nlp() is build_nlp()


def test_extract_is_deterministic_and_versioned() -> None:
    a, b = extract(TEXT, dt.date(2026, 3, 4)), extract(TEXT, dt.date(2026, 3, 4))
    assert a == b
    assert a.extractor_version == EXTRACTOR_VERSION


def test_claims_and_dates_resolved_against_published() -> None:
    ex = extract(TEXT, dt.date(2026, 3, 4))
    by_donor = {c.donors: c for c in ex.claims}
    assert by_donor[("Chile",)].date == dt.date(2026, 3, 2)
    assert by_donor[("Peru",)].stage == "delivered"


def test_memberships_for_named_states_only() -> None:
    ex = extract(TEXT, dt.date(2026, 3, 4))
    got = {(m.member, m.action, m.date) for m in ex.memberships}
    jan22 = dt.date(2026, 1, 22)
    assert got == {
        ("Chile", "signed_charter", jan22),
        ("Bolivia", "signed_charter", jan22),
        ("Ecuador", "signed_charter", jan22),
        ("Uruguay", "signed_charter", jan22),
    }
    for m in ex.memberships:
        assert TEXT[m.evidence.start : m.evidence.end] == m.evidence.text


@pytest.mark.parametrize(
    "text",
    [
        "",
        "The weather in Lisbon was mild on Sunday and the football club won its match.",
        "Shares rose 3% as investors bought technology stocks.",
    ],
)
def test_texts_without_cues_leave_early_with_nothing(text: str) -> None:
    assert not build_nlp().has_trigger(text) or not extract(text).claims
    assert extract(text).claims == ()


def test_noise_characters_do_not_break_reading() -> None:
    text = "Chile\u00a0pledged\u00a0$12\u00a0million \u2014 the \u201cfirst\u201d pledge -- to the fund."
    (claim,) = extract(text).claims
    assert claim.donors == ("Chile",)
    assert claim.amount is not None and claim.amount.value == 12e6


def test_extract_many_keeps_order_sequential_and_parallel() -> None:
    items = [(f"Chile pledged ${n} million to the fund.", None) for n in range(1, 81)]
    sequential = list(extract_many(items, workers=1))
    parallel = list(extract_many(items, workers=2, min_parallel=8, chunk=8))
    assert sequential == parallel
    values = [x.claims[0].amount.value for x in parallel if x.claims[0].amount]
    assert values == [n * 1e6 for n in range(1, 81)]


def test_extract_many_small_batch_runs_in_process() -> None:
    out = list(extract_many([("Peru pledged $1 million.", None)], workers=4))
    assert len(out) == 1 and out[0].claims[0].donors == ("Peru",)


def test_run_together_text_without_sentence_ends_yields_nothing_quickly() -> None:
    import time

    text = "Chile pledged $5 million to the fund and Peru will send troops, " * 3000
    start = time.perf_counter()
    assert extract(text).claims == ()
    assert time.perf_counter() - start < 5


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hungary agreed to join the Board of Peace on Monday.", {("Hungary", "accepted_invitation")}),
        ("Pakistan has formally accepted the invitation.", {("Pakistan", "accepted_invitation")}),
        ("Italy rejected the offer to join the board, citing its constitution.", {("Italy", "declined")}),
        ("Slovenia withdrew from the board in March.", {("Slovenia", "withdrew")}),
        ("Mongolia became the 21st country to join the Board of Peace.", {("Mongolia", "joined")}),
        ("Germany has not accepted the invitation.", set()),
        ("Vietnam is still studying the invitation.", set()),
        ("Several European countries declined to join.", set()),
        ("Italy would ratify the charter next year.", set()),
        ("Kazakhstan joins a small group of countries that sent peacekeepers.", set()),
    ],
)
def test_membership_actions(text: str, expected: set[tuple[str, str]]) -> None:
    assert {(m.member, m.action) for m in extract(text).memberships} == expected
