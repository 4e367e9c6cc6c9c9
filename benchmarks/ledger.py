"""Ledger benchmark: full rebuild, incremental update per new document, summary query.

Generates CLAIMS claims over CLAIMS/10 documents straight into the tables (bulk inserts,
no extraction), on SQLite (WAL, a temporary file) and on a temporary PostgreSQL server
(started like the test fixture's, fsync on). Then it measures:

- the full rebuild (``pledgewatch ledger --rebuild``: every row recomputed from every claim);
- the incremental update after storing one new document (median and p95 over --new documents);
- the ledger summary query (totals side by side, in SQL) and one filtered page of pledges.

Targets: incremental update under 50 ms per document, summary query under 100 ms.

    .venv/bin/python benchmarks/ledger.py                       # 1,000,000 claims, both databases
    .venv/bin/python benchmarks/ledger.py --claims 100000 --no-postgres
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import random
import statistics
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import Engine, insert

from pledgewatch.records import CATEGORIES, Amount, Claim, Document, Evidence, Extraction
from pledgewatch.store import make_engine
from pledgewatch.store.documents import save_document
from pledgewatch.store.ledger import rebuild_ledger, refresh_for_documents
from pledgewatch.store.ledger_queries import LedgerFilter, ledger_summary, list_pledges
from pledgewatch.store.pgserver import PostgresServer
from pledgewatch.store.tables import actors, claim_donors, claims, documents

DONORS = [
    "Kazakhstan", "Uzbekistan", "Azerbaijan", "Qatar", "Saudi Arabia", "United Arab Emirates", "Kuwait",
    "Bahrain", "Morocco", "Egypt", "Jordan", "Turkey", "Indonesia", "Pakistan", "Albania", "Kosovo",
    "Armenia", "Hungary", "Bulgaria", "Mongolia", "Paraguay", "Argentina", "Vietnam", "Japan",
    "United States", "United Kingdom", "Germany", "France", "Italy", "Norway", "Canada", "South Korea",
    "United Nations", "European Union", "World Bank", "FIFA",
]  # fmt: skip
SPELLINGS = {"Kazakhstan": "Tokayev", "United Arab Emirates": "the UAE", "United States": "U.S."}
# Big donors are named far more often than small ones (weights 1/rank), and a few pledging
# conferences draw most of the reporting: 200 initiatives, weights 1/rank^0.8, 5% unassigned.
DONOR_WEIGHTS = [1 / (rank + 1) for rank in range(len(DONORS))]
INITIATIVES = [f"Pledging conference {k}" for k in range(200)]
INITIATIVE_WEIGHTS = [1 / (k + 1) ** 0.8 for k in range(200)]
UNITS = {"education": "scholarships", "security": "troops", "medical": "doctors"}
TEXT = "Benchmark document {i}: statements about pledges to the initiative, one sentence per claim."
CHUNK = 20_000


def _claim_row(rng: random.Random, document_id: int, position: int, day: dt.date) -> tuple[dict, list[str]]:
    category = rng.choice(CATEGORIES)
    stance = "deny" if rng.random() < 0.1 else "commit"
    stage = "delivered" if rng.random() < 0.2 else "pledge"
    collective = rng.random() < 0.02
    donors = rng.sample(DONORS, rng.randint(3, 9)) if collective else rng.choices(DONORS, DONOR_WEIGHTS)
    donors = [SPELLINGS.get(d, d) if rng.random() < 0.2 else d for d in donors]
    value, unit = None, None
    if rng.random() < 0.6:
        if category in UNITS:
            value, unit = float(rng.choice([100, 200, 500, 1000])), UNITS[category]
        else:
            value, unit = rng.choice([1e6, 5e6, 2.5e7, 1e8, 1e9]), rng.choice(["USD", "USD", "EUR", "GBP"])
    row = {
        "document_id": document_id,
        "position": position,
        "stance": stance,
        "stage": stage,
        "category": category,
        "amount_value": value,
        "amount_unit": unit,
        "collective": collective and value is not None,
        "date": day - dt.timedelta(days=rng.randint(0, 3)) if rng.random() < 0.3 else None,
        "evidence": "one sentence per claim.",
        "evidence_start": 70,
        "evidence_end": 93,
        "rule": "bench",
        "extractor_version": "bench",
        "review_state": "machine",
    }
    return row, donors


def _batches(
    n_docs: int, n_claims: int, seed: int
) -> Iterator[tuple[list[dict], list[dict], list[list[str]]]]:
    rng = random.Random(seed)
    per_doc = n_claims // n_docs
    start = dt.date(2025, 1, 1)
    for first in range(0, n_docs, CHUNK // max(per_doc, 1)):
        docs, rows, donors = [], [], []
        for i in range(first, min(n_docs, first + CHUNK // max(per_doc, 1))):
            day = start + dt.timedelta(days=i % 420)
            text = TEXT.format(i=i)
            docs.append(
                {
                    "id": i + 1,
                    "doc_id": f"bench-{i}",
                    "content_hash": hashlib.sha256(text.encode()).hexdigest(),
                    "published": day,
                    "initiative": None
                    if rng.random() < 0.05
                    else rng.choices(INITIATIVES, INITIATIVE_WEIGHTS)[0],
                    "outlet": f"Outlet {i % 40}",
                    "text": text,
                    "ingested_at": dt.datetime.now(dt.UTC),
                }
            )
            for position in range(per_doc):
                row, names = _claim_row(rng, i + 1, position, day)
                rows.append(row)
                donors.append(names)
        yield docs, rows, donors


def generate(engine: Engine, n_docs: int, n_claims: int, seed: int) -> float:
    """Bulk-insert documents, actors, claims and their donors; returns seconds taken."""
    start = time.perf_counter()
    names = sorted({*DONORS, *SPELLINGS.values()})
    with engine.begin() as conn:
        conn.execute(insert(actors), [{"name": n} for n in names])
        ids = dict(conn.execute(actors.select().with_only_columns(actors.c.name, actors.c.id)).all())
    next_claim = 1
    for docs, rows, donors in _batches(n_docs, n_claims, seed):
        with engine.begin() as conn:
            conn.execute(insert(documents), docs)
            for offset, row in enumerate(rows):
                row["id"] = next_claim + offset
            conn.execute(insert(claims), rows)
            links = [
                {"claim_id": row["id"], "position": p, "actor_id": ids[name]}
                for row, names in zip(rows, donors, strict=True)
                for p, name in enumerate(names)
            ]
            conn.execute(insert(claim_donors), links)
        next_claim += len(rows)
    _fix_sequences(engine)
    return time.perf_counter() - start


def _fix_sequences(engine: Engine) -> None:
    # Planner statistics, as any database has them some time after a bulk import.
    with engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")
    if engine.dialect.name != "postgresql":
        return
    with engine.begin() as conn:
        for table in ("documents", "claims", "actors"):
            conn.exec_driver_sql(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))"
            )


def _new_document(i: int, rng: random.Random) -> tuple[Document, Extraction]:
    sentences = []
    found = []
    pos = 0
    for k in range(10):
        donor = rng.choices(DONORS, DONOR_WEIGHTS)[0]
        category = rng.choice(CATEGORIES)
        sentence = f"{donor} pledged support number {k} for {category} ({i})."
        amount = Amount(rng.choice([1e6, 1e8]), "USD") if category not in UNITS else None
        found.append(
            Claim(
                donors=(donor,),
                stance="commit",
                stage="pledge",
                category=category,  # type: ignore[arg-type]
                evidence=Evidence(sentence, pos, pos + len(sentence)),
                amount=amount,
            )
        )
        sentences.append(sentence)
        pos += len(sentence) + 1
    text = " ".join(sentences)
    document = Document(
        doc_id=f"new-{i}",
        text=text,
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
        published=dt.date(2026, 3, 1),
        initiative=rng.choices(INITIATIVES, INITIATIVE_WEIGHTS)[0],
        outlet="New Wire",
    )
    return document, Extraction(tuple(found), extractor_version="bench")


def _p95(values: list[float] | list[int]) -> float:
    ordered = sorted(values)
    return float(ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))])


def _timed(fn, repeat: int) -> list[float]:  # type: ignore[no-untyped-def]
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def measure(url: str, name: str, args: argparse.Namespace) -> None:
    engine = make_engine(url)
    n_docs = args.docs or max(1, args.claims // 10)
    gen = generate(engine, n_docs, args.claims, args.seed)
    print(f"[{name}] generated {args.claims:,} claims over {n_docs:,} documents in {gen:.1f} s")
    with engine.connect() as conn:
        start = time.perf_counter()
        result = rebuild_ledger(conn)
        conn.commit()
        rebuild = time.perf_counter() - start
        print(
            f"[{name}] full rebuild: {rebuild:.1f} s ({result.pledges:,} pledges,"
            f" {result.conflicts:,} conflicts, {args.claims / rebuild:,.0f} claims/s)"
        )
        rng = random.Random(args.seed + 1)
        times, cpu, reread = [], [], []
        for i in range(args.new):
            document, extraction = _new_document(i, rng)
            save_document(conn, document, extraction)
            start, start_cpu = time.perf_counter(), time.process_time()
            refreshed = refresh_for_documents(conn, [document.doc_id])
            conn.commit()
            times.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
            reread.append(refreshed.claims)
        print(
            f"[{name}] incremental update per new document (10 claims):"
            f" median {statistics.median(times):.1f} ms, p95 {_p95(times):.1f} ms over {len(times)} documents"
            f" (CPU of this process: median {statistics.median(cpu):.1f} ms) (target < 50 ms)"
        )
        print(
            f"[{name}]   claims its touched rows were rebuilt from: median {statistics.median(reread):,.0f},"
            f" p95 {_p95(reread):,.0f} (the cost of a refresh grows with the size of the rows it touches)"
        )
        summary = _timed(lambda: ledger_summary(conn), 7)
        print(f"[{name}] ledger summary query: median {statistics.median(summary):.1f} ms (target < 100 ms)")
        page = _timed(
            lambda: list_pledges(conn, LedgerFilter(donor="Kazakhstan", status="disputed"), limit=50), 7
        )
        print(
            f"[{name}] filtered page of pledges (donor + status, 50 rows):"
            f" median {statistics.median(page):.1f} ms"
        )
        conn.rollback()
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--claims", type=int, default=1_000_000, help="claims to generate (default 1,000,000)"
    )
    parser.add_argument("--docs", type=int, default=0, help="documents (default claims/10)")
    parser.add_argument("--new", type=int, default=40, help="new documents for the incremental measure")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-postgres", action="store_true", help="measure SQLite only")
    parser.add_argument("--no-sqlite", action="store_true", help="measure PostgreSQL only")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="pw-ledger-bench-") as tmp:
        if not args.no_sqlite:
            measure(f"sqlite:///{Path(tmp) / 'ledger.db'}", "sqlite", args)
        if not args.no_postgres:
            with PostgresServer(fsync=True) as server:
                measure(server.create_database("ledger_bench"), "postgresql", args)


if __name__ == "__main__":
    main()
