"""Reading files for `wirewatch ingest`: plain files, JSONL (ours and export formats) and WARC archives."""

from __future__ import annotations

import io
from pathlib import Path

import orjson
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from wirewatch.contracts.schemas import violations
from wirewatch.core.ids import article_id
from wirewatch.scraper.files import expand, jsonl_document, kind_of, read_items


def write_warc(path: Path, gzip: bool = True) -> None:
    """A small archive: two HTML responses, a 404, an image, a request and a cp1251 page."""
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=gzip)

        def response(url: str, body: bytes, content_type: str, status: str = "200 OK") -> None:
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), length=len(body), http_headers=headers
            )
            writer.write_record(record)
            record.raw_stream.close()  # warcio buffers the payload in a temporary file it does not close

        response("https://a.example/world/1?utm_source=x", b"<html><body><p>First</p></body></html>", "text/html")
        response("https://a.example/world/2", b"<html><body><p>Second</p></body></html>", "text/html; charset=utf-8")
        response("https://a.example/gone", b"not here", "text/html", "404 Not Found")
        response("https://a.example/logo.png", b"\x89PNG....", "image/png")
        request = writer.create_warc_record(
            "https://a.example/world/1", "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")
        )
        writer.write_record(request)
        request.raw_stream.close()
        response("https://a.example/ru", "<p>Новости дня</p>".encode("cp1251"), "text/html; charset=windows-1251")


def test_kinds_and_expand(tmp_path: Path):
    for name in ("a.warc.gz", "b.arc", "c.jsonl", "d.html", "e.png"):
        (tmp_path / name).write_bytes(b"")
    assert kind_of(Path("x.warc.gz")) == "warc"
    assert kind_of(Path("x.png")) is None
    assert [p.name for p in expand([tmp_path])] == ["a.warc.gz", "b.arc", "c.jsonl", "d.html"]


def test_warc_responses_become_raw_articles(tmp_path: Path):
    archive = tmp_path / "crawl.warc.gz"
    write_warc(archive)
    items = list(read_items([archive]))
    docs = [i.document for i in items if i.document]
    assert [d["url"] for d in docs] == [
        "https://a.example/world/1",
        "https://a.example/world/2",
        "https://a.example/ru",
    ]
    assert docs[0]["id"] == article_id("https://a.example/world/1")
    assert "Новости дня" in docs[2]["html"]
    assert all(violations("raw-article.v1", d) == [] for d in docs)
    assert sorted(i.skipped for i in items if i.skipped) == [
        "HTTP 404",
        "content type image/png",
        "record type request",
    ]
    positions = [i.position for i in items]
    assert positions == sorted(positions)
    assert positions[-1] == archive.stat().st_size


def test_uncompressed_warc_and_size_limit(tmp_path: Path):
    archive = tmp_path / "crawl.warc"
    write_warc(archive, gzip=False)
    items = list(read_items([archive], max_bytes=30))
    assert [i.document for i in items if i.document] != []
    assert any(i.skipped and "over 30 bytes" in i.skipped for i in items)


def test_not_a_warc_is_an_error_item(tmp_path: Path):
    archive = tmp_path / "broken.warc"
    archive.write_bytes(b"<html>an HTML page saved with the wrong name</html>\n")
    items = list(read_items([archive]))
    assert items[-1].error is not None
    assert "WARC" in items[-1].error


def test_jsonl_exports_map_common_field_names(tmp_path: Path):
    path = tmp_path / "export.jsonl"
    lines = [
        {"link": "https://b.example/x?fbclid=1", "headline": "H", "content": "Body text", "language": "de",
         "published_at": "Tue, 03 Nov 2026 08:15:00 GMT"},
        {"id": "own-1", "text": "already ours", "lang": "en"},
        {"url": "https://b.example/y", "raw_html": "<p>Hi</p>"},
    ]  # fmt: skip
    path.write_bytes(b"".join(orjson.dumps(line) + b"\n" for line in lines) + b"[1]\nnot json\n")
    items = list(read_items([path]))
    first, ours, html, not_object, not_json = items
    assert first.document == {
        "id": article_id("https://b.example/x"),
        "url": "https://b.example/x",
        "title": "H",
        "lang": "de",
        "published": "2026-11-03T08:15:00Z",
        "text": "Body text",
    }
    assert ours.document == lines[1]
    assert html.document is not None and html.document["html"] == "<p>Hi</p>"
    assert all(violations("raw-article.v1", i.document) == [] for i in (first, ours, html) if i.document)
    assert not_object.error == "a line must hold a JSON object"
    assert not_json.error is not None and not_json.error.startswith("not JSON")


def test_jsonl_without_url_gets_a_content_id():
    doc = jsonl_document({"body": "some text"})
    assert doc == {"id": article_id(None, "some text"), "text": "some text"}


def test_an_unreadable_url_costs_one_jsonl_line(tmp_path: Path):
    path = tmp_path / "export.jsonl"
    lines = [{"link": "http://[bad/x", "content": "Body"}, {"link": "https://b.example/ok", "content": "Body"}]
    path.write_bytes(b"".join(orjson.dumps(line) + b"\n" for line in lines))
    bad, good = read_items([path])
    assert bad.document is None and bad.error is not None and "unreadable URL" in bad.error
    assert bad.error_kind == "malformed"
    assert good.document is not None and good.document["url"] == "https://b.example/ok"


def test_an_unreadable_target_uri_costs_one_warc_record(tmp_path: Path):
    archive = tmp_path / "bad.warc.gz"
    with archive.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for url in ("http://a.example:99999/x", "https://a.example/ok"):
            body = b"<html><body><p>Text</p></body></html>"
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), length=len(body), http_headers=headers
            )
            writer.write_record(record)
            record.raw_stream.close()
    bad, good = read_items([archive])
    assert bad.document is None and bad.error_kind == "malformed"
    assert good.document is not None and good.document["url"] == "https://a.example/ok"
