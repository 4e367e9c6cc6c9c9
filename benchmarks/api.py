"""API and dashboard latency with a million claims: requests/s and p95 of /api/pledges, filtered
/api/claims and /.

    .venv/bin/python benchmarks/api.py                      # 1,000,000 claims (a few minutes)
    .venv/bin/python benchmarks/api.py --claims 100000      # quicker
    .venv/bin/python benchmarks/api.py --db sqlite:///bench.db --reuse   # keep and reuse the data

1. Fill a fresh SQLite database with bulk inserts through the store's tables: documents of
   ten generated sentences, one claim per sentence (donor, category, stance, stage, amount,
   evidence offsets into the text), then ``store.ledger.rebuild_ledger`` builds the ledger.
2. Start ``pledgewatch serve`` in its own process on a free 127.0.0.1 port.
3. For each path, a bounded load generator (``--concurrency`` threads, each with one
   keep-alive connection, ``--seconds`` per path after a short warm-up) and report
   requests/s and the 50th/95th/99th percentile latency. Target: p95 under 100 ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import zlib
from pathlib import Path

import httpx
from sqlalchemy import Engine, func, insert, select

from pledgewatch.records import CATEGORIES
from pledgewatch.store import make_engine
from pledgewatch.store.ledger import rebuild_ledger
from pledgewatch.store.tables import actors, claim_donors, claims, documents

DONORS = [
    "Qatar", "Kuwait", "Morocco", "Bahrain", "Indonesia", "Kazakhstan", "Uzbekistan", "Azerbaijan", "Norway",
    "Japan", "Germany", "Canada", "United Arab Emirates", "Saudi Arabia", "European Union", "World Bank",
    "Turkey", "Egypt", "Jordan", "Italy", "France", "Spain", "Brazil", "Chile", "Mexico", "India", "Pakistan",
    "Malaysia", "Singapore", "Australia", "New Zealand", "Ireland", "Denmark", "Sweden", "Finland", "Poland",
    "Austria", "Switzerland", "Belgium", "Netherlands",
]  # fmt: skip
UNITS = {
    "funding": "USD",
    "food": "tonnes",
    "medical": "doctors",
    "security": "troops",
    "education": "scholarships",
}
CLAIMS_PER_DOCUMENT = 10
INITIATIVES = 40  # pledging efforts; each document is about one of them
VALUES = (5, 10, 25, 50, 100, 250, 500, 1000)
PATHS = ["/api/pledges", "/api/claims?category=food&review_state=machine", "/"]


def _sentence(rng: random.Random, donor: str, category: str, stance: str, stage: str, value: int) -> str:
    unit = UNITS.get(category)
    what = f"${value} million" if unit == "USD" else f"{value} {unit}" if unit else f"{category} support"
    day = rng.randint(1, 28)
    if stance == "deny":
        return f"{donor} denied that it had given {what} to the board, officials said on day {day}."
    verb = {"pledge": "promised", "delivered": "has delivered"}[stage]
    return f"{donor} {verb} {what} for {category} in Gaza, a spokesperson said on day {day}."


def fill(engine: Engine, n_claims: int, seed: int = 7) -> None:
    """Bulk-insert documents, actors and claims, then rebuild the ledger from them."""
    rng = random.Random(seed)
    start = time.perf_counter()
    with engine.begin() as conn:
        conn.execute(insert(actors), [{"name": d, "kind": "state"} for d in DONORS])
        actor_id = dict(conn.execute(select(actors.c.name, actors.c.id)).all())
    n_docs = -(-n_claims // CLAIMS_PER_DOCUMENT)
    batch_docs = 2000
    claim_id = 0
    base = dt.date(2026, 1, 1)
    for first in range(0, n_docs, batch_docs):
        doc_rows, claim_rows, donor_rows = [], [], []
        for d in range(first, min(first + batch_docs, n_docs)):
            published = base + dt.timedelta(days=d % 300)
            sentences, spans, offset = [], [], 0
            count = min(CLAIMS_PER_DOCUMENT, n_claims - d * CLAIMS_PER_DOCUMENT)
            picks = []
            initiative = d % INITIATIVES
            for _ in range(count):
                donor, category = rng.choice(DONORS), rng.choice(CATEGORIES)
                stance = "deny" if rng.random() < 0.01 else "commit"
                stage = "delivered" if rng.random() < 0.3 else "pledge"
                # Most reports of one pledge repeat its figure; a few revise it.
                stable = VALUES[zlib.crc32(f"{initiative}|{donor}|{category}".encode()) % len(VALUES)]
                value = stable if rng.random() < 0.97 else rng.choice(VALUES)
                text = _sentence(rng, donor, category, stance, stage, value)
                sentences.append(text)
                spans.append((offset, offset + len(text)))
                offset += len(text) + 1
                picks.append((donor, category, stance, stage, value))
            body = " ".join(sentences)
            doc_rows.append(
                {
                    "id": d + 1,
                    "doc_id": f"bench-{d:07d}",
                    "content_hash": hashlib.sha256(body.encode()).hexdigest(),
                    "title": f"Bench report {d}",
                    "outlet": f"Outlet {d % 17}",
                    "published": published,
                    "initiative": "Board of Peace" if initiative == 0 else f"Pledging effort {initiative}",
                    "text": body,
                    "ingested_at": dt.datetime.now(dt.UTC),
                    "extractor_version": "bench",
                }
            )
            for position, ((donor, category, stance, stage, value), (s, e)) in enumerate(
                zip(picks, spans, strict=True)
            ):
                claim_id += 1
                unit = UNITS.get(category)
                claim_rows.append(
                    {
                        "id": claim_id,
                        "document_id": d + 1,
                        "position": position,
                        "stance": stance,
                        "stage": stage,
                        "category": category,
                        "amount_value": (value * 1e6 if unit == "USD" else value) if unit else None,
                        "amount_unit": unit,
                        "collective": False,
                        "date": published,
                        "evidence": sentences[position],
                        "evidence_start": s,
                        "evidence_end": e,
                        "rule": "bench",
                        "extractor_version": "bench",
                        "review_state": "machine",
                    }
                )
                donor_rows.append({"claim_id": claim_id, "position": 0, "actor_id": actor_id[donor]})
        with engine.begin() as conn:
            conn.execute(insert(documents), doc_rows)
            conn.execute(insert(claims), claim_rows)
            conn.execute(insert(claim_donors), donor_rows)
        done = min(first + batch_docs, n_docs) * CLAIMS_PER_DOCUMENT
        if sys.stdout.isatty():
            print(f"\r  inserted {min(done, n_claims):,} claims", end="", flush=True)
    print(f"\r  inserted {n_claims:,} claims in {n_docs:,} documents: {time.perf_counter() - start:.0f} s")
    start = time.perf_counter()
    with engine.connect() as conn:
        result = rebuild_ledger(conn)
        conn.commit()
    took = time.perf_counter() - start
    print(f"  ledger: {result.pledges:,} pledges, {result.conflicts:,} conflicts: {took:.0f} s")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def load(url: str, *, concurrency: int, seconds: float, warmup: float = 1.0) -> dict[str, float]:
    """Closed-loop load: ``concurrency`` threads, each sending one request after another."""
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    stop_at = time.perf_counter() + warmup + seconds
    measure_from = time.perf_counter() + warmup

    def worker() -> None:
        nonlocal errors
        mine: list[float] = []
        bad = 0
        with httpx.Client(timeout=30) as client:
            while (now := time.perf_counter()) < stop_at:
                response = client.get(url)
                took = time.perf_counter() - now
                if response.status_code != 200:
                    bad += 1
                elif now >= measure_from:
                    mine.append(took)
        with lock:
            latencies.extend(mine)
            errors += bad

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    latencies.sort()
    q = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [latencies[0]] * 99
    return {
        "requests": len(latencies),
        "errors": errors,
        "rps": len(latencies) / seconds,
        "p50": q[49] * 1000,
        "p95": q[94] * 1000,
        "p99": q[98] * 1000,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--db", help="SQLite URL to use (default: a temporary file)")
    parser.add_argument("--reuse", action="store_true", help="use the data already in --db")
    parser.add_argument("--concurrency", type=int, default=2)
    parser.add_argument("--seconds", type=float, default=10.0, help="measured seconds per path")
    args = parser.parse_args()

    tmp = tempfile.TemporaryDirectory(prefix="pledgewatch-bench-")
    url = args.db or f"sqlite:///{Path(tmp.name) / 'bench.db'}"
    engine = make_engine(url)
    with engine.connect() as conn:
        existing = int(conn.execute(select(func.count()).select_from(claims)).scalar_one())
    if not (args.reuse and existing):
        if existing:
            sys.exit(f"{url} already holds claims; pass --reuse or a fresh --db")
        print(f"Filling {url} with {args.claims:,} claims ...")
        fill(engine, args.claims)
    else:
        print(f"Reusing {url}: {existing:,} claims")
    engine.dispose()

    port = _free_port()
    env = {**os.environ, "PLEDGEWATCH_DB": url}
    cmd = [sys.executable, "-m", "pledgewatch.cli", "serve", "--port", str(port), "--log-level", "warning"]
    code = "from pledgewatch.cli import main; main()"
    server = subprocess.Popen([sys.executable, "-c", code, *cmd[3:]], env=env, stdout=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(f"http://127.0.0.1:{port}/api/pledges?limit=1", timeout=2)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or server.poll() is not None:
                    sys.exit("the server did not start")
                time.sleep(0.2)
        print(
            f"\nLoad: {args.concurrency} concurrent clients, {args.seconds:.0f} s per path, 127.0.0.1:{port}"
        )
        wide = max(len(p) for p in PATHS) + 2
        print(f"{'path':<{wide}}{'req/s':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'errors':>8}")
        for path in PATHS:
            r = load(f"http://127.0.0.1:{port}{path}", concurrency=args.concurrency, seconds=args.seconds)
            flag = "" if r["p95"] < 100 else "  (over the 100 ms target)"
            print(
                f"{path:<{wide}}{r['rps']:>8.0f}{r['p50']:>9.1f}{r['p95']:>9.1f}{r['p99']:>9.1f}{r['errors']:>8.0f}{flag}"
            )
    finally:
        server.terminate()
        server.wait(timeout=10)
        tmp.cleanup()


if __name__ == "__main__":
    main()
