"""Bytes -> text: refuse binary files, decode with charset detection, normalise line endings only."""

from __future__ import annotations

import codecs
import re

from pledgewatch.errors import BinaryFileError, DecodeFailedError, EmptyFileError
from pledgewatch.sources.base import normalise_newlines

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3\x00", "an SQLite database"),
)

# Legacy encodings of news text, most likely first; preferred over rarer guesses.
COMMON: tuple[str, ...] = (
    "cp1252",
    "cp1250",
    "cp1251",
    "latin_1",
    "iso8859_15",
    "cp1253",
    "cp1254",
    "cp1256",
)
CHAOS_MARGIN = 0.1

# A well-formed multi-byte UTF-8 sequence: its presence means the file was meant as UTF-8.
UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
# Control characters no text file holds (tab, newlines and form feed are fine).
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def decode(data: bytes, *, path: str, line: int | None = None) -> str:
    """The text of ``data``, exactly, with CRLF/CR turned into LF; a typed error otherwise."""
    if not data.strip():
        reason = "the file is empty" if not data else "the file holds only whitespace"
        raise EmptyFileError(reason if line is None else "the text is empty", path=path, line=line)
    text = _decode(data, path=path, line=line)
    if not text.strip():
        raise EmptyFileError("the file holds only whitespace", path=path, line=line)
    return normalise_newlines(text)


def _decode(data: bytes, *, path: str, line: int | None) -> str:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as error:
                raise DecodeFailedError(
                    f"starts with a {encoding} byte-order mark but is not {encoding} (byte {error.start})",
                    path=path,
                    line=line,
                ) from error
    for magic, kind in MAGIC:
        if data.startswith(magic):
            raise BinaryFileError(f"not text: looks like {kind}", path=path, line=line)
    nul = data.find(b"\x00")
    if nul >= 0:
        raise BinaryFileError(f"not text: NUL byte at offset {nul}", path=path, line=line)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        utf8_error = error
    if UTF8_MULTIBYTE.search(data):
        raise DecodeFailedError(
            f"invalid UTF-8 at byte {utf8_error.start} in a file that is otherwise UTF-8",
            path=path,
            line=line,
        )
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    text = None
    if matches:
        # On short texts the detector's first guess is often an exotic code page; take a
        # common one instead when it reads the bytes about as cleanly.
        ceiling = matches[0].chaos + CHAOS_MARGIN
        common = [m for enc in COMMON for m in matches if m.encoding == enc and m.chaos <= ceiling]
        text = str((common or matches)[0])
    if text is None or CONTROL.search(text):
        raise DecodeFailedError(
            f"not UTF-8 (byte {utf8_error.start}) and no other encoding reads it", path=path, line=line
        )
    return text
