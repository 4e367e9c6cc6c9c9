"""``pledgewatch review``: accept, reject or edit machine claims, add missed ones; all logged.

With no subcommand it is an interactive queue. Every action writes the append-only review
log with the user (``--user``, else $USER) and the time, in the same transaction as the change.
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Callable
from enum import StrEnum
from typing import TYPE_CHECKING

import typer
from rich.markup import escape
from rich.panel import Panel

from pledgewatch.cli.ledger_render import print_json
from pledgewatch.cli.output import console, print_error
from pledgewatch.config import Settings
from pledgewatch.errors import PledgewatchError
from pledgewatch.ledger.views import claim_to_dict

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from pledgewatch.records import Claim

review_app = typer.Typer(
    name="review",
    invoke_without_command=True,
    no_args_is_help=False,
)

USER_HELP = "Who reviews (recorded in the review log); default $USER."


class Format(StrEnum):
    table = "table"
    json = "json"


def _user(user: str | None) -> str:
    if user:
        return user
    try:
        return os.environ.get("USER") or getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def _engine(ctx: typer.Context):  # type: ignore[no-untyped-def]
    from pledgewatch.store import make_engine

    settings: Settings = ctx.obj
    return make_engine(settings.db_url)


def _claim_panel(view) -> Panel:  # type: ignore[no-untyped-def]
    c = view.claim
    s = view.source
    amount = f"{c.amount.to_spec()['value']:,} {c.amount.unit}" if c.amount else "—"
    lines = [
        f"[bold]{escape(', '.join(c.donors))}[/] {c.stance} · {c.stage} · {c.category}"
        + f" · amount {escape(amount)}"
        + (f" ({c.bound})" if c.bound else "")
        + (" · joint" if c.collective else ""),
    ]
    for name in ("recipient", "period", "speaker", "date"):
        value = getattr(c, name)
        if value:
            lines.append(f"{name}: {escape(str(value))}")
    lines.append(f"[italic]“{escape(c.evidence.text)}”[/] [dim][{c.evidence.start}:{c.evidence.end}][/]")
    where = ", ".join(escape(str(x)) for x in (s.title, s.outlet, s.published, s.url) if x)
    lines.append(f"[dim]source: {where or s.doc_id} ({escape(s.doc_id)})[/]")
    return Panel("\n".join(lines), title=f"claim #{c.id} · {c.review_state} · rule {escape(c.rule or '-')}")


@review_app.callback()
def review(
    ctx: typer.Context,
    user: str = typer.Option(None, "--user", help=USER_HELP),
    limit: int = typer.Option(50, min=1, help="Claims in one session."),
) -> None:
    """Review machine claims: with no command, an interactive queue showing each claim with its
    evidence and source: a = accept, r = reject (with a reason), e = edit a field, s = skip, q = quit.
    Every action goes to the append-only review log with the user and the time.

    Examples:

      pledgewatch review

      pledgewatch review accept 12

      pledgewatch review reject 13 --why "speculation, not a pledge"

      pledgewatch review edit 14 --amount "1200000000 USD" --category funding

      pledgewatch review add DOC_ID --donors Kazakhstan --category food --evidence "It will send wheat."
    """
    if ctx.invoked_subcommand is not None:
        return
    from pledgewatch.store.ledger_queries import claims_with_sources
    from pledgewatch.store.review import accept_claim, edit_claim, reject_claim, review_queue, skip_claim
    from pledgewatch.store.review_fields import FIELDS

    who = _user(user)
    engine = _engine(ctx)
    done = 0
    try:
        with engine.connect() as conn:
            queue = [c.id for c in review_queue(conn, limit=limit) if c.id is not None]
            conn.rollback()
            if not queue:
                console.print("Nothing to review: every claim has been reviewed.")
                return
            console.print(f"{len(queue)} machine claims to review as [bold]{escape(who)}[/].")
            for claim_id in queue:
                views = claims_with_sources(conn, [claim_id])
                conn.rollback()
                if not views or views[0].claim.review_state != "machine":
                    continue
                console.print(_claim_panel(views[0]))
                choice = typer.prompt("[a]ccept [r]eject [e]dit [s]kip [q]uit", default="s").strip().lower()
                try:
                    if choice.startswith("q"):
                        break
                    if choice.startswith("a"):
                        accept_claim(conn, claim_id, user=who)
                    elif choice.startswith("r"):
                        why = typer.prompt("Why is it wrong?")
                        reject_claim(conn, claim_id, why=why, user=who)
                    elif choice.startswith("e"):
                        field = typer.prompt(f"Field ({', '.join(FIELDS)})").strip()
                        value = typer.prompt(f"New {field}")
                        edit_claim(conn, claim_id, {field: value}, user=who)
                    else:
                        skip_claim(conn, claim_id, user=who)
                    conn.commit()
                    done += 1
                except PledgewatchError as error:
                    conn.rollback()
                    print_error(error)
    finally:
        engine.dispose()
    console.print(f"Reviewed {done} claims. The ledger rows they touch are up to date.")


@review_app.command("list")
def list_queue(
    ctx: typer.Context,
    limit: int = typer.Option(50, min=1, help="Claims to list."),
    offset: int = typer.Option(0, min=0, help="Claims to skip."),
    fmt: Format = typer.Option(Format.table, "--format", help="table or json."),
) -> None:
    """The machine claims still to review, with evidence and source.

    Example: pledgewatch review list --format json
    """
    from pledgewatch.store.ledger_queries import claims_with_sources
    from pledgewatch.store.review import review_queue

    engine = _engine(ctx)
    try:
        with engine.connect() as conn:
            ids = [c.id for c in review_queue(conn, limit=limit, offset=offset) if c.id is not None]
            views = sorted(claims_with_sources(conn, ids), key=lambda v: ids.index(v.claim.id or 0))
    finally:
        engine.dispose()
    if fmt is Format.json:
        print_json([claim_to_dict(v.claim, v.source) for v in views])
        return
    for view in views:
        console.print(_claim_panel(view))
    if not views:
        console.print("Nothing to review.")


def _apply(ctx: typer.Context, action: Callable[[Connection], Claim]) -> None:
    """Run one review action in its own transaction, then say what the claim now is."""
    engine = _engine(ctx)
    try:
        with engine.connect() as conn:
            claim = action(conn)
            conn.commit()
    finally:
        engine.dispose()
    console.print(f"claim #{claim.id} is now [bold]{claim.review_state}[/]; its ledger rows are refreshed.")


@review_app.command("accept")
def accept(
    ctx: typer.Context,
    claim_id: int = typer.Argument(..., metavar="ID"),
    user: str = typer.Option(None, "--user", help=USER_HELP),
) -> None:
    """The claim is right. Example: pledgewatch review accept 12"""
    from pledgewatch.store.review import accept_claim

    _apply(ctx, lambda conn: accept_claim(conn, claim_id, user=_user(user)))


@review_app.command("reject")
def reject(
    ctx: typer.Context,
    claim_id: int = typer.Argument(..., metavar="ID"),
    why: str = typer.Option(..., "--why", help="Why the claim is wrong (kept in the review log)."),
    user: str = typer.Option(None, "--user", help=USER_HELP),
) -> None:
    """The claim is wrong; it leaves the ledger.

    Example: pledgewatch review reject 13 --why "not a pledge"
    """
    from pledgewatch.store.review import reject_claim

    _apply(ctx, lambda conn: reject_claim(conn, claim_id, why=why, user=_user(user)))


_FIELD_OPTIONS = {
    "donors": typer.Option(None, help="Donors, comma-separated."),
    "stance": typer.Option(None, help="commit or deny."),
    "stage": typer.Option(None, help="pledge or delivered."),
    "category": typer.Option(None, help="funding, food, medical, security, education, ..."),
    "amount": typer.Option(None, help="'VALUE UNIT', e.g. '1200000000 USD', '500 scholarships', or none."),
    "bound": typer.Option(None, help="min, max, approx or none."),
    "collective": typer.Option(None, help="true when the amount is a joint total of all donors."),
    "recipient": typer.Option(None, help="The channel or beneficiary (none clears)."),
    "period": typer.Option(None, help="The time span (none clears)."),
    "speaker": typer.Option(None, help="Who made the statement (none clears)."),
    "date": typer.Option(None, help="YYYY-MM-DD (none clears)."),
}


@review_app.command("edit")
def edit(
    ctx: typer.Context,
    claim_id: int = typer.Argument(..., metavar="ID"),
    donors: str = _FIELD_OPTIONS["donors"],
    stance: str = _FIELD_OPTIONS["stance"],
    stage: str = _FIELD_OPTIONS["stage"],
    category: str = _FIELD_OPTIONS["category"],
    amount: str = _FIELD_OPTIONS["amount"],
    bound: str = _FIELD_OPTIONS["bound"],
    collective: str = _FIELD_OPTIONS["collective"],
    recipient: str = _FIELD_OPTIONS["recipient"],
    period: str = _FIELD_OPTIONS["period"],
    speaker: str = _FIELD_OPTIONS["speaker"],
    date: str = _FIELD_OPTIONS["date"],
    user: str = typer.Option(None, "--user", help=USER_HELP),
) -> None:
    """Change fields of a claim; each change is logged from old to new value.

    Example: pledgewatch review edit 14 --amount "1200000000 USD" --recipient none
    """
    from pledgewatch.errors import ReviewFieldError
    from pledgewatch.store.review import edit_claim

    given = {k: v for k, v in locals().items() if k in _FIELD_OPTIONS and v is not None}
    if not given:
        raise ReviewFieldError("give at least one field to change, e.g. --amount '1200000000 USD'")
    _apply(ctx, lambda conn: edit_claim(conn, claim_id, given, user=_user(user)))


@review_app.command("add")
def add(
    ctx: typer.Context,
    doc_id: str = typer.Argument(..., metavar="DOC_ID", help="The document the claim is in."),
    evidence: str = typer.Option(..., help="The sentence, copied exactly from the document."),
    donors: str = typer.Option(..., help="Donors, comma-separated."),
    category: str = typer.Option(..., help="funding, food, medical, security, education, ..."),
    stance: str = typer.Option("commit", help="commit or deny."),
    stage: str = typer.Option("pledge", help="pledge or delivered."),
    amount: str = typer.Option(None, help="'VALUE UNIT', e.g. '500 scholarships'."),
    bound: str = typer.Option(None, help="min, max or approx."),
    collective: bool = typer.Option(False, "--collective", help="The amount is a joint total."),
    recipient: str = typer.Option(None, help="The channel or beneficiary."),
    period: str = typer.Option(None, help="The time span."),
    speaker: str = typer.Option(None, help="Who made the statement."),
    date: str = typer.Option(None, help="YYYY-MM-DD."),
    user: str = typer.Option(None, "--user", help=USER_HELP),
) -> None:
    """Add a claim the machine missed; its evidence must be found in the document.

    Example: pledgewatch review add astana-2026-03-05 --donors Kazakhstan --category food --evidence "..."
    """
    from pledgewatch.records import Claim, Evidence
    from pledgewatch.store.review import add_claim
    from pledgewatch.store.review_fields import parse_field

    claim = Claim(
        donors=parse_field("donors", donors),
        stance=parse_field("stance", stance),
        stage=parse_field("stage", stage),
        category=parse_field("category", category),
        evidence=Evidence(evidence, 0, len(evidence)),
        amount=parse_field("amount", amount) if amount else None,
        bound=parse_field("bound", bound) if bound else None,
        collective=collective,
        recipient=recipient,
        period=period,
        speaker=speaker,
        date=parse_field("date", date) if date else None,
    )
    _apply(ctx, lambda conn: add_claim(conn, doc_id, claim, user=_user(user)))


@review_app.command("log")
def log(
    ctx: typer.Context,
    claim_id: int = typer.Option(None, "--claim", help="Only this claim's history."),
    limit: int = typer.Option(50, min=1, help="Entries to show, newest first."),
    fmt: Format = typer.Option(Format.table, "--format", help="table or json."),
) -> None:
    """The review log, newest first: who changed which claim, when, from what to what.

    Example: pledgewatch review log --claim 12
    """
    from pledgewatch.store.review import review_history

    engine = _engine(ctx)
    try:
        with engine.connect() as conn:
            entries = review_history(conn, claim_id=claim_id, limit=limit)
    finally:
        engine.dispose()
    if fmt is Format.json:
        print_json([_entry(e) for e in entries])
        return
    for e in entries:
        change = f"{e.field}: {e.old_value} → {e.new_value}" if e.field else (e.new_value or "")
        why = f" because {e.reason!r}" if e.reason else ""
        console.print(
            f"{e.at:%Y-%m-%d %H:%M:%S} {escape(e.reviewer)} {e.action} #{e.claim_id or '-'} "
            f"{escape(e.doc_id or '')} {escape(change)}{escape(why)}",
            highlight=False,
        )


@review_app.command("reextract")
def reextract(
    ctx: typer.Context,
    doc_ids: list[str] = typer.Argument(None, metavar="[DOC_ID]...", help="Documents (default: all)."),
    user: str = typer.Option(None, "--user", help=USER_HELP),
    workers: int = typer.Option(0, min=0, help="Extraction worker processes (0: one per core)."),
) -> None:
    """Run the current extractor again: machine claims are replaced, reviewed claims never touched.

    A claim an analyst accepted, rejected or edited stays as it is, and a new machine claim
    that repeats it is not added again. The ledger rows touched are refreshed.

    Examples:

      pledgewatch review reextract                 # every stored document

      pledgewatch review reextract astana-2026-03-05
    """
    from pledgewatch.workflows import reextract as run

    engine = _engine(ctx)
    try:
        results = run(engine, doc_ids or None, user=_user(user), workers=workers)
    finally:
        engine.dispose()
    for r in results:
        console.print(
            f"{escape(r.doc_id)}: {r.removed} machine claims replaced by {r.added};"
            f" {r.kept} reviewed kept, {r.skipped} repeats of reviewed claims not added",
            highlight=False,
        )


def _entry(e) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return {
        "id": e.id,
        "claim_id": e.claim_id,
        "doc_id": e.doc_id,
        "action": e.action,
        "field": e.field,
        "old_value": e.old_value,
        "new_value": e.new_value,
        "reason": e.reason,
        "user": e.reviewer,
        "at": e.at.isoformat(),
    }


def register(app: typer.Typer) -> None:
    app.add_typer(review_app, name="review")
