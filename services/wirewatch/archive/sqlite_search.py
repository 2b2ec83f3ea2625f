"""Full-text search over the SQLite archive: ranked, with bounded work, word hits before infix hits.

1. The query's words, folded (``archive.text.terms``: no FTS5 syntax gets through).
2. Three tiers, each only while fewer than ``limit`` hits are found, without the articles already
   found: ``word`` (the words as written: ``"abkommen"``), ``prefix`` (words they start:
   ``"abkommen"*`` finds "Abkommens"), ``infix`` (words inside compounds, the tails index). A
   prefix query merges the lists of every word it starts, measured 10-20 times the cost of the
   word itself over 100,000 articles, so it runs only when the words as written did not suffice.
3. In each tier the newest ``RANK_WINDOW`` matches (walked by rowid, newest first) bound the
   work; bm25 ranks them, a title match worth four body matches.
4. Columns and snippets are read for the kept rows only.

Why the window: bm25 is computed for every match before the best are kept, and an article row
is large (its body), so ranking and joining every match of a common word ("Russia") grew with
the archive (40 ms at 10,000 articles). Within the window a query costs the same at any size.
The price: an article older than a query's newest 2,000 matches is found only by narrowing the
query (more words, ``since``, ``lang``, ``country``); news search wants the recent first anyway.
"""

from __future__ import annotations

from typing import Any

from wirewatch.archive.base import RANK_WINDOW
from wirewatch.archive.model import SearchHit, SearchQuery
from wirewatch.archive.text import CLOSE, INFIX_MIN, OPEN, excerpt, fold, marked, terms

_WORDS, _TAILS = "articles_fts", "articles_tails"
_SCORE = {_WORDS: "bm25(articles_fts, 4.0, 1.0)", _TAILS: "bm25(articles_tails)"}


def search(cur: Any, query: SearchQuery, filters: str, params: list[object]) -> list[SearchHit]:
    """Hits for ``query``; ``filters`` are ``AND …`` clauses on ``articles a`` with their ``params``."""
    words = terms(query.text)
    if not words:
        return []
    exact, prefix = " ".join(f'"{w}"' for w in words), " ".join(f'"{w}"*' for w in words)
    hits: list[SearchHit] = []
    found: tuple[int, ...] = ()
    for table, expression, kind in ((_WORDS, exact, "word"), (_WORDS, prefix, "prefix"), (_TAILS, prefix, "infix")):
        if len(hits) >= query.limit or (kind == "infix" and not all(len(w) >= INFIX_MIN for w in words)):
            break
        ranked = _ranked(cur, table, expression, filters, params, query.limit - len(hits), found)
        hits += _infix_hits(cur, words, ranked) if table == _TAILS else _word_hits(cur, expression, ranked, kind)
        found += tuple(rid for rid, _ in ranked)
    return hits


def _ranked(
    cur: Any, table: str, expression: str, filters: str, params: list[object], limit: int, exclude: tuple[int, ...]
) -> list[tuple[int, float]]:
    """``(rowid, bm25)`` of the best ``limit`` matches among the newest ``RANK_WINDOW``."""
    source = f"{table} JOIN articles a ON a.rid = {table}.rowid" if filters else table  # join only to filter
    where = f"{table} MATCH ?{filters}"
    if exclude:
        where += f" AND {table}.rowid NOT IN ({', '.join('?' * len(exclude))})"
    args = (expression, *params, *exclude)
    cur.execute(
        f"SELECT MIN(r) FROM (SELECT {table}.rowid AS r FROM {source} WHERE {where}"
        f" ORDER BY {table}.rowid DESC LIMIT ?)",
        (*args, RANK_WINDOW),
    )
    (floor,) = cur.fetchone()
    if floor is None:
        return []
    cur.execute(
        f"SELECT {table}.rowid, {_SCORE[table]} AS score FROM {source} WHERE {where} AND {table}.rowid >= ?"
        " ORDER BY score LIMIT ?",
        (*args, floor, limit),
    )
    return [(int(rid), float(score)) for rid, score in cur.fetchall()]


def _articles(cur: Any, rids: list[int], body: bool = False) -> dict[int, tuple[Any, ...]]:
    extra = ", body" if body else ""
    cur.execute(
        f"SELECT rid, id, lang, title, published, url{extra} FROM articles WHERE rid IN ({', '.join('?' * len(rids))})",
        rids,
    )
    return {row[0]: row for row in cur.fetchall()}


def _word_hits(cur: Any, expression: str, ranked: list[tuple[int, float]], kind: str) -> list[SearchHit]:
    if not ranked:
        return []
    rids = [rid for rid, _ in ranked]
    cur.execute(
        f"SELECT rowid, snippet({_WORDS}, -1, '{OPEN}', '{CLOSE}', '…', 24) FROM {_WORDS}"
        f" WHERE {_WORDS} MATCH ? AND rowid IN ({', '.join('?' * len(rids))})",
        (expression, *rids),
    )
    snippets = dict(cur.fetchall())
    rows = _articles(cur, rids)
    return [_hit(rows[rid], marked(snippets.get(rid, "")), score, kind) for rid, score in ranked]


def _infix_hits(cur: Any, words: list[str], ranked: list[tuple[int, float]]) -> list[SearchHit]:
    """Infix hits, their snippet cut in Python (the tails index is contentless: no text to cut)."""
    if not ranked:
        return []
    rows = _articles(cur, [rid for rid, _ in ranked], body=True)
    hits = []
    for rid, score in ranked:
        row = rows[rid]
        text = row[6] if any(w in fold(row[6]) for w in words) else row[3]
        hits.append(_hit(row, excerpt(text, words), score, "infix"))
    return hits


def _hit(row: tuple[Any, ...], snippet: str, score: float, kind: str) -> SearchHit:
    """A hit from ``(rid, id, lang, title, published, url, …)``; bm25 is negative, better is lower."""
    return SearchHit(row[1], row[2], row[3], row[4], row[5], snippet, round(-score, 4), kind)
