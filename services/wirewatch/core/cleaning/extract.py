"""Main-text extraction from HTML: prune, segment, score containers, keep the best one.

Stages (numbered as in ``extract_main_text``):

1. parse with lexbor (selectolax) — an order of magnitude faster than lxml;
2. prune elements that never hold article text (scripts, hidden elements, navigation and
   forms that do not hold most of the paragraphs) and elements whose class or id names
   boilerplate (share bars, related links, comments);
3. cut the tree into text segments at block boundaries (``segments``);
4. score each container by the paragraph text directly below it, discounted by its
   link density, and pick the best (the idea of Arc90's Readability, re-implemented);
   climb to an ancestor holding twice its prose (bodies cut into chunks);
5. keep that container's segments, sibling containers that score well and strong prose
   right next to it (a lead outside the box); drop link lists and the page's ``h1``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

from wirewatch.core.cleaning.segments import HEADING_TAGS, PARAGRAPH_TAGS, Segment, segment_tree

# Elements that never carry article text.
_JUNK_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "math",
    "iframe",
    "object",
    "embed",
    "canvas",
    "video",
    "audio",
    "map",
    "button",
    "select",
    "input",
    "textarea",
    "label",
    "dialog",
    "figcaption",
    "picture",
    "source",
    "link",
    "meta",
    "head",
)

# Class/id words of boilerplate containers. Strong words match anywhere in the attribute
# (``storyShare``, ``related_slider``); short ones only as a whole hyphen/underscore part
# (``nav`` in ``side-nav`` but not in ``canvas``).
_NEGATIVE_ANYWHERE = re.compile(
    r"share|social|related|recommend|sidebar|newsletter|subscri|advert|sponsor|cookie|consent|breadcrumb"
    r"|popup|paywall|outbrain|taboola|disqus|comment(?!ary)|signup|most-?popular|most-?read|read-?more"
    r"|more-?stories|also-?read|disclaimer|screen-?reader|visually-?hidden|sr-only"
    # the same furniture named in other languages (captions, recommendations, sharing, ads, comments)
    r"|bildunterschrift|legende|didascalia|leyenda|empfehlung|teilen|partage|compartir|compartilh|partilh"
    r"|condivid|kommentar|commenti|comentario|reacties|werbung|anzeige|publicidad|pubblicit|publicit|reclame"
    r"|lire-?aussi|leggi-?anche|lees-?ook|lesen-?sie-?auch|mehr-?zum-?thema|lee-?tambien|leia-?tambem",
)
_NEGATIVE_PARTS = frozenset(
    [
        "ad",
        "ads",
        "adv",
        "footer",
        "masthead",
        "menu",
        "nav",
        "navbar",
        "navigation",
        "toolbar",
        "tags",
        "tag",
        "byline",
        "author",
        "authors",
        "caption",
        "credit",
        "credits",
        "promo",
        "promos",
        "modal",
        "trending",
        "popular",
        "widget-area",
        "sitemap",
        "pagination",
        "pager",
    ]
)
_PART_SPLIT = re.compile(r"[\s_-]+")
_COMMAS = re.compile(r"[,\uff0c\u3001\u060c]")
_WIDE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_SENTENCE_ENDS = (".", "!", "?", "\u2026", "\u3002", "\uff01", "\uff1f")
_QUOTE_ENDS = ("\u201d", '"')  # a quotation closing a paragraph ends it, stop or not
# Closing quotes and brackets that may follow a sentence's full stop ("… a butterfly.)", «… fin.»).
_CLOSERS = "\"')]\u201c\u201d\u2019\u00bb\u203a\u300d\u300f\uff09"
EXTEND_MIN = 150
STRONG_LINK_SHARE = 0.2  # links a paragraph next to the article box may hold (citations, names)
MAX_LINK_SHARE = 0.5
BRIDGE = 2
COUSIN_LEVELS = 3
MIN_PART_SCORE = 10.0
SLUG_PARTS = 4  # an id of more hyphen/underscore parts than this is a heading's slug
PROSE_MIN = 80  # characters of a paragraph that counts as prose
CLIMB_FACTOR = 2.0
CLIMB_LEVELS = 3
_PROTECTED_TAGS = frozenset({"html", "body", "article", "main"})
_PHRASING_TAGS = frozenset(
    ["a", "abbr", "b", "cite", "em", "font", "i", "mark", "q", "small", "span", "strong", "sub", "sup", "time", "u"]
)
_SUBHEADINGS = HEADING_TAGS - {"h1"}
_SENTENCE_BLOCKS = frozenset(["p", "li", "dd", "td", "blockquote"])
# Usually boilerplate, but some sites wrap the whole page in one (ASP.NET's page-wide form).
_SUSPECT_TAGS = "form, header, aside, nav, footer"
# Invisible to readers: metadata blocks, templates, screen-reader duplicates.
_HIDDEN = '[hidden], [style*="display:none"], [style*="display: none"]'


def parse_html(html: str) -> LexborHTMLParser:
    """Parse ``html`` with lexbor; never raises on malformed markup."""
    return LexborHTMLParser(html)


def extract_main_text(tree: LexborHTMLParser, title: str = "", max_nodes: int = 200_000) -> tuple[str, ...]:
    """The article's paragraphs from a parsed page (the tree is pruned in place)."""
    root = tree.body or tree.root
    if root is None:
        return ()
    # 2. prune
    _prune(tree, root)
    # 3. segment
    segments = segment_tree(root, max_nodes)
    if not segments:
        return ()
    # 4. score containers
    stats = _score_containers(segments)
    best = _climb(max(stats, key=lambda key: _final_score(stats[key])), stats)
    # 5. keep the best container and its good siblings
    kept = _select(segments, best, stats)
    return tuple(_filter(kept, title))


def _prune(tree: LexborHTMLParser, root: LexborNode) -> None:
    tree.strip_tags(list(_JUNK_TAGS))
    total = sum(len(p.text(deep=True)) for p in root.css("p"))
    for node in root.css(_HIDDEN):
        node.remove()
    for node in root.css(_SUSPECT_TAGS):
        if not _holds_article(node, total):
            node.remove()
    for node in root.css("[class],[id]"):
        if node.tag in _PROTECTED_TAGS:
            continue
        attrs = node.attributes
        element_id = attrs.get("id")
        names = f"{attrs.get('class') or ''} {_unless_slug(element_id) if element_id else ''}"
        if _is_negative(names.lower()) and not _inside_sentence(node) and not _holds_article(node, total):
            node.remove()


def _inside_sentence(node: LexborNode) -> bool:
    """An inline element in a paragraph (a linked word, an emphasis): part of the sentence.

    Its class names a behaviour (``popup`` notes, ``tooltip``), not a box of furniture; pruning
    it would cut words out of the middle of a sentence.
    """
    parent = node.parent
    return node.tag in _PHRASING_TAGS and parent is not None and parent.tag in _SENTENCE_BLOCKS


def _unless_slug(element_id: str) -> str:
    """The id, or "" when it is a heading's slug ("getting-into-trouble-with-shared-history").

    Documentation tools give each section the id of its heading's words, and those words say
    what the section is about, not that it is page furniture.
    """
    return "" if len(_PART_SPLIT.split(element_id)) > SLUG_PARTS else element_id


def _is_negative(names: str) -> bool:
    if _NEGATIVE_ANYWHERE.search(names):
        return True
    return any(part in _NEGATIVE_PARTS for part in _PART_SPLIT.split(names))


def _holds_article(node: LexborNode, paragraph_chars: int) -> bool:
    """True when ``node`` holds most of the page's paragraph text (then a bad class name lies)."""
    inside = sum(len(p.text(deep=True)) for p in node.css("p"))
    return inside > 0.5 * paragraph_chars


@dataclass(slots=True)
class _Stats:
    """Text counts and score of one container element (keyed by its node id)."""

    depth: int = 0
    parent: int | None = None
    score: float = 0.0
    prose: int = 0
    chars: int = 0
    link_chars: int = 0


def _score_containers(segments: list[Segment]) -> dict[int, _Stats]:
    """Score and text counts of every container element that holds a segment."""
    stats: dict[int, _Stats] = defaultdict(_Stats)
    for seg in segments:
        _count(seg, stats)
        density = seg.link_chars / len(seg.text)
        if _size(seg.text) < 25 or seg.block_tag in HEADING_TAGS or density > MAX_LINK_SHARE:
            continue
        # A paragraph counts for the text that is not links: a line of linked names full of commas
        # (a list of kudos, tags or authors) would otherwise outscore the article.
        weight = (1 + len(_COMMAS.findall(seg.text)) + min(_size(seg.text) / 100, 3)) * (1 - density)
        start = len(seg.chain) - 1 if seg.block_tag in PARAGRAPH_TAGS else len(seg.chain)
        for level, divisor in enumerate((1, 2, 3)):
            depth = start - level
            if depth >= 1:
                stats[seg.chain[depth - 1]].score += weight / divisor
    return stats


def _count(seg: Segment, stats: dict[int, _Stats]) -> None:
    size = _size(seg.text)
    prose = size >= 80 and seg.link_chars < 0.25 * size
    parent: int | None = None
    for depth, node in enumerate(seg.chain):
        st = stats[node]
        st.depth, st.parent = depth, parent
        st.chars += size
        st.link_chars += seg.link_chars
        st.prose += size if prose else 0
        parent = node


def _climb(best: int, stats: dict[int, _Stats]) -> int:
    """Move up while an ancestor (within ``CLIMB_LEVELS``) holds much more prose.

    Articles split over sibling or cousin blocks (a body cut into chunks between ads) are
    reunited this way; link-heavy ancestors (page wrappers with menus) are not taken.
    """
    while True:
        target = _richer_ancestor(best, stats)
        if target is None:
            return best
        best = target


def _richer_ancestor(node: int, stats: dict[int, _Stats]) -> int | None:
    prose = stats[node].prose
    ancestor = stats[node].parent
    for _ in range(CLIMB_LEVELS):
        if ancestor is None:
            return None
        st = stats[ancestor]
        if st.prose >= CLIMB_FACTOR * prose and _density(st) <= 0.35:
            return ancestor
        ancestor = st.parent
    return None


def _density(st: _Stats) -> float:
    return st.link_chars / st.chars if st.chars else 1.0


def _final_score(st: _Stats) -> float:
    return st.score * (1 - _density(st))


def _select(segments: list[Segment], best: int, stats: dict[int, _Stats]) -> list[Segment]:
    """Segments of ``best``, plus those of its siblings and cousins that look like article text too.

    A cousin (same depth, a common ancestor up to ``COUSIN_LEVELS`` above) is taken only when it
    scores as a body part would, with few links: publishing tools that wrap every section of a
    body in its own ``section > div > div`` leave the sections cousins, not siblings.
    """
    depth, parent = stats[best].depth, stats[best].parent
    threshold = max(10.0, 0.2 * stats[best].score)
    above = _ancestors(best, stats, COUSIN_LEVELS)

    def wanted(seg: Segment) -> bool:
        if len(seg.chain) <= depth:
            return False
        node = seg.chain[depth]
        if node == best:
            return True
        if parent is not None and seg.chain[depth - 1] == parent:
            return stats[node].score >= threshold or _looks_like_prose(seg)
        return _is_cousin(seg.chain, depth, above) and _body_part(stats[node])

    chosen = [i for i, seg in enumerate(segments) if wanted(seg)]
    if not chosen:
        return []
    chosen = _with_headings_between(segments, chosen, depth, parent)
    first, last = _extend(segments, chosen[0], -1), _extend(segments, chosen[-1], 1)
    picked = set(chosen)
    return [seg for i, seg in enumerate(segments) if i in picked or first <= i < chosen[0] or chosen[-1] < i <= last]


def _with_headings_between(segments: list[Segment], chosen: list[int], depth: int, parent: int | None) -> list[int]:
    """``chosen`` plus the subheadings and list items, without links, between two chosen segments.

    ``<article><div>…</div><h2>Foo</h2><ul><li>…</li></ul><div>…</div></article>``: the heading
    and the list belong to no kept container, yet they are part of the body they sit in. A
    heading must introduce a chosen segment ("Top stories" before a link list does not).
    """
    if parent is None or len(chosen) < 2:
        return chosen
    picked = set(chosen)
    for index in range(chosen[0] + 1, chosen[-1]):
        seg = segments[index]
        loose = len(seg.chain) > depth and seg.chain[depth - 1] == parent and not seg.link_chars
        heading = seg.block_tag in _SUBHEADINGS and index + 1 in picked
        if loose and (heading or seg.block_tag == "li"):
            picked.add(index)
    return sorted(picked)


def _body_part(st: _Stats) -> bool:
    """A container that reads as a section of a body: some score, mostly prose, few links."""
    return st.score >= MIN_PART_SCORE and st.prose >= 0.6 * st.chars and _density(st) < 0.2


def _ancestors(node: int, stats: dict[int, _Stats], levels: int) -> list[int]:
    """Up to ``levels`` ancestors of ``node``, nearest first."""
    out: list[int] = []
    parent = stats[node].parent
    while parent is not None and len(out) < levels:
        out.append(parent)
        parent = stats[parent].parent
    return out


def _is_cousin(chain: tuple[int, ...], depth: int, above: list[int]) -> bool:
    """Whether the element at ``depth`` of ``chain`` shares a grandparent (or older) with the best one."""
    return any(depth - k >= 0 and chain[depth - k] == node for k, node in enumerate(above, 1) if k >= 2)


def _extend(segments: list[Segment], start: int, step: int) -> int:
    """Walk from ``start`` while neighbouring segments read as article prose (a lead outside the box).

    The walk may cross up to ``BRIDGE`` link-free short segments (a subheading, a one-line
    paragraph) when prose follows them as the body of a section does: two strong paragraphs
    side by side in one element. The body of many pages is cut into sections, and a heading is
    what separates the box from the rest of its text; teasers after a "More in ..." heading sit
    one to a box and are not taken.
    """
    index, probe, gap = start, start, 0
    while 0 <= probe + step < len(segments):
        probe += step
        seg = segments[probe]
        if _strong_prose(seg) and (
            gap == 0 or _section_follows(segments, probe, step) or _is_lead(segments, probe, step)
        ):
            index, gap = probe, 0
        elif gap < BRIDGE and _bridges(seg):
            gap += 1
        else:
            break
    return index


def _is_lead(segments: list[Segment], at: int, step: int) -> bool:
    """Whether the paragraph at ``at``, reached walking back, sits right under the page's headline.

    A lead (standfirst) is one paragraph between the ``h1`` and the body, often parted from the
    body by a byline or a date, which the line rules take out afterwards.
    """
    before = segments[at - 1] if step < 0 and at > 0 else None
    return before is not None and before.block_tag == "h1"


def _section_follows(segments: list[Segment], at: int, step: int) -> bool:
    """Whether the strong paragraph at ``at`` has another one beside it, under the same parent."""
    after = at + step
    if not 0 <= after < len(segments) or not _strong_prose(segments[after]):
        return False
    return segments[after].chain[:-1] == segments[at].chain[:-1]


def _bridges(seg: Segment) -> bool:
    return seg.link_chars == 0 and (seg.block_tag in HEADING_TAGS or _size(seg.text) < EXTEND_MIN)


def _strong_prose(seg: Segment) -> bool:
    size = _size(seg.text)
    return size >= EXTEND_MIN and seg.link_chars < STRONG_LINK_SHARE * len(seg.text) and ends_sentence(seg.text)


def _looks_like_prose(seg: Segment) -> bool:
    """A sibling paragraph worth keeping: long with few links, or a short full sentence without any."""
    density = seg.link_chars / len(seg.text)
    if _size(seg.text) >= 80:
        return density < 0.25
    return density == 0 and seg.block_tag == "p" and ends_sentence(seg.text)


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends as a sentence does, closing quotes and brackets after the stop allowed."""
    return text.endswith(_QUOTE_ENDS) or text.rstrip(_CLOSERS).endswith(_SENTENCE_ENDS)


def _size(text: str) -> int:
    """Length in Latin-script terms: a CJK character carries about as much as three letters."""
    if text.isascii():
        return len(text)  # most segments: no pattern to run
    wide = len(_WIDE.findall(text))
    return len(text) + 2 * wide


def _filter(segments: list[Segment], title: str) -> list[str]:
    """Drop link lines, the title and the page's headline: an ``h1`` before the first prose.

    An ``h1`` after prose has started is a section heading (some publishing tools mark every
    heading of the body ``h1``) and stays; so does a linked subheading between two paragraphs
    (a review's "Game title ($30)" linking to the shop).
    """
    out: list[str] = []
    prose_seen = False
    for index, seg in enumerate(segments):
        text = seg.text
        density = seg.link_chars / len(text)
        if density > 0.5 and not seg.in_quote and not (prose_seen and _linked_subheading(segments, index)):
            continue
        if (seg.block_tag == "h1" and not prose_seen) or (title and text == title):
            continue
        prose_seen = prose_seen or _is_prose(seg)
        out.append(text)
    return out


def _is_prose(seg: Segment) -> bool:
    return seg.block_tag not in HEADING_TAGS and _size(seg.text) >= PROSE_MIN and seg.link_chars < 0.25 * len(seg.text)


def _linked_subheading(segments: list[Segment], index: int) -> bool:
    """A heading below ``h1`` that a paragraph of prose follows."""
    following = segments[index + 1] if index + 1 < len(segments) else None
    return segments[index].block_tag in _SUBHEADINGS and following is not None and _is_prose(following)
