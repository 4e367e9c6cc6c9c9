from __future__ import annotations

import pytest

from pledgewatch.errors import BinaryFileError, DecodeFailedError, EmptyFileError
from pledgewatch.sources.text import decode

FRENCH = "Café au lait, déjà vu, naïve résumé."
QUOTES = "Smart “quotes” – and €5 million"
RUSSIAN = "Казахстан не делал взносов в фонд."


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"plain ascii", "plain ascii"),
        ("café €5".encode(), "café €5"),
        (b"\xef\xbb\xbfwith a BOM", "with a BOM"),
        ("utf-16 text".encode("utf-16"), "utf-16 text"),
        (FRENCH.encode("latin-1"), FRENCH),
        (QUOTES.encode("cp1252"), QUOTES),
        (RUSSIAN.encode("cp1251"), RUSSIAN),
    ],
    ids=["ascii", "utf8", "utf8-bom", "utf16", "latin1", "cp1252", "cp1251"],
)
def test_decode_reads_the_encoding(data: bytes, expected: str) -> None:
    assert decode(data, path="x.txt") == expected


def test_decode_normalises_line_endings_only() -> None:
    raw = b"  One.\r\nTwo.\rThree.\n\tFour.  \r\n"
    assert decode(raw, path="x.txt") == "  One.\nTwo.\nThree.\n\tFour.  \n"


@pytest.mark.parametrize(
    ("data", "error", "reason"),
    [
        (b"", EmptyFileError, "empty"),
        (b" \n\r\n\t", EmptyFileError, "only whitespace"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", BinaryFileError, "PNG"),
        (b"%PDF-1.7 ...", BinaryFileError, "PDF"),
        (b"text then \x00\x01\x02 bytes", BinaryFileError, "NUL byte at offset 10"),
        ("café ".encode() + b"\xff\xfe broken", DecodeFailedError, "invalid UTF-8 at byte 6"),
        (b"\xef\xbb\xbfBOM then \xff", DecodeFailedError, "byte-order mark"),
    ],
    ids=["empty", "whitespace", "png", "pdf", "nul", "broken-utf8", "broken-after-bom"],
)
def test_decode_refuses_what_is_not_text(data: bytes, error: type[Exception], reason: str) -> None:
    with pytest.raises(error, match=reason) as caught:
        decode(data, path="dir/x.txt")
    assert "dir/x.txt" in str(caught.value)
