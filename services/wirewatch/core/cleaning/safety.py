"""Refuse inputs that cannot be articles, cheaply, before any parsing.

Binary data shows up as NUL and other control characters or as many U+FFFD replacement
characters (bytes that were not valid in the declared charset). Mis-declared charsets that
still decode (UTF-8 read as Latin-1) are repaired later (``normalise.repair_mojibake``).
"""

from __future__ import annotations

import re

from wirewatch.core.errors import ErrorKind, Rejected

_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_SAMPLE = 64_000

# The HTML parser's work grows with the square of the nesting depth (each start tag looks up
# the stack of open elements): 10k nested <div> take 0.3 s, 100k about a minute. Real pages
# nest a few dozen levels. Pages with few tags cannot nest deeply, so only pages with more than
# _TAGS_WORTH_SCANNING tags pay for the depth scan.
MAX_DEPTH = 2_000
_TAGS_WORTH_SCANNING = 8_000
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)[^>]*?(/?)>")
_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
        "basefont",
        "frame",
        "keygen",
    ]
)


def over_limit(content: str, max_bytes: int) -> bool:
    """Whether the UTF-8 form of ``content`` is larger than ``max_bytes``.

    A character takes one to four bytes, so the length alone settles it for nearly every article;
    only a text between a quarter of the limit and the limit in characters is encoded to count.
    """
    if len(content) > max_bytes:
        return True
    if 4 * len(content) <= max_bytes:
        return False
    return len(content.encode("utf-8", "surrogatepass")) > max_bytes


def check_content(content: str, max_bytes: int, truncate: bool) -> str:
    """``content`` when it may be an article (cut to ``max_bytes`` of UTF-8 when truncating); else ``Rejected``."""
    if not content.strip():
        raise Rejected(ErrorKind.EMPTY, "the article has no content")
    if over_limit(content, max_bytes):
        if not truncate:
            raise Rejected(ErrorKind.TOO_LARGE, f"over {max_bytes} bytes of UTF-8 ({len(content)} characters)")
        content = content.encode("utf-8", "surrogatepass")[:max_bytes].decode("utf-8", "ignore")
    sample = content[:_SAMPLE]
    if sample.count("\x00") or len(_CONTROL.findall(sample)) > 0.01 * len(sample) + 8:
        raise Rejected(ErrorKind.BINARY, "control characters: this is binary data, not text")
    if sample.count("\ufffd") > 0.05 * len(sample) + 8:
        raise Rejected(ErrorKind.UNDECODABLE, "many undecodable bytes: wrong or missing charset")
    return content


def check_nesting(html: str, max_depth: int = MAX_DEPTH) -> None:
    """``Rejected(MALFORMED)`` when elements nest deeper than ``max_depth`` (a parser bomb)."""
    if html.count("<") <= _TAGS_WORTH_SCANNING:
        return
    depth = 0
    for m in _TAG.finditer(html):
        closing, name, self_closing = m.groups()
        if closing:
            depth = max(depth - 1, 0)
        elif not self_closing and name.lower() not in _VOID:
            depth += 1
            if depth > max_depth:
                raise Rejected(ErrorKind.MALFORMED, f"HTML elements nest deeper than {max_depth} levels")
