"""Read raw articles from files for ``wirewatch ingest`` and ``wirewatch analyze``.

Supported: ``.txt`` (text), ``.html``/``.htm`` (HTML), ``.jsonl`` (one raw article, or one
record of a common export format, a line; see ``jsonl_document``) and WARC archives
(``.warc``, ``.warc.gz``, ``.arc``, ``.arc.gz``; see ``warc.py``). Folders are walked
recursively in name order. Reading is separated from publishing so one iterator serves both
commands; every item carries how far into its file reading has got, for progress bars.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from wirewatch.core.errors import ErrorKind, Rejected
from wirewatch.core.feeds import decode_document, normalize_date
from wirewatch.core.ids import article_id, canonical_url

SUFFIXES = {".txt": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl", ".warc": "warc", ".arc": "warc"}
# Field names of common JSONL exports (news APIs, crawlers, datasets) mapped to ours.
_ALIASES = {
    "url": ("url", "link", "uri", "canonical_url", "target_uri"),
    "title": ("title", "headline"),
    "lang": ("lang", "language", "locale"),
    "published": ("published", "published_at", "publish_date", "date", "pubDate", "date_published", "datetime"),
    "html": ("html", "raw_html", "content_html", "body_html"),
    "text": ("text", "content", "body", "maintext", "content_text", "article"),
}


@dataclass(frozen=True, slots=True)
class FileItem:
    """One input item: a raw-article document, the reason it could not be read, or why it was skipped.

    ``position`` is the number of bytes of the source file consumed so far (for progress);
    ``error_kind`` is the dead-letter kind of an ``error`` (set whenever ``error`` is).
    """

    source: str
    document: dict[str, Any] | None
    error: str | None = None
    original: bytes = b""
    position: int = 0
    skipped: str | None = None
    error_kind: ErrorKind | None = None


def kind_of(path: Path) -> str | None:
    """The reader for ``path`` (``text``, ``html``, ``jsonl``, ``warc``), None when unsupported."""
    name = path.name.lower()
    if name.endswith((".warc.gz", ".arc.gz")):
        return "warc"
    return SUFFIXES.get(path.suffix.lower())


def expand(paths: Iterable[Path]) -> list[Path]:
    """The files to read: each file given, and every supported file under each folder given."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and kind_of(p)))
        elif path.is_file():
            files.append(path)
        else:
            raise FileNotFoundError(f"{path}: no such file or folder")
    return files


def _first(doc: dict[str, Any], names: tuple[str, ...]) -> Any:
    for name in names:
        value = doc.get(name)
        if value not in (None, ""):
            return value
    return None


def jsonl_document(doc: dict[str, Any]) -> dict[str, Any]:
    """A raw-article document from a JSONL record: ours as is, or an export's fields mapped by name.

    A record that already has ``id`` and ``text`` or ``html`` is taken unchanged (schema
    validation happens when publishing). Otherwise known field names are mapped, dates
    normalised, and the id derived from the canonical URL (or the content). An unreadable
    URL is ``Rejected(MALFORMED)``.
    """
    if "id" in doc and ("text" in doc or "html" in doc):
        return doc
    out: dict[str, Any] = {key: _first(doc, names) for key, names in _ALIASES.items()}
    body_key = "html" if out["html"] is not None else "text"
    out.pop("text" if body_key == "html" else "html")
    url = out["url"] if isinstance(out["url"], str) else None
    body = out[body_key] if isinstance(out[body_key], str) else ""
    out["url"] = canonical_url(url) if url else None
    out["published"] = normalize_date(out["published"]) if isinstance(out["published"], str) else None
    out = {"id": doc.get("id") or article_id(url, body), **out}
    return {k: v for k, v in out.items() if v is not None or k == body_key}


def _from_jsonl(path: Path) -> Iterator[FileItem]:
    position = 0
    with path.open("rb") as handle:
        for number, line in enumerate(handle, start=1):
            position += len(line)
            source = f"{path}:{number}"
            if not line.strip():
                continue
            try:
                doc = orjson.loads(line)
            except orjson.JSONDecodeError as exc:
                yield FileItem(source, None, f"not JSON: {exc}", line, position, error_kind=ErrorKind.NOT_JSON)
                continue
            if not isinstance(doc, dict):
                yield FileItem(
                    source, None, "a line must hold a JSON object", line, position, error_kind=ErrorKind.NOT_JSON
                )
                continue
            try:
                document = jsonl_document(doc)
            except Rejected as rejected:  # e.g. an unreadable URL: this line is dead-lettered, the file goes on
                yield FileItem(source, None, str(rejected), line, position, error_kind=rejected.kind)
                continue
            yield FileItem(source, document, original=line, position=position)


def _from_plain(path: Path, kind: str) -> FileItem:
    data = path.read_bytes()
    content = decode_document(data, None).text if kind == "html" else _decode_text(data)
    doc: dict[str, Any] = {"id": article_id(None, content), kind: content, "feed": f"file:{path.name}"}
    return FileItem(str(path), doc, original=data, position=len(data))


def _decode_text(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return decode_document(data, None).text


def read_items(files: Iterable[Path], max_bytes: int = 5_000_000) -> Iterator[FileItem]:
    """Yield one item per article found in ``files`` (WARC bodies above ``max_bytes`` are skipped)."""
    from wirewatch.scraper.warc import read_warc  # warcio only loads when an archive is read

    for path in files:
        kind = kind_of(path) or "text"
        if kind == "jsonl":
            yield from _from_jsonl(path)
        elif kind == "warc":
            yield from read_warc(path, max_bytes)
        else:
            yield _from_plain(path, kind)
