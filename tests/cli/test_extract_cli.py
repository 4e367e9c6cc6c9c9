"""``pledgewatch extract`` and ``pledgewatch evaluate`` through the real CLI."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

Run = Callable[..., Result]


def shared_dir() -> Path | None:
    """shared/ from $PLEDGEWATCH_SHARED, else <repo>/../shared (None when absent)."""
    env = os.environ.get("PLEDGEWATCH_SHARED")
    path = Path(env) if env else Path(__file__).resolve().parents[3] / "shared"
    return path if (path / "eval" / "dev" / "gold.jsonl").is_file() else None


ARTICLE = "Chile pledged $12 million to the fund on Monday. It will also send 20 doctors.\n"


def test_extract_prints_one_json_line_per_document(run: Run, tmp_path: Path) -> None:
    (tmp_path / "chile-note.txt").write_text(ARTICLE, encoding="utf-8")
    batch = tmp_path / "docs.jsonl"
    rows = [
        {
            "id": "a1",
            "text": "Peru has sent 40 doctors.",
            "published": "2026-02-20",
            "url": "u",
            "title": "t",
        },
        {"id": "a2", "text": "The weather was fine.", "published": "2026-02-21", "url": "u", "title": "t"},
    ]
    batch.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    result = run("extract", "chile-note.txt", "docs.jsonl")
    assert result.exit_code == 0, result.output
    lines = [json.loads(x) for x in result.stdout.splitlines()]
    assert [d["doc_id"] for d in lines] == ["chile-note", "a1", "a2"]
    chile = lines[0]["claims"]
    assert {(c["category"], c.get("amount", {}).get("value")) for c in chile} == {
        ("funding", 12e6),
        ("medical", 20),
    }
    assert all(c["evidence"] in ARTICLE for c in chile)
    assert lines[1]["claims"][0]["stage"] == "delivered"
    assert lines[2] == {"doc_id": "a2", "claims": [], "memberships": []}


def test_extract_explain_shows_cue_donor_chain_and_amount(run: Run, tmp_path: Path) -> None:
    (tmp_path / "note.txt").write_text(ARTICLE, encoding="utf-8")
    result = run("extract", "note.txt", "--explain")
    doc = json.loads(result.stdout)
    why = doc["claims"][1]["explain"]
    assert why["sentence"] == "It will also send 20 doctors."
    assert why["donor"] == '"It" → Chile'
    assert "will" in why["cue"]
    assert "20 doctors" in why["amount"]
    table = run("extract", "note.txt", "--format", "table", "--explain")
    assert table.exit_code == 0
    assert "Chile" in table.stdout and "sentence" in table.stdout


def test_extract_names_a_bad_file_and_goes_on(run: Run, tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "bad.jsonl").write_text("{not json\n", encoding="utf-8")
    result = run("extract", "bad.jsonl", "good.txt")
    assert result.exit_code == 1
    assert "bad.jsonl" in result.stderr
    assert json.loads(result.stdout.splitlines()[-1])["doc_id"] == "good"


def test_extract_rejects_unknown_format(run: Run, tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    result = run("extract", "good.txt", "--format", "xml")
    assert result.exit_code != 0
    assert "--format" in result.stderr


def test_evaluate_scores_a_gold_file(run: Run, tmp_path: Path) -> None:
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "one.txt").write_text(ARTICLE, encoding="utf-8")
    gold = {
        "doc_id": "one",
        "text_file": "texts/one.txt",
        "published": "2026-03-05",
        "claims": [
            {"donors": ["Chile"], "stance": "commit", "stage": "pledge", "category": "funding",
             "amount": {"value": 12000000, "unit": "USD"}, "evidence": "x"},
            {"donors": ["Chile"], "stance": "commit", "stage": "pledge", "category": "food", "evidence": "x"},
        ],
        "memberships": [],
    }  # fmt: skip
    (tmp_path / "gold.jsonl").write_text(json.dumps(gold) + "\n", encoding="utf-8")
    result = run("evaluate", "gold.jsonl", "--detail")
    assert result.exit_code == 0, result.output
    assert "claims      P 0.500  R 0.500  F1 0.500  (tp 1, predicted 2, gold 2)" in result.stdout
    assert "missed [['CHL', 'food', 'commit']]" in result.stdout


def test_evaluate_matches_score_py_on_the_dev_set(run: Run) -> None:
    import subprocess
    import sys

    shared = shared_dir()
    if shared is None:
        pytest.skip("shared/eval/dev not found")
    gold = shared / "eval" / "dev" / "gold.jsonl"
    ours = run("extract", *[str(p) for p in sorted((gold.parent / "texts").glob("*.txt"))])
    assert ours.exit_code == 0
    evaluated = run("evaluate", str(gold), "--detail")
    # score.py on the predictions of the same extractor, written as a prediction file
    from pledgewatch.evaluation import predict_gold

    pred = Path("pred.jsonl")
    pred.write_text("".join(json.dumps(d) + "\n" for d in predict_gold(gold).values()), encoding="utf-8")
    expected = subprocess.run(
        [sys.executable, str(shared / "eval" / "score.py"), str(pred), str(gold), "--detail"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert evaluated.stdout == expected
