"""``pledgewatch ledger``, ``show DONOR``, ``conflicts``: the pledges, one donor, where sources disagree."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from typing import TYPE_CHECKING

import typer
from rich.markup import escape

from pledgewatch.cli.ledger_render import (
    evidence_line,
    pledges_table,
    print_csv,
    print_json,
    print_totals,
)
from pledgewatch.cli.output import console, err_console, progress_bar
from pledgewatch.config import Settings
from pledgewatch.errors import ConfigError
from pledgewatch.ledger.views import claim_to_dict, conflict_to_dict, pledge_to_dict, totals_to_dict

if TYPE_CHECKING:
    from pledgewatch.store.ledger import RefreshResult


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


def _as_of(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as error:
        raise ConfigError(f"--as-of {value!r} is not a date (YYYY-MM-DD)") from error


def _engine(ctx: typer.Context):  # type: ignore[no-untyped-def]
    from pledgewatch.store import make_engine

    settings: Settings = ctx.obj
    return make_engine(settings.db_url)


@contextmanager
def _rebuild_progress(quiet: bool) -> Iterator[Callable[[str, RefreshResult], None]]:
    """A progress bar over the categories a rebuild recomputes one after the other (on stderr:
    stdout may be the ledger as CSV or JSON)."""
    from pledgewatch.records import CATEGORIES

    progress = progress_bar("rebuild", on=err_console, quiet=quiet)
    task = progress.add_task("rebuild", total=len(CATEGORIES), note="")

    def on_category(category: str, written: RefreshResult) -> None:
        progress.update(task, advance=1, note=f"{category}: {written.pledges} rows")

    with progress:
        yield on_category


def ledger(
    ctx: typer.Context,
    donor: str = typer.Option(None, help="Only this donor (any spelling: UAE, Emirati, Tokayev...)."),
    category: str = typer.Option(None, help="funding, food, medical, security, education, ..."),
    status: str = typer.Option(None, help="pledged, delivered, partial, denied or disputed."),
    initiative: str = typer.Option(None, help="Only this initiative ('(unassigned)' for none)."),
    as_of: str = typer.Option(None, "--as-of", help="The ledger as published sources stood on YYYY-MM-DD."),
    fmt: Format = typer.Option(Format.table, "--format", help="table, json or csv."),
    rebuild: bool = typer.Option(False, "--rebuild", help="Recompute every row from the claims first."),
    limit: int = typer.Option(200, min=0, help="Rows to show (0: all)."),
    offset: int = typer.Option(0, min=0, help="Rows to skip."),
) -> None:
    """The pledges: one row per initiative × donor × category, with status, amounts and sources.

    Totals stand side by side (pledged, delivered, denied are never added); an unknown
    amount is unknown, not zero; a joint pledge is shown once and never divided.

    Examples:

      pledgewatch ledger

      pledgewatch ledger --donor Kazakhstan --status disputed

      pledgewatch ledger --as-of 2026-02-20 --format json

      pledgewatch ledger --rebuild --format csv > ledger.csv
    """
    from pledgewatch.store.ledger import rebuild_ledger
    from pledgewatch.store.ledger_queries import (
        LedgerFilter,
        count_pledges,
        ledger_summary,
        list_conflicts,
        list_pledges,
    )

    f = LedgerFilter(
        donor=donor, category=category, status=status, initiative=initiative, as_of=_as_of(as_of)
    )
    engine = _engine(ctx)
    try:
        with engine.connect() as conn:
            if rebuild:
                with _rebuild_progress(ctx.obj.quiet) as on_category:
                    result = rebuild_ledger(conn, on_category)
                conn.commit()
                err_console.print(f"Rebuilt the ledger: {result.pledges} rows, {result.conflicts} conflicts.")
            rows = list_pledges(conn, f, limit=limit or None, offset=offset)
            total_rows = count_pledges(conn, f)
            if fmt is Format.csv:
                print_csv(rows)
                return
            summary = ledger_summary(conn, f)
            found = list_conflicts(conn, f, limit=None)
    finally:
        engine.dispose()
    if fmt is Format.json:
        print_json(
            {
                "as_of": as_of,
                "count": total_rows,
                "pledges": [pledge_to_dict(p) for p in rows],
                "totals": totals_to_dict(summary),
                "conflicts": [conflict_to_dict(c) for c in found],
            }
        )
        return
    if not rows:
        console.print("No pledges match. Ingest documents first: pledgewatch ingest PATH...")
        return
    title = f"Ledger as of {as_of}" if as_of else "Ledger"
    console.print(pledges_table(rows, title=title))
    if total_rows > len(rows):
        console.print(f"[dim]{len(rows)} of {total_rows} rows shown; --limit 0 shows all.[/]")
    print_totals(summary)
    if found:
        console.print(
            f"[magenta]{len(found)} conflicts[/]: pledgewatch conflicts"
            + (f" --donor {donor!r}" if donor else "")
        )


def show(
    ctx: typer.Context,
    donor: str = typer.Argument(..., help="A donor, any spelling: Kazakhstan, Tokayev, 'the UAE', Emirati."),
    category: str = typer.Option(None, help="Only this category."),
    as_of: str = typer.Option(None, "--as-of", help="As published sources stood on YYYY-MM-DD."),
    fmt: Format = typer.Option(Format.table, "--format", help="table or json."),
) -> None:
    """One donor: its pledges (joint ones included), a timeline of claims, evidence with sources.

    Examples:

      pledgewatch show Kazakhstan

      pledgewatch show "the UAE" --category funding --format json
    """
    from pledgewatch.ledger import resolve_actor
    from pledgewatch.store.ledger_queries import LedgerFilter, donor_timeline, list_conflicts, list_pledges

    f = LedgerFilter(donor=donor, category=category, as_of=_as_of(as_of))
    engine = _engine(ctx)
    try:
        with engine.connect() as conn:
            rows = list_pledges(conn, f, limit=None)
            timeline = donor_timeline(conn, donor, category=category)
            found = list_conflicts(conn, f, limit=None)
    finally:
        engine.dispose()
    if f.as_of is not None:
        timeline = [v for v in timeline if (v.source.published or v.claim.date or dt.date.max) <= f.as_of]
    claims = [claim_to_dict(v.claim, v.source) for v in timeline]
    name = resolve_actor(donor)
    if fmt is Format.json:
        print_json(
            {
                "donor": name,
                "pledges": [pledge_to_dict(p) for p in rows],
                "timeline": claims,
                "conflicts": [conflict_to_dict(c) for c in found],
            }
        )
        return
    if not rows and not claims:
        console.print(f"Nothing known about {escape(name)}.")
        return
    console.print(pledges_table(rows, title=f"{name}: pledges"))
    console.print(f"[bold]Timeline[/] ({len(claims)} claims, oldest source first)")
    for claim in claims:
        console.print(evidence_line(claim), highlight=False)
    for c in found:
        console.print(f"[magenta]{c.kind} conflict[/] in {c.category}: {escape(c.detail)}", highlight=False)


def conflicts(
    ctx: typer.Context,
    donor: str = typer.Option(None, help="Only this donor (any spelling)."),
    category: str = typer.Option(None, help="Only this category."),
    kind: str = typer.Option(None, help="stance, stage, amount or date."),
    as_of: str = typer.Option(None, "--as-of", help="As published sources stood on YYYY-MM-DD."),
    fmt: Format = typer.Option(Format.table, "--format", help="table or json."),
) -> None:
    """Where sources disagree: both sides of each conflict, with evidence sentences and sources.

    Kinds: stance (committed vs denied), stage (delivered vs nothing delivered), amount
    (figures more than 10% apart), date (the same event dated differently).

    Examples:

      pledgewatch conflicts

      pledgewatch conflicts --donor Kazakhstan --format json
    """
    from pledgewatch.store.ledger_queries import LedgerFilter, claims_with_sources, list_conflicts

    f = LedgerFilter(donor=donor, category=category, as_of=_as_of(as_of))
    engine = _engine(ctx)
    try:
        with engine.connect() as conn:
            found = list_conflicts(conn, f, kind=kind, limit=None)
            ids = {i for c in found for i in (*c.claim_ids_a, *c.claim_ids_b)}
            views = claims_with_sources(conn, ids)
    finally:
        engine.dispose()
    claims = {v.claim.id: claim_to_dict(v.claim, v.source) for v in views if v.claim.id is not None}
    if fmt is Format.json:
        print_json({"conflicts": [conflict_to_dict(c, claims) for c in found]})
        return
    if not found:
        console.print("No conflicts between sources.")
        return
    for c in found:
        console.print(
            f"[bold magenta]{c.kind}[/] · {escape(c.donor)} · {c.category} · {escape(c.initiative)}: "
            + escape(c.detail),
            highlight=False,
        )
        for side, ids_ in (("A", c.claim_ids_a), ("B", c.claim_ids_b)):
            console.print(f" side {side}:")
            for i in ids_:
                if i in claims:
                    console.print(evidence_line(claims[i]), highlight=False)


def register(app: typer.Typer) -> None:
    app.command("ledger")(ledger)
    app.command("show")(show)
    app.command("conflicts")(conflicts)


def print_ledger_overview(db_url: str) -> None:
    """The ledger, its totals and its conflicts, for ``pledgewatch demo`` to print after building.

    Rebuilds the rows first, so it shows the right ledger whether or not ingest refreshed it.
    """
    from pledgewatch.store import make_engine
    from pledgewatch.store.ledger import rebuild_ledger
    from pledgewatch.store.ledger_queries import (
        claims_with_sources,
        ledger_summary,
        list_conflicts,
        list_pledges,
    )

    engine = make_engine(db_url)
    try:
        with engine.connect() as conn:
            rebuild_ledger(conn)
            conn.commit()
            rows = list_pledges(conn, limit=None)
            summary = ledger_summary(conn)
            found = list_conflicts(conn, limit=None)
            views = claims_with_sources(conn, {i for c in found for i in (*c.claim_ids_a, *c.claim_ids_b)})
    finally:
        engine.dispose()
    console.print(pledges_table(rows, title="Ledger"))
    print_totals(summary)
    claims = {v.claim.id: claim_to_dict(v.claim, v.source) for v in views if v.claim.id is not None}
    for c in found:
        console.print(
            f"[bold magenta]{c.kind} conflict[/] · {escape(c.donor)} · {c.category}: {escape(c.detail)}"
        )
        for i in (*c.claim_ids_a, *c.claim_ids_b):
            if i in claims:
                console.print(evidence_line(claims[i]), highlight=False)
