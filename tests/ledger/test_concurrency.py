"""Two real processes writing into the same SQLite file / PostgreSQL database at once lose nothing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from pledgewatch.extract import extract
from pledgewatch.ledger import build_ledger
from pledgewatch.store import make_engine
from pledgewatch.store.ledger import rebuild_ledger
from pledgewatch.store.ledger_load import load_claims
from pledgewatch.store.tables import claims, documents

from .corpus import snapshot

DONORS = ["Kazakhstan", "Qatar", "Saudi Arabia", "Kuwait", "Uzbekistan", "Bahrain"]
PLEDGES = [
    "{d} pledged ${n} million to the Board of Peace reconstruction fund.",
    "{d} will send {n} troops to the International Stabilization Force.",
    "{d} has not made any financial contributions to the Board of Peace, a minister said.",
    "{d} promised {n} scholarships for Palestinian students.",
]
ROOT = Path(__file__).resolve().parents[2]


def _texts(part: int, n: int) -> list[dict[str, str]]:
    out = []
    for i in range(n):
        d = DONORS[(i + part) % len(DONORS)]
        sentences = [t.format(d=d, n=100 + 7 * i + part) for t in PLEDGES[(i % 2) :: 1][:3]]
        text = f"ASTANA, Feb {10 + i % 15} (Wire {part}) - " + " ".join(sentences) + f" Report {part}-{i}."
        out.append(
            {
                "id": f"p{part}-{i}",
                "published": f"2026-02-{10 + i % 15:02d}",
                "outlet": f"Wire {part}",
                "initiative": "Board of Peace",
                "text": text,
            }
        )
    return out


def _write(tmp_path: Path, part: int, n: int) -> tuple[Path, list[dict[str, str]]]:
    records = _texts(part, n)
    path = tmp_path / f"batch{part}.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path, records


def _run_together(commands: list[list[str]]) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [subprocess.Popen(c, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for c in commands]
    for proc in procs:
        out, err = proc.communicate(timeout=240)
        assert proc.returncode == 0, err.decode()[-2000:]


WORKER = """
import json, sys, hashlib, datetime as dt
from pledgewatch.extract import extract
from pledgewatch.records import Document
from pledgewatch.store import make_engine
from pledgewatch.store.documents import save_document
from pledgewatch.store.ledger import refresh_for_documents
engine = make_engine(sys.argv[1])
with engine.connect() as conn:
    for line in open(sys.argv[2], encoding="utf-8"):
        r = json.loads(line)
        published = dt.date.fromisoformat(r["published"])
        digest = hashlib.sha256(r["text"].encode()).hexdigest()
        doc = Document(doc_id=r["id"], text=r["text"], content_hash=digest,
                       published=published, initiative=r["initiative"], outlet=r["outlet"])
        save_document(conn, doc, extract(r["text"], published))
        refresh_for_documents(conn, [doc.doc_id])
        conn.commit()
engine.dispose()
"""


@pytest.mark.slow
def test_two_processes_storing_and_refreshing_at_once_lose_nothing(db_url: str, tmp_path: Path) -> None:
    make_engine(db_url).dispose()  # migrate once, before the race
    (a, ra), (b, rb) = _write(tmp_path, 1, 15), _write(tmp_path, 2, 15)
    _run_together(
        [[sys.executable, "-c", WORKER, db_url, str(a)], [sys.executable, "-c", WORKER, db_url, str(b)]]
    )
    expected = sum(len(extract(r["text"]).claims) for r in ra + rb)
    engine = make_engine(db_url)
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(documents)).scalar_one() == 30
        assert conn.execute(select(func.count()).select_from(claims)).scalar_one() == expected > 30
        incremental = snapshot(conn)
        assert incremental[0], "the ledger has rows"
        rebuild_ledger(conn)
        conn.commit()
        assert snapshot(conn) == incremental
    engine.dispose()


@pytest.mark.slow
def test_two_ingest_commands_at_once_store_every_document_and_claim(db_url: str, tmp_path: Path) -> None:
    make_engine(db_url).dispose()
    (a, ra), (b, rb) = _write(tmp_path, 3, 12), _write(tmp_path, 4, 12)
    script = str(Path(sys.executable).parent / "pledgewatch")
    cli = [script, "--db", db_url, "ingest", "--quiet", "--workers", "1"]
    _run_together([[*cli, str(a)], [*cli, str(b)]])
    expected = sum(len(extract(r["text"]).claims) for r in ra + rb)
    engine = make_engine(db_url)
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(documents)).scalar_one() == 24
        assert conn.execute(select(func.count()).select_from(claims)).scalar_one() == expected
        found, sources = load_claims(conn)
        incremental = snapshot(conn)  # what the two ingests left, each refreshing its rows
        rebuild_ledger(conn)
        conn.commit()
        stored = snapshot(conn)
    engine.dispose()
    assert incremental == stored and stored[0], "ingest's incremental ledger equals a rebuild"
    pure = build_ledger(found, documents=sources)
    assert [p.donor for p in stored[0]] == [p.donor for p in pure.pledges]
    assert len(stored[1]) == len(pure.conflicts)
