"""Paths -> inputs -> documents: files by extension, directories recursively, ``-`` for stdin.

Plain text and Markdown take their metadata from a sidecar ``NAME.meta.json`` (keys
id, url, title, published, outlet, initiative) or else from the defaults (options).
An HTML page's own metadata comes first, a sidecar overrides it.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from pledgewatch.errors import (
    FileTooLargeError,
    MetadataError,
    MissingPathError,
    SourceError,
    UnreadableFileError,
    UnsupportedFileError,
)
from pledgewatch.records import Document
from pledgewatch.sources.base import (
    META_KEYS,
    SourceDefaults,
    SourceFailure,
    content_hash,
    make_document,
    parse_date,
)
from pledgewatch.sources.html import looks_like_html, read_page
from pledgewatch.sources.jsonl import read_jsonl
from pledgewatch.sources.text import decode

KINDS: dict[str, str] = {".txt": "text", ".md": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
SIDECAR = ".meta.json"
STDIN = "-"


@dataclass(frozen=True, slots=True)
class Input:
    """One file to read (or ``-``), or a path that failed before reading."""

    path: str
    failure: SourceError | None = None


def list_inputs(paths: Iterable[str]) -> list[Input]:
    """Expand directories (recursively, sorted, hidden files skipped) into the files to read."""
    inputs: list[Input] = []
    for raw in paths:
        path = Path(raw)
        if raw == STDIN:
            inputs.append(Input(STDIN))
        elif path.is_dir():
            inputs.extend(Input(str(found)) for found in _walk(path))
        elif not os.path.lexists(path) or not path.exists():
            inputs.append(Input(raw, MissingPathError("no such file or directory", path=raw)))
        elif raw.endswith(SIDECAR) or path.suffix.lower() not in KINDS:
            inputs.append(
                Input(raw, UnsupportedFileError(f"unsupported file type {path.suffix!r}", path=raw))
            )
        else:
            inputs.append(Input(raw))
    return inputs


def _walk(root: Path) -> Iterator[Path]:
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith((".", "__")))
        for name in sorted(files):
            if not name.startswith(".") and not name.endswith(SIDECAR) and Path(name).suffix.lower() in KINDS:
                yield Path(folder) / name


def read_input(
    item: Input, *, defaults: SourceDefaults, max_bytes: int, stdin: IO[bytes] | None = None
) -> Iterator[Document | SourceFailure]:
    """The documents of one input; every problem is a SourceFailure, never an exception."""
    if item.failure is not None:
        yield SourceFailure(path=item.path, line=None, error=item.failure)
        return
    try:
        if item.path == STDIN:
            yield from _read_stdin(stdin, defaults=defaults, max_bytes=max_bytes)
        else:
            yield from _read_file(Path(item.path), defaults=defaults, max_bytes=max_bytes)
    except SourceError as error:
        yield SourceFailure(path=item.path, line=getattr(error, "line", None), error=error)


def _read_file(path: Path, *, defaults: SourceDefaults, max_bytes: int) -> Iterator[Document | SourceFailure]:
    name = str(path)
    kind = KINDS[path.suffix.lower()]
    try:
        info = path.stat()
    except OSError as error:
        raise UnreadableFileError(f"cannot read: {error.strerror}", path=name) from error
    if not stat.S_ISREG(info.st_mode):
        raise UnreadableFileError("not a regular file (a pipe, socket or device)", path=name)
    if kind != "jsonl" and info.st_size > max_bytes:
        raise FileTooLargeError(f"{info.st_size:,} bytes, over the limit of {max_bytes:,}", path=name)
    if kind == "jsonl":
        yield from _read_jsonl_file(path, defaults=defaults, max_bytes=max_bytes)
        return
    try:
        data = path.read_bytes()
    except OSError as error:
        raise UnreadableFileError(f"cannot read: {error.strerror}", path=name) from error
    if len(data) > max_bytes:  # files whose stat size is not their content size (/proc, growing files)
        raise FileTooLargeError(f"over the limit of {max_bytes:,} bytes", path=name)
    text = decode(data, path=name)
    meta: dict[str, Any] = {}
    if kind == "html":
        page = read_page(text, path=name)
        text = page.text
        meta = {"title": page.title, "url": page.url, "published": page.published, "outlet": page.outlet}
    meta.update(read_sidecar(path))
    doc_id = meta.pop("id", None) or path.stem
    yield make_document(text, doc_id, defaults=defaults, source_path=name, **meta)


def _read_jsonl_file(
    path: Path, *, defaults: SourceDefaults, max_bytes: int
) -> Iterator[Document | SourceFailure]:
    try:
        with path.open("rb") as handle:
            yield from read_jsonl(
                handle, path=str(path), stem=path.stem, defaults=defaults, max_bytes=max_bytes
            )
    except OSError as error:
        raise UnreadableFileError(f"cannot read: {error.strerror}", path=str(path)) from error


def read_sidecar(path: Path) -> dict[str, Any]:
    """The metadata in ``NAME.meta.json`` next to ``NAME.txt``; {} when there is none."""
    sidecar = path.with_name(path.stem + SIDECAR)
    if not sidecar.is_file():
        return {}
    where = str(sidecar)
    try:
        record = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise MetadataError(f"cannot read the metadata sidecar: {error}", path=where) from error
    if not isinstance(record, dict):
        raise MetadataError("the metadata sidecar must hold one JSON object", path=where)
    unknown = sorted(set(record) - set(META_KEYS))
    if unknown:
        raise MetadataError(f"unknown metadata keys {unknown}", path=where)
    for key, value in record.items():
        if value is not None and not isinstance(value, str):
            raise MetadataError(f'"{key}" must be a string', path=where)
    meta = {key: value for key, value in record.items() if value}
    if "published" in meta:
        meta["published"] = parse_date(meta["published"], path=where)
    return meta


def _read_stdin(
    stream: IO[bytes] | None, *, defaults: SourceDefaults, max_bytes: int
) -> Iterator[Document | SourceFailure]:
    if stream is None:
        raise UnreadableFileError("standard input is not available", path=STDIN)
    data = stream.read()
    first = next((line for line in data.splitlines() if line.strip()), b"").strip()
    if first.startswith(b"{") and first.endswith(b"}"):
        lines = data.splitlines(keepends=True)
        yield from read_jsonl(lines, path=STDIN, stem="stdin", defaults=defaults, max_bytes=max_bytes)
        return
    if len(data) > max_bytes:
        raise FileTooLargeError(f"{len(data):,} bytes, over the limit of {max_bytes:,}", path=STDIN)
    text = decode(data, path=STDIN)
    meta: dict[str, Any] = {}
    if looks_like_html(text):
        page = read_page(text, path=STDIN)
        text = page.text
        meta = {"title": page.title, "url": page.url, "published": page.published, "outlet": page.outlet}
    doc_id = f"stdin-{content_hash(text)[:8]}"
    yield make_document(text, doc_id, defaults=defaults, source_path=STDIN, **meta)
