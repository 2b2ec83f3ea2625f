"""Turn a raw article (HTML or already-extracted text) into clean paragraphs and metadata.

Walking-skeleton version: HTML goes through trafilatura-free stdlib parsing, text goes
through line rules. The cleaner issue replaces the internals; the signature stays.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser

from wirewatch.core.errors import Rejected, RejectReason
from wirewatch.core.language import identify_language
from wirewatch.core.model import CleanArticle, ContentKind, RawArticle


@dataclass(frozen=True, slots=True)
class CleanOptions:
    """Limits and switches of the cleaner."""

    max_chars: int = 2_000_000


_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
_BOILERPLATE = re.compile(
    r"^(?:lesen sie auch|gerade lesen andere|also read|others are reading now|read also\b.*|to discover"
    r"|you may like|related articles|back to top button|source link|ads by\b.*|homepage\s+\w+.*"
    r"|.*\bvia wikimedia commons|[\w-]+_[\w_-]+(?:\s+\w+){0,3})$",
    re.IGNORECASE,
)
_SOURCES = re.compile(r"^(?:quellen?|sources?)\s*:\s*(?P<names>.+)$", re.IGNORECASE)
_TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$")


class _TextOnly(HTMLParser):
    """Collect text of block elements, skipping scripts and styles."""

    _SKIP = frozenset({"script", "style", "noscript", "nav", "footer", "header", "aside", "form"})
    _BLOCK = frozenset({"p", "div", "br", "h1", "h2", "h3", "h4", "li", "section", "article", "title"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title = ""
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skip += 1
        self._in_title = tag == "title"
        if tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP and self._skip:
            self._skip -= 1
        if tag == "title":
            self._in_title = False
        if tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        elif not self._skip:
            self.parts.append(data)


def _html_to_text(html: str) -> tuple[str, str]:
    parser = _TextOnly()
    parser.feed(html)
    parser.close()
    return parser.title.strip(), "".join(parser.parts)


def normalise(text: str) -> str:
    """NFC, no invisible characters, single spaces inside lines."""
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    return "\n".join(" ".join(line.split()) for line in text.splitlines())


def clean_article(raw: RawArticle, options: CleanOptions | None = None) -> CleanArticle:
    """Clean one raw article; raise ``Rejected`` when there is nothing to keep."""
    opts = options or CleanOptions()
    # 1. refuse what cannot be an article
    if not raw.content.strip():
        raise Rejected(RejectReason.EMPTY, "the article has no content")
    if len(raw.content) > opts.max_chars:
        raise Rejected(RejectReason.TOO_LARGE, f"{len(raw.content)} characters > {opts.max_chars}")
    # 2. extract text
    page_title = ""
    text = raw.content
    if raw.kind is ContentKind.HTML:
        page_title, text = _html_to_text(text)
    lines = [line for line in normalise(text).split("\n") if line]
    # 3. title: given, else the page title, else the first line
    title = raw.title or page_title or (lines[0] if lines else "")
    # 4. line rules: boilerplate out, metadata into fields
    sources: list[str] = []
    published = raw.published
    kept: list[str] = []
    for line in lines:
        if m := _SOURCES.match(line):
            sources.extend(s.strip() for s in m["names"].split(",") if s.strip())
        elif _TIMESTAMP.match(line):
            published = published or line
        elif line == title or (line.endswith(title) and len(line) - len(title) < 30):
            continue
        elif not _BOILERPLATE.match(line):
            kept.append(line)
    if not kept and title and not _BOILERPLATE.match(title):
        kept = [title]  # a one-line text is its own title and body
    if not kept:
        raise Rejected(RejectReason.NO_TEXT, "nothing left after boilerplate removal")
    body = "\n\n".join(kept)
    guess = identify_language(body)
    return CleanArticle(
        id=raw.id,
        title=title,
        body=body,
        lang=raw.lang or guess.lang,
        lang_confidence=1.0 if raw.lang else guess.confidence,
        published=published,
        url=raw.url,
        sources=tuple(dict.fromkeys(sources)),
        removed=len(lines) - len(kept),
    )
