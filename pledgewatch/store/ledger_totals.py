"""The ledger summary aggregated in SQL over the stored rows (fast on a large ledger).

It gives exactly what ``pledgewatch.ledger.totals`` gives over the same rows: the rows
store the stage flags (``has_pledge``, ``has_delivery``, ``has_denial``) that function uses.
ONE scan groups the rows by flags and units (a few hundred groups at most); the stages are
summed from the groups. Money without a USD figure (rare: a currency the ECB does not quote)
is then listed row by row.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, Select, and_, func, not_, select

from pledgewatch.ledger.totals import StageTotal, Totals
from pledgewatch.records import Amount
from pledgewatch.store.ledger_tables import pledges

Filter = Callable[[Select[Any]], Select[Any]]

# (name in Totals, flag column, amount prefix, joint?)
STAGES: tuple[tuple[str, str, str, bool], ...] = (
    ("pledged", "has_pledge", "pledged", False),
    ("delivered", "has_delivery", "delivered", False),
    ("denied", "has_denial", "denied", False),
    ("joint_pledged", "has_pledge", "pledged", True),
    ("joint_delivered", "has_delivery", "delivered", True),
)
PREFIXES = ("pledged", "delivered", "denied")
KEYS = ("is_group", "has_pledge", "has_delivery", "has_denial", "units", *(f"{p}_unit" for p in PREFIXES))


def _is_money(unit: str | None) -> bool:
    return unit is not None and len(unit) == 3 and unit.isupper()


def summary_from_sql(conn: Connection, where: Filter) -> Totals:
    c = pledges.c
    aggregates = [func.count().label("n")]
    for p in PREFIXES:
        aggregates += [
            func.sum(c[f"{p}_value"]).label(f"{p}_value"),
            func.sum(c[f"{p}_usd"]).label(f"{p}_usd"),
            func.count(c[f"{p}_usd"]).label(f"{p}_converted"),
        ]
    keys = [c[k] for k in KEYS]
    groups = conn.execute(where(select(*keys, *aggregates).select_from(pledges)).group_by(*keys)).all()
    totals: dict[str, StageTotal] = {}
    for name, flag, prefix, joint in STAGES:
        usd, rows, unknown, converted, needs_rows = 0.0, 0, 0, 0, False
        counts: dict[str, float] = {}
        for g in groups:
            m = g._mapping
            if not m[flag] or bool(m["is_group"]) != joint:
                continue
            rows += m["n"]
            unit = m[f"{prefix}_unit"]
            usd += float(m[f"{prefix}_usd"] or 0.0)
            converted += int(m[f"{prefix}_converted"])
            if unit is None:
                unknown += m["n"]
            elif not _is_money(unit):
                label = "/".join(json.loads(m["units"])) or unit
                counts[label] = counts.get(label, 0.0) + float(m[f"{prefix}_value"] or 0.0)
            elif m[f"{prefix}_converted"] < m["n"]:
                needs_rows = True
        unconverted = _unconverted(conn, where, flag, prefix, joint) if needs_rows else ()
        totals[name] = StageTotal(
            round(usd, 2), rows, unknown, unconverted, tuple(sorted(counts.items())), converted
        )
    return Totals(**totals)


def _unconverted(conn: Connection, where: Filter, flag: str, prefix: str, joint: bool) -> tuple[Amount, ...]:
    c = pledges.c
    value, unit, usd = c[f"{prefix}_value"], c[f"{prefix}_unit"], c[f"{prefix}_usd"]
    scope = and_(c[flag], c.is_group if joint else not_(c.is_group))
    rows = conn.execute(
        where(
            select(value, unit)
            .select_from(pledges)
            .where(scope, usd.is_(None), func.length(unit) == 3, unit == func.upper(unit))
            .order_by(c.initiative, c.donor, c.category)
        )
    ).all()
    return tuple(Amount(float(v), u) for v, u in (tuple(r) for r in rows))
