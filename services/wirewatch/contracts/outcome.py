"""What a stage handler returns for one input message: outputs to produce, or a dead letter.

``run_handler`` is the one place that turns failures into dead letters, so every stage
reports errors the same way:

1. ``DecodeError`` (not a JSON object)           -> ``ErrorKind.NOT_JSON``
2. ``Rejected`` from the core or the wire layer  -> its reason
3. ``SchemaViolation`` on input                  -> ``ErrorKind.SCHEMA_INVALID``
4. ``SchemaViolation`` on our own output         -> ``ErrorKind.OUTPUT_INVALID`` (a bug, but nothing is lost)
5. any other exception                           -> ``ErrorKind.INTERNAL_ERROR``
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from wirewatch.contracts.cloudevents import Headers
from wirewatch.contracts.codec import DecodeError, decode, encode
from wirewatch.contracts.deadletter import Origin, dead_letter
from wirewatch.contracts.schemas import SchemaViolation, validate_for
from wirewatch.contracts.topics import Topic
from wirewatch.core.errors import ErrorKind, Rejected

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Output:
    """One message to produce: topic, key, JSON document and headers."""

    topic: Topic
    key: bytes
    document: dict[str, Any]
    headers: Headers = field(default_factory=list)

    def value(self) -> bytes:
        """The encoded document."""
        return encode(self.document)


@dataclass(frozen=True, slots=True)
class Outcome:
    """The result of handling one message. ``error_kind`` is set when it was dead-lettered."""

    outputs: tuple[Output, ...]
    error_kind: ErrorKind | None = None

    @property
    def failed(self) -> bool:
        """Whether the message went to the dead-letter topic."""
        return self.error_kind is not None


Handler = Callable[[dict[str, Any]], list[Output]]


def _classify(exc: Exception) -> tuple[ErrorKind, str]:
    if isinstance(exc, Rejected):
        return exc.kind, exc.detail
    if isinstance(exc, DecodeError | SchemaViolation):
        return exc.kind, str(exc)
    log.exception("internal error while handling a message")
    return ErrorKind.INTERNAL_ERROR, f"{type(exc).__name__}: {exc}"


def run_handler(
    stage: str,
    source: Topic,
    value: bytes | None,
    origin: Origin,
    now: str,
    handler: Handler,
    check_outputs: bool = True,
) -> Outcome:
    """Decode and validate ``value`` as a ``source`` message, call ``handler``, validate its outputs.

    Never raises for a bad message: the outcome then holds one dead-letter output. A stage whose
    outputs are its validated inputs unchanged (the archiver) passes ``check_outputs=False``
    rather than pay for the same check twice.
    """
    try:
        document = decode(value)
        validate_for(source, document)
        outputs = handler(document)
    except Exception as exc:
        kind, message = _classify(exc)
        return _dead(stage, kind, message, value, origin, now)
    try:
        for out in outputs if check_outputs else ():
            validate_for(out.topic, out.document)
    except SchemaViolation as exc:
        log.error("stage %s produced an invalid document: %s", stage, exc)
        return _dead(stage, ErrorKind.OUTPUT_INVALID, str(exc), value, origin, now)
    return Outcome(tuple(outputs))


def _dead(stage: str, kind: ErrorKind, message: str, value: bytes | None, origin: Origin, now: str) -> Outcome:
    letter = dead_letter(stage, kind, message, value or b"", origin, now)
    key = origin.key if origin.key is not None else b""
    return Outcome((Output(Topic.DEADLETTER, key, letter),), error_kind=kind)
