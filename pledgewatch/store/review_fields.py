"""The claim fields an analyst may edit, and how a typed value is read and checked."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from pledgewatch.errors import ReviewFieldError
from pledgewatch.records import BOUNDS, CATEGORIES, STAGES, STANCES, Amount, Claim

FIELDS: tuple[str, ...] = (
    "donors",
    "stance",
    "stage",
    "category",
    "amount",
    "bound",
    "collective",
    "recipient",
    "period",
    "speaker",
    "date",
)
_CHOICES = {"stance": STANCES, "stage": STAGES, "category": CATEGORIES, "bound": BOUNDS}
_NONE = {"", "none", "null", "-"}


def parse_amount(raw: str) -> Amount | None:
    """``"7000000000 USD"``, ``"7e9 USD"``, ``"1,200,000,000 USD"``, ``"500 scholarships"``; "none" clears.

    Money is an upper-case ISO 4217 code, as in the claims contract."""
    if raw.strip().lower() in _NONE:
        return None
    match = re.fullmatch(r"\s*([0-9][0-9,_]*(?:\.[0-9]+)?(?:e[0-9]+)?)\s+(.+?)\s*", raw, flags=re.I)
    if match is None:
        raise ReviewFieldError(
            f"amount {raw!r} is not 'VALUE UNIT' (e.g. '7000000000 USD', '500 scholarships')"
        )
    value = float(match.group(1).replace(",", "").replace("_", ""))
    unit = match.group(2)
    return Amount(value, unit)


def parse_field(name: str, raw: str) -> Any:
    """The typed value of ``--NAME RAW``; a bad name or value raises ReviewFieldError (PW403)."""
    if name not in FIELDS:
        raise ReviewFieldError(f"cannot edit field {name!r}")
    text = raw.strip()
    if name == "donors":
        donors = tuple(d.strip() for d in re.split(r"[;,]", text) if d.strip())
        if not donors:
            raise ReviewFieldError("donors: give at least one name (comma-separated)")
        return donors
    if name in _CHOICES:
        if name == "bound" and text.lower() in _NONE:
            return None
        if text not in _CHOICES[name]:
            raise ReviewFieldError(f"{name} must be one of {', '.join(_CHOICES[name])}, not {raw!r}")
        return text
    if name == "amount":
        return parse_amount(text)
    if name == "collective":
        if text.lower() not in ("true", "false", "yes", "no"):
            raise ReviewFieldError(f"collective must be true or false, not {raw!r}")
        return text.lower() in ("true", "yes")
    if name == "date":
        if text.lower() in _NONE:
            return None
        try:
            return dt.date.fromisoformat(text)
        except ValueError as error:
            raise ReviewFieldError(f"date must be YYYY-MM-DD, not {raw!r}") from error
    return None if text.lower() in _NONE else text


def claim_values(claim: Claim) -> dict[str, Any]:
    """The editable fields of a claim as JSON values (what the review log records)."""
    return {
        "donors": list(claim.donors),
        "stance": claim.stance,
        "stage": claim.stage,
        "category": claim.category,
        "amount": claim.amount.to_spec() if claim.amount else None,
        "bound": claim.bound,
        "collective": claim.collective,
        "recipient": claim.recipient,
        "period": claim.period,
        "speaker": claim.speaker,
        "date": claim.date.isoformat() if claim.date else None,
    }
