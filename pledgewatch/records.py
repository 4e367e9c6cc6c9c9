"""The records every stage shares: one frozen dataclass per concept.

The same word names the same thing everywhere: a *claim* is a claim in the
extractor, the tables, the API and the CSV. Field names and values follow
``spec/claims.md`` (version 1); ``Claim.to_spec()`` and ``Membership.to_spec()``
give exactly the JSON of that contract.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

Stance = Literal["commit", "deny"]
Stage = Literal["pledge", "delivered"]
Bound = Literal["min", "max", "approx"]
Category = Literal[
    "funding", "food", "medical", "security", "education", "reconstruction", "expertise", "humanitarian"
]
Action = Literal["joined", "signed_charter", "accepted_invitation", "declined", "withdrew"]
ReviewState = Literal["machine", "accepted", "rejected", "edited"]
PledgeStatus = Literal["pledged", "delivered", "partial", "denied", "disputed"]
ConflictKind = Literal["stance", "stage", "amount", "date"]

STANCES: tuple[str, ...] = ("commit", "deny")
STAGES: tuple[str, ...] = ("pledge", "delivered")
BOUNDS: tuple[str, ...] = ("min", "max", "approx")
CATEGORIES: tuple[str, ...] = (
    "funding",
    "food",
    "medical",
    "security",
    "education",
    "reconstruction",
    "expertise",
    "humanitarian",
)
ACTIONS: tuple[str, ...] = ("joined", "signed_charter", "accepted_invitation", "declined", "withdrew")
REVIEW_STATES: tuple[str, ...] = ("machine", "accepted", "rejected", "edited")
PLEDGE_STATUSES: tuple[str, ...] = ("pledged", "delivered", "partial", "denied", "disputed")
CONFLICT_KINDS: tuple[str, ...] = ("stance", "stage", "amount", "date")


@dataclass(frozen=True, slots=True)
class Document:
    """One article, press release or statement, with its text exactly as stored.

    Evidence offsets of every claim point into ``text``; ``content_hash`` (sha256 of
    the text) identifies the document: storing the same text twice is a no-op.
    """

    doc_id: str
    text: str
    content_hash: str
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    initiative: str | None = None
    source_path: str | None = None


@dataclass(frozen=True, slots=True)
class Amount:
    """Money (``unit`` an ISO 4217 code, ``value`` in units of it) or a count
    (``unit`` a plural lowercase noun: ``troops``, ``scholarships``)."""

    value: float
    unit: str

    @property
    def is_money(self) -> bool:
        return len(self.unit) == 3 and self.unit.isupper()

    def to_spec(self) -> dict[str, Any]:
        value: float | int = int(self.value) if float(self.value).is_integer() else self.value
        return {"value": value, "unit": self.unit}


@dataclass(frozen=True, slots=True)
class Evidence:
    """The sentence that carries a claim, and where it stands in the document text."""

    text: str
    start: int
    end: int

    def check(self, document_text: str) -> bool:
        """True when the offsets point at exactly this sentence."""
        return document_text[self.start : self.end] == self.text


@dataclass(frozen=True, slots=True)
class Claim:
    """One assertion that donors committed to, delivered, or denied a contribution."""

    donors: tuple[str, ...]
    stance: Stance
    stage: Stage
    category: Category
    evidence: Evidence
    amount: Amount | None = None
    bound: Bound | None = None
    collective: bool = False
    recipient: str | None = None
    period: str | None = None
    speaker: str | None = None
    date: dt.date | None = None
    rule: str = ""
    # Set by the store, not by the extractor.
    id: int | None = None
    doc_id: str | None = None
    extractor_version: str | None = None
    review_state: ReviewState = "machine"
    published: dt.date | None = None

    def to_spec(self) -> dict[str, Any]:
        """The claim as the JSON of ``spec/claims.md``; optional fields only when set."""
        out: dict[str, Any] = {
            "donors": list(self.donors),
            "stance": self.stance,
            "stage": self.stage,
            "category": self.category,
        }
        if self.amount is not None:
            out["amount"] = self.amount.to_spec()
        if self.bound is not None:
            out["bound"] = self.bound
        if self.collective:
            out["collective"] = True
        for name in ("recipient", "period", "speaker"):
            value = getattr(self, name)
            if value:
                out[name] = value
        if self.date is not None:
            out["date"] = self.date.isoformat()
        out["evidence"] = self.evidence.text
        return out


@dataclass(frozen=True, slots=True)
class Membership:
    """What a state or organisation did about membership of the initiative."""

    member: str
    action: Action
    evidence: Evidence
    date: dt.date | None = None
    rule: str = ""
    id: int | None = None
    doc_id: str | None = None

    def to_spec(self) -> dict[str, Any]:
        out: dict[str, Any] = {"member": self.member, "action": self.action}
        if self.date is not None:
            out["date"] = self.date.isoformat()
        out["evidence"] = self.evidence.text
        return out


@dataclass(frozen=True, slots=True)
class Extraction:
    """What the extractor read out of one text."""

    claims: tuple[Claim, ...] = ()
    memberships: tuple[Membership, ...] = ()
    extractor_version: str = ""

    def to_spec(self, doc_id: str) -> dict[str, Any]:
        return {
            "doc_id": doc_id,
            "claims": [c.to_spec() for c in self.claims],
            "memberships": [m.to_spec() for m in self.memberships],
        }


@dataclass(frozen=True, slots=True)
class Pledge:
    """One ledger row: initiative x donor x category (x recipient when named)."""

    initiative: str
    donor: str
    category: Category
    status: PledgeStatus
    recipient: str | None = None
    group: tuple[str, ...] = ()  # members of a joint pledge; empty for a single donor
    pledged: Amount | None = None
    delivered: Amount | None = None
    denied: Amount | None = None
    pledged_usd: float | None = None
    delivered_usd: float | None = None
    first_reported: dt.date | None = None
    last_reported: dt.date | None = None
    sources: int = 0
    claim_ids: tuple[int, ...] = ()
    revisions: tuple[Amount, ...] = ()
    id: int | None = None
    # Added by the ledger (optional, at the end): the denied amount in USD, every named
    # recipient, the units its claims use for the counted amount ("grants", "scholarships"),
    # the bound of the pledged figure, and why a USD figure is missing or approximate.
    denied_usd: float | None = None
    recipients: tuple[str, ...] = ()
    units: tuple[str, ...] = ()
    pledged_bound: Bound | None = None
    usd_flags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Conflict:
    """Where sources disagree about one pledge; both sides keep their claims."""

    kind: ConflictKind
    initiative: str
    donor: str
    category: Category
    claim_ids_a: tuple[int, ...] = field(default_factory=tuple)
    claim_ids_b: tuple[int, ...] = field(default_factory=tuple)
    detail: str = ""
    id: int | None = None
