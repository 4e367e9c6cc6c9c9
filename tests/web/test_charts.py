"""The server-drawn charts: scales, escaping, unknown amounts, empty data."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from pledgewatch.web.charts import (
    DonorBar,
    TimelinePoint,
    claims_timeline,
    format_usd,
    pledged_vs_delivered,
    status_strip,
)
from pledgewatch.web.highlight import highlight


@pytest.mark.parametrize(
    ("value", "text"),
    [(7e9, "$7.0B"), (300e6, "$300M"), (75e6, "$75.0M"), (1500.0, "$1.5K"), (900.0, "$900"), (None, "—")],
)
def test_format_usd(value: float | None, text: str) -> None:
    assert format_usd(value) == text


def test_bars_share_one_scale_and_escape_names() -> None:
    svg = pledged_vs_delivered(
        [DonorBar("<b>Big</b>", 1e9, 5e8, "/donors/x"), DonorBar("Small", 2.5e8, None)]
    )
    widths = [float(w) for w in re.findall(r'class="bar-pledged" x="0" y="1" width="([\d.]+)"', svg)]
    assert widths == [100.0, 25.0]
    assert "&lt;b&gt;Big&lt;/b&gt;" in svg and "<b>Big" not in svg
    assert "Small: delivered —" in svg  # unknown stays unknown


def test_bars_without_any_dollar_figure_say_so() -> None:
    assert "No amounts" in pledged_vs_delivered([DonorBar("Chile", None, None)])


def test_timeline_places_marks_by_date_and_kind() -> None:
    points = [
        TimelinePoint(dt.date(2026, 1, 10), "funding", "pledge", "a <pledge>", "/documents/a#claim-1"),
        TimelinePoint(dt.date(2026, 3, 10), "funding", "deny", "a denial"),
        TimelinePoint(dt.date(2026, 2, 10), "security", "delivered", "troops"),
    ]
    svg = claims_timeline(points)
    xs = [float(x) for x in re.findall(r'<circle class="mark-\w+" cx="([\d.]+)" cy="[\d.]+" r="6"', svg)]
    assert len(xs) == 2 and xs[0] < xs[1]  # January before February
    assert 'href="/documents/a#claim-1"' in svg and "a &lt;pledge&gt;" in svg
    assert svg.count('class="label"') == 2  # one lane per category


def test_timeline_without_dates_says_so() -> None:
    assert "No dated claims" in claims_timeline([])


def test_status_strip_is_proportional() -> None:
    svg = status_strip({"pledged": 3, "delivered": 1, "denied": 0})
    assert re.findall(r'width="([\d.]+)"', svg) == ["450.0", "150.0"]


def test_highlight_marks_overlapping_evidence_once_each() -> None:
    from pledgewatch.records import Claim, Evidence

    text = "One. Two sentences here. Three."
    a = Claim(("Chile",), "commit", "pledge", "food", Evidence("Two sentences here.", 5, 24), id=1)
    b = Claim(("Peru",), "commit", "pledge", "food", Evidence("Two sentences here.", 5, 24), id=2)
    stale = Claim(("Peru",), "commit", "pledge", "food", Evidence("Three.", 0, 6), id=3)  # offsets are stale
    html = highlight(text + " <x>", [a, b, stale], {1: 1, 2: 2, 3: 3})
    assert html.count("<mark") == 2
    assert 'id="claim-1"' in html and 'id="claim-2"' in html and 'id="claim-3"' in html
    assert html.endswith(" &lt;x&gt;")
