"""``pledgewatch extract PATH...`` and ``pledgewatch evaluate GOLD.jsonl``: read claims, store nothing."""

from __future__ import annotations

import json
import pathlib
import sys
from collections.abc import Iterator
from typing import Any

import typer
from rich.table import Table

from pledgewatch.cli.output import console, print_error
from pledgewatch.config import Settings
from pledgewatch.records import Claim, Document, Extraction


def extract_command(
    ctx: typer.Context,
    paths: list[str] = typer.Argument(
        ..., metavar="PATH...", help="Files (.txt .md .html .htm .jsonl), directories, or - for stdin."
    ),
    fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl (one line per document) or table."),
    explain: bool = typer.Option(
        False,
        "--explain",
        help="Show per claim the sentence, the cue, how the donor was resolved, the amount.",
    ),
    workers: int = typer.Option(None, min=0, help="Worker processes for big batches (0: one per core)."),
) -> None:
    """Print the claims and membership records read out of documents; nothing is stored.

    One JSON line per document, as spec/claims.md: {"doc_id", "claims", "memberships"}.

    doc_id is the JSONL "id", else the file name without extension.

    A file that cannot be read is named on stderr and skipped (exit code 1).

    Examples:

      pledgewatch extract news/article.txt

      pledgewatch extract batch.jsonl --format table

      pledgewatch extract statement.txt --explain

      cat article.txt | pledgewatch extract -
    """
    from pledgewatch.extract.parallel import extract_many
    from pledgewatch.extract.pipeline import build_nlp
    from pledgewatch.sources import SourceDefaults, SourceFailure, read_sources

    if fmt not in ("jsonl", "table"):
        raise typer.BadParameter(f"{fmt!r}: choose jsonl or table", param_hint="--format")
    settings: Settings = ctx.obj
    failed = 0
    docs: list[Document] = []
    for item in read_sources(
        paths,
        defaults=SourceDefaults(),
        max_bytes=settings.max_bytes,
        stdin=sys.stdin.buffer if "-" in paths else None,
    ):
        if isinstance(item, SourceFailure):
            print_error(item.error)
            failed += 1
        else:
            docs.append(item)
    if explain:
        nlp = build_nlp()
        for doc in docs:
            extraction, trace = nlp.trace_extract(doc.text, doc.published)
            _emit(doc, extraction, fmt, [_explain(c, d) for c, d in trace.claims])
    else:
        n = settings.workers if workers is None else workers
        results = extract_many(((d.text, d.published) for d in docs), n)
        for doc, extraction in zip(docs, results, strict=True):
            _emit(doc, extraction, fmt, None)
    if failed:
        raise typer.Exit(1)


def _emit(doc: Document, extraction: Extraction, fmt: str, explained: list[dict[str, Any]] | None) -> None:
    if fmt == "jsonl":
        out = extraction.to_spec(doc.doc_id)
        if explained is not None:
            for claim, why in zip(out["claims"], explained, strict=True):
                claim["explain"] = why
        sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
        sys.stdout.flush()
        return
    console.print(f"[bold]{doc.doc_id}[/]  {len(extraction.claims)} claims, "
                  f"{len(extraction.memberships)} memberships", highlight=False)  # fmt: skip
    if extraction.claims:
        console.print(_claims_table(extraction.claims))
    for m in extraction.memberships:
        date = f" on {m.date.isoformat()}" if m.date else ""
        console.print(f"  member {m.member}: {m.action}{date}", highlight=False)
    for why in explained or []:
        for key, value in why.items():
            console.print(f"  [dim]{key:>9}[/] {value}", highlight=False, markup=True, soft_wrap=True)
        console.print()


def _claims_table(claims: tuple[Claim, ...]) -> Table:
    table = Table(show_lines=False)
    for col in ("donors", "stance", "stage", "category", "amount", "recipient", "speaker", "date", "rule"):
        table.add_column(col)
    for c in claims:
        amount = ""
        if c.amount is not None:
            amount = f"{c.amount.value:,.0f} {c.amount.unit}" + (f" ({c.bound})" if c.bound else "")
            amount += " joint" if c.collective else ""
        table.add_row(", ".join(c.donors), c.stance, c.stage, c.category, amount, c.recipient or "",
                      c.speaker or "", c.date.isoformat() if c.date else "", c.rule)  # fmt: skip
    return table


def _explain(claim: Claim, draft: Any) -> dict[str, Any]:
    amount = "none stated"
    if draft.amount is not None:
        a = draft.amount
        amount = (
            f'"{a.text}" -> {a.value:,.2f}'.rstrip("0").rstrip(".")
            + f" {a.unit}"
            + (f" (bound {a.bound})" if a.bound else "")
        )
    return {
        "sentence": claim.evidence.text,
        "offsets": f"{claim.evidence.start}-{claim.evidence.end}",
        "cue": f'"{draft.cue}" ({draft.rule}: {claim.stance}, {claim.stage})',
        "donor": " → ".join(draft.chain) if draft.chain else ", ".join(claim.donors),
        "amount": amount,
    }


def evaluate_command(
    ctx: typer.Context,
    gold: pathlib.Path = typer.Argument(..., metavar="GOLD.jsonl", help="A gold file (spec/claims.md)."),
    detail: bool = typer.Option(False, "--detail", help="List missed and spurious keys per document."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object."),
    workers: int = typer.Option(None, min=0, help="Worker processes (0: one per core)."),
) -> None:
    """Extract the gold documents' texts and score them like shared/eval/score.py.

    text_file paths in the gold file are relative to it.

    The figures are those score.py prints for the same predictions: claim keys (donor, category, stance),

    strict keys (+ stage and amount), stage and amount accuracy, memberships, evidence outside the text.

    Examples:

      pledgewatch evaluate ../shared/eval/dev/gold.jsonl

      pledgewatch evaluate gold.jsonl --detail
    """
    from pledgewatch.evaluation import evaluate_gold, format_report

    settings: Settings = ctx.obj
    result = evaluate_gold(gold, workers=settings.workers if workers is None else workers)
    if not detail:
        result.pop("detail")
    if as_json:
        sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
        return
    for line in _lines(format_report(result, detail=detail)):
        sys.stdout.write(line + "\n")


def _lines(text: str) -> Iterator[str]:
    yield from text.splitlines()


def register(app: typer.Typer) -> None:
    app.command("extract")(extract_command)
    app.command("evaluate")(evaluate_command)
