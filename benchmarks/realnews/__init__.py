"""The real-news development set of the agreement extractor: articles, labels, split.

``data/articles.jsonl`` holds one record per article: where it comes from (repository, commit,
document key), its licence, the SHA-256 of its text, and the text itself where the
licence allows a copy. The others are read from their public repositories by
``python -m benchmarks.realnews materialise`` into a local cache (``.wirewatch/realnews-texts.jsonl``
or ``$WIREWATCH_REALNEWS_TEXTS``), checked against the SHA-256. ``data/labels.jsonl`` holds the
labels (``tests/quality/agreement_scoring.py`` format, plus ``parties_in_text`` and the
alternatives), written by readers before any extractor ran on the article; ``data/split.json``
freezes a third of the articles as the test part, which no fix is tuned on.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "data"
ROOT = Path(__file__).resolve().parents[2]
CACHE_ENV = "WIREWATCH_REALNEWS_TEXTS"
PARTS = ("dev", "test")
LANGUAGES = ("de", "en", "es", "fr", "ru")


@dataclass(frozen=True, slots=True)
class Article:
    """One article of the set; ``text`` is None when it is neither committed nor materialised."""

    id: str
    lang: str
    part: str  # dev | test
    title: str | None
    published: str | None
    url: str | None
    source: str  # owner/name of the repository
    commit: str
    licence: str
    redistributable: bool
    sha256: str
    text: str | None

    def raw(self) -> dict[str, Any]:
        """The ``wirewatch analyze`` input line of the article."""
        doc: dict[str, Any] = {"id": self.id, "text": self.text or "", "lang": self.lang}
        for key in ("title", "published", "url"):
            if getattr(self, key):
                doc[key] = getattr(self, key)
        return doc


def digest(text: str) -> str:
    """The SHA-256 that ``articles.jsonl`` keeps of a text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def cache_path() -> Path:
    """Where materialised texts are kept (not committed)."""
    return Path(os.environ.get(CACHE_ENV) or ROOT / ".wirewatch" / "realnews-texts.jsonl")


def _cached_texts() -> dict[str, str]:
    path = cache_path()
    if not path.is_file():
        return {}
    rows = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    return {row["id"]: row["text"] for row in rows}


def load_articles() -> list[Article]:
    """Every article of the set, with its text where it is committed or materialised (and intact)."""
    split = json.loads((DATA / "split.json").read_text(encoding="utf-8"))["split"]
    cached = _cached_texts()
    articles = []
    for line in (DATA / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        text = row.get("text") or cached.get(row["id"])
        if text is not None and digest(text) != row["sha256"]:
            text = None  # a different version of the source: not the text that was labelled
        articles.append(
            Article(
                id=row["id"],
                lang=row["lang"],
                part=split[row["id"]],
                title=row.get("title"),
                published=row.get("published"),
                url=row.get("url"),
                source=row["source"],
                commit=row["commit"],
                licence=row["licence"],
                redistributable=row["redistributable"],
                sha256=row["sha256"],
                text=text,
            )
        )
    return articles


def load_labels() -> dict[str, dict[str, Any]]:
    """The labels of every article, by article id."""
    rows = (json.loads(line) for line in (DATA / "labels.jsonl").read_text(encoding="utf-8").splitlines())
    return {row["id"]: row for row in rows}
