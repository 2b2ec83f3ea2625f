"""``clean_article``: raw article in, clean article out (or ``Rejected``)."""

from __future__ import annotations

from wirewatch.core.cleaning.extract import extract_main_text, parse_html
from wirewatch.core.cleaning.htmlmeta import PageMeta, read_page_meta
from wirewatch.core.cleaning.normalise import normalise_text
from wirewatch.core.cleaning.options import CleanOptions
from wirewatch.core.cleaning.quotes import join_split_quotes
from wirewatch.core.cleaning.rules import LineVerdicts, apply_line_rules, is_boilerplate, strip_bullet
from wirewatch.core.cleaning.safety import check_content, check_nesting
from wirewatch.core.cleaning.title import find_title
from wirewatch.core.errors import ErrorKind, Rejected
from wirewatch.core.language import identify_language
from wirewatch.core.model import CleanArticle, ContentKind, RawArticle


def clean_article(raw: RawArticle, options: CleanOptions | None = None) -> CleanArticle:
    """Clean one raw article; raise ``Rejected`` when there is nothing to keep.

    Without ``options`` the phrase lists and the language model are loaded for this call
    (slow); build ``CleanOptions()`` once and pass it.
    """
    opts = options or CleanOptions()
    # 1. refuse what cannot be an article (empty, too large, binary)
    content = check_content(raw.content, opts.max_bytes, opts.truncate)
    # 2. HTML: metadata from the head, main text from the body; text: lines as they are
    meta = PageMeta()
    if raw.kind is ContentKind.HTML:
        check_nesting(content)
        tree = parse_html(content)
        meta = read_page_meta(tree)
        lines = list(extract_main_text(tree, max_nodes=opts.max_nodes))
    else:
        lines = content.split("\n")
    # 3. normalise, repair split quotations
    lines = [strip_bullet(line) for line in normalise_text("\n".join(lines)).split("\n")]
    lines = join_split_quotes([line for line in lines if line])
    # 4. title and where the body starts
    given = " ".join(normalise_text(raw.title or meta.title or "").split()) or None
    title, start = find_title(lines, opts.phrasebook, given)
    # 5. line rules: boilerplate out, metadata into fields
    verdicts = apply_line_rules(lines[start:], opts.phrasebook, title)
    verdicts.removed += start
    return _assemble(raw, meta, title, _body_lines(verdicts, title, opts), verdicts, opts)


def _body_lines(verdicts: LineVerdicts, title: str, opts: CleanOptions) -> list[str]:
    kept = verdicts.kept
    if not kept and title and not is_boilerplate(title, opts.phrasebook):
        kept = [title]  # a one-line text is its own title and body
    if not kept:
        raise Rejected(ErrorKind.NO_TEXT, "nothing left after boilerplate removal")
    return kept


def _assemble(
    raw: RawArticle, meta: PageMeta, title: str, kept: list[str], verdicts: LineVerdicts, opts: CleanOptions
) -> CleanArticle:
    body = "\n\n".join(kept)[: opts.max_body_chars]
    guess = identify_language(body, opts.language)
    lang, confidence = (raw.lang, 1.0) if raw.lang else (guess.lang, guess.confidence)
    return CleanArticle(
        id=raw.id,
        title=title,
        body=body,
        lang=lang,
        lang_confidence=confidence,
        published=raw.published or meta.published or verdicts.published,
        url=raw.url,
        canonical_url=meta.canonical_url,
        site_name=meta.site_name,
        authors=meta.authors or tuple(dict.fromkeys(verdicts.authors)),
        sources=tuple(dict.fromkeys(verdicts.sources)),
        removed=verdicts.removed,
    )
