"""The stages composed: what the CLI, the API and batch jobs call.

``ingest`` reads sources, extracts the claims of every new document and stores each
document with its claims in one transaction; a document that fails is reported and
the batch goes on. ``build_demo`` fills a fresh database from the bundled corpus.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, Literal

from sqlalchemy import Connection, Engine

from pledgewatch.errors import ExtractionFailedError, PledgewatchError
from pledgewatch.records import Document, Extraction
from pledgewatch.sources import Input, SourceDefaults, SourceFailure, list_inputs, read_input

if TYPE_CHECKING:
    from pledgewatch.store.review import ReextractResult

EventKind = Literal["listed", "stored", "duplicate", "failed", "input_done"]


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


def extract_stream(items: Iterable[tuple[str, dt.date | None]], workers: int = 0) -> Iterator[Extraction]:
    """The one place ingest calls the extractor: in input order, in worker processes for big batches."""
    from pledgewatch.extract.parallel import extract_many

    return extract_many(items, workers=workers)


def ingest(
    engine: Engine,
    paths: Iterable[str],
    *,
    defaults: SourceDefaults | None = None,
    max_bytes: int,
    workers: int = 0,
    stdin: IO[bytes] | None = None,
    on_event: Callable[[IngestEvent], None] | None = None,
) -> IngestSummary:
    """Store the documents under ``paths`` with their claims; one transaction per document.

    Documents stream from the sources through the extractor into the store: already
    stored texts are skipped before extraction, and a document that fails (reading,
    extracting or storing) is reported through ``on_event`` while the batch goes on.
    At the end, the ledger rows the new claims touch are refreshed (one transaction).
    """
    from pledgewatch.store.documents import save_document

    summary = IngestSummary()
    inputs = list_inputs(paths)
    summary.inputs = len(inputs)
    stored: list[str] = []

    def emit(event: IngestEvent) -> None:
        if event.kind == "failed" and event.error is not None:
            summary.failed += 1
            summary.errors.append(event.error)
        elif event.kind == "stored" and event.doc_id is not None:
            summary.stored += 1
            stored.append(event.doc_id)
        elif event.kind == "duplicate":
            summary.duplicates += 1
        if on_event is not None:
            on_event(event)

    emit(IngestEvent("listed", "", total=len(inputs)))
    with engine.connect() as reader, engine.connect() as writer:
        documents = _new_documents(
            inputs, reader, emit, defaults=defaults or SourceDefaults(), max_bytes=max_bytes, stdin=stdin
        )
        for document, extraction in _extracted(documents, workers):
            where = _where(document)
            if isinstance(extraction, PledgewatchError):
                emit(IngestEvent("failed", where, doc_id=document.doc_id, error=extraction))
                continue
            try:
                result = save_document(writer, document, extraction)
            except PledgewatchError as error:
                emit(IngestEvent("failed", where, doc_id=document.doc_id, error=error))
                continue
            if result.stored:
                summary.claims += result.claims
                summary.memberships += result.memberships
            kind: EventKind = "stored" if result.stored else "duplicate"
            emit(IngestEvent(kind, where, doc_id=result.doc_id, claims=result.claims))
    refresh_ledger(engine, stored)
    return summary


def _new_documents(
    inputs: list[Input],
    reader: Connection,
    emit: Callable[[IngestEvent], None],
    *,
    defaults: SourceDefaults,
    max_bytes: int,
    stdin: IO[bytes] | None,
) -> Iterator[Document]:
    """The readable documents not stored yet; failures and known texts are reported, not yielded."""
    from pledgewatch.store.documents import stored_doc_id

    for item in inputs:
        for got in read_input(item, defaults=defaults, max_bytes=max_bytes, stdin=stdin):
            if isinstance(got, SourceFailure):
                emit(IngestEvent("failed", got.path, error=got.error))
                continue
            known = stored_doc_id(reader, got.content_hash)
            reader.rollback()  # no read transaction left open while the writer works
            if known is not None:
                emit(IngestEvent("duplicate", _where(got), doc_id=known))
            else:
                yield got
        emit(IngestEvent("input_done", item.path))


def _extracted(
    documents: Iterator[Document], workers: int
) -> Iterator[tuple[Document, Extraction | PledgewatchError]]:
    """Each document with its extraction, in order; when the extractor fails, the documents in
    flight are extracted one by one (so only the failing one is lost) and the stream goes on."""
    source_error: list[BaseException] = []
    while True:
        in_flight: deque[Document] = deque()
        try:
            for extraction in extract_stream(_feed(documents, in_flight, source_error), workers):
                yield in_flight.popleft(), extraction
            return
        except Exception:
            if source_error:
                raise
            while in_flight:
                document = in_flight.popleft()
                yield document, _extract_one(document)


def _feed(
    documents: Iterator[Document], in_flight: deque[Document], source_error: list[BaseException]
) -> Iterator[tuple[str, dt.date | None]]:
    """The extractor's input; remembers the documents whose extraction has not come back yet."""
    while True:
        try:
            document = next(documents)
        except StopIteration:
            return
        except BaseException as error:  # reading or the store failed: not the extractor's fault
            source_error.append(error)
            raise
        in_flight.append(document)
        yield document.text, document.published


def _extract_one(document: Document) -> Extraction | PledgewatchError:
    try:
        return next(extract_stream([(document.text, document.published)], workers=1))
    except PledgewatchError as error:
        return error
    except Exception as error:  # an extractor bug must not take the batch down
        message = f"extraction failed: {type(error).__name__}: {error}"
        return ExtractionFailedError(message, path=_where(document))


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
    """A fresh database at ``db_url`` holding the bundled demo corpus and its ledger."""
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


# --- ledger (added by LEDGER) -------------------------------------------------------------


def refresh_ledger(engine: Engine, doc_ids: Sequence[str]) -> None:
    """Bring the ledger rows that these stored documents' claims touch up to date (incremental)."""
    from pledgewatch.store.ledger import refresh_for_documents

    if not doc_ids:
        return
    with engine.connect() as conn:
        refresh_for_documents(conn, doc_ids)
        conn.commit()


def reextract(
    engine: Engine, doc_ids: Sequence[str] | None, *, user: str, workers: int = 0
) -> list[ReextractResult]:
    """Run the current extractor again over stored documents (all of them when ``doc_ids`` is
    None): machine claims are replaced, reviewed ones never touched, touched ledger rows refreshed.
    One transaction per document."""
    from pledgewatch.errors import ReviewDocumentNotFoundError
    from pledgewatch.store.documents import get_document, list_documents
    from pledgewatch.store.review import reextract_document

    results: list[ReextractResult] = []
    with engine.connect() as conn:
        if doc_ids:
            found = [get_document(conn, d) for d in doc_ids]
            missing = [d for d, doc in zip(doc_ids, found, strict=True) if doc is None]
            if missing:
                raise ReviewDocumentNotFoundError(f"no document {missing[0]!r}")
            documents = [d for d in found if d is not None]
        else:
            documents = list_documents(conn, limit=None)
        conn.rollback()
        extractions = extract_stream([(d.text, d.published) for d in documents], workers)
        for document, extraction in zip(documents, extractions, strict=True):
            results.append(reextract_document(conn, document.doc_id, extraction, user=user))
            conn.commit()
    return results
