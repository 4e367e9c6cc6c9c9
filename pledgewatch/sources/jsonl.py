"""JSON Lines: one document per line (``text`` required; id, url, title, published, outlet optional).

Each line is checked on its own: a bad line is a failure naming the file and the
line, and the lines after it are still read. The size limit applies per line.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from pledgewatch.errors import (
    DecodeFailedError,
    FileTooLargeError,
    JsonlFieldError,
    JsonlSyntaxError,
    SourceError,
)
from pledgewatch.records import Document
from pledgewatch.sources.base import (
    META_KEYS,
    SourceDefaults,
    SourceFailure,
    make_document,
    normalise_newlines,
    parse_date,
)


def read_jsonl(
    lines: Iterable[bytes], *, path: str, stem: str, defaults: SourceDefaults, max_bytes: int
) -> Iterator[Document | SourceFailure]:
    for number, raw in enumerate(lines, start=1):
        try:
            document = _read_line(raw, number, path=path, stem=stem, defaults=defaults, max_bytes=max_bytes)
        except SourceError as error:
            yield SourceFailure(path=path, line=number, error=error)
            continue
        if document is not None:
            yield document


def _read_line(
    raw: bytes, number: int, *, path: str, stem: str, defaults: SourceDefaults, max_bytes: int
) -> Document | None:
    if len(raw) > max_bytes:
        raise FileTooLargeError(
            f"line is {len(raw):,} bytes, over the limit of {max_bytes:,}", path=path, line=number
        )
    if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if not raw.strip():
        return None
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise DecodeFailedError(f"invalid UTF-8 at byte {error.start}", path=path, line=number) from error
    try:
        record: Any = json.loads(line)
    except json.JSONDecodeError as error:
        message = f"not valid JSON: {error.msg} (column {error.colno})"
        raise JsonlSyntaxError(message, path=path, line=number) from error
    if not isinstance(record, dict):
        raise JsonlSyntaxError(f"a JSON {type(record).__name__}, not an object", path=path, line=number)
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        reason = (
            'no "text"' if text is None else '"text" is empty' if text == "" else '"text" is not a string'
        )
        raise JsonlFieldError(reason, path=path, line=number)
    for key in META_KEYS:
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise JsonlFieldError(f'"{key}" must be a string', path=path, line=number)
    doc_id = record.get("id") or f"{stem}-{number}"
    return make_document(
        normalise_newlines(text),
        doc_id,
        defaults=defaults,
        source_path=f"{path}:{number}",
        url=record.get("url"),
        title=record.get("title"),
        outlet=record.get("outlet"),
        initiative=record.get("initiative"),
        published=parse_date(record.get("published"), path=path, line=number),
    )
