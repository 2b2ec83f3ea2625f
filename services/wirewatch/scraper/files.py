"""Read raw articles from files: ``.txt`` (text), ``.html``/``.htm`` (HTML), ``.jsonl`` (one raw article a line).

Folders are walked recursively in name order. Reading is separated from publishing so the
same iterator serves ``wirewatch ingest`` and ``wirewatch analyze``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from wirewatch.core.ids import article_id

SUFFIXES = {".txt": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}


@dataclass(frozen=True, slots=True)
class FileItem:
    """One input item: a raw-article document, or the reason it could not be read."""

    source: str
    document: dict[str, Any] | None
    error: str | None = None
    original: bytes = b""


def expand(paths: Iterable[Path]) -> list[Path]:
    """The files to read: each file given, and every supported file under each folder given."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES))
        elif path.is_file():
            files.append(path)
        else:
            raise FileNotFoundError(f"{path}: no such file or folder")
    return files


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _from_jsonl(path: Path) -> Iterator[FileItem]:
    with path.open("rb") as handle:
        for number, line in enumerate(handle, start=1):
            source = f"{path}:{number}"
            if not line.strip():
                continue
            try:
                doc = orjson.loads(line)
            except orjson.JSONDecodeError as exc:
                yield FileItem(source, None, f"not JSON: {exc}", line)
                continue
            if not isinstance(doc, dict):
                yield FileItem(source, None, "a line must hold a JSON object", line)
                continue
            if "id" not in doc:
                body = doc.get("text") or doc.get("html") or ""
                url = doc.get("url") if isinstance(doc.get("url"), str) else None
                doc["id"] = article_id(url, str(body))
            yield FileItem(source, doc, original=line)


def read_items(files: Iterable[Path]) -> Iterator[FileItem]:
    """Yield one item per article found in ``files``."""
    for path in files:
        kind = SUFFIXES.get(path.suffix.lower(), "text")
        if kind == "jsonl":
            yield from _from_jsonl(path)
            continue
        data = path.read_bytes()
        content = _decode(data)
        doc: dict[str, Any] = {"id": article_id(None, content), kind: content, "feed": f"file:{path.name}"}
        yield FileItem(str(path), doc, original=data)
