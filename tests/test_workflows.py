from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import Engine

from pledgewatch.extract import extract
from pledgewatch.sources import SourceDefaults
from pledgewatch.store.documents import count_documents, list_claims, list_documents
from pledgewatch.workflows import IngestEvent, ingest

DONORS = ["Qatar", "Kuwait", "Morocco", "Bahrain", "Indonesia"]


def test_ingest_in_worker_processes_keeps_each_document_with_its_own_claims(
    tmp_path: Path, engine: Engine
) -> None:
    lines = [
        {"id": f"d{i}", "text": f"Item {i}. {DONORS[i % 5]} pledged ${i + 1} million to the Board of Peace."}
        for i in range(120)
    ]
    (tmp_path / "batch.jsonl").write_text("\n".join(json.dumps(line) for line in lines) + "\n")
    events: list[IngestEvent] = []
    summary = ingest(
        engine,
        [str(tmp_path / "batch.jsonl")],
        defaults=SourceDefaults(initiative="Board of Peace"),
        max_bytes=10_000,
        workers=2,
        on_event=events.append,
    )
    assert (summary.stored, summary.duplicates, summary.failed) == (120, 0, 0)
    kinds = [e.kind for e in events]
    assert kinds[0] == "listed" and events[0].total == 1 and kinds.count("input_done") == 1
    with engine.connect() as conn:
        for document in list_documents(conn, limit=None):
            expected = [c.to_spec() for c in extract(document.text, document.published).claims]
            assert [c.to_spec() for c in list_claims(conn, doc_id=document.doc_id)] == expected
        assert summary.claims == len(list_claims(conn, limit=None))


def test_known_texts_are_not_extracted_again(tmp_path: Path, engine: Engine) -> None:
    (tmp_path / "a.txt").write_text("Qatar pledged $1 billion.")
    (tmp_path / "b.txt").write_text("Qatar pledged $1 billion.")  # the same text under another name
    first = ingest(engine, [str(tmp_path)], max_bytes=1000)
    events: list[IngestEvent] = []
    again = ingest(engine, [str(tmp_path)], max_bytes=1000, on_event=events.append)
    assert (first.stored, first.duplicates) == (1, 1)
    assert (again.stored, again.duplicates, again.claims) == (0, 2, 0)
    # a duplicate names the document under which its text is stored
    assert [e.doc_id for e in events if e.kind == "duplicate"] == ["a", "a"]
    with engine.connect() as conn:
        assert count_documents(conn) == 1
