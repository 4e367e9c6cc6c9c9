"""Extraction over many texts: worker processes for big batches, in input order.

    >>> from pledgewatch.extract.parallel import extract_many
    >>> [len(x.claims) for x in extract_many([("Qatar pledged $1 billion.", None)], workers=2)]
    [1]

Small batches (fewer than ``min_parallel`` texts, or ``workers <= 1``) run in this
process; bigger ones go to a process pool in chunks, and results come back in the
order of the input. ``workers=0`` means one per core.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from itertools import chain, islice

from pledgewatch.records import Extraction

Item = tuple[str, "dt.date | None"]
MIN_PARALLEL = 64
CHUNK = 32


def _work(batch: list[Item]) -> list[Extraction]:
    from pledgewatch.extract import extract

    return [extract(text, published) for text, published in batch]


def _batches(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def extract_many(
    items: Iterable[Item], workers: int = 0, *, min_parallel: int = MIN_PARALLEL, chunk: int = CHUNK
) -> Iterator[Extraction]:
    """Extractions for ``(text, published)`` items, in input order."""
    workers = workers or (os.cpu_count() or 1)
    it = iter(items)
    head = list(islice(it, min_parallel))
    if workers <= 1 or len(head) < min_parallel:
        yield from _work(head)
        for batch in _batches(it, chunk):
            yield from _work(batch)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        pending = []
        source = _batches(chain(head, it), chunk)
        for batch in islice(source, workers * 2):
            pending.append(pool.submit(_work, batch))
        while pending:
            done = pending.pop(0)
            nxt = next(source, None)
            if nxt is not None:
                pending.append(pool.submit(_work, nxt))
            yield from done.result()
