"""Every error Wirewatch raises on purpose, and the one list of dead-letter kinds.

The whole tree, drawn once (``tests/unit/core/test_errors.py`` checks that every exception class
of the package is in it and under ``WirewatchError``)::

    WirewatchError
    ├── Rejected              an input the core will not turn into output; carries an ErrorKind
    ├── DecodeError           contracts.codec: the bytes are not a JSON object
    ├── SchemaViolation       contracts.schemas: a document breaks its schema
    ├── ParamError            api.query: a query parameter the endpoint cannot use
    ├── CursorError           archive.model: a page cursor that does not decode
    ├── ConfigurationError    something Wirewatch was configured or packaged with cannot be used
    │   ├── SettingsError       runtime.settings: an environment variable
    │   ├── ConfigError         scraper.config: the sources file
    │   ├── PhraseFileError     core.cleaning.phrases: a boilerplate phrase file
    │   ├── BadNamedBase        core.agreements.named: a named-agreement data file
    │   ├── UnknownLanguage     core.agreements.lexicon: no lexicon for a language
    │   └── MigrationError      archive.migrations: the database's schema is newer than the code
    └── FetchError            the scraper got no usable body from a site
        ├── FetchFailed         scraper.fetch: a request failed, with its outcome
        ├── BodyTooLarge        scraper.limits: the body passed the size limit
        ├── UnsupportedEncoding scraper.limits: a content coding not asked for, or corrupt
        ├── AddressRefused      scraper.addresses: the host resolves to a private address
        └── ResolveFailed       scraper.addresses: the host name does not resolve

Classes keep their built-in base where callers rely on it (``DecodeError`` is still a
``ValueError``). Rejecting an input is an outcome, not a bug: the shells turn an error into a
dead-letter record and a metric label through its ``ErrorKind``; any other exception escaping a
handler is a bug, dead-lettered as ``internal_error``.
"""

from __future__ import annotations

from enum import StrEnum


class ErrorKind(StrEnum):
    """Why a message went to ``deadletter``: the record's ``error_kind`` and the metrics' label.

    Values are stable wire values and metric labels; add, never rename.
    """

    # the core refused the input (``Rejected``)
    EMPTY = "empty"
    TOO_LARGE = "too_large"
    BINARY = "binary"
    UNDECODABLE = "undecodable"
    NO_TEXT = "no_text"
    MALFORMED = "malformed"
    UNSAFE = "unsafe"  # e.g. XML entity declarations (billion laughs), refused unread
    # the message itself (``contracts``)
    NOT_JSON = "not_json"
    SCHEMA_INVALID = "schema_invalid"
    # our own output: a bug, but nothing is lost
    OUTPUT_INVALID = "output_invalid"
    OUTPUT_TOO_LARGE = "output_too_large"
    INTERNAL_ERROR = "internal_error"


class WirewatchError(Exception):
    """Base class of every error Wirewatch raises on purpose; ``kind`` is its dead-letter kind."""

    kind: ErrorKind = ErrorKind.INTERNAL_ERROR


class Rejected(WirewatchError):
    """The core will not process this input, for ``reason``; ``detail`` says what it saw."""

    def __init__(self, reason: ErrorKind, detail: str) -> None:
        super().__init__(f"{reason.value}: {detail}")
        self.reason = reason
        self.kind = reason
        self.detail = detail


class ConfigurationError(WirewatchError):
    """A setting, a configuration file or a packaged data file cannot be used (fix it, then restart)."""


class FetchError(WirewatchError):
    """The scraper could not get a usable body from a site; the poller records it and goes on."""
