"""A real kill: SIGKILL ``pledgewatch ingest`` in the middle of a batch, then check what it left."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

from pledgewatch.extract import extract
from pledgewatch.store import make_engine
from pledgewatch.store.documents import count_documents, list_claims, list_documents, list_memberships

DONORS = ["Qatar", "Kazakhstan", "the United Arab Emirates", "Saudi Arabia", "Kuwait", "Indonesia", "Morocco"]
Count = Callable[[str], int]
TOTAL = 1000  # large enough that the kill lands mid-batch even on a loaded machine
KILL_AFTER = 15


def article(i: int) -> str:
    donor = DONORS[i % len(DONORS)]
    return (
        f"Report {i}. {donor} pledged ${(i % 9) + 1} billion to the Board of Peace on Thursday.\n"
        f"{donor} will also send {100 + i} troops to the International Stabilization Force.\r\n"
        f"The money will go through the World Bank fund, according to statement number {i}.\n" * 3
    )


def test_a_killed_ingest_leaves_only_complete_documents(
    script: Path, tmp_path: Path, db_url: str, stored_count: Count
) -> None:
    batch = tmp_path / "batch"
    batch.mkdir()
    for i in range(TOTAL):
        (batch / f"doc{i:05d}.txt").write_bytes(article(i).encode())
    make_engine(db_url).dispose()  # schema in place before the race starts
    proc = subprocess.Popen(
        [str(script), "--db", db_url, "ingest", str(batch), "--published", "2026-02-20", "--quiet"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group: the kill takes extraction workers with it
    )
    # One engine polls (a fresh engine per poll checks migrations each time and is slow
    # enough to miss the whole batch).
    poller = make_engine(db_url)
    deadline = time.monotonic() + 120
    try:
        while proc.poll() is None and time.monotonic() < deadline:
            with poller.connect() as conn:
                if count_documents(conn) >= KILL_AFTER:
                    break
            time.sleep(0.01)
        os.killpg(proc.pid, signal.SIGKILL)
    finally:
        poller.dispose()
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL, "the ingest finished before it could be killed"

    engine = make_engine(db_url)
    with engine.connect() as conn:
        stored = list_documents(conn, limit=None)
        if engine.dialect.name == "sqlite":
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar_one() == "ok"
        assert KILL_AFTER <= len(stored) < TOTAL
        for document in stored:
            i = int(document.doc_id.removeprefix("doc"))
            assert document.text == article(i).replace("\r\n", "\n")  # the text is whole
            expected = extract(document.text, document.published)
            claims = list_claims(conn, doc_id=document.doc_id)
            assert [c.to_spec() for c in claims] == [c.to_spec() for c in expected.claims]
            assert all(c.evidence.check(document.text) for c in claims)
            members = list_memberships(conn, doc_id=document.doc_id)
            assert [m.to_spec() for m in members] == [m.to_spec() for m in expected.memberships]
    engine.dispose()

    again = subprocess.run(
        [str(script), "--db", db_url, "ingest", str(batch), "--quiet"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert again.returncode == 0, again.stderr
    assert f"stored {TOTAL - len(stored)}, duplicates {len(stored)}, failed 0" in again.stdout
    assert stored_count(db_url) == TOTAL
