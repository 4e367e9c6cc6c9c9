"""Ingest throughput: generated news-length documents into SQLite and into PostgreSQL, one process.

    .venv/bin/python benchmarks/ingest.py              # 10,000 documents
    .venv/bin/python benchmarks/ingest.py --n 1000     # quicker

Each document (a few hundred words) is built from templates and random facts: donors,
amounts, dates, recipients. They go into one JSONL file, which ``workflows.ingest``
reads, extracts (``--workers 1``: in this process) and stores, one transaction per
document, exactly as ``pledgewatch ingest`` does. PostgreSQL is a temporary server
started like the test fixture's (``pledgewatch.store.pgserver``), with fsync on.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from pathlib import Path

from pledgewatch.config import DEFAULT_MAX_BYTES
from pledgewatch.sources import SourceDefaults, read_sources
from pledgewatch.store import make_engine
from pledgewatch.store.pgserver import PostgresServer
from pledgewatch.workflows import ingest

DONORS = [
    "Qatar", "Kuwait", "Morocco", "Bahrain", "Indonesia", "Kazakhstan", "Uzbekistan", "Azerbaijan",
    "Norway", "Japan", "Germany", "Canada", "the United Arab Emirates", "Saudi Arabia", "the European Union",
    "the World Bank",
]  # fmt: skip
CITIES = ["Washington", "Doha", "Astana", "Jakarta", "Brussels", "Cairo", "Oslo", "Tokyo", "Riyadh", "Rabat"]
RECIPIENTS = [
    "the reconstruction fund", "the International Stabilization Force", "Palestinian students",
    "the World Bank's Gaza Reconstruction and Development Fund", "hospitals in Gaza", "the water network",
]  # fmt: skip
PLEDGES = [
    "{donor} pledged ${amount} million to {recipient}, officials said on {day}.",
    "{donor} will send {count} troops to the International Stabilization Force.",
    "{donor} promised {count} scholarships for Palestinian students over the next five years.",
    "{donor} said it would provide ${amount} million in humanitarian aid over the coming years.",
    "{donor} has not made any financial contribution so far, a spokesperson for the government said.",
    "{donor} will supply {count} tonnes of wheat to families in Gaza.",
]
FILLER = [
    "Delegates met behind closed doors for most of the day in {city}, and the talks ran late.",
    "Analysts said the figures announced on {day} were larger than expected, but warned that pledges at such "
    "meetings are often paid slowly, if at all, and that donors rarely publish the terms of their support.",
    "The meeting in {city} was the second of its kind this year. Several delegations asked for a clearer "
    "timetable for the first payments and for regular public reports on how the money is spent.",
    "Aid groups welcomed the announcements but said that access for trucks and building materials remained "
    "the main obstacle to any recovery, whatever the size of the sums on the table.",
    "A senior diplomat who asked not to be named said that the final communique had been agreed only after "
    "hours of negotiation over the wording on security arrangements and the role of the board.",
    "Officials in {city} declined to say how the contributions would be divided between housing, power, "
    "water and schools, saying that a detailed plan would be presented at the next meeting.",
    "Previous conferences raised large sums on paper, and researchers have long complained that it is hard "
    "to follow what was promised, what was delivered and what quietly disappeared from the record.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def generate(n: int, seed: int) -> list[dict[str, str]]:
    """``n`` documents of a few hundred words: a headline, 4 pledge sentences, filler paragraphs."""
    rng = random.Random(seed)
    docs = []
    for i in range(n):
        facts = {"city": rng.choice(CITIES), "day": rng.choice(DAYS)}
        paragraphs = [f"{facts['city'].upper()} — Report {i}: donors meet on Gaza reconstruction."]
        for _ in range(4):
            sentence = rng.choice(PLEDGES).format(
                donor=rng.choice(DONORS),
                amount=rng.randint(5, 2000),
                count=rng.randint(10, 5000),
                recipient=rng.choice(RECIPIENTS),
                **facts,
            )
            paragraphs.append(sentence[0].upper() + sentence[1:])
            paragraphs.append(" ".join(rng.sample(FILLER, 2)).format(**facts))
        published = f"2026-{rng.randint(1, 6):02d}-{rng.randint(1, 28):02d}"
        docs.append({"id": f"bench-{i}", "text": "\n\n".join(paragraphs), "published": published})
    return docs


def run(url: str, batch: Path, n: int) -> tuple[float, int]:
    engine = make_engine(url)
    start = time.perf_counter()
    summary = ingest(
        engine,
        [str(batch)],
        defaults=SourceDefaults(initiative="Benchmark"),
        max_bytes=DEFAULT_MAX_BYTES,
        workers=1,
    )
    elapsed = time.perf_counter() - start
    engine.dispose()
    assert summary.stored == n and summary.failed == 0, summary.line()
    return elapsed, summary.claims


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="documents to generate (default 10,000)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-postgres", action="store_true", help="measure SQLite only")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="pw-bench-") as tmp:
        batch = Path(tmp) / "batch.jsonl"
        docs = generate(args.n, args.seed)
        batch.write_text("".join(json.dumps(d) + "\n" for d in docs))
        words = sum(len(d["text"].split()) for d in docs) / len(docs)
        size = batch.stat().st_size / 1e6
        print(f"{args.n:,} documents, {words:.0f} words on average, {size:.1f} MB of JSONL")

        start = time.perf_counter()
        read = sum(
            1 for _ in read_sources([str(batch)], defaults=SourceDefaults(), max_bytes=DEFAULT_MAX_BYTES)
        )
        read_s = time.perf_counter() - start
        print(f"{'read only (sources)':<36} {read / read_s:>9,.0f} documents/s")

        rows = [("sqlite (WAL)", f"sqlite:///{Path(tmp) / 'bench.db'}", None)]
        if not args.no_postgres:
            rows.append(("postgresql (psycopg 3)", "", PostgresServer(fsync=True)))
        for name, url, server in rows:
            if server is not None:
                server.start()
                url = server.create_database("bench")
            try:
                elapsed, claims = run(url, batch, args.n)
            finally:
                if server is not None:
                    server.stop()
            print(
                f"{'ingest into ' + name:<36} {args.n / elapsed:>9,.0f} documents/s"
                f"  ({elapsed:.1f} s, {claims:,} claims, read + extract + store, one process)"
            )


if __name__ == "__main__":
    main()
