"""The demo corpus dates the Washington summit two ways, in claims the ledger can set side by side."""

from __future__ import annotations

import datetime as dt
import json

from pledgewatch.demo import corpus_dir
from pledgewatch.extract import extract


def _claims(text: str, published: str) -> dict[tuple[tuple[str, ...], str], dt.date | None]:
    return {(c.donors, c.category): c.date for c in extract(text, dt.date.fromisoformat(published)).claims}


def test_the_ministry_dates_kazakhstans_funding_at_the_meeting_february_20() -> None:
    text = (corpus_dir() / "2026-02-21-astana-ministry-statement.txt").read_text(encoding="utf-8")
    assert _claims(text, "2026-02-21")[(("Kazakhstan",), "funding")] == dt.date(2026, 2, 20)


def test_the_reports_date_the_joint_pledge_february_19() -> None:
    summit = (corpus_dir() / "2026-02-20-washington-summit.txt").read_text(encoding="utf-8")
    briefs = {
        r["id"]: r for r in map(json.loads, (corpus_dir() / "regional-briefs.jsonl").read_text().splitlines())
    }
    nine = briefs["brief-nine-countries"]
    for text, published in ((summit, "2026-02-20"), (nine["text"], nine["published"])):
        joint = [date for (donors, cat), date in _claims(text, published).items() if len(donors) == 9]
        assert joint == [dt.date(2026, 2, 19)]
