"""Score extracted claims against a gold file, exactly as ``shared/eval/score.py`` does.

    >>> from pledgewatch.evaluation import score
    >>> gold = {"d": {"claims": [{"donors": ["UK"], "category": "funding", "stance": "commit"}]}}
    >>> pred = {"d": {"claims": [{"donors": ["United Kingdom"], "category": "funding", "stance": "commit"}]}}
    >>> score(pred, gold)["claims"]["f1"]
    1.0

Claim keys ``(donor, category, stance)``, strict keys (+ stage and amount to three
significant digits), stage and amount accuracy, membership keys and evidence checks
follow spec/claims.md "How extraction is scored". Donor names are normalised with
pycountry and the aliases in ``extract/data/eval_names.json``. ``evaluate_gold`` runs the
extractor over a gold file's texts and scores the result.
"""

from __future__ import annotations

import datetime as dt
import json
import pathlib
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from importlib import resources
from typing import Any

from pledgewatch.errors import EvaluationError

Doc = dict[str, Any]


@lru_cache(maxsize=1)
def _names() -> tuple[dict[str, str], dict[str, str]]:
    import pycountry

    data = json.loads(
        resources.files("pledgewatch.extract.data").joinpath("eval_names.json").read_text(encoding="utf-8")
    )
    countries: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(c, attr, None)
            if value:
                countries.setdefault(value.lower(), c.alpha_3)
    countries.update(data["country_aliases"])
    return countries, dict(data["organisation_aliases"])


def norm_actor(name: object) -> str:
    """A comparable key for a donor or member name (ISO alpha-3 for countries)."""
    countries, orgs = _names()
    s = unicodedata.normalize("NFKC", str(name)).strip().lower()
    s = re.sub(r"\s+", " ", s)
    for cand in (s, s.removeprefix("the ")):
        if cand in countries:
            return countries[cand]
    return orgs.get(s, s.removeprefix("the "))


def load_jsonl(path: pathlib.Path) -> dict[str, Doc]:
    """Documents of a predictions or gold file by doc_id (the last line wins, as in score.py)."""
    docs: dict[str, Doc] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise EvaluationError(f"cannot read: {error.strerror}", path=str(path)) from error
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            d = json.loads(line)
        except json.JSONDecodeError as error:
            raise EvaluationError(f"line {n}: not JSON: {error}", path=str(path)) from error
        if not isinstance(d, dict) or "doc_id" not in d:
            raise EvaluationError(f"line {n}: no doc_id", path=str(path))
        docs[d["doc_id"]] = d
    return docs


def _claim_keys(doc: Doc) -> set[tuple[Any, ...]]:
    return {
        (norm_actor(donor), c.get("category"), c.get("stance"))
        for c in doc.get("claims", [])
        for donor in c.get("donors", [])
    }


def _amount_key(c: Doc) -> tuple[str, float] | None:
    a = c.get("amount")
    if not a or a.get("value") is None:
        return None
    return (str(a.get("unit", "")).lower(), float(f"{float(a['value']):.3g}"))


def _strict_keys(doc: Doc) -> set[tuple[Any, ...]]:
    return {
        (norm_actor(donor), c.get("category"), c.get("stance"), c.get("stage"), _amount_key(c))
        for c in doc.get("claims", [])
        for donor in c.get("donors", [])
    }


def _member_keys(doc: Doc) -> set[tuple[Any, ...]]:
    return {(norm_actor(m.get("member", "")), m.get("action")) for m in doc.get("memberships", [])}


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def _amount_ok(gold: Doc, pred: Doc) -> bool:
    ga, pa = gold.get("amount"), pred.get("amount")
    if not ga or not pa:
        return False
    if str(ga.get("unit", "")).lower() != str(pa.get("unit", "")).lower():
        return False
    gv, pv = float(ga["value"]), float(pa.get("value") or 0)
    return abs(gv - pv) <= 0.01 * abs(gv)


def _key_set(c: Doc) -> set[tuple[Any, ...]]:
    return {(norm_actor(d), c.get("category"), c.get("stance")) for d in c.get("donors", [])}


def score(pred_docs: dict[str, Doc], gold_docs: dict[str, Doc], gold_dir: pathlib.Path | None = None) -> Doc:
    """The figures of score.py for predictions against gold (texts read from ``gold_dir``)."""
    tp = npred = ngold = stp = snpred = sngold = mtp = mpred = mgold = 0
    stage_hit = stage_n = amt_hit = amt_n = bad_evidence = 0
    detail = []
    for doc_id, g in gold_docs.items():
        p = pred_docs.get(doc_id, {"claims": [], "memberships": []})
        text = ""
        if g.get("text_file") and gold_dir is not None:
            text = (gold_dir / g["text_file"]).read_text(encoding="utf-8")
        gk, pk = _claim_keys(g), _claim_keys(p)
        tp, npred, ngold = tp + len(gk & pk), npred + len(pk), ngold + len(gk)
        gs, ps = _strict_keys(g), _strict_keys(p)
        stp, snpred, sngold = stp + len(gs & ps), snpred + len(ps), sngold + len(gs)
        gm, pm = _member_keys(g), _member_keys(p)
        mtp, mpred, mgold = mtp + len(gm & pm), mpred + len(pm), mgold + len(gm)
        for key in gk & pk:
            gst = {c.get("stage") for c in g["claims"] if key in _key_set(c)}
            pst = {c.get("stage") for c in p.get("claims", []) if key in _key_set(c)}
            stage_n += 1
            stage_hit += bool(gst & pst)
        for gc in g["claims"]:
            if not gc.get("amount"):
                continue
            keys = {(norm_actor(d), gc["category"], gc["stance"]) for d in gc["donors"]}
            if not keys & pk:
                continue
            amt_n += 1
            amt_hit += any(_amount_ok(gc, pc) for pc in p.get("claims", []) if _key_set(pc) & keys)
        for pc in p.get("claims", []) + p.get("memberships", []):
            if text and pc.get("evidence", "") not in text:
                bad_evidence += 1
        detail.append(
            {"doc_id": doc_id, "missed": sorted(map(list, gk - pk)), "spurious": sorted(map(list, pk - gk))}
        )
    P, R, F = _prf(tp, npred, ngold)
    MP, MR, MF = _prf(mtp, mpred, mgold)
    SP, SR, SF = _prf(stp, snpred, sngold)
    return {
        "documents": len(gold_docs),
        "claims": {"precision": round(P, 4), "recall": round(R, 4), "f1": round(F, 4),
                   "true_positive": tp, "predicted": npred, "gold": ngold},
        "strict": {"precision": round(SP, 4), "recall": round(SR, 4), "f1": round(SF, 4),
                   "true_positive": stp, "predicted": snpred, "gold": sngold},
        "stage_accuracy": round(stage_hit / stage_n, 4) if stage_n else None,
        "amount_accuracy": round(amt_hit / amt_n, 4) if amt_n else None,
        "memberships": {"precision": round(MP, 4), "recall": round(MR, 4), "f1": round(MF, 4),
                        "true_positive": mtp, "predicted": mpred, "gold": mgold},
        "evidence_not_in_text": bad_evidence,
        "unknown_doc_ids": sorted(set(pred_docs) - set(gold_docs)),
        "detail": detail,
    }  # fmt: skip


def format_report(r: Doc, *, detail: bool = False) -> str:
    """The table score.py prints, line for line."""
    c, m, st = r["claims"], r["memberships"], r["strict"]
    lines = [
        f"documents            {r['documents']}",
        f"claims      P {c['precision']:.3f}  R {c['recall']:.3f}  F1 {c['f1']:.3f}  "
        f"(tp {c['true_positive']}, predicted {c['predicted']}, gold {c['gold']})",
        f"strict      P {st['precision']:.3f}  R {st['recall']:.3f}  F1 {st['f1']:.3f}  "
        f"(donor, category, stance, stage and amount all right)",
        f"stage accuracy       {r['stage_accuracy']}",
        f"amount accuracy      {r['amount_accuracy']}",
        f"memberships P {m['precision']:.3f}  R {m['recall']:.3f}  F1 {m['f1']:.3f}  "
        f"(tp {m['true_positive']}, predicted {m['predicted']}, gold {m['gold']})",
        f"evidence not in text {r['evidence_not_in_text']}",
    ]
    if r["unknown_doc_ids"]:
        lines.append(f"unknown doc ids      {', '.join(r['unknown_doc_ids'])}")
    if detail:
        for d in r.get("detail", []):
            if d["missed"] or d["spurious"]:
                lines.append(f"  {d['doc_id']}: missed {d['missed']}  spurious {d['spurious']}")
    return "\n".join(lines)


def gold_texts(gold_path: pathlib.Path, gold: dict[str, Doc]) -> Iterator[tuple[str, str, dt.date | None]]:
    """(doc_id, text, published) of each gold document; text_file is relative to the gold file."""
    for doc_id, g in gold.items():
        if not g.get("text_file"):
            raise EvaluationError(f"document {doc_id!r} has no text_file", path=str(gold_path))
        path = gold_path.resolve().parent / g["text_file"]
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as error:
            raise EvaluationError(f"document {doc_id!r}: cannot read {path}", path=str(gold_path)) from error
        published = None
        if g.get("published"):
            try:
                published = dt.date.fromisoformat(str(g["published"]))
            except ValueError as error:
                raise EvaluationError(
                    f"document {doc_id!r}: bad published date", path=str(gold_path)
                ) from error
        yield doc_id, text, published


def predict_gold(
    gold_path: pathlib.Path,
    *,
    workers: int = 1,
    extract_many: Callable[[Iterable[tuple[str, dt.date | None]], int], Iterable[Any]] | None = None,
) -> dict[str, Doc]:
    """Run the extractor over every text of a gold file: predictions by doc_id, in spec JSON."""
    if extract_many is None:
        from pledgewatch.extract.parallel import extract_many as default

        extract_many = default
    gold = load_jsonl(gold_path)
    items = list(gold_texts(gold_path, gold))
    results = extract_many(((text, pub) for _, text, pub in items), workers)
    return {doc_id: ex.to_spec(doc_id) for (doc_id, _, _), ex in zip(items, results, strict=True)}


def evaluate_gold(gold_path: pathlib.Path, *, workers: int = 1) -> Doc:
    """Extract the gold file's texts and score them: the figures score.py prints."""
    gold = load_jsonl(gold_path)
    return score(predict_gold(gold_path, workers=workers), gold, gold_path.resolve().parent)
