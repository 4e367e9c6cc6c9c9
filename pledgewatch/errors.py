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

    def __init__(
        self, message: str, *, path: str | None = None, line: int | None = None, hint: str | None = None
    ) -> None:
        self.file = path
        self.line = line
        where = f"{path}:{line}" if path is not None and line is not None else path
        super().__init__(message, hint=hint, path=where)


class MissingPathError(SourceError):
    code = "PW101"
    hint = "check the path; directories are read recursively"


class UnreadableFileError(SourceError):
    code = "PW102"
    hint = "check the file's permissions and that it is a regular file"


class BinaryFileError(SourceError):
    code = "PW103"
    hint = "pass text, Markdown, HTML or JSONL files; remove binary files from the batch"


class DecodeFailedError(SourceError):
    code = "PW104"
    hint = "re-save the file as UTF-8"


class EmptyFileError(SourceError):
    code = "PW105"
    hint = "remove the empty file from the batch"


class FileTooLargeError(SourceError):
    code = "PW106"
    hint = "split the file or raise the limit with --max-bytes"


class JsonlSyntaxError(SourceError):
    code = "PW107"
    hint = "each line of a .jsonl file must be one JSON object"


class JsonlFieldError(SourceError):
    code = "PW108"
    hint = 'each line needs a non-empty string "text"; optional: id, url, title, published, outlet'


class NoMainTextError(SourceError):
    code = "PW109"
    hint = "the page holds no article text; save the article itself, or its text as .txt"


class MetadataError(SourceError):
    code = "PW110"
    hint = "metadata keys: id, url, title, published (YYYY-MM-DD), outlet, initiative"


class UnsupportedFileError(SourceError):
    code = "PW111"
    hint = "pass .txt, .md, .html, .htm or .jsonl files, a directory, or - for standard input"


# --- PW2xx: store ---------------------------------------------------------------------


class StoreError(PledgewatchError):
    """The database could not be opened, migrated or written."""

    code = "PW200"
    hint = "check --db URL (sqlite:///FILE.db or postgresql://USER@HOST/DB) and that the server is up"


class DatabaseUnavailableError(StoreError):
    code = "PW201"


class DocumentNotStoredError(StoreError):
    """One document's writes were refused (a constraint, evidence that does not fit its text)."""

    code = "PW202"
    hint = "nothing of this document was stored; the rest of the batch goes on"


class ExtractionFailedError(DocumentNotStoredError):
    """The extractor failed on one document during ingest (a bug): it is not stored."""

    code = "PW203"
    hint = "nothing of this document was stored; `pledgewatch extract FILE` reproduces it: please report it"


# --- PW30x: extract, entity gazetteers ------------------------------------------------------


class GazetteerError(PledgewatchError):
    """A gazetteer file (states, organisations, people, titles, units, currencies) is invalid."""

    code = "PW301"
    hint = "fix the named file in pledgewatch/extract/data (states.jsonl: run scripts/build_gazetteer.py)"


# --- PW31x: extract, claims and evaluation ------------------------------------------------


class ExtractDataError(PledgewatchError):
    """A lexicon or rule file shipped in pledgewatch/extract/data is invalid."""

    code = "PW310"
    hint = "fix the named data file (see the field named in the message); the files are validated on load"


class EvaluationError(PledgewatchError):
    """A gold or prediction file cannot be scored."""

    code = "PW311"
    hint = "each line must be a JSON object with doc_id; gold lines need text_file relative to the gold file"


# --- PW4xx: ledger and review -----------------------------------------------------------


class LedgerError(PledgewatchError):
    """The ledger or a review action could not be done."""

    code = "PW400"


class LedgerDataError(LedgerError):
    code = "PW401"
    hint = "fix the named entry in the package data file (ledger/data/*.json)"


class ClaimNotFoundError(LedgerError):
    code = "PW402"
    hint = "list claim ids with: pledgewatch review list"
    http_status = 404


class ReviewFieldError(LedgerError):
    code = "PW403"
    hint = (
        "editable fields: donors, stance, stage, category, amount, unit, bound, recipient, period, "
        "speaker, date"
    )


class EvidenceNotFoundError(LedgerError):
    code = "PW404"
    hint = "copy the evidence sentence exactly as it stands in the document (pledgewatch show DONOR)"


class ReviewDocumentNotFoundError(LedgerError):
    code = "PW405"
    hint = "pass the doc id of an ingested document (pledgewatch ingest FILE first)"
    http_status = 404


# --- PW5xx: web and API ----------------------------------------------------------------


class WebError(PledgewatchError):
    """A request the API or the dashboard cannot serve."""

    code = "PW500"


class NotFoundError(WebError):
    code = "PW501"
    hint = "check the id or name in the address; list the collection to see what exists"
    http_status = 404


class AuthError(WebError):
    code = "PW502"
    hint = "create a token with `pledgewatch token create NAME` and send it as 'Authorization: Bearer TOKEN'"
    http_status = 401


class CsrfError(WebError):
    code = "PW503"
    hint = "reload the page and submit the form again"
    http_status = 403


class PayloadTooLargeError(WebError):
    code = "PW504"
    hint = "split the document or raise the server's upload limit"
    http_status = 413


class TokenError(WebError):
    code = "PW505"
    hint = "see `pledgewatch token list` for the names in use"
    http_status = 409


class RequestValidationFailed(WebError):
    code = "PW506"
    hint = "see /openapi.json for the parameters and body each route accepts"
    http_status = 422


class ReviewInputError(WebError):
    code = "PW507"
    hint = "stance is commit or deny, stage pledge or delivered, an amount needs a number and a unit"
    http_status = 422


class ConfigError(PledgewatchError):
    code = "PW900"
    hint = "check the option or environment variable named in the message"
    exit_code = 2
