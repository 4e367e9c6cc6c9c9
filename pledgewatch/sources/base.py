"""What every reader shares: metadata defaults, the failure record, building a Document."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, replace
from typing import Any

from pledgewatch.errors import MetadataError, SourceError
from pledgewatch.records import Document

META_KEYS: tuple[str, ...] = ("id", "url", "title", "published", "outlet", "initiative")


@dataclass(frozen=True, slots=True)
class SourceDefaults:
    """Metadata for documents that do not carry their own (command-line options)."""

    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    initiative: str | None = None


@dataclass(frozen=True, slots=True)
class SourceFailure:
    """A document that could not be read, and why; the batch goes on without it."""

    path: str
    line: int | None
    error: SourceError


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF; nothing else changes, so offsets computed later hold."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_date(value: Any, *, path: str, line: int | None = None, field: str = "published") -> dt.date | None:
    """An ISO date (or datetime, whose date is kept); None stays None."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value if not isinstance(value, dt.datetime) else value.date()
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value[:10]) if len(value) >= 10 else dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise MetadataError(f"{field} {value!r} is not a date (YYYY-MM-DD)", path=path, line=line)


def make_document(
    text: str,
    doc_id: str,
    *,
    defaults: SourceDefaults | None = None,
    source_path: str | None = None,
    **meta: Any,
) -> Document:
    """A Document of ``text``; ``meta`` (url, title, outlet, published, initiative) wins over defaults."""
    base = defaults or SourceDefaults()
    document = Document(
        doc_id=doc_id,
        text=text,
        content_hash=content_hash(text),
        url=base.url,
        title=base.title,
        outlet=base.outlet,
        published=base.published,
        initiative=base.initiative,
        source_path=source_path,
    )
    given = {key: value for key, value in meta.items() if value not in (None, "")}
    return replace(document, **given) if given else document
