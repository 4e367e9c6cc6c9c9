"""What every route shares: a database connection per request, paging, and the page shape."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Query, Request
from sqlalchemy import Connection

from pledgewatch.api.security import Principal, require_reader, require_writer

MAX_LIMIT = 500
T = TypeVar("T")


def connection(request: Request) -> Iterator[Connection]:
    with request.app.state.engine.connect() as conn:
        yield conn


@dataclass(frozen=True, slots=True)
class Paging:
    limit: int
    offset: int

    @property
    def fetch(self) -> int:
        """One more than a page, to know whether there is a next one."""
        return self.limit + 1


def paging(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="items per page")] = 50,
    offset: Annotated[int, Query(ge=0, le=10_000_000, description="items to skip")] = 0,
) -> Paging:
    return Paging(limit=limit, offset=offset)


def page_of(items: Sequence[T], paging: Paging, convert: Any) -> dict[str, Any]:
    """The page dict for ``items`` fetched with ``paging.fetch``."""
    more = len(items) > paging.limit
    return {
        "items": [convert(item) for item in items[: paging.limit]],
        "limit": paging.limit,
        "offset": paging.offset,
        "next_offset": paging.offset + paging.limit if more else None,
    }


Conn = Annotated[Connection, Depends(connection)]
Page = Annotated[Paging, Depends(paging)]
Reader = Annotated[Principal | None, Depends(require_reader)]
Writer = Annotated[Principal, Depends(require_writer)]
