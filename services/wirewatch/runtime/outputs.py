"""Encoding a handler's outputs for the broker: the size check and the clock every stage shares."""

from __future__ import annotations

from datetime import UTC, datetime

from wirewatch.contracts.deadletter import Origin, dead_letter
from wirewatch.contracts.outcome import Outcome, Output
from wirewatch.contracts.topics import Topic
from wirewatch.core.errors import ErrorKind
from wirewatch.runtime.metrics import Stage

#: Largest record a stage produces (the producer's ``max_request_size``); larger outputs are dead-lettered.
MAX_MESSAGE_BYTES = 8 * 1024 * 1024
_RECORD_HEADROOM = 64 * 1024  # key, headers and batch overhead around the value


def utc_now() -> str:
    """The current time as an RFC 3339 string with milliseconds."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def sized_outputs(
    outcome: Outcome, stage: Stage, value: bytes | None, origin: Origin, now: str
) -> tuple[ErrorKind | None, list[tuple[Output, bytes]]]:
    """The outcome's outputs encoded, or one dead letter when an output is larger than the broker takes.

    Without this check the producer refuses the record (MessageSizeTooLargeError), the batch can
    never be delivered, and the stage stalls behind the message for good while /healthz still
    answers. Returns the error kind (``None`` when the outcome succeeded) and the records to send.
    """
    encoded = [(out, out.value()) for out in outcome.outputs]
    too_large = [(out, len(data)) for out, data in encoded if len(data) > MAX_MESSAGE_BYTES - _RECORD_HEADROOM]
    if not too_large:
        return outcome.error_kind, encoded
    out, size = too_large[0]
    detail = f"the {out.topic.value} document is {size} bytes; the limit is {MAX_MESSAGE_BYTES - _RECORD_HEADROOM}"
    letter = Output(
        Topic.DEADLETTER,
        origin.key or b"",
        dead_letter(stage.value, ErrorKind.OUTPUT_TOO_LARGE, detail, value or b"", origin, now),
    )
    return ErrorKind.OUTPUT_TOO_LARGE, [(letter, letter.value())]
