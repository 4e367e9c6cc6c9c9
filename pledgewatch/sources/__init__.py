"""The only code that reads input: files, directories, HTML pages, JSON Lines, stdin -> Document.

    for item in read_sources(["news/", "batch.jsonl", "-"], defaults=SourceDefaults(), max_bytes=5_000_000):
        if isinstance(item, SourceFailure): print(item.error)   # PW1xx, names the file (and line)
        else: store(item)                                        # a Document

The stored text is exactly what the extractor reads: decoded (with charset detection)
and with line endings normalised, nothing else, so evidence offsets point into it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import IO

from pledgewatch.records import Document
from pledgewatch.sources.base import SourceDefaults, SourceFailure, content_hash, make_document
from pledgewatch.sources.files import Input, list_inputs, read_input

__all__ = [
    "Input",
    "SourceDefaults",
    "SourceFailure",
    "content_hash",
    "list_inputs",
    "make_document",
    "read_input",
    "read_sources",
]


def read_sources(
    paths: Iterable[str], *, defaults: SourceDefaults, max_bytes: int, stdin: IO[bytes] | None = None
) -> Iterator[Document | SourceFailure]:
    """Every document under ``paths``, in order; a failure record for each that cannot be read."""
    for item in list_inputs(paths):
        yield from read_input(item, defaults=defaults, max_bytes=max_bytes, stdin=stdin)
