"""Every error pledgewatch raises on purpose: a stable code, a message, a fix hint.

The CLI prints ``PW103: <message> (hint: ...)`` in red and exits with ``exit_code``;
the API turns the same error into one JSON problem shape. Codes never change
meaning once released: add new ones, do not renumber.

Code ranges: PW1xx sources (reading input), PW2xx store, PW3xx extract,
PW4xx ledger and review, PW5xx web and API, PW9xx configuration.
"""

from __future__ import annotations


class PledgewatchError(Exception):
    """Base of every deliberate error."""

    code = "PW000"
    hint = ""
    exit_code = 1
    http_status = 400

    def __init__(self, message: str, *, hint: str | None = None, path: str | None = None) -> None:
        self.message = message
        self.path = path
        if hint is not None:
            self.hint = hint
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        tail = f" (hint: {self.hint})" if self.hint else ""
        return f"{self.code}: {where}{self.message}{tail}"


# --- PW1xx: reading input -------------------------------------------------------------


class SourceError(PledgewatchError):
    """A document could not be read; the batch goes on without it."""

    code = "PW100"


class ConfigError(PledgewatchError):
    code = "PW900"
    hint = "check the option or environment variable named in the message"
    exit_code = 2
