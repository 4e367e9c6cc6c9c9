"""pledgewatch: track what states and organisations pledge, and whether they deliver.

The public API is small: ``extract`` reads claims out of a text; the records are the
frozen dataclasses every stage shares.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pledgewatch.errors import PledgewatchError
from pledgewatch.records import Amount, Claim, Conflict, Document, Evidence, Extraction, Membership, Pledge

__version__ = "0.1.0"

if TYPE_CHECKING:
    from pledgewatch.extract import extract as extract

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


def __getattr__(name: str) -> Any:
    # ``extract`` loads spaCy; import it only when it is asked for.
    if name == "extract":
        from pledgewatch.extract import extract

        return extract
    raise AttributeError(name)
