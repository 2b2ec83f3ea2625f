"""Errors of the pure core.

Hierarchy::

    WirewatchError
    └── Rejected            an input the core will not turn into output; carries a RejectReason

Rejecting an article is an outcome, not a bug: shells turn a ``Rejected`` into a dead-letter
record whose ``error_kind`` is the reason's value and into a metric label. Any other exception
escaping the core is a bug and is dead-lettered as ``internal_error``.
"""

from __future__ import annotations

from enum import StrEnum


class RejectReason(StrEnum):
    """Why the core refused an input. Values are stable: they are metric labels and wire values."""

    EMPTY = "empty"
    TOO_LARGE = "too_large"
    BINARY = "binary"
    UNDECODABLE = "undecodable"
    NO_TEXT = "no_text"
    MALFORMED = "malformed"
    UNSAFE = "unsafe"  # e.g. XML entity declarations (billion laughs), refused unread


class WirewatchError(Exception):
    """Base class of every error Wirewatch raises on purpose."""


class Rejected(WirewatchError):
    """The core will not process this input, for ``reason``; ``detail`` says what it saw."""

    def __init__(self, reason: RejectReason, detail: str) -> None:
        super().__init__(f"{reason.value}: {detail}")
        self.reason = reason
        self.detail = detail
