from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from pledgewatch.demo import corpus_dir
from pledgewatch.sources import Input, list_inputs
from pledgewatch.store import make_engine
from pledgewatch.store.documents import count_documents, list_documents

Run = Callable[..., Result]
DEMO_IDS = {
    "washington-summit-report",
    "kazakhstan-mfa-statement",
    "kazakhstan-denial",
    "wire-digest-0219",
    "davos-charter",
    "uzbekistan-quarter",
    "gulf-pledges-explainer",
    "brief-jakarta-troops",
    "brief-un-aid",
    "brief-fifa",
    "brief-nine-countries",
    "brief-us-pledge",
}


def test_the_corpus_has_every_kind_of_source() -> None:
    inputs: list[Input] = list_inputs([str(corpus_dir())])
    suffixes = {Path(i.path).suffix for i in inputs}
    assert {".txt", ".md", ".html", ".jsonl"} <= suffixes
    assert all(i.failure is None for i in inputs)


def test_demo_builds_a_fresh_database_and_shows_it(run: Run, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    first = run("demo", "--db", url)
    assert first.exit_code == 0, first.output
    assert f"stored {len(DEMO_IDS)}, duplicates 0, failed 0" in first.stdout
    for doc_id in DEMO_IDS:
        assert doc_id in first.stdout
    out = first.stdout
    ledger_part = out[out.index("Ledger") :]  # the ledger comes after the documents table
    assert out.index("washington-summit-report") < out.index("Ledger")
    assert re.search(r"Kazakhstan +│ funding +│ disputed", ledger_part)
    assert "Pledged:" in ledger_part and "stance conflict · Kazakhstan · funding" in ledger_part
    assert "has not made any financial contributions" in ledger_part  # the denial's evidence
    assert out.rstrip().endswith(f"pledgewatch --db {url} serve   (then browse http://127.0.0.1:8000/)")
    again = run("--db", url, "demo")  # the global --db works too; the database is rebuilt, not topped up
    assert f"stored {len(DEMO_IDS)}, duplicates 0, failed 0" in again.stdout
    engine = make_engine(url)
    with engine.connect() as conn:
        docs = {d.doc_id: d for d in list_documents(conn, limit=None)}
    engine.dispose()
    assert set(docs) == DEMO_IDS
    assert all(d.initiative == "Board of Peace" for d in docs.values())
    summit_days = {docs["wire-digest-0219"].published, docs["kazakhstan-mfa-statement"].published}
    assert len(summit_days) == 2
    ledger = run("--db", url, "ledger", "--donor", "Kazakhstan", "--status", "disputed")
    assert ledger.exit_code == 0 and "Kazakhstan" in ledger.stdout and "disputed" in ledger.stdout


def test_demo_without_db_writes_demo_db_in_the_working_dir(run: Run, tmp_path: Path) -> None:
    assert run("demo").exit_code == 0
    assert (tmp_path / "demo.db").exists() and not (tmp_path / "pledgewatch.db").exists()


def test_demo_corpus_dates_the_summit_both_ways() -> None:
    texts = "\n".join(p.read_text() for p in corpus_dir().iterdir() if p.suffix in {".txt", ".md", ".jsonl"})
    assert "February 19" in texts and "February 20, 2026" in texts


@pytest.mark.postgres
def test_the_installed_script_builds_the_demo_in_postgresql(
    script: Path, tmp_path: Path, pg_url: str
) -> None:
    for _ in range(2):
        proc = subprocess.run(
            [str(script), "--db", pg_url, "demo"], cwd=tmp_path, capture_output=True, text=True, timeout=300
        )
        assert proc.returncode == 0, proc.stderr
    engine = make_engine(pg_url)
    with engine.connect() as conn:
        assert count_documents(conn) == len(DEMO_IDS)
    engine.dispose()
