"""Text + publication date -> claims and membership records (spec/claims.md). Pure: no I/O.

Placeholder until the extractor lands: returns nothing.
"""

from __future__ import annotations

import datetime as dt

from pledgewatch.records import Extraction

EXTRACTOR_VERSION = "0.0.0"


def extract(text: str, published: dt.date | None = None) -> Extraction:
    return Extraction(extractor_version=EXTRACTOR_VERSION)
