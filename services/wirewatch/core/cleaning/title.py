"""Find the title of a text article and where its body starts.

Text that something upstream pulled out of a page often starts with furniture: the site's
name, a teaser line, a breadcrumb in front of the title. The title is the first line that
looks like a headline: three to thirty words, no trailing ellipsis, not a short line of
capitalised words (a site name). A following line that is its tail means the first was
breadcrumb + title.
"""

from __future__ import annotations

from wirewatch.core.cleaning.phrases import Phrasebook, line_key
from wirewatch.core.cleaning.rules import is_boilerplate
from wirewatch.core.cleaning.textmeta import bare_timestamp

HEAD_LINES = 8
_MIN_WORDS, _MAX_WORDS = 3, 30
_BRAND_WORDS = 3  # "The Daily Post": a short line with every word capitalised names a site


def find_title(lines: list[str], book: Phrasebook, given: str | None) -> tuple[str, int]:
    """``(title, index of the first body line)``; the given title wins when there is one."""
    if given:
        return given, _after_given(lines, given)
    for index, line in enumerate(lines[:HEAD_LINES]):
        if _headline_like(line, book):
            following = lines[index + 1] if index + 1 < len(lines) else ""
            if following and line_key(line).endswith(line_key(following)) and line_key(following):
                return following, index + 2
            return line, index + 1
    return (lines[0] if lines else ""), 0


def _after_given(lines: list[str], given: str) -> int:
    key = line_key(given)
    for index, line in enumerate(lines[:HEAD_LINES]):
        if key and line_key(line).endswith(key):
            return index + 1
    return 0


def _headline_like(line: str, book: Phrasebook) -> bool:
    words = len(line.split())
    if not _MIN_WORDS <= words <= _MAX_WORDS or bare_timestamp(line):
        return False
    if words <= _BRAND_WORDS and all(word[:1].isupper() for word in line.split()):
        return False
    return not line.endswith(("...", "\u2026")) and not is_boilerplate(line, book)
