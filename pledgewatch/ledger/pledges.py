"""One ledger row from its entries: status, amounts, revisions, dates, sources.

Status (DESIGN.md, "Ledger rules"), from the row's non-rejected claims:

- ``disputed``: commitments and denials from different sources;
- ``denied``: denials only;
- ``delivered``: a delivery claim and no denial of delivery; ``partial`` when the
  delivered amount is below the pledged one (in USD for money, else in the same unit);
- ``pledged``: commitments only.

A figure restated or revised ($100 million, later $150 million) counts once, at its latest
figure; the earlier ones are kept as ``revisions``.
"""

from __future__ import annotations

from collections.abc import Sequence

from pledgewatch.ledger.actors import normalise
from pledgewatch.ledger.entries import Entry, PledgeKey, same_source
from pledgewatch.records import Amount, Pledge, PledgeStatus


def derive_status(entries: Sequence[Entry], pledged: Entry | None, delivered: Entry | None) -> PledgeStatus:
    commits = [e for e in entries if e.claim.stance == "commit"]
    denies = [e for e in entries if e.claim.stance == "deny"]
    if commits and denies and any(not same_source(c, d) for c in commits for d in denies):
        return "disputed"
    if not commits:
        return "denied"
    delivers = any(e.claim.stage == "delivered" for e in commits)
    delivery_denied = any(e.claim.stage == "delivered" for e in denies)
    if delivers and not delivery_denied:
        return "partial" if _below(delivered, pledged) else "delivered"
    return "pledged"


def _below(delivered: Entry | None, pledged: Entry | None) -> bool:
    if delivered is None or pledged is None or delivered.unit is None:
        return False
    d_usd = delivered.usd.value if delivered.usd else None
    p_usd = pledged.usd.value if pledged.usd else None
    if d_usd is not None and p_usd is not None:
        return d_usd < p_usd
    if delivered.unit == pledged.unit and delivered.claim.amount and pledged.claim.amount:
        return delivered.claim.amount.value < pledged.claim.amount.value
    return False


def _dimension(entry: Entry) -> str:
    """Money compares across currencies (through USD); counts compare within one canonical unit."""
    amount = entry.claim.amount
    return "money" if amount is not None and amount.is_money else (entry.unit or "")


def latest_amount(entries: Sequence[Entry]) -> tuple[Entry | None, tuple[Amount, ...]]:
    """The latest figure and, oldest first, the different figures it revised (same dimension)."""
    with_amount = [e for e in entries if e.claim.amount is not None]
    if not with_amount:
        return None, ()
    latest = with_amount[-1]
    dimension = _dimension(latest)
    current = _figure(latest)
    revisions: list[Amount] = []
    seen = {current}
    for entry in with_amount[:-1]:
        amount = entry.claim.amount
        if amount is None or _dimension(entry) != dimension or _figure(entry) in seen:
            continue
        seen.add(_figure(entry))
        revisions.append(amount)
    return latest, tuple(revisions)


def _figure(entry: Entry) -> tuple[str, float]:
    """What a figure says, whatever words it uses: 500 grants is 500 scholarships."""
    amount = entry.claim.amount
    return (entry.unit or "", amount.value if amount is not None else 0.0)


def _recipients(entries: Sequence[Entry]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for entry in entries:
        recipient = entry.claim.recipient
        if recipient:
            seen.setdefault(normalise(recipient), recipient.strip())
    return tuple(seen[k] for k in sorted(seen))


def _flags(*picked: Entry | None) -> tuple[str, ...]:
    flags = set()
    for entry in picked:
        if entry is not None and entry.usd is not None and entry.usd.flag and entry.claim.amount:
            flags.add(f"{entry.usd.flag}:{entry.claim.amount.unit}")
    return tuple(sorted(flags))


def build_pledge(key: PledgeKey, entries: Sequence[Entry]) -> Pledge:
    """The row for ``key``; ``entries`` must be in ``Entry.order()``."""
    pledges = [e for e in entries if e.claim.stance == "commit" and e.claim.stage == "pledge"]
    deliveries = [e for e in entries if e.claim.stance == "commit" and e.claim.stage == "delivered"]
    denials = [e for e in entries if e.claim.stance == "deny"]
    pledged, revisions = latest_amount(pledges)
    delivered, _ = latest_amount(deliveries)
    denied, _ = latest_amount(denials)
    units: tuple[str, ...] = ()
    reference = pledged or delivered or denied
    ref_amount = reference.claim.amount if reference is not None else None
    if reference is not None and ref_amount is not None and not ref_amount.is_money:
        same_unit = {e.claim.amount.unit for e in entries if e.claim.amount and e.unit == reference.unit}
        units = tuple(sorted(same_unit))
    dates = [e.reported for e in entries if e.reported is not None]
    ids = sorted({e.claim.id for e in entries if e.claim.id is not None})
    return Pledge(
        initiative=key.initiative,
        donor=key.donor,
        category=key.category,  # type: ignore[arg-type]
        status=derive_status(entries, pledged, delivered),
        recipient=next((e.claim.recipient.strip() for e in reversed(entries) if e.claim.recipient), None),
        group=key.group,
        pledged=pledged.claim.amount if pledged else None,
        delivered=delivered.claim.amount if delivered else None,
        denied=denied.claim.amount if denied else None,
        pledged_usd=pledged.usd.value if pledged and pledged.usd else None,
        delivered_usd=delivered.usd.value if delivered and delivered.usd else None,
        first_reported=min(dates) if dates else None,
        last_reported=max(dates) if dates else None,
        sources=len({e.doc_id for e in entries}),
        claim_ids=tuple(ids),
        revisions=revisions,
        denied_usd=denied.usd.value if denied and denied.usd else None,
        recipients=_recipients(entries),
        units=units,
        pledged_bound=pledged.claim.bound if pledged else None,
        usd_flags=_flags(pledged, delivered, denied),
    )
