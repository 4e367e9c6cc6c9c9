"""Review actions as the API and the dashboard send them, handed to ``store.review``.

``review_claim`` accepts, rejects or edits one claim under the reviewer's token name;
``store.review`` logs it and refreshes the ledger rows the claim touches, in one
transaction. Edits arrive as typed values (API) or form strings (dashboard) and reach
the store as the strings its ``parse_field`` reads, only for fields that change.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy import Engine

from pledgewatch.errors import NotFoundError, ReviewInputError
from pledgewatch.records import Claim
from pledgewatch.store import review as review_store
from pledgewatch.store.claims import get_claim
from pledgewatch.store.review_fields import claim_values

Action = Literal["accept", "reject", "edit"]


@dataclass(frozen=True, slots=True)
class ReviewRequest:
    action: Action
    changes: dict[str, str] = field(default_factory=dict)  # field name -> the store's string form
    reason: str | None = None


def as_field_string(name: str, value: Any) -> str:
    """A typed value as ``store.review_fields.parse_field`` reads it."""
    if value is None:
        return "none"
    if name == "donors":
        return ", ".join(value)
    if name == "amount":
        number, unit = (
            (value["value"], value["unit"]) if isinstance(value, dict) else (value.value, value.unit)
        )
        return f"{_plain(number)} {unit}"
    if name == "collective":
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _plain(number: float) -> str:
    """1e-05 -> '0.00001', 7e9 -> '7000000000': digits the store's amount reader accepts."""
    text = format(float(number), "f").rstrip("0").rstrip(".")
    return text or "0"


def form_changes(claim: Claim, form: dict[str, str]) -> dict[str, str]:
    """The dashboard's edit form: the fields whose text differs from the claim as it stands."""
    now = claim_values(claim)
    changed: dict[str, str] = {}
    for name, raw in form.items():
        text = raw.strip()
        current = now.get(name)
        if name == "amount":
            current_text = "" if current is None else as_field_string("amount", current)
            same = text == current_text or (not text and current is None)
            if not same and text and current is not None:
                try:  # "7000000000 USD" and "7e9 USD" are the same amount
                    value, unit = text.split(None, 1)
                    same = (
                        float(value.replace(",", "")) == float(current["value"]) and unit == current["unit"]
                    )
                except ValueError:
                    same = False
        else:
            same = text == ("" if current is None else str(current))
        if not same:
            changed[name] = text or "none"
    return changed


def review_claim(engine: Engine, claim_id: int, request: ReviewRequest, *, reviewer: str) -> Claim:
    """Apply the review in one transaction; returns the claim as it now stands."""
    with engine.connect() as conn:
        if get_claim(conn, claim_id) is None:
            raise NotFoundError(f"no claim with id {claim_id}")
        if request.action == "accept":
            claim = review_store.accept_claim(conn, claim_id, user=reviewer)
        elif request.action == "reject":
            claim = review_store.reject_claim(conn, claim_id, why=request.reason or "", user=reviewer)
        else:
            if not request.changes:
                raise ReviewInputError("the edit changes nothing", hint="change a field, or accept the claim")
            claim = review_store.edit_claim(conn, claim_id, request.changes, user=reviewer)
        conn.commit()
    return claim
