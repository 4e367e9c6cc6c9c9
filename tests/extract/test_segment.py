"""Sentences keep exact offsets; page furniture is flagged and never yields claims."""

from __future__ import annotations

import pytest

from pledgewatch.extract import extract
from pledgewatch.extract.segment import split_sentences

ARTICLE = (
    "Lisbon pledges aid to the fund\n"
    "Portugal pledged\u00a0€40 million to the recovery fund on Friday. The U.S. delegation said it was "
    "pleased. Officials met on Feb. 12 in Geneva.\n"
    "Volunteers unload boxes at the port of Aqaba, March 2, 2026. (Photo: Lina Haddad/Reuters)\n"
    "See Also: Chile pledged $9 million to a health fund\n"
    "“We will do more,” the minister said -- and aides agreed.\n"
    "Copyright (c) 2026 Example Media. All rights reserved.\n"
    "Suggested Reading:\n"
    "Peru Pledges $80 Million For Water Projects\n"
    "Subscribe to our newsletter for daily updates\n"
)


def test_every_sentence_is_the_exact_substring_at_its_offsets() -> None:
    for s in split_sentences(ARTICLE):
        assert ARTICLE[s.start : s.end] == s.text
        assert s.text == s.text.strip()


def test_abbreviations_do_not_end_sentences() -> None:
    texts = [s.text for s in split_sentences(ARTICLE)]
    assert "The U.S. delegation said it was pleased." in texts
    assert "Officials met on Feb. 12 in Geneva." in texts


@pytest.mark.parametrize(
    "line",
    [
        "Volunteers unload boxes at the port of Aqaba, March 2, 2026.",
        "See Also: Chile pledged $9 million to a health fund",
        "Copyright (c) 2026 Example Media.",
        "Peru Pledges $80 Million For Water Projects",
        "Subscribe to our newsletter for daily updates",
    ],
)
def test_furniture_is_flagged_as_noise(line: str) -> None:
    flagged = {s.text for s in split_sentences(ARTICLE) if s.noise}
    assert any(line in t or t in line for t in flagged), flagged


def test_body_sentences_are_not_noise() -> None:
    body = [s for s in split_sentences(ARTICLE) if not s.noise]
    assert any(s.text.startswith("Portugal pledged") for s in body)
    assert any(s.text.startswith("“We will do more,”") for s in body)


def test_furniture_never_yields_claims() -> None:
    donors = {d for c in extract(ARTICLE).claims for d in c.donors}
    assert donors == {"Portugal"}


def test_headline_without_full_stop_is_its_own_sentence() -> None:
    first = split_sentences(ARTICLE)[0]
    assert first.text == "Lisbon pledges aid to the fund"
    assert first.line_start
