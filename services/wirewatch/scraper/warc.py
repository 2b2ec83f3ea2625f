"""Raw articles from WARC (and ARC) archives, gzipped or not, read with warcio.

Each ``response`` record with status 200 and an HTML/XHTML body, and each ``resource``
record of those types, becomes one raw article keyed by its canonical target URL; the
capture date becomes ``fetched_at``. Everything else (requests, metadata, images, redirects)
is skipped with a reason, so the summary can say what an archive held.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from wirewatch.core.errors import ErrorKind, Rejected
from wirewatch.core.feeds import decode_document, normalize_date
from wirewatch.core.ids import article_id, canonical_url
from wirewatch.scraper.files import FileItem

_HTML = ("text/html", "application/xhtml+xml")
# warcio reads almost anything as an ARC file; check the first bytes ourselves.
_MAGIC = (b"WARC/", b"filedesc://", b"\x1f\x8b")


def _content_type(record: Any) -> str:
    if record.rec_type == "response" and record.http_headers is not None:
        return str(record.http_headers.get_header("Content-Type") or "")
    return str(record.rec_headers.get_header("Content-Type") or "")


def _skip_reason(record: Any) -> str | None:
    if record.rec_type not in ("response", "resource"):
        return f"record type {record.rec_type}"
    if record.rec_type == "response" and record.http_headers is not None:
        status = record.http_headers.get_statuscode()
        if status != "200":
            return f"HTTP {status}"
    mime = _content_type(record).split(";", 1)[0].strip().lower()
    if mime not in _HTML:
        return f"content type {mime or 'unknown'}"
    return None


def _document(record: Any, body: bytes, archive: str) -> dict[str, Any]:
    url = record.rec_headers.get_header("WARC-Target-URI") or None
    html = decode_document(body, _content_type(record)).text
    return {
        "id": article_id(url, html),
        "html": html,
        "url": canonical_url(url) if url else None,
        "fetched_at": normalize_date(record.rec_headers.get_header("WARC-Date")),
        "feed": f"warc:{archive}",
    }


def read_warc(path: Path, max_bytes: int) -> Iterator[FileItem]:
    """One ``FileItem`` per record of the archive at ``path``: an article, a skip, or an error."""
    with path.open("rb") as handle:
        if not handle.read(16).startswith(_MAGIC):
            yield FileItem(
                str(path), None, "not a WARC/ARC archive (no WARC/, filedesc:// or gzip header)",
                error_kind=ErrorKind.MALFORMED,
            )  # fmt: skip
            return
        handle.seek(0)
        try:
            for number, record in enumerate(ArchiveIterator(handle, arc2warc=True), start=1):
                yield _item(record, f"{path}#{number}", path.name, max_bytes, handle.tell())
        except ArchiveLoadFailed as exc:
            yield FileItem(
                str(path), None, f"not a readable WARC/ARC archive: {exc}", position=handle.tell(),
                error_kind=ErrorKind.MALFORMED,
            )  # fmt: skip


def _item(record: Any, source: str, archive: str, max_bytes: int, position: int) -> FileItem:
    reason = _skip_reason(record)
    if reason is not None:
        return FileItem(source, None, position=position, skipped=reason)
    body = record.content_stream().read(max_bytes + 1)
    if len(body) > max_bytes:
        return FileItem(source, None, position=position, skipped=f"body over {max_bytes} bytes")
    try:
        document = _document(record, body, archive)
    except Rejected as rejected:  # an unreadable WARC-Target-URI costs this record, not the archive
        return FileItem(source, None, str(rejected), position=position, error_kind=rejected.kind)
    return FileItem(source, document, position=position)
