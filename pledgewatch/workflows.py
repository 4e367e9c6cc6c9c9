"""The stages composed: what the CLI, the API and batch jobs call.

``ingest`` reads sources, extracts the claims of every new document and stores each
document with its claims in one transaction; a document that fails is reported and
the batch goes on. ``build_demo`` fills a fresh database from the bundled corpus.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import IO, Literal

from sqlalchemy import Connection, Engine

from pledgewatch.errors import PledgewatchError
from pledgewatch.records import Document, Extraction
from pledgewatch.sources import SourceDefaults, SourceFailure, list_inputs, read_input

EventKind = Literal["listed", "stored", "duplicate", "failed", "input_done"]
BATCH_SIZE = 32


@dataclass(frozen=True, slots=True)
class IngestEvent:
    kind: EventKind
    path: str
    doc_id: str | None = None
    error: PledgewatchError | None = None
    claims: int = 0
    total: int = 0  # "listed": how many inputs (files, stdin) the batch has


@dataclass(slots=True)
class IngestSummary:
    inputs: int = 0
    stored: int = 0
    duplicates: int = 0
    failed: int = 0
    claims: int = 0
    memberships: int = 0
    errors: list[PledgewatchError] = field(default_factory=list)

    def line(self) -> str:
        return f"stored {self.stored}, duplicates {self.duplicates}, failed {self.failed}"


def extract_batch(items: Sequence[tuple[str, dt.date | None]], workers: int = 0) -> list[Extraction]:
    """The one place ingest calls the extractor: worker processes when available, else in line."""
    try:
        from pledgewatch.extract.parallel import extract_many
    except ImportError:
        from pledgewatch.extract import extract

        return [extract(text, published) for text, published in items]
    return list(extract_many(items, workers=workers))


def ingest(
    engine: Engine,
    paths: Iterable[str],
    *,
    defaults: SourceDefaults | None = None,
    max_bytes: int,
    workers: int = 0,
    stdin: IO[bytes] | None = None,
    on_event: Callable[[IngestEvent], None] | None = None,
    batch_size: int = BATCH_SIZE,
) -> IngestSummary:
    """Store the documents under ``paths`` with their claims; one transaction per document."""
    summary = IngestSummary()
    inputs = list_inputs(paths)
    summary.inputs = len(inputs)
    if on_event is not None:
        on_event(IngestEvent("listed", "", total=len(inputs)))

    def emit(event: IngestEvent) -> None:
        if event.kind == "failed" and event.error is not None:
            summary.failed += 1
            summary.errors.append(event.error)
        elif event.kind == "stored":
            summary.stored += 1
        elif event.kind == "duplicate":
            summary.duplicates += 1
        if on_event is not None:
            on_event(event)

    pending: list[Document] = []
    with engine.connect() as conn:
        for item in inputs:
            for got in read_input(
                item, defaults=defaults or SourceDefaults(), max_bytes=max_bytes, stdin=stdin
            ):
                if isinstance(got, SourceFailure):
                    emit(IngestEvent("failed", got.path, error=got.error))
                    continue
                pending.append(got)
                if len(pending) >= batch_size:
                    _store_batch(conn, pending, workers, emit, summary)
                    pending = []
            emit(IngestEvent("input_done", item.path))
        _store_batch(conn, pending, workers, emit, summary)
    return summary


def _store_batch(
    conn: Connection,
    documents: list[Document],
    workers: int,
    emit: Callable[[IngestEvent], None],
    summary: IngestSummary,
) -> None:
    from pledgewatch.store.documents import known_hashes, save_document

    if not documents:
        return
    known = known_hashes(conn, (d.content_hash for d in documents))
    conn.rollback()  # end the read's implicit transaction: each document gets its own
    new = [d for d in documents if d.content_hash not in known]
    for document in documents:
        if document.content_hash in known:
            emit(IngestEvent("duplicate", _where(document), doc_id=document.doc_id))
    for document, extraction in zip(new, _extract_each(new, workers), strict=True):
        if isinstance(extraction, PledgewatchError):
            emit(IngestEvent("failed", _where(document), doc_id=document.doc_id, error=extraction))
            continue
        try:
            result = save_document(conn, document, extraction)
        except PledgewatchError as error:
            emit(IngestEvent("failed", _where(document), doc_id=document.doc_id, error=error))
            continue
        if result.stored:
            summary.claims += result.claims
            summary.memberships += result.memberships
        kind: EventKind = "stored" if result.stored else "duplicate"
        emit(IngestEvent(kind, _where(document), doc_id=result.doc_id, claims=result.claims))


def _extract_each(documents: list[Document], workers: int) -> list[Extraction | PledgewatchError]:
    """Extract a batch; when it fails, extract one by one so only the failing document is lost."""
    items = [(d.text, d.published) for d in documents]
    try:
        return list(extract_batch(items, workers))
    except Exception:
        pass
    results: list[Extraction | PledgewatchError] = []
    for document, item in zip(documents, items, strict=True):
        try:
            results.extend(extract_batch([item], 1))
        except PledgewatchError as error:
            results.append(error)
        except Exception as error:  # an extractor bug must not take the batch down
            results.append(
                PledgewatchError(f"extraction failed: {type(error).__name__}: {error}", path=_where(document))
            )
    return results


def _where(document: Document) -> str:
    return document.source_path or document.doc_id


# --- demo ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DemoResult:
    summary: IngestSummary
    documents: list[Document]
    claims_per_document: dict[str, int]


def build_demo(
    db_url: str, *, workers: int = 0, on_event: Callable[[IngestEvent], None] | None = None
) -> DemoResult:
    """A fresh database at ``db_url`` holding the bundled demo corpus."""
    from pledgewatch.config import DEFAULT_MAX_BYTES
    from pledgewatch.demo import DEMO_INITIATIVE, corpus_dir
    from pledgewatch.store import make_engine
    from pledgewatch.store.documents import count_claims, list_documents
    from pledgewatch.store.engine import reset_database

    reset_database(db_url)
    engine = make_engine(db_url)
    try:
        summary = ingest(
            engine,
            [str(corpus_dir())],
            defaults=SourceDefaults(initiative=DEMO_INITIATIVE),
            max_bytes=DEFAULT_MAX_BYTES,
            workers=workers,
            on_event=on_event,
        )
        with engine.connect() as conn:
            documents = list_documents(conn, limit=None)
            claims = {d.doc_id: count_claims(conn, doc_id=d.doc_id) for d in documents}
    finally:
        engine.dispose()
    return DemoResult(summary=summary, documents=documents, claims_per_document=claims)
