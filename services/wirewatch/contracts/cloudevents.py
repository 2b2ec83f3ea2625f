"""CloudEvents 1.0 attributes in binary mode: one ``ce_*`` Kafka header per attribute."""

from __future__ import annotations

SPEC_VERSION = "1.0"
SOURCE = "urn:wirewatch"

Headers = list[tuple[str, bytes]]


def ce_headers(event_id: str, event_type: str, time: str, *, subject: str | None = None) -> Headers:
    """The CloudEvents headers of one event; ``event_id`` must be deterministic for replays to deduplicate."""
    headers = [
        ("ce_specversion", SPEC_VERSION.encode()),
        ("ce_id", event_id.encode()),
        ("ce_type", event_type.encode()),
        ("ce_source", SOURCE.encode()),
        ("ce_time", time.encode()),
        ("content-type", b"application/json"),
    ]
    if subject:
        headers.append(("ce_subject", subject.encode()))
    return headers


def header_map(headers: Headers | None) -> dict[str, str]:
    """Headers as a dict of strings (last value wins), for reading them back."""
    return {k: v.decode("utf-8", "replace") for k, v in headers or ()}
