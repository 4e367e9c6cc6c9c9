"""The bundled demo corpus: short documents about the Board of Peace (2026), written for pledgewatch.

News reports, a ministry statement, wire summaries, an HTML page and a JSONL batch, in
the styles such texts take in the wild. ``pledgewatch demo`` ingests them into a fresh
database.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

DEMO_INITIATIVE = "Board of Peace"


def corpus_dir() -> Path:
    """The directory that holds the demo documents (and their .meta.json sidecars)."""
    return Path(str(files(__name__)))
