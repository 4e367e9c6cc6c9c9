"""How the ledger looks in a terminal: amounts, tables, totals, conflicts with their evidence."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Sequence
from typing import Any

from rich.markup import escape
from rich.table import Table

from pledgewatch.cli.output import console
from pledgewatch.ledger.totals import StageTotal, Totals
from pledgewatch.ledger.views import PLEDGE_CSV_FIELDS, pledge_to_row
from pledgewatch.records import Amount, Pledge

BOUND_WORDS = {"min": "over ", "max": "up to ", "approx": "about "}
STATUS_STYLE = {
    "pledged": "cyan",
    "delivered": "green",
    "partial": "yellow",
    "denied": "red",
    "disputed": "bold magenta",
}


def money(value: float | None, unit: str = "USD") -> str:
    if value is None:
        return "?"
    for size, word in ((1e9, "bn"), (1e6, "m")):
        if abs(value) >= size:
            return f"{unit} {value / size:,.2f} {word}".replace(".00 ", " ")
    return f"{unit} {value:,.0f}"


def amount(a: Amount | None, *, units: Sequence[str] = (), bound: str | None = None) -> str:
    if a is None:
        return "—"
    prefix = BOUND_WORDS.get(bound or "", "")
    if a.is_money:
        return prefix + money(a.value, a.unit)
    shown = "/".join(units) if units else a.unit
    return f"{prefix}{a.value:,.0f} {shown}"


def with_usd(text: str, value: float | None, a: Amount | None) -> str:
    """The original figure, and under it the USD figure when the currency is another."""
    if a is None or not a.is_money or a.unit == "USD":
        return text
    return f"{text}\n[dim]≈ {money(value)}[/]" if value is not None else f"{text}\n[dim](no USD rate)[/]"


def donor_label(p: Pledge) -> str:
    return f"joint ×{len(p.group)}" if p.group else p.donor


def pledges_table(rows: Sequence[Pledge], *, title: str | None = None) -> Table:
    initiatives = {p.initiative for p in rows}
    table = Table(title=title, show_lines=False, header_style="bold")
    if len(initiatives) > 1:
        table.add_column("Initiative")
    # Columns that would be empty for every row are left out: the table fits a terminal.
    optional = {
        "Delivered": any(p.delivered for p in rows),
        "Denied": any(p.denied for p in rows),
        "Revised from": any(p.revisions for p in rows),
    }
    for name in ("Donor", "Category", "Status", "Pledged", "Delivered", "Denied", "Revised from"):
        if optional.get(name, True):
            table.add_column(name)
    table.add_column("Last report")
    table.add_column("Src", justify="right")
    for p in rows:
        cells = [
            escape(donor_label(p)),
            p.category,
            f"[{STATUS_STYLE[p.status]}]{p.status}[/]",
            with_usd(amount(p.pledged, units=p.units, bound=p.pledged_bound), p.pledged_usd, p.pledged),
        ]
        if optional["Delivered"]:
            cells.append(with_usd(amount(p.delivered, units=p.units), p.delivered_usd, p.delivered))
        if optional["Denied"]:
            cells.append(with_usd(amount(p.denied, units=p.units), p.denied_usd, p.denied))
        if optional["Revised from"]:
            cells.append(", ".join(amount(r) for r in p.revisions))
        cells += [p.last_reported.isoformat() if p.last_reported else "?", str(p.sources)]
        table.add_row(*([escape(p.initiative)] if len(initiatives) > 1 else []), *cells)
    groups = [p for p in rows if p.group]
    if groups:
        table.caption = "  ".join(f"joint ×{len(p.group)} = {escape(', '.join(p.group))}." for p in groups)
    return table


def _stage_line(name: str, s: StageTotal) -> str:
    parts = [f"{money(s.usd)} over {s.converted} rows with a USD figure" if s.converted else "no USD figure"]
    if s.unknown:
        parts.append(f"{s.unknown} with the amount unknown")
    if s.unconverted:
        parts.append("not converted: " + ", ".join(amount(a) for a in s.unconverted))
    parts.extend(f"{v:,.0f} {u}" for u, v in s.counts)
    return f"[bold]{name}[/]: " + "; ".join(parts)


def print_totals(t: Totals) -> None:
    """Stages side by side, never added together; joint pledges apart, never divided."""
    console.print(_stage_line("Pledged", t.pledged), highlight=False)
    console.print(_stage_line("Delivered", t.delivered), highlight=False)
    console.print(_stage_line("Denied", t.denied), highlight=False)
    if t.joint_pledged.rows or t.joint_delivered.rows:
        console.print(
            _stage_line("Joint pledges (counted once, not divided)", t.joint_pledged), highlight=False
        )
        if t.joint_delivered.rows:
            console.print(_stage_line("Joint deliveries", t.joint_delivered), highlight=False)


def print_json(payload: Any) -> None:
    sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")


def print_csv(rows: Iterable[Pledge]) -> None:
    writer = csv.DictWriter(sys.stdout, fieldnames=list(PLEDGE_CSV_FIELDS), lineterminator="\n")
    writer.writeheader()
    for p in rows:
        writer.writerow(pledge_to_row(p))


def evidence_line(claim: dict[str, Any]) -> str:
    source = claim.get("source") or {}
    where = ", ".join(
        str(x) for x in (source.get("outlet"), source.get("published"), source.get("doc_id")) if x
    )
    what = f"{claim['stance']} {claim['stage']}"
    if claim.get("amount"):
        what += f" {claim['amount']['value']:,} {claim['amount']['unit']}"
    if claim.get("date"):
        what += f" on {claim['date']}"
    return f"  #{claim['id']} [dim]{escape(what)}[/] “{escape(claim['evidence'])}” [dim]— {escape(where)}[/]"
