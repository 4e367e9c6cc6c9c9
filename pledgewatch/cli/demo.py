"""``pledgewatch demo``: a fresh database from the bundled demo corpus, and what it holds."""

from __future__ import annotations

import os

import typer
from rich.table import Table

from pledgewatch.cli.output import console, print_error
from pledgewatch.config import Settings
from pledgewatch.workflows import DemoResult, IngestEvent

DEMO_DB = "sqlite:///demo.db"


def demo(
    ctx: typer.Context,
    db: str = typer.Option(
        None, "--db", help=f"Database to (re)build; default: the global --db if given, else {DEMO_DB}."
    ),
) -> None:
    """Build a FRESH database from the bundled demo corpus (Board of Peace, 2026) and show it.

    The database is emptied first: everything in it is replaced by the demo. Prints the documents,
    then the ledger, its totals and the conflicts between sources, and how to open the dashboard.

    Examples:

      pledgewatch demo                                    # builds demo.db here

      pledgewatch --db postgresql://me@localhost/pwdemo demo
    """
    from pledgewatch.cli.ledger import print_ledger_overview
    from pledgewatch.workflows import build_demo

    url = db or _global_db(ctx) or DEMO_DB
    console.print(f"Building a fresh demo database at [bold]{url}[/] ...", highlight=False)

    def on_event(event: IngestEvent) -> None:
        if event.kind == "failed" and event.error is not None:
            print_error(event.error)

    result = build_demo(
        url, workers=ctx.obj.workers if isinstance(ctx.obj, Settings) else 0, on_event=on_event
    )
    _show(result)
    print_ledger_overview(url)
    console.print(
        f"Next: pledgewatch --db {url} ingest MORE_FILES/   ·   pledgewatch --help",
        highlight=False,
        soft_wrap=True,
    )
    console.print(
        f"Open the dashboard: pledgewatch --db {url} serve   (then browse http://127.0.0.1:8000/)",
        highlight=False,
        soft_wrap=True,
    )
    if result.summary.failed:
        raise typer.Exit(1)


def _global_db(ctx: typer.Context) -> str | None:
    """The root --db (or PLEDGEWATCH_DB) when the user gave one; None for the default."""
    root = ctx.find_root()
    given = root.params.get("db") if root is not ctx else None
    return given or os.environ.get("PLEDGEWATCH_DB") or None


def _show(result: DemoResult) -> None:
    table = Table(title="Documents in the demo database", show_lines=False)
    width = max((len(d.doc_id) for d in result.documents), default=2)
    table.add_column("id", no_wrap=True, min_width=width)
    table.add_column("published", no_wrap=True, min_width=10)
    table.add_column("claims", justify="right", min_width=6)
    table.add_column("title")
    room = max(12, console.width - width - 10 - 6 - 13)  # what the other columns and borders leave
    for document in result.documents:
        table.add_row(
            document.doc_id,
            document.published.isoformat() if document.published else "—",
            str(result.claims_per_document.get(document.doc_id, 0)),
            _cut(document.title or "—", room),
        )
    console.print(table)
    summary = result.summary
    console.print(
        f"{summary.line()} · {len(result.documents)} documents, {summary.claims} claims, "
        f"{summary.memberships} memberships",
        highlight=False,
        soft_wrap=True,
    )


def _cut(text: str, room: int) -> str:
    return text if len(text) <= room else text[: room - 1] + "…"


def register(app: typer.Typer) -> None:
    app.command("demo")(demo)
