"""Handle one message of an archived topic: validated, it becomes one output for the archive.

Called by the stage runner for every record of the topic the handler was made for. A message
that is not JSON or breaks its topic's schema comes back as a dead letter (``run_handler``), so
the archive only ever holds documents the pipeline's contracts accept.
"""

from __future__ import annotations

from wirewatch.contracts.deadletter import Origin
from wirewatch.contracts.outcome import Outcome, Output, run_handler
from wirewatch.contracts.topics import Topic
from wirewatch.runtime.metrics import Stage


class ArchiveHandler:
    """Turns ``topic`` messages into outputs for the archive sink (keyed like the message)."""

    def __init__(self, topic: Topic) -> None:
        self.topic = topic

    def handle(self, value: bytes | None, origin: Origin, now: str) -> Outcome:
        """One message: its document for the sink, or a dead letter."""
        key = origin.key or b""
        # The output is the input document, just checked against its schema: not checked again.
        return run_handler(
            Stage.ARCHIVER.value,
            self.topic,
            value,
            origin,
            now,
            lambda doc: [Output(self.topic, key, doc)],
            check_outputs=False,
        )
