"""pledgewatch: track what states and organisations pledge, and whether they deliver.

The public API is small: ``extract`` reads claims out of a text; the records are the
frozen dataclasses every stage shares.
"""

from __future__ import annotations

from pledgewatch.errors import PledgewatchError
from pledgewatch.extract import extract
from pledgewatch.records import Amount, Claim, Conflict, Document, Evidence, Extraction, Membership, Pledge

__version__ = "0.1.0"

__all__ = [
    "Amount",
    "Claim",
    "Conflict",
    "Document",
    "Evidence",
    "Extraction",
    "Membership",
    "Pledge",
    "PledgewatchError",
    "__version__",
    "extract",
]
