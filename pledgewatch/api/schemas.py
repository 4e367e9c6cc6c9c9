"""What the JSON API sends and accepts. Field names are those of ``records.py``.

Responses are built from the records with ``from_attributes``; the OpenAPI schema at
/openapi.json is generated from these models, and schemathesis checks every response
against it.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field
from pydantic.json_schema import SkipJsonSchema

from pledgewatch.records import Bound, Category, ConflictKind, PledgeStatus, ReviewState, Stage, Stance

T = TypeVar("T")
Unset = SkipJsonSchema[None]  # may be sent as null (meaning: unchanged) but is not documented so


class Record(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class Page(BaseModel, Generic[T]):
    """One page of a list. Ask for the next with ``offset=next_offset``; null means the end."""

    items: list[T]
    limit: int
    offset: int
    next_offset: int | None = Field(description="offset of the next page, null on the last page")


class AmountOut(Record):
    value: float
    unit: str = Field(description="ISO 4217 code for money, a plural noun for counts")


class EvidenceOut(Record):
    text: str = Field(description="the sentence, exactly as in the document")
    start: int = Field(description="character offset of the sentence in the document text")
    end: int


class ClaimOut(Record):
    id: int | None
    doc_id: str | None
    donors: list[str]
    stance: Stance
    stage: Stage
    category: Category
    amount: AmountOut | None = None
    bound: Bound | None = None
    collective: bool = False
    recipient: str | None = None
    period: str | None = None
    speaker: str | None = None
    date: dt.date | None = None
    evidence: EvidenceOut
    rule: str = ""
    extractor_version: str | None = None
    review_state: ReviewState = "machine"
    published: dt.date | None = None


class DocumentOut(Record):
    doc_id: str
    content_hash: str
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    initiative: str | None = None


class DocumentDetail(DocumentOut):
    text: str
    claims: list[ClaimOut]


class DocumentIn(BaseModel):
    """A document to store, extract and add to the ledger."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, description="the full text, UTF-8")
    doc_id: str | None = Field(
        None,
        min_length=1,
        max_length=300,
        pattern=r"^[\w.:@-]+$",
        description="default: derived from the text",
    )
    title: str | None = Field(None, max_length=2000)
    url: str | None = Field(None, max_length=2000)
    outlet: str | None = Field(None, max_length=300)
    published: dt.date | None = None
    initiative: str | None = Field(None, max_length=300)


class IngestOut(BaseModel):
    doc_id: str
    stored: bool = Field(description="false when a document with the same text was already stored")
    claims: int


class PledgeOut(Record):
    id: int | None
    initiative: str
    donor: str
    category: Category
    status: PledgeStatus
    recipient: str | None = None
    group: list[str] = Field(default_factory=list, description="members of a joint pledge")
    pledged: AmountOut | None = None
    delivered: AmountOut | None = None
    denied: AmountOut | None = None
    pledged_usd: float | None = None
    delivered_usd: float | None = None
    first_reported: dt.date | None = None
    last_reported: dt.date | None = None
    sources: int = 0
    claim_ids: list[int] = Field(default_factory=list)
    revisions: list[AmountOut] = Field(default_factory=list)
    denied_usd: float | None = None
    recipients: list[str] = Field(default_factory=list)
    units: list[str] = Field(default_factory=list)
    pledged_bound: Bound | None = None
    usd_flags: list[str] = Field(default_factory=list)


class ConflictOut(Record):
    id: int | None
    pledge_id: int | None = Field(description="the ledger row this conflict is about")
    kind: ConflictKind
    initiative: str
    donor: str
    category: Category
    claim_ids_a: list[int]
    claim_ids_b: list[int]
    detail: str = ""


class DonorOut(Record):
    donor: str
    pledges: int = Field(description="single-donor ledger rows")
    pledged_usd: float | None = Field(description="sum of the known USD figures; null when none is known")
    delivered_usd: float | None = None


class DonorDetail(DonorOut):
    conflicts: int
    ledger: list[PledgeOut] = Field(description="its own rows and the joint pledges it is a member of")


class AmountIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    value: float = Field(ge=0, le=1e15, allow_inf_nan=False)
    unit: str = Field(min_length=1, max_length=50, pattern=r"^[A-Za-z][A-Za-z -]*$")


DonorName = Annotated[str, Field(min_length=1, max_length=300, pattern=r"^[^,;]*[^,;\s][^,;]*$")]


class ClaimEdit(BaseModel):
    """Fields an analyst corrects: those left out keep their value; null clears an optional one."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"minProperties": 1})

    donors: Annotated[list[DonorName], Field(min_length=1, max_length=50)] | Unset = None
    stance: Stance | Unset = None
    stage: Stage | Unset = None
    category: Category | Unset = None
    amount: AmountIn | None = None
    bound: Bound | None = None
    collective: bool | Unset = None
    recipient: str | None = Field(None, max_length=2000)
    period: str | None = Field(None, max_length=2000)
    speaker: str | None = Field(None, max_length=300)
    date: dt.date | None = None

    def changes(self) -> dict[str, object]:
        """The fields given; a null for a field that cannot be empty means no change."""
        given = self.model_dump(exclude_unset=True)
        return {k: v for k, v in given.items() if v is not None or k not in NOT_CLEARABLE}


NOT_CLEARABLE = ("donors", "stance", "stage", "category", "collective")


class RejectIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: str = Field("", max_length=2000, description="why the claim is wrong")


class ReviewOut(BaseModel):
    claim: ClaimOut
    action: Literal["accept", "reject", "edit"]
    reviewer: str


class StageTotalOut(BaseModel):
    usd: float | None = Field(description="sum of the known USD figures; null when none is known")
    rows: int = Field(description="ledger rows with this stage")
    unknown: int = Field(description="of them, rows whose amount is unknown")
    unconverted: list[AmountOut] = Field(description="money figures with no USD rate")
    counts: dict[str, float] = Field(description="counted amounts by unit (troops, scholarships)")


class CategoryStatusOut(BaseModel):
    category: Category
    status: PledgeStatus
    pledges: int
    pledged_usd: float | None
    delivered_usd: float | None


class SummaryOut(BaseModel):
    """The ledger's totals: pledged, delivered and denied side by side, never added together."""

    pledged: StageTotalOut
    delivered: StageTotalOut
    denied: StageTotalOut
    joint_pledged: StageTotalOut
    joint_delivered: StageTotalOut
    by_category_and_status: list[CategoryStatusOut]
    conflicts: int
