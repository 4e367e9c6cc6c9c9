"""Documents sent over HTTP go through the same ingest workflow as ``pledgewatch ingest``.

The API's JSON body becomes a one-line JSON Lines file, an uploaded file keeps its
(sanitised) name; either is written to a private temporary directory and handed to
``workflows.ingest``, so reading (charset, HTML, JSONL), extraction, the one
transaction per document and the ledger refresh are exactly the CLI's.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from pledgewatch.config import Settings
from pledgewatch.errors import DocumentNotStoredError, PledgewatchError
from pledgewatch.sources import SourceDefaults
from pledgewatch.workflows import IngestEvent, ingest

SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
ALLOWED_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm", ".jsonl")


@dataclass(frozen=True, slots=True)
class Submitted:
    doc_id: str
    stored: bool
    claims: int


def _run(
    engine: Engine, settings: Settings, path: Path, defaults: SourceDefaults
) -> tuple[list[Submitted], list[PledgewatchError]]:
    done: list[Submitted] = []

    def on_event(event: IngestEvent) -> None:
        if event.kind in ("stored", "duplicate") and event.doc_id is not None:
            done.append(Submitted(event.doc_id, event.kind == "stored", event.claims))

    summary = ingest(
        engine, [str(path)], defaults=defaults, max_bytes=settings.max_bytes, workers=1, on_event=on_event
    )
    return done, list(summary.errors)


def submit_document(
    engine: Engine,
    settings: Settings,
    *,
    text: str,
    doc_id: str | None,
    source: str,
    **meta: Any,
) -> Submitted:
    """Store one document given as text (the API's POST); raises its error when it fails."""
    ident = doc_id or "doc-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    record = {"id": ident, "text": text}
    for key, value in meta.items():
        if value not in (None, ""):
            record[key] = value.isoformat() if isinstance(value, dt.date) else value
    with tempfile.TemporaryDirectory(prefix="pledgewatch-") as tmp:
        path = Path(tmp) / f"{SAFE_NAME.sub('_', source)}.jsonl"
        path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
        done, errors = _run(engine, settings, path, SourceDefaults())
    if errors:
        errors[0].path = "request body"
        raise errors[0]
    if not done:
        raise DocumentNotStoredError("the document was neither stored nor refused", path="request body")
    return done[0]


def submit_upload(
    engine: Engine,
    settings: Settings,
    *,
    filename: str,
    data: bytes,
    meta: dict[str, Any],
    source: str,
) -> tuple[list[Submitted], list[PledgewatchError]]:
    """Store an uploaded file (text, HTML or JSON Lines: one or more documents)."""
    name = SAFE_NAME.sub("_", Path(filename).name).strip("._") or "upload.txt"
    if not name.lower().endswith(ALLOWED_SUFFIXES):
        name += ".txt"
    given = {k: v for k, v in meta.items() if v not in (None, "")}
    defaults = SourceDefaults(**given)
    with tempfile.TemporaryDirectory(prefix="pledgewatch-") as tmp:
        folder = Path(tmp) / SAFE_NAME.sub("_", source)
        folder.mkdir()
        path = folder / name
        path.write_bytes(data)
        done, errors = _run(engine, settings, path, defaults)
    for error in errors:  # name the file as the user knows it, not the temporary copy
        if error.path and error.path.startswith(str(folder)):
            error.path = Path(filename).name + error.path[len(str(path)) :]
    return done, errors
