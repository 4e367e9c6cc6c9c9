"""The ledger summary aggregated in SQL over the stored rows (fast on a large ledger).

It gives exactly what ``pledgewatch.ledger.totals`` gives over the same rows: the rows
store the stage flags (``has_pledge``, ``has_delivery``, ``has_denial``) that function uses.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, Select, and_, case, func, not_, select

from pledgewatch.ledger.totals import StageTotal, Totals
from pledgewatch.records import Amount
from pledgewatch.store.ledger_tables import pledges

Filter = Callable[[Select[Any]], Select[Any]]


def _is_money(unit: Any) -> Any:
    return and_(func.length(unit) == 3, unit == func.upper(unit))


def _stage(conn: Connection, where: Filter, flag: Any, prefix: str, joint: bool) -> StageTotal:
    value, unit, usd = (pledges.c[f"{prefix}_{s}"] for s in ("value", "unit", "usd"))
    scope = and_(flag, pledges.c.is_group if joint else not_(pledges.c.is_group))
    head = where(
        select(
            func.count(),
            func.coalesce(func.sum(usd), 0.0),
            func.sum(case((unit.is_(None), 1), else_=0)),
            func.count(usd),
        )
        .select_from(pledges)
        .where(scope)
    )
    rows, total, unknown, converted = tuple(conn.execute(head).one())
    if not rows:
        return StageTotal()
    odd = conn.execute(
        where(
            select(value, unit, pledges.c.units)
            .select_from(pledges)
            .where(scope, unit.is_not(None), usd.is_(None))
            .order_by(pledges.c.initiative, pledges.c.donor, pledges.c.category)
        )
    ).all()
    unconverted = []
    counts: dict[str, float] = {}
    for v, u, units in (tuple(r) for r in odd):
        if len(u) == 3 and u.isupper():
            unconverted.append(Amount(float(v), u))
        else:
            label = "/".join(json.loads(units)) or u
            counts[label] = counts.get(label, 0.0) + float(v)
    return StageTotal(
        round(float(total), 2),
        int(rows),
        int(unknown or 0),
        tuple(unconverted),
        tuple(sorted(counts.items())),
        int(converted),
    )


def summary_from_sql(conn: Connection, where: Filter) -> Totals:
    return Totals(
        pledged=_stage(conn, where, pledges.c.has_pledge, "pledged", False),
        delivered=_stage(conn, where, pledges.c.has_delivery, "delivered", False),
        denied=_stage(conn, where, pledges.c.has_denial, "denied", False),
        joint_pledged=_stage(conn, where, pledges.c.has_pledge, "pledged", True),
        joint_delivered=_stage(conn, where, pledges.c.has_delivery, "delivered", True),
    )
