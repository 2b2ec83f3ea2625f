"""Each stage alone, in this process: clean HTML, clean text, tag — articles per CPU-second and peak memory.

The cross-stage table only; quality and per-stage detail are in bench_clean.py and bench_tag.py.
Speed is articles per second of this process's CPU time (one core: the stages are single-threaded),
so other load on the machine moves it less than wall time would. Peak memory is the largest
Python allocation (tracemalloc) while the stage handles one article, measured on a separate
pass because tracemalloc slows everything down. References, measured here and now:
trafilatura's ``extract`` alone on the same HTML pages, and an orjson decode+encode of the
same messages (the transport cost every stage pays).
"""

from __future__ import annotations

import time
import tracemalloc
from collections.abc import Callable
from typing import Any

import orjson

from benchmarks.harness import load_documents
from wirewatch.contracts.wire import raw_from_wire
from wirewatch.core.analysis import Resources, tag_article
from wirewatch.core.cleaning import CleanOptions, clean_article
from wirewatch.core.errors import Rejected
from wirewatch.core.model import CleanArticle

MIB = 1024 * 1024


def per_cpu_second(fn: Callable[[Any], object], items: list[Any], min_seconds: float) -> float:
    """Items handled per CPU-second, repeating the list until ``min_seconds`` of CPU time passed."""
    done, started = 0, time.process_time()
    while True:
        for item in items:
            fn(item)
        done += len(items)
        spent = time.process_time() - started
        if spent >= min_seconds:
            return done / spent


def peak_mib(fn: Callable[[Any], object], items: list[Any]) -> float:
    """Largest traced allocation while handling any single item, in MiB."""
    peak = 0
    tracemalloc.start()
    try:
        for item in items:
            tracemalloc.reset_peak()
            fn(item)
            peak = max(peak, tracemalloc.get_traced_memory()[1])
    finally:
        tracemalloc.stop()
    return peak / MIB


def _cleaner(options: CleanOptions) -> Callable[[dict[str, Any]], CleanArticle | None]:
    def clean(doc: dict[str, Any]) -> CleanArticle | None:
        try:
            return clean_article(raw_from_wire(doc), options)
        except Rejected:
            return None

    return clean


def _trafilatura() -> Callable[[dict[str, Any]], object] | None:
    try:
        import trafilatura  # type: ignore[import-not-found]  # a dev dependency of the cleaner, optional here
    except ImportError:
        return None
    return lambda doc: trafilatura.extract(doc["html"])


def run(quick: bool = False) -> dict[str, Any]:
    """The stage table: one row per stage with its reference and ratio."""
    seconds = 1.0 if quick else 4.0
    docs = load_documents(html_pages=20 if quick else None)
    html = [{"id": f"h{i}", **d} for i, d in enumerate(docs) if "html" in d]
    text = [{"id": f"t{i}", **d} for i, d in enumerate(docs) if "text" in d]
    resources = Resources.load()
    _clean = _cleaner(CleanOptions())
    cleaned = [a for a in map(_clean, html + text) if a is not None]
    messages = [orjson.dumps(d) for d in html + text]

    def tag(article: CleanArticle) -> object:
        return tag_article(article, resources)

    def transport(message: bytes) -> object:
        return orjson.dumps(orjson.loads(message))

    transport_rate = per_cpu_second(transport, messages, seconds / 2)
    rows = []
    reference_html = _trafilatura()
    stages: list[tuple[str, Callable[[Any], object], list[Any], Callable[[Any], object] | None, str]] = [
        ("clean HTML", _clean, html, reference_html, "trafilatura.extract alone"),
        ("clean text", _clean, text, None, ""),
        ("tag", tag, cleaned, None, ""),
    ]
    for name, fn, items, reference, reference_name in stages:
        rate = per_cpu_second(fn, items, seconds)
        ref_rate = per_cpu_second(reference, items, seconds) if reference is not None else transport_rate
        label = reference_name or "orjson decode+encode of the same messages"
        rows.append(_row(f"{name}: articles/s per core", rate, "articles/s", ref_rate, label))
        rows.append(_row(f"{name}: peak memory per article", peak_mib(fn, items), "MiB", None, "tracemalloc"))
    if reference_html is not None:
        rows.append(_row("trafilatura: peak memory per article", peak_mib(reference_html, html), "MiB", None, ""))
    rows.append(_row("transport: orjson round trips/s per core", transport_rate, "messages/s", None, ""))
    return {"rows": rows, "corpus": {"html": len(html), "text": len(text), "tagged": len(cleaned)}}


def _row(name: str, value: float, unit: str, reference: float | None, note: str) -> dict[str, Any]:
    ratio = value / reference if reference else None
    return {"name": name, "value": value, "unit": unit, "reference": reference, "ratio": ratio, "note": note}
