"""Golden files: tests/golden/NAME.txt (texts written for the tests) and NAME.jsonl, the claims
and memberships expected from them. Refresh with: pytest tests/extract --update-golden"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from pledgewatch.extract import extract

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
PUBLISHED = dt.date(2026, 3, 5)
TEXTS = sorted(GOLDEN.glob("*.txt"))


def test_golden_texts_exist() -> None:
    assert len(TEXTS) >= 3


@pytest.mark.parametrize("path", TEXTS, ids=[p.stem for p in TEXTS])
def test_golden_claims(path: Path, update_golden: bool) -> None:
    text = path.read_text(encoding="utf-8")
    got = extract(text, PUBLISHED).to_spec(path.stem)
    expected_path = path.with_suffix(".jsonl")
    if update_golden:
        expected_path.write_text(json.dumps(got, ensure_ascii=False, indent=None) + "\n", encoding="utf-8")
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    assert got == expected
    for record in got["claims"] + got["memberships"]:
        assert record["evidence"] in text
