"""Quality gate on the shared dev set; skipped when shared/ is absent (see conftest.shared_dir)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pledgewatch.evaluation import format_report, load_jsonl, predict_gold, score

from .conftest import shared_dir

BASELINE = json.loads((Path(__file__).parent / "baseline.json").read_text(encoding="utf-8"))
SHARED = shared_dir()
needs_shared = pytest.mark.skipif(SHARED is None, reason="shared/eval/dev not found (set PLEDGEWATCH_SHARED)")


@pytest.fixture(scope="module")
def dev() -> tuple[Path, dict]:
    assert SHARED is not None
    gold = SHARED / "eval" / "dev" / "gold.jsonl"
    return gold, predict_gold(gold, workers=1)


@needs_shared
def test_dev_set_scores_above_the_floors(dev: tuple[Path, dict]) -> None:
    gold_path, predictions = dev
    r = score(predictions, load_jsonl(gold_path), gold_path.parent)
    report = format_report(r, detail=True)
    assert r["claims"]["f1"] >= BASELINE["claims_f1"], report
    assert r["strict"]["f1"] >= BASELINE["strict_f1"], report
    assert r["stage_accuracy"] >= BASELINE["stage_accuracy"], report
    assert r["amount_accuracy"] >= BASELINE["amount_accuracy"], report
    assert r["memberships"]["f1"] >= BASELINE["memberships_f1"], report
    assert r["evidence_not_in_text"] == BASELINE["evidence_not_in_text"], report


@needs_shared
@pytest.mark.parametrize("detail", [False, True])
def test_scorer_prints_what_score_py_prints(dev: tuple[Path, dict], tmp_path: Path, detail: bool) -> None:
    gold_path, predictions = dev
    # perturb the predictions so that misses, spurious keys and bad evidence are compared too
    docs = list(predictions.values())
    docs[0]["claims"] = docs[0]["claims"][1:]
    extra = {"donors": ["UK"], "category": "food", "stance": "deny", "stage": "pledge"}
    docs[1]["claims"].append({**extra, "amount": {"value": 7, "unit": "USD"}, "evidence": "not in the text"})
    pred_path = tmp_path / "pred.jsonl"
    pred_path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    args = [sys.executable, str(SHARED / "eval" / "score.py"), str(pred_path), str(gold_path)]
    if detail:
        args.append("--detail")
    expected = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    ours = score(load_jsonl(pred_path), load_jsonl(gold_path), gold_path.parent)
    assert format_report(ours, detail=detail) + "\n" == expected
    as_json = subprocess.run([*args, "--json"], capture_output=True, text=True, check=True).stdout
    if not detail:
        ours.pop("detail")
    assert ours == json.loads(as_json)
