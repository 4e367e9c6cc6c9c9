"""Throughput of the extractor on synthetic news: articles/s and words/s, one process and N workers.

    .venv/bin/python benchmarks/extract.py                # 2,000 pledge-dense + 2,000 general articles
    .venv/bin/python benchmarks/extract.py --docs 500 --workers 2

Texts are generated from templates written for this benchmark (no real articles):
pledge-dense news (about 780 words, a dozen pledge sentences among ordinary ones) and
general news without pledges (place names, money and cue words, but no contribution;
most of it is let out early by the prefilter, the rest must yield no claim). Peak memory
is ``resource.getrusage(...).ru_maxrss`` of this process and of the worker processes.
"per core" divides by the CPU seconds used (this process and its workers), which stays
meaningful when other jobs share the machine; the pool's start-up is included.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from collections.abc import Callable

from pledgewatch.extract import extract
from pledgewatch.extract.parallel import extract_many

DONORS = [
    "Chile", "Peru", "Norway", "Japan", "Germany", "Qatar", "Kuwait", "Canada", "Brazil", "Kenya",
    "the United Kingdom", "the European Union", "the World Bank", "Kazakhstan", "Indonesia",
]  # fmt: skip
PEOPLE = ["Foreign Minister Ana Ruiz", "President Tomas Lind", "Finance Minister Omar Haddad"]
PLEDGES = [
    "{d} pledged ${n} million to the reconstruction fund on Monday.",
    "{d} will send {k} peacekeepers and a field hospital to the stabilisation mission.",
    "{d} has disbursed {n} million euros of the ${m} billion it promised last year.",
    "{p} said {d} would provide {k} scholarships for refugee students over the next five years.",
    "{d} and {e} each committed ${n} million, while {f} offered technical assistance.",
    "{d} is ready to deliver {k} tonnes of wheat and medical supplies.",
    "{d} has not made any financial contribution to the board, officials said.",
    "{d}, {e} and {f} collectively pledged more than ${m} billion for relief.",
    "{d} announced plans to build {k} housing units in the eastern districts.",
    "It also promised to share its expertise in e-government.",
]
FILLER = [
    "Delegates from dozens of countries attended the two-day meeting in the capital.",
    "The talks were held behind closed doors and lasted late into the evening.",
    "Analysts said the outcome would depend on security conditions on the ground.",
    "The conference was the third of its kind since the ceasefire took effect.",
    "Local officials described the scale of the damage as unprecedented in recent decades.",
    "Several speakers stressed the importance of transparency in the use of funds.",
    "The organisers said a follow-up meeting would take place later in the year.",
    "Residents have returned to some neighbourhoods, but many homes remain uninhabitable.",
    "Observers noted that earlier rounds had raised less than organisers had hoped.",
    "The chairman thanked the host government for its hospitality and support.",
]
GENERAL = [
    "The city council approved a new budget for road maintenance on Tuesday.",
    "The home team won the match after a late goal in the second half.",
    "Temperatures are expected to rise across the region later this week.",
    "Shares in technology companies rose sharply after the quarterly results.",
    "The museum opened a new exhibition of contemporary photography.",
    "Traffic was disrupted for several hours after a lorry broke down on the motorway.",
    "The school board met to discuss the timetable for the next academic year.",
    "A new bakery opened in the old town, drawing long queues on its first morning.",
    "The festival returns next summer with a larger programme of concerts.",
    "Researchers published a study on sleep patterns among teenagers.",
    "Police said the suspect was arrested on Monday after a short chase.",
    "The club signed a new striker for 12 million euros on a four-year contract.",
    "Germany's economy grew 0.3 percent in the third quarter, official data showed.",
    "Officials in France said the rail strike would end on Friday.",
    "The central bank is expected to hold interest rates steady next month.",
    "Japan will host the next summit of the regional trade forum in the autumn.",
    "The city will spend 3 million dollars on new bicycle lanes, the mayor said.",
    "Brazil beat Argentina two goals to one in a friendly in Sao Paulo.",
    "The ministry announced a new timetable for school exams.",
    "Organisers promised a bigger stage for next year's festival.",
]


def pledge_article(rng: random.Random) -> str:
    paras = [f"{rng.choice(DONORS).removeprefix('the ').title()} leads new round of pledges"]
    for _ in range(12):
        d, e, f = rng.sample(DONORS, 3)
        sentence = rng.choice(PLEDGES).format(
            d=d,
            e=e,
            f=f,
            p=rng.choice(PEOPLE),
            n=rng.randint(5, 900),
            m=rng.randint(1, 9),
            k=rng.randint(10, 900),
        )
        filler = " ".join(rng.sample(FILLER, 5))
        paras.append(f"{sentence[0].upper()}{sentence[1:]} {filler}")
    return "\n\n".join(paras)


def general_article(rng: random.Random) -> str:
    return "\n\n".join(" ".join(rng.sample(GENERAL, 6)) for _ in range(12))


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def measure(label: str, texts: list[str], run: Callable[[list[str]], int]) -> None:
    """Wall-clock rates, and rates per CPU-second (per core: robust when the machine is shared)."""
    words = sum(len(t.split()) for t in texts)
    start, cpu = time.perf_counter(), _cpu()
    claims = run(texts)
    elapsed, cpu = time.perf_counter() - start, _cpu() - cpu
    print(
        f"{label:<30} {len(texts) / elapsed:8.0f} articles/s {words / elapsed:9.0f} words/s | per core "
        f"{len(texts) / cpu:8.0f} articles/s {words / cpu:9.0f} words/s "
        f"({len(texts)} articles, {claims} claims)"
    )


def sequential(texts: list[str]) -> int:
    return sum(len(extract(t).claims) for t in texts)


def parallel(workers: int) -> Callable[[list[str]], int]:
    def run(texts: list[str]) -> int:
        return sum(len(x.claims) for x in extract_many(((t, None) for t in texts), workers))

    return run


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=2000, help="articles of each kind [2000]")
    ap.add_argument("--workers", type=int, default=2, help="worker processes for the parallel run [2]")
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    dense = [pledge_article(rng) for _ in range(a.docs)]
    general = [general_article(rng) for _ in range(a.docs)]
    median_words = sorted(len(t.split()) for t in dense)[len(dense) // 2]
    print(f"python {sys.version.split()[0]}; pledge-dense median {median_words} words")
    extract(dense[0])  # build the pipeline once (lexicons, automata), as a worker does
    measure("pledge-dense, 1 process", dense, sequential)
    measure("general news, 1 process", general, sequential)
    measure(f"pledge-dense, {a.workers} workers", dense, parallel(a.workers))
    measure(f"general news, {a.workers} workers", general, parallel(a.workers))
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak memory: main process {own:.0f} MB, largest worker {children:.0f} MB")


if __name__ == "__main__":
    main()
