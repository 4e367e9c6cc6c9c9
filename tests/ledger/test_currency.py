import datetime as dt

import pytest

from pledgewatch.ledger.currency import to_usd
from pledgewatch.records import Amount


def test_usd_stays_usd() -> None:
    usd = to_usd(Amount(7e9, "USD"), None)
    assert usd is not None and usd.value == 7e9 and usd.flag is None


def test_euro_converts_at_the_ecb_rate_of_the_claims_date() -> None:
    # ECB reference rate on 2023-06-21: 1 EUR = 1.0923 USD.
    usd = to_usd(Amount(50e9, "EUR"), dt.date(2023, 6, 21))
    assert usd is not None and usd.flag is None
    assert usd.value == pytest.approx(50e9 * 1.0923, rel=1e-6)


def test_rates_differ_by_date() -> None:
    early = to_usd(Amount(1e6, "EUR"), dt.date(2015, 3, 16))
    late = to_usd(Amount(1e6, "EUR"), dt.date(2021, 1, 6))
    assert early and late and early.value and late.value and early.value < late.value


def test_unknown_currency_stays_unconverted_and_flagged() -> None:
    usd = to_usd(Amount(1e9, "KZT"), dt.date(2026, 2, 20))
    assert usd is not None and usd.value is None and usd.flag == "unknown_currency"


def test_pegged_currency_converts_through_its_peg() -> None:
    usd = to_usd(Amount(3.6725e9, "AED"), dt.date(2026, 2, 20))
    assert usd is not None and usd.value == pytest.approx(1e9) and usd.flag == "peg"


def test_missing_date_uses_latest_rate_and_says_so() -> None:
    usd = to_usd(Amount(1.0, "EUR"), None)
    assert usd is not None and usd.value and usd.flag == "no_date"


def test_counts_are_not_money() -> None:
    assert to_usd(Amount(500, "scholarships"), None) is None
