"""Amounts: money in many notations, counts of contribution nouns, bounds, conversions, non-amounts."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pledgewatch.extract.components.amounts import find_amounts


def one(text: str) -> tuple[float, str | None, str | None]:
    found = [a for a in find_amounts(text) if not a.is_conversion]
    assert len(found) == 1, found
    return found[0].value, found[0].unit, found[0].bound


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("gave $7 billion to the fund", 7e9, "USD"),
        ("gave $7B to the fund", 7e9, "USD"),
        ("gave $7bn to the fund", 7e9, "USD"),
        ("a US$1.2bn package", 1.2e9, "USD"),
        ("USD 1.3 billion in new aid", 1.3e9, "USD"),
        ("estimated at USD400 billion", 4e11, "USD"),
        ("raised $US 5.4 billion", 5.4e9, "USD"),
        ("raised $US5.4bn", 5.4e9, "USD"),
        ("a EUR 2 bn facility", 2e9, "EUR"),
        ("a $1.5-billion package", 1.5e9, "USD"),
        ("10 billion U.S. dollars", 1e10, "USD"),
        ("a 3.5 trillion won budget", 3.5e12, "KRW"),
        ("Qatar gave QR 50m", 5e7, "QAR"),
        ("pledged $US$ 568 million", 5.68e8, "USD"),
        ("a further $75 million", 7.5e7, "USD"),
        ("seven billion dollars for relief", 7e9, "USD"),
        ("half a billion dollars for relief", 5e8, "USD"),
        ("a billion dollars for relief", 1e9, "USD"),
        ("a €1.5bn loan", 1.5e9, "EUR"),
        ("2 billion euros in support", 2e9, "EUR"),
        ("£500m for the grid", 5e8, "GBP"),
        ("240 million pounds in aid", 2.4e8, "GBP"),
        ("¥10 billion for clinics", 1e10, "JPY"),
        ("10 billion yen for clinics", 1e10, "JPY"),
        ("845.6 billion won this year", 8.456e11, "KRW"),
        ("AED 50 million in grants", 5e7, "AED"),
        ("Dh100 million in grants", 1e8, "AED"),
        ("SAR 10 billion for housing", 1e10, "SAR"),
        ("3 billion riyals for housing", 3e9, "SAR"),
        ("200 million dirhams for schools", 2e8, "AED"),
        ("a 1.2 trillion rupee plan", 1.2e12, "INR"),
        ("500 million USD in loans", 5e8, "USD"),
    ],
)
def test_amounts_read_money(text: str, value: float, unit: str | None) -> None:
    got_value, got_unit, _ = one(text)
    assert got_value == pytest.approx(value)
    assert got_unit == unit


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("lost ₹1.59 lakh in a scam", 159_000),
        ("Rs 5 crore for schools", 50_000_000),
        ("1.5 lakh crore rupees", 1.5e12),
    ],
)
def test_amounts_reads_indian_lakh_and_crore(text: str, value: float) -> None:
    assert one(text)[:2] == (pytest.approx(value), "INR")


def test_amounts_without_currency_keep_the_value_and_no_unit() -> None:
    assert one("a further 7bn in aid") == (7e9, None, None)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("would send 8,000 troops", 8000, "troops"),
        ("allocate 500 educational grants", 500, "grants"),
        ("offered 500 university scholarships", 500, "scholarships"),
        ("set up two field hospitals", 2, "field hospitals"),
        ("4,200 aid trucks entered", 4200, "trucks"),
        ("1,000 tonnes of wheat", 1000, "tonnes"),
        ("300 police officers will train recruits", 300, "police officers"),
        ("one field hospital", 1, "field hospitals"),
        ("1.2 million vaccine doses", 1.2e6, "doses"),
        ("could send 500 Kazakh peacekeepers", 500, "peacekeepers"),
        ("a 1,200-strong peacekeeping contingent", 1200, "troops"),
    ],
)
def test_amounts_read_counts_by_head_noun(text: str, value: float, unit: str) -> None:
    found = find_amounts(text)
    assert [(a.value, a.unit, a.kind) for a in found] == [(pytest.approx(value), unit, "count")]


@pytest.mark.parametrize(
    ("text", "bound"),
    [
        ("more than $7 billion", "min"),
        ("over $7 billion", "min"),
        ("at least 500 scholarships", "min"),
        ("upwards of $2bn", "min"),
        ("up to 5,000 peacekeepers", "max"),
        ("as many as 800 soldiers", "max"),
        ("no more than $1 billion", "max"),
        ("about $3 billion", "approx"),
        ("nearly $3 billion", "approx"),
        ("around 845.6 billion won", "approx"),
        ("some 200 doctors", "approx"),
        ("roughly €40m", "approx"),
        ("an additional $2 billion", None),
        ("(about $55 billion)", "approx"),
        ("~$5bn", "approx"),
    ],
)
def test_amounts_read_bounds(text: str, bound: str | None) -> None:
    assert one(text)[2] == bound


@pytest.mark.parametrize(
    ("text", "original", "converted"),
    [
        ("announced 50 billion euros (USD 55 billion) in support", "EUR", "USD"),
        ("around 845.6 billion won (US$608.26 million) to the fund", "KRW", "USD"),
        ("240 million pounds, or about $305 million, in aid", "GBP", "USD"),
    ],
)
def test_amounts_mark_parenthesised_conversions(text: str, original: str, converted: str) -> None:
    first, second = find_amounts(text)
    assert (first.unit, first.is_conversion) == (original, False)
    assert (second.unit, second.conversion_of) == (converted, 0)


def test_amounts_two_pledges_in_a_row_are_not_conversions() -> None:
    found = find_amounts("Qatar gave $1 billion and Kuwait $500 million.")
    assert [a.conversion_of for a in found] == [None, None]


@pytest.mark.parametrize(
    "text",
    [
        "a 45 per cent increase",
        "a 10% global tariff",
        "a 45 percent rise",
        "in 2021 and 2027",
        "Trump's 20-point plan",
        "the 5+1 meeting",
        "reaching 2.1 million Palestinians",
        "the G20 summit",
        "COVID-19 vaccines",
        "19 Nov 2024 04:39PM",
        "the 3rd meeting",
        "sending medical units with a field hospital",
        "27 countries have accepted",
        "in 2014 Palestinians sought shelter",
    ],
)
def test_amounts_ignore_numbers_that_are_not_amounts(text: str) -> None:
    assert find_amounts(text) == []


def test_amounts_offsets_point_at_the_surface() -> None:
    text = "Germany announced a further 381 million euros (USD 416 million), and more than 500 grants."
    for a in find_amounts(text):
        assert text[a.start : a.end] == a.surface
    assert [a.surface for a in find_amounts(text)] == ["381 million euros", "USD 416 million", "500 grants"]


def test_module_examples_hold() -> None:
    import doctest

    from pledgewatch.extract.components import amounts

    assert doctest.testmod(amounts).failed == 0


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(
                ["$", "US$", "€", "₹", "1,200", "3.5", "billion", "bn", "troops", "(", ")", "more than"]
            ),
            st.text(max_size=10),
        ),
        max_size=20,
    )
)
def test_amounts_offsets_hold_on_any_text(parts: list[str]) -> None:
    text = " ".join(parts)
    found = find_amounts(text)
    for i, a in enumerate(found):
        assert text[a.start : a.end] == a.surface
        assert a.value >= 0
        assert a.conversion_of is None or 0 <= a.conversion_of < i
