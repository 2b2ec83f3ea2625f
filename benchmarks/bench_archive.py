"""The archive on SQLite: sink throughput, search latency over 100,000 articles, bytes per article.

Corpus: tagged articles made from real text. Each body is 12-30 sentences drawn (seeded RNG)
from the seeds and the article-extraction benchmark's texts (``../shared``), so a word occurs in
a realistic share of articles rather than in every copy of a repeated text; each article carries
the countries, organisations and agreements of a real tagged seed (its tags, not recomputed), so
the bytes per article include a tag payload of the real size.

1. sink: ``ArchiveHandler.handle`` (decode, schema check) then ``ArchiveSink.write`` in batches of
   100 (the stage runner's default), one core, into a new file: tagged articles per second;
2. fill: the rest of the 100,000 written straight through ``ingest`` (not timed as a figure);
3. search: each query of ``QUERIES`` ``SEARCH_REPEATS`` times, limit 20; p50 and p95 in ms, for
   word queries and for queries that fall through to the infix (trigram) index;
4. size: the file after a WAL checkpoint, divided by the articles; the FTS5 indexes' share from
   ``dbstat``.
"""

from __future__ import annotations

import json
import random
import re
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import orjson

from wirewatch.archive import SearchQuery, open_archive
from wirewatch.archive.sqlite import SQLiteArchive
from wirewatch.archiver.app import ArchiveSink
from wirewatch.archiver.handler import ArchiveHandler
from wirewatch.contracts.deadletter import Origin
from wirewatch.contracts.topics import Topic
from wirewatch.offline import OfflineAnalyzer
from wirewatch.runtime.metrics import Metrics

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
ARTICLES = 100_000
SINK_ARTICLES = 10_000
BATCH = 100
SEARCH_REPEATS = 5
#: Word queries (common, rare, two words, another script) and compound fragments (infix).
QUERIES = {
    "word": [
        "Russia",
        "Myanmar",
        "agreement",
        "Shoigu",
        "Abkommen",
        "military cooperation",
        "Moskau",
        "nuclear",
        "sanctions China",
        "Naypyidaw",
        "ceasefire",
        "Россия",
        "minister visit",
        "energy deal",
        "junta",
    ],
    "infix": ["bkommen", "ilitär", "operati", "ankrei"],
}
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def _sentences() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((SHARED / "seeds").glob("*.txt"))]
    truth = json.loads((SHARED / "benchmarks" / "article-extraction" / "ground-truth.json").read_text("utf-8"))
    texts += [v["articleBody"] for v in truth.values() if v.get("articleBody")]
    return [s.strip() for t in texts for s in _SENTENCE.split(t) if len(s.strip()) > 30]


def _templates() -> list[dict[str, Any]]:
    analyzer = OfflineAnalyzer()
    docs = []
    for path in sorted((SHARED / "seeds").glob("*.txt")):
        docs.append(analyzer.analyze_bytes(orjson.dumps({"id": path.stem, "text": path.read_text(encoding="utf-8")})))
    return docs


def make_corpus(count: int, seed: int = 14) -> list[bytes]:
    """``count`` encoded tagged articles (see the module docstring)."""
    rng = random.Random(seed)
    pool, templates = _sentences(), _templates()
    out = []
    for index in range(count):
        template = templates[index % len(templates)]
        body = " ".join(rng.choice(pool) for _ in range(rng.randint(12, 30)))
        doc = {**template, "id": f"bench{index:011d}", "title": body[:80], "body": body, "url": None}
        out.append(orjson.dumps(doc))
    return out


def _sink_rate(archive: SQLiteArchive, corpus: list[bytes]) -> float:
    handler, sink = ArchiveHandler(Topic.TAGGED), ArchiveSink(archive, Metrics.create())
    started = time.perf_counter()
    for start in range(0, len(corpus), BATCH):
        outputs = []
        for value in corpus[start : start + BATCH]:
            outputs.extend(handler.handle(value, Origin(), "2026-01-01T00:00:00Z").outputs)
        sink.write(outputs)
    return len(corpus) / (time.perf_counter() - started)


def _fill(archive: SQLiteArchive, corpus: list[bytes]) -> None:
    for start in range(0, len(corpus), 1000):
        archive.ingest((Topic.TAGGED, orjson.loads(v)) for v in corpus[start : start + 1000])


def _latencies(archive: SQLiteArchive, queries: list[str]) -> list[float]:
    times = []
    for _ in range(SEARCH_REPEATS):
        for text in queries:
            started = time.perf_counter()
            archive.search(SearchQuery(text, limit=20))
            times.append((time.perf_counter() - started) * 1000)
    return times


def _p(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def _sizes(path: Path) -> tuple[int, int]:
    """The file's bytes and the FTS5 indexes' bytes (``dbstat``)."""
    import sqlite3

    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        (fts,) = conn.execute(
            "SELECT COALESCE(SUM(pgsize), 0) FROM dbstat WHERE name LIKE 'articles_fts%' OR name LIKE 'articles_tri%'"
        ).fetchone()
    return path.stat().st_size, int(fts)


def run(quick: bool = False) -> dict[str, Any]:
    """``python -m benchmarks archive [--quick]`` (quick: 10,000 articles)."""
    total = ARTICLES // 10 if quick else ARTICLES
    sink_count = min(SINK_ARTICLES // (10 if quick else 1), total)
    corpus = make_corpus(total)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "archive.sqlite3"
        archive = open_archive(f"sqlite:///{path}")
        assert isinstance(archive, SQLiteArchive)
        rate = _sink_rate(archive, corpus[:sink_count])
        _fill(archive, corpus[sink_count:])
        assert archive.counts().articles == total
        words, infix = _latencies(archive, QUERIES["word"]), _latencies(archive, QUERIES["infix"])
        archive.close()
        size, fts = _sizes(path)
    raw = sum(len(v) for v in corpus) / total
    return {
        "rows": [
            {"name": "sink, tagged articles into SQLite (1 core)", "value": rate, "unit": "articles/s"},
            {"name": f"search p50, word queries ({total:,} articles)", "value": _p(words, 50), "unit": "ms"},
            {"name": f"search p95, word queries ({total:,} articles)", "value": _p(words, 95), "unit": "ms"},
            {"name": f"search p95, infix queries ({total:,} articles)", "value": _p(infix, 95), "unit": "ms"},
            {
                "name": "bytes per archived article",
                "value": size / total,
                "unit": "B",
                "reference": raw,
                "ratio": size / total / raw,
            },
            {"name": "of which full-text indexes", "value": fts / total, "unit": "B"},
        ],
        "corpus": {"articles": total, "mean_message_bytes": round(raw)},
        "reference": "mean size of the tagged-article message (JSON) on the topic",
    }
