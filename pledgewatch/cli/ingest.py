"""``pledgewatch ingest PATH...``: store documents and the claims read out of them."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import typer

from pledgewatch.cli.output import console, print_error, progress_bar
from pledgewatch.config import Settings
from pledgewatch.errors import ConfigError, MetadataError
from pledgewatch.sources import SourceDefaults
from pledgewatch.sources.base import parse_date
from pledgewatch.workflows import IngestEvent, IngestSummary


def ingest(
    ctx: typer.Context,
    paths: list[str] = typer.Argument(
        ...,
        metavar="PATH...",
        help="Files (.txt .md .html .htm .jsonl), directories (read recursively), or -.",
    ),
    initiative: str = typer.Option(
        None, help="The initiative the documents are about, e.g. 'Board of Peace'."
    ),
    published: str = typer.Option(None, help="Publication date (YYYY-MM-DD) of documents that give none."),
    url: str = typer.Option(None, help="Address of the document(s), when they do not give one."),
    title: str = typer.Option(None, help="Title of the document(s), when they do not give one."),
    outlet: str = typer.Option(None, help="Outlet (newspaper, ministry, agency), when they do not give one."),
    max_bytes: int = typer.Option(None, min=1, help="Largest file (JSONL: line) to read, in bytes [5 MB]."),
    workers: int = typer.Option(None, min=0, help="Extraction worker processes (0: one per core)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Store documents and extract their claims; a file that cannot be read is named and skipped.

    Text and Markdown take their metadata from the options or from a sidecar NAME.meta.json

    (keys id, url, title, published, outlet, initiative). HTML and JSONL carry their own, which wins.

    A document already stored (same text) is a duplicate and stores nothing. Exits 1 if anything failed.

    The ledger rows the new claims touch are brought up to date at the end of the batch.

    Examples:

      pledgewatch ingest news/ --initiative "Board of Peace"

      pledgewatch ingest statement.txt --published 2026-03-05 --outlet "MFA Kazakhstan"

      pledgewatch --db postgresql://me@localhost/pw ingest batch.jsonl

      curl -s https://example.org/a.html | pledgewatch ingest -
    """
    from pledgewatch.store import make_engine
    from pledgewatch.workflows import ingest as run_ingest

    settings: Settings = ctx.obj
    try:
        published_date = parse_date(published, path="--published")
    except MetadataError as error:
        raise ConfigError(f"--published {published!r} is not a date (YYYY-MM-DD)") from error
    defaults = SourceDefaults(
        url=url, title=title, outlet=outlet, published=published_date, initiative=initiative
    )
    engine = make_engine(settings.db_url)
    try:
        with _progress(quiet or settings.quiet) as on_event:
            summary = run_ingest(
                engine,
                paths,
                defaults=defaults,
                max_bytes=max_bytes or settings.max_bytes,
                workers=settings.workers if workers is None else workers,
                stdin=sys.stdin.buffer if "-" in paths else None,
                on_event=on_event,
            )
    finally:
        engine.dispose()
    _print_summary(summary)
    if summary.failed:
        raise typer.Exit(1)


@contextmanager
def _progress(quiet: bool) -> Iterator[Callable[[IngestEvent], None]]:
    """A Rich progress bar over the inputs; error lines are printed as they come."""
    progress = progress_bar("ingest", on=console, quiet=quiet)
    counts = {"stored": 0, "duplicate": 0, "failed": 0}
    task = progress.add_task("ingest", total=None, note="")

    def on_event(event: IngestEvent) -> None:
        if event.kind == "failed" and event.error is not None:
            print_error(event.error)
        if event.kind == "listed":
            progress.update(task, total=event.total)
        elif event.kind == "input_done":
            progress.advance(task)
        else:
            counts[event.kind] += 1
            line = f"stored {counts['stored']}, duplicates {counts['duplicate']}, failed {counts['failed']}"
            progress.update(task, note=line)

    with progress:
        yield on_event


def _print_summary(summary: IngestSummary) -> None:
    claims = f"{summary.claims} claim{'' if summary.claims == 1 else 's'}"
    memberships = f"{summary.memberships} membership{'' if summary.memberships == 1 else 's'}"
    extra = f" ({claims}, {memberships})" if summary.stored else ""
    console.print(summary.line() + extra, highlight=False, soft_wrap=True)
    if summary.stored == 0 and summary.duplicates and not summary.failed:
        console.print("Nothing new: every document was already stored.", soft_wrap=True)


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest)
