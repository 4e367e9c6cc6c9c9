"""Dates: written forms, resolution against the publication date, and datelines."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pledgewatch.extract.components.dates import find_dates, find_published_in_text

THURSDAY = dt.date(2026, 3, 5)


def dates(text: str, published: dt.date | None = THURSDAY) -> list[tuple[str, str]]:
    return [(d.surface, d.date.isoformat()) for d in find_dates(text, published)]


@pytest.mark.parametrize(
    ("text", "surface", "iso"),
    [
        ("met on February 19 in Washington", "February 19", "2026-02-19"),
        ("signed on Feb. 20 in Davos", "Feb. 20", "2026-02-20"),
        ("on Jan. 22 the charter", "Jan. 22", "2026-01-22"),
        ("a March 4 briefing", "March 4", "2026-03-04"),
        ("on 19 February 2026 the board", "19 February 2026", "2026-02-19"),
        ("dated 2026-02-20 in the file", "2026-02-20", "2026-02-20"),
        ("in Rio on Nov 18, 2024 leaders", "Nov 18, 2024", "2024-11-18"),
        ("October 12, 2014 was the day", "October 12, 2014", "2014-10-12"),
        ("the 3rd of March meeting", "3rd of March", "2026-03-03"),
        ("filed 2026/02/20 by the clerk", "2026/02/20", "2026-02-20"),
        ("signed 20.02.2026 in Baku", "20.02.2026", "2026-02-20"),
    ],
)
def test_dates_read_written_dates(text: str, surface: str, iso: str) -> None:
    assert dates(text) == [(surface, iso)]


def test_dates_month_day_far_after_published_takes_the_year_before() -> None:
    assert dates("on December 20 the fund opened") == [("December 20", "2025-12-20")]
    assert dates("on April 20 the fund opens") == [("April 20", "2026-04-20")]


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("said on Thursday", "2026-03-05"),  # published is a Thursday: that very day
        ("said on Wednesday", "2026-03-04"),
        ("said on Friday", "2026-02-27"),
        ("said last Thursday", "2026-02-26"),
        ("said yesterday", "2026-03-04"),
    ],
)
def test_dates_resolve_weekdays_against_published(text: str, iso: str) -> None:
    assert [d for _, d in dates(text)] == [iso]


def test_dates_prefer_the_date_in_parentheses_after_a_weekday() -> None:
    published = dt.date(2024, 11, 19)
    assert dates("the ministry said on Tuesday (Nov 19).", published) == [("Tuesday (Nov 19)", "2024-11-19")]
    assert dates("Biden on Monday (Nov 18) pledged", published) == [("Monday (Nov 18)", "2024-11-18")]
    assert dates("They spoke on Sunday, Nov. 17, 2024.", published) == [
        ("Sunday, Nov. 17, 2024", "2024-11-17")
    ]
    assert dates("They spoke on Friday 15 November.", published) == [("Friday 15 November", "2024-11-15")]


def test_dates_read_months_with_precision_month() -> None:
    found = find_dates("last November's meeting and the May 2025 summit", dt.date(2026, 2, 20))
    assert [(d.date.isoformat(), d.precision) for d in found] == [
        ("2025-11-01", "month"),
        ("2025-05-01", "month"),
    ]


@pytest.mark.parametrize(
    ("text", "surface", "iso"),
    [
        ("they will meet in March", "March", "2026-03-01"),
        ("aid has flowed since January", "January", "2026-01-01"),
        ("the fund closed in December", "December", "2025-12-01"),
    ],
)
def test_dates_read_a_bare_month_after_a_preposition(text: str, surface: str, iso: str) -> None:
    found = find_dates(text, THURSDAY)
    assert [(d.surface, d.date.isoformat(), d.precision) for d in found] == [(surface, iso, "month")]


def test_dates_without_published_keep_only_dates_with_a_year() -> None:
    text = "On Feb. 20, on Thursday, and on 19 February 2026."
    assert dates(text, None) == [("19 February 2026", "2026-02-19")]
    hinted = find_dates("signed on January 22", None, year_hint=2026)
    assert [d.date for d in hinted] == [dt.date(2026, 1, 22)]


@pytest.mark.parametrize(
    "text",
    [
        "a 20-point plan in 2021",
        "the 5+1 format",
        "10% in 150 days",
        "$75 million",
        "May we go",
        "a March on Rome",
    ],
)
def test_dates_ignore_numbers_that_are_not_dates(text: str) -> None:
    assert dates(text) == []


def test_dates_offsets_point_at_the_surface() -> None:
    text = "Signed on Jan. 22, confirmed on Thursday and paid on 2026-03-01."
    for d in find_dates(text, THURSDAY):
        assert text[d.start : d.end] == d.surface


@pytest.mark.parametrize(
    ("text", "url", "iso"),
    [
        (" date 2026-03-05 ASTANA — The ministry said", None, "2026-03-05"),
        ("Headline here\n\nOctober 12, 2014\nA conference raised funds.", None, "2014-10-12"),
        (
            "Headline\nPhoto taken on Nov 18, 2024. (Photo: Agency)\n\n"
            "19 Nov 2024 04:39PM (Updated: 19 Nov 2024 04:40PM)\n"
            "SEOUL: The ministry said",
            None,
            "2024-11-19",
        ),
        (
            "WASHINGTON, February 19. /AGENCY/. The board met.",
            "https://example.org/2026/02/19/board",
            "2026-02-19",
        ),
    ],
)
def test_published_in_text_reads_the_top_of_the_text(text: str, url: str | None, iso: str) -> None:
    assert find_published_in_text(text, url) == dt.date.fromisoformat(iso)


def test_published_in_text_dateline_without_year_is_unknown() -> None:
    assert find_published_in_text("WASHINGTON, February 19. /AGENCY/. The board met.") is None
    assert find_published_in_text("The board met and pledged more.") is None


def test_module_examples_hold() -> None:
    import doctest

    from pledgewatch.extract.components import dates

    assert doctest.testmod(dates).failed == 0


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(["Feb.", "29", "31", "2026", "Monday", "(", "Nov", ")", "last", "-"]),
            st.text(max_size=8),
        ),
        max_size=20,
    ),
    st.one_of(st.none(), st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 12, 31))),
)
def test_dates_offsets_hold_on_any_text(parts: list[str], published: dt.date | None) -> None:
    text = " ".join(parts)
    for d in find_dates(text, published):
        assert text[d.start : d.end] == d.surface
    find_published_in_text(text)
