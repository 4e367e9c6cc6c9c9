"""Pledges, conflicts and totals as plain JSON-ready dicts (CLI ``--format json/csv``, the API).

Field names are the record's: a pledge is a pledge in the records, the tables and here.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pledgewatch.ledger.totals import StageTotal, Totals
from pledgewatch.records import Amount, Claim, Conflict, Pledge

PLEDGE_CSV_FIELDS: tuple[str, ...] = (
    "initiative",
    "donor",
    "category",
    "status",
    "group",
    "recipient",
    "pledged_value",
    "pledged_unit",
    "pledged_bound",
    "pledged_usd",
    "delivered_value",
    "delivered_unit",
    "delivered_usd",
    "denied_value",
    "denied_unit",
    "denied_usd",
    "revisions",
    "units",
    "usd_flags",
    "first_reported",
    "last_reported",
    "sources",
    "claim_ids",
)


def _amount(amount: Amount | None) -> dict[str, Any] | None:
    return amount.to_spec() if amount is not None else None


def _day(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def pledge_to_dict(p: Pledge) -> dict[str, Any]:
    return {
        "id": p.id,
        "initiative": p.initiative,
        "donor": p.donor,
        "category": p.category,
        "status": p.status,
        "group": list(p.group),
        "recipient": p.recipient,
        "recipients": list(p.recipients),
        "pledged": _amount(p.pledged),
        "pledged_bound": p.pledged_bound,
        "pledged_usd": p.pledged_usd,
        "delivered": _amount(p.delivered),
        "delivered_usd": p.delivered_usd,
        "denied": _amount(p.denied),
        "denied_usd": p.denied_usd,
        "revisions": [r.to_spec() for r in p.revisions],
        "units": list(p.units),
        "usd_flags": list(p.usd_flags),
        "first_reported": _day(p.first_reported),
        "last_reported": _day(p.last_reported),
        "sources": p.sources,
        "claim_ids": list(p.claim_ids),
    }


def pledge_to_row(p: Pledge) -> dict[str, Any]:
    """One flat CSV row."""
    row: dict[str, Any] = {}
    for stage, amount in (("pledged", p.pledged), ("delivered", p.delivered), ("denied", p.denied)):
        row[f"{stage}_value"] = amount.to_spec()["value"] if amount else None
        row[f"{stage}_unit"] = amount.unit if amount else None
    full = pledge_to_dict(p)
    row.update({k: full[k] for k in PLEDGE_CSV_FIELDS if k in full and k not in ("revisions",)})
    row["group"] = "; ".join(p.group)
    row["revisions"] = "; ".join(f"{r.to_spec()['value']} {r.unit}" for r in p.revisions)
    row["units"] = "/".join(p.units)
    row["usd_flags"] = "; ".join(p.usd_flags)
    row["claim_ids"] = " ".join(str(i) for i in p.claim_ids)
    return {k: row.get(k) for k in PLEDGE_CSV_FIELDS}


def conflict_to_dict(c: Conflict, claims: dict[int, dict[str, Any]] | None = None) -> dict[str, Any]:
    """A conflict; with ``claims`` (id → claim dict), each side lists its claims in full."""
    out: dict[str, Any] = {
        "id": c.id,
        "kind": c.kind,
        "initiative": c.initiative,
        "donor": c.donor,
        "category": c.category,
        "detail": c.detail,
        "claim_ids_a": list(c.claim_ids_a),
        "claim_ids_b": list(c.claim_ids_b),
    }
    if claims is not None:
        out["side_a"] = [claims[i] for i in c.claim_ids_a if i in claims]
        out["side_b"] = [claims[i] for i in c.claim_ids_b if i in claims]
    return out


def claim_to_dict(claim: Claim, source: Any = None) -> dict[str, Any]:
    """A claim as the spec gives it, with its id, review state and where it was read."""
    out = {"id": claim.id, "doc_id": claim.doc_id, "review_state": claim.review_state, **claim.to_spec()}
    if source is not None:
        out["source"] = {
            "doc_id": source.doc_id,
            "title": source.title,
            "outlet": source.outlet,
            "url": source.url,
            "published": _day(source.published),
        }
    return out


def _stage(s: StageTotal) -> dict[str, Any]:
    return {
        "usd": s.usd,
        "rows": s.rows,
        "unknown": s.unknown,
        "unconverted": [a.to_spec() for a in s.unconverted],
        "counts": [{"unit": u, "value": v} for u, v in s.counts],
    }


def totals_to_dict(t: Totals) -> dict[str, Any]:
    return {
        "pledged": _stage(t.pledged),
        "delivered": _stage(t.delivered),
        "denied": _stage(t.denied),
        "joint_pledged": _stage(t.joint_pledged),
        "joint_delivered": _stage(t.joint_delivered),
    }
