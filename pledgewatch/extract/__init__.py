"""Text + publication date -> claims and membership records (spec/claims.md). Pure: no I/O.

    >>> from pledgewatch.extract import extract
    >>> [c.to_spec()["donors"] for c in extract("Qatar pledged $1 billion to the fund.").claims]
    [['Qatar']]

``extract(text, published)`` runs the cached pipeline (``pipeline.build_nlp()``);
``parallel.extract_many`` runs it over many texts in worker processes.
"""

from __future__ import annotations

import datetime as dt

from pledgewatch.extract.pipeline import EXTRACTOR_VERSION, build_nlp
from pledgewatch.records import Extraction

__all__ = ["EXTRACTOR_VERSION", "extract"]


def extract(text: str, published: dt.date | None = None) -> Extraction:
    """Every claim and membership record in ``text``; ``published`` resolves relative dates."""
    return build_nlp().extract(text, published)
