"""Agreements out as CSV (one row per agreement, for spreadsheets) and JSON Lines (the full documents).

CSV flattens: parties joined with ``;``, the most confident evidence sentence, and the first
reporting article's id, URL and language. JSON Lines keeps everything, evidences included.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any, TextIO

import orjson

CSV_COLUMNS = (
    "id",
    "type",
    "status",
    "parties",
    "duration",
    "date",
    "date_resolved",
    "first_seen",
    "last_seen",
    "reports",
    "confidence",
    "evidence",
    "article_id",
    "url",
    "lang",
)


def csv_row(doc: dict[str, Any]) -> list[str]:
    """One agreement as CSV cells, in ``CSV_COLUMNS`` order (missing values are empty cells)."""
    flat = {**doc, "parties": ";".join(doc.get("parties") or ()), "reports": doc.get("reports") or 1}
    return ["" if flat.get(name) is None else str(flat[name]) for name in CSV_COLUMNS]


def write_csv(docs: Iterable[dict[str, Any]], out: TextIO) -> int:
    """Write a header and one row per agreement; returns the rows written."""
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180 line ends
    writer.writerow(CSV_COLUMNS)
    count = 0
    for doc in docs:
        writer.writerow(csv_row(doc))
        count += 1
    return count


def jsonl_line(doc: dict[str, Any]) -> bytes:
    """One agreement as a JSON line."""
    return orjson.dumps(doc) + b"\n"
