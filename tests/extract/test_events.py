"""Event memory: a claim placed at an event the document dated earlier takes that event's date."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from pledgewatch.errors import ExtractDataError
from pledgewatch.extract import extract
from pledgewatch.extract.components import events
from pledgewatch.extract.components.events import EventRef, event_date, load_event_rules, referred_event

MARCH = dt.date(2026, 3, 10)


def dates(text: str, published: dt.date | None = MARCH) -> dict[tuple[str, ...], dt.date | None]:
    return {c.donors: c.date for c in extract(text, published).claims}


def test_a_later_claim_at_the_inaugural_meeting_takes_the_meetings_date() -> None:
    text = (
        "Ministers from eleven states came to the inaugural Harbour Fund meeting in Lisbon on Feb. 12. "
        "The chair thanked the hosts. "
        "During the inaugural meeting, Portugal pledged $40 million to the fund."
    )
    assert dates(text) == {("Portugal",): dt.date(2026, 2, 12)}


def test_at_the_summit_and_the_session_refer_back() -> None:
    text = (
        "The Delta Recovery summit opened in Dhaka on Tuesday, March 3. "
        "At the summit, Japan promised $120 million for flood defences. "
        "The talks ran late into the night."
    )
    assert dates(text) == {("Japan",): dt.date(2026, 3, 3)}
    single = (
        "Donors met in Oslo on January 14 to discuss the appeal. "
        "At the end of the session, Norway pledged $25 million."
    )
    assert dates(single) == {("Norway",): dt.date(2026, 1, 14)}


def test_a_date_written_before_the_event_noun_dates_it() -> None:
    text = (
        "Reports from the February 26 pledging conference were upbeat. "
        "At the conference, Canada pledged $8 million."
    )
    assert dates(text) == {("Canada",): dt.date(2026, 2, 26)}


def test_qualifiers_tell_two_meetings_apart_and_the_latest_wins_otherwise() -> None:
    text = (
        "The first donor meeting was held in Nairobi on January 8. "
        "A second meeting followed in Addis Ababa on February 5. "
        "At the first meeting, Kenya pledged $3 million. "
        "At the meeting, Ethiopia pledged $2 million."
    )
    assert dates(text) == {("Kenya",): dt.date(2026, 1, 8), ("Ethiopia",): dt.date(2026, 2, 5)}


def test_own_date_wins_and_no_event_no_date() -> None:
    text = (
        "The inaugural meeting took place in Rome on February 2. "
        "At the meeting, Italy pledged $15 million on February 3. "
        "Spain pledged $6 million."
    )
    assert dates(text) == {("Italy",): dt.date(2026, 2, 3), ("Spain",): None}


def test_before_after_and_since_do_not_place_a_claim_at_the_event() -> None:
    text = (
        "The summit was held in Geneva on February 20. "
        "Before the summit, Sweden pledged $9 million. "
        "Since the summit, Denmark has pledged $4 million."
    )
    assert dates(text) == {("Sweden",): None, ("Denmark",): None}


def test_two_events_on_different_days_give_an_unrelated_reference_nothing() -> None:
    text = (
        "The ministerial forum sat in Doha on January 30, and the signing ceremony was on February 9. "
        "At the conference, Qatar pledged $50 million."
    )
    assert dates(text) == {("Qatar",): None}


def test_a_claim_naming_the_event_with_a_date_and_a_weekday_resolve_against_published() -> None:
    text = "At the first Reef Alliance summit on March 2, Fiji promised $1 million for coral restoration."
    assert dates(text) == {("Fiji",): dt.date(2026, 3, 2)}
    weekday = "Samoa pledged $2 million for the reef fund on Thursday, officials said."
    assert dates(weekday, dt.date(2026, 3, 9)) == {("Samoa",): dt.date(2026, 3, 5)}
    assert dates(text, None) == {("Fiji",): None}


def test_a_dateline_dates_the_report_not_the_event() -> None:
    text = "LIMA, Mar 6 - Peru pledged $5 million for the appeal at the Andes donor meeting on Wednesday."
    assert dates(text, dt.date(2026, 3, 6)) == {("Peru",): dt.date(2026, 3, 4)}


def test_reference_reading_and_lookup_directly() -> None:
    rules = load_event_rules()
    assert referred_event(rules, "During the Inaugural meeting, it said.") == EventRef(
        "meeting", frozenset({"inaugural"})
    )
    assert referred_event(rules, "After the summit, it said.") is None
    assert event_date([], EventRef("summit", frozenset()), 3) is None


def test_invalid_event_data_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    bad = json.dumps({"nouns": {}, "qualifiers": [], "verbs": {}, "references": ["at"], "window": 10})

    class Files:
        def joinpath(self, _name: str) -> Files:
            return self

        def read_text(self, encoding: str) -> str:
            return bad

    load_event_rules.cache_clear()
    monkeypatch.setattr(events.resources, "files", lambda _pkg: Files())
    try:
        with pytest.raises(ExtractDataError, match="events.json"):
            load_event_rules()
    finally:
        monkeypatch.undo()
        load_event_rules.cache_clear()
