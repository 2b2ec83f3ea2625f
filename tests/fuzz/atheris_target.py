"""Coverage-guided fuzzing of the decoder and both stage handlers with atheris (optional).

Not collected by pytest (no ``test_`` prefix). Run it with ``make fuzz`` (installs atheris from
PyPI if missing), or: ``python -m tests.fuzz.atheris_target -atheris_runs=100000``.
Any exception escaping a handler, or a dead letter of kind ``internal_error``, is a crash.
"""

from __future__ import annotations

import contextlib
import sys

import atheris
import orjson

with atheris.instrument_imports():
    from wirewatch.cleaner.handler import CleanerHandler
    from wirewatch.contracts.codec import DecodeError, decode
    from wirewatch.contracts.deadletter import Origin
    from wirewatch.core.analysis import Resources
    from wirewatch.core.cleaning import CleanOptions
    from wirewatch.tagger.handler import TaggerHandler

ORIGIN = Origin("articles.raw", 0, 0, b"atheris")
NOW = "2026-01-01T00:00:00.000Z"
CLEANER = CleanerHandler(CleanOptions())
TAGGER = TaggerHandler(Resources.load())


def as_message(data: bytes) -> bytes:
    """Half the inputs as they come; the other half wrapped into a raw or clean article around fuzzed text."""
    if not data or data[0] % 2 == 0:
        return data
    fdp = atheris.FuzzedDataProvider(data[1:])
    body_key = fdp.PickValueInList(["text", "html", "body"])
    text = fdp.ConsumeUnicodeNoSurrogates(fdp.remaining_bytes())
    doc = {"id": "atheris", body_key: text}
    if body_key == "body":
        doc.update(title="", lang="en", lang_confidence=0.5, authors=[], sources=[], removed_lines=0)
    return orjson.dumps(doc)


def one_input(data: bytes) -> None:
    """Feed ``data`` to the decoder, the cleaner and the tagger; raise on an untyped failure."""
    message = as_message(data)
    with contextlib.suppress(DecodeError):
        decode(message)
    for handler in (CLEANER, TAGGER):
        outcome = handler.handle(message, ORIGIN, NOW)
        if outcome.error_kind == "internal_error":
            raise AssertionError(outcome.outputs[0].document["message"])


def main() -> None:
    """atheris entry point."""
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
