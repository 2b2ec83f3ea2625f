"""What both backends share: writing batches, the agreement queries, the article view, counts, retention.

SQL here is written once with ``?`` placeholders (a backend that wants ``%s`` rewrites them) and
uses only what SQLite and PostgreSQL agree on: ``ON CONFLICT … DO UPDATE``, ``excluded``, plain
types. Full-text search differs between the two and lives in each backend.

Every public method takes the archive's lock: the API calls them from worker threads
(``asyncio.to_thread``) and one connection must not run two statements at once.
"""

from __future__ import annotations

import contextlib
import threading
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from typing import Any

from wirewatch.archive import records
from wirewatch.archive.model import AgreementPage, AgreementQuery, Counts, Cursor, SearchHit, SearchQuery, Written
from wirewatch.contracts.topics import Topic

#: Evidence sentences returned with one agreement (one per reporting article, oldest first).
EVIDENCE_LIMIT = 20
#: Matches ranked per search tier in SQLite: the most recently archived ones (``sqlite_search`` says why).
RANK_WINDOW = 2000
#: Rows per page when an export walks every agreement.
EXPORT_PAGE = 500

_UPSERT_AGREEMENT = """
INSERT INTO agreements (id, type, status, first_seen, last_seen, doc) VALUES (?, ?, ?, ?, ?, ?)
ON CONFLICT (id) DO UPDATE SET type = excluded.type, status = excluded.status,
  first_seen = CASE WHEN excluded.first_seen < agreements.first_seen THEN excluded.first_seen
                    ELSE agreements.first_seen END,
  last_seen = excluded.last_seen, doc = excluded.doc
WHERE excluded.last_seen >= agreements.last_seen
"""
_UPSERT_REPORT = """
INSERT INTO agreement_reports (agreement_id, article_id, seen, doc) VALUES (?, ?, ?, ?)
ON CONFLICT (agreement_id, article_id) DO UPDATE SET seen = excluded.seen, doc = excluded.doc
"""
_UPSERT_COUNTRY = """
INSERT INTO country_events (id, article_id, country, focus, at, doc) VALUES (?, ?, ?, ?, ?, ?)
ON CONFLICT (id) DO UPDATE SET article_id = excluded.article_id, country = excluded.country,
  focus = excluded.focus, at = excluded.at, doc = excluded.doc
"""
_UPSERT_RELATION = """
INSERT INTO relations (id, window_size, window_start, first_country, second_country, articles, doc)
VALUES (?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (id) DO UPDATE SET articles = excluded.articles, doc = excluded.doc
"""
_NEWEST_FIRST = "ORDER BY last_seen DESC, id DESC"
_TABLES = ("articles", "agreements", "agreement_reports", "country_events", "relations")


class SqlArchive(ABC):
    """The archive over one database connection. Open with ``wirewatch.archive.open_archive``."""

    #: The placeholder this backend's driver wants in place of ``?``.
    placeholder = "?"

    def __init__(self) -> None:
        self._lock = threading.RLock()

    # -- backend hooks -----------------------------------------------------------------------------

    @abstractmethod
    def _transaction(self) -> contextlib.AbstractContextManager[Any]:
        """A cursor inside a transaction: committed when the block ends, rolled back if it raises."""

    @abstractmethod
    def _read(self) -> contextlib.AbstractContextManager[Any]:
        """A cursor for reading (a snapshot where the backend gives one)."""

    @abstractmethod
    def _upsert_articles(self, cur: Any, rows: list[records.ArticleRow]) -> None:
        """Write articles and their full-text entries (the index is backend-specific)."""

    @abstractmethod
    def _search(self, cur: Any, query: SearchQuery) -> list[SearchHit]:
        """Ranked hits for ``query`` (word hits, then infix hits)."""

    @abstractmethod
    def close(self) -> None:
        """Close the connection."""

    def _sql(self, statement: str) -> str:
        return statement if self.placeholder == "?" else statement.replace("?", self.placeholder)

    # -- writing -----------------------------------------------------------------------------------

    def ingest(self, messages: Iterable[tuple[Topic, dict[str, Any]]]) -> Written:
        """Write a batch of decoded messages in one transaction; when this returns, the batch is durable.

        A message whose topic the archive does not keep is skipped (and counted as such).
        """
        rows: dict[Topic, list[Any]] = {topic: [] for topic in _ROW_OF}
        written = Written()
        for topic, doc in messages:
            make = _ROW_OF.get(topic)
            if make is None:
                written.skipped += 1
                continue
            rows[topic].append(make(doc))
            written.add(topic.value)
        with self._lock, self._transaction() as cur:
            self._write(cur, rows)
        return written

    def _write(self, cur: Any, rows: dict[Topic, list[Any]]) -> None:
        if rows[Topic.TAGGED]:
            self._upsert_articles(cur, _last_per_key(rows[Topic.TAGGED], lambda r: r.id))
        agreements: list[records.AgreementRow] = rows[Topic.AGREEMENTS]
        if agreements:
            cur.executemany(
                self._sql(_UPSERT_AGREEMENT),
                [(r.id, r.type, r.status, r.first_seen, r.last_seen, r.doc) for r in agreements],
            )
            cur.executemany(
                self._sql("INSERT INTO agreement_parties (agreement_id, party) VALUES (?, ?) ON CONFLICT DO NOTHING"),
                [(r.id, party) for r in agreements for party in r.parties],
            )
        reports: list[records.ReportRow] = rows[Topic.AGREEMENT_REPORTS]
        if reports:
            cur.executemany(self._sql(_UPSERT_REPORT), [(r.agreement_id, r.article_id, r.seen, r.doc) for r in reports])
        countries: list[records.CountryRow] = rows[Topic.COUNTRIES]
        if countries:
            cur.executemany(
                self._sql(_UPSERT_COUNTRY),
                [(r.id, r.article_id, r.country, int(r.focus), r.at, r.doc) for r in countries],
            )
        relations: list[records.RelationRow] = rows[Topic.RELATIONS]
        if relations:
            cur.executemany(
                self._sql(_UPSERT_RELATION),
                [(r.id, r.window, r.window_start, r.first, r.second, r.articles, r.doc) for r in relations],
            )

    def prune(self, before: float) -> int:
        """Delete what is older than ``before`` (Unix seconds): articles by their time, agreements by
        ``last_seen`` (with their parties and reports), country events, relation windows. Returns rows deleted."""
        statements = (
            "DELETE FROM article_countries WHERE article_id IN (SELECT id FROM articles WHERE at < ?)",
            "DELETE FROM articles WHERE at < ?",
            "DELETE FROM agreement_parties WHERE agreement_id IN (SELECT id FROM agreements WHERE last_seen < ?)",
            "DELETE FROM agreement_reports WHERE agreement_id IN (SELECT id FROM agreements WHERE last_seen < ?)",
            "DELETE FROM agreements WHERE last_seen < ?",
            "DELETE FROM country_events WHERE at < ?",
            "DELETE FROM relations WHERE window_start < ?",
        )
        deleted = 0
        with self._lock, self._transaction() as cur:
            for statement in statements:
                cur.execute(self._sql(statement), (before,))
                deleted += max(cur.rowcount, 0)
        return deleted

    # -- reading -----------------------------------------------------------------------------------

    def counts(self) -> Counts:
        """Rows in each table."""
        with self._lock, self._read() as cur:
            found = []
            for table in _TABLES:
                cur.execute(f"SELECT COUNT(*) FROM {table}")  # table names are constants
                found.append(int(cur.fetchone()[0]))
        return Counts(*found)

    def agreements(self, query: AgreementQuery) -> AgreementPage:
        """One page of matching agreements, newest ``last_seen`` first, each with its evidence sentences."""
        where, params = self._agreement_filter(query)
        page_where, page_params = list(where), list(params)
        if query.after is not None:
            page_where.append("(last_seen < ? OR (last_seen = ? AND id < ?))")
            page_params += [query.after.last_seen, query.after.last_seen, query.after.id]
        clause = f" WHERE {' AND '.join(page_where)}" if page_where else ""
        offset = 0 if query.after is not None else query.offset
        with self._lock, self._read() as cur:
            cur.execute(
                self._sql(f"SELECT id, last_seen, doc FROM agreements{clause} {_NEWEST_FIRST} LIMIT ? OFFSET ?"),
                (*page_params, query.limit + 1, offset),
            )
            rows = cur.fetchall()
            total_clause = f" WHERE {' AND '.join(where)}" if where else ""
            cur.execute(self._sql(f"SELECT COUNT(*) FROM agreements{total_clause}"), params)
            total = int(cur.fetchone()[0])
            items = [self._with_evidence(cur, records.loads(doc)) for _, _, doc in rows[: query.limit]]
        following = None
        if len(rows) > query.limit:
            last_id, last_seen, _ = rows[query.limit - 1]
            following = Cursor(float(last_seen), last_id)
        return AgreementPage(items, total, following)

    def _agreement_filter(self, query: AgreementQuery) -> tuple[list[str], list[object]]:
        where: list[str] = []
        params: list[object] = []
        if query.country is not None:
            where.append("id IN (SELECT agreement_id FROM agreement_parties WHERE party = ?)")
            params.append(query.country)
        for column, value in (("type", query.type), ("status", query.status)):
            if value is not None:
                where.append(f"{column} = ?")
                params.append(value)
        if query.since is not None:
            where.append("last_seen >= ?")
            params.append(query.since)
        if query.until is not None:
            where.append("last_seen < ?")
            params.append(query.until)
        return where, params

    def iter_agreements(self, query: AgreementQuery) -> Iterator[dict[str, Any]]:
        """Every matching agreement, newest first, read page by page (for exports of any size)."""
        page_query = AgreementQuery(query.country, query.type, query.status, query.since, query.until, EXPORT_PAGE)
        while True:
            page = self.agreements(page_query)
            yield from page.items
            if page.next_cursor is None:
                return
            page_query = AgreementQuery(
                query.country, query.type, query.status, query.since, query.until, EXPORT_PAGE, page.next_cursor
            )

    def country_counts(self, since: float, until: float) -> list[dict[str, Any]]:
        """Articles per country with an event time in ``(since, until]``, most first (the map's data)."""
        with self._lock, self._read() as cur:
            cur.execute(
                self._sql(
                    "SELECT country, COUNT(DISTINCT article_id), SUM(focus) FROM country_events"
                    " WHERE at > ? AND at <= ? GROUP BY country ORDER BY COUNT(DISTINCT article_id) DESC, country"
                ),
                (since, until),
            )
            return [{"country": c, "articles": int(n), "in_focus": int(f or 0)} for c, n, f in cur.fetchall()]

    def agreement(self, agreement_id: str) -> dict[str, Any] | None:
        """One agreement with its evidence sentences, or None."""
        with self._lock, self._read() as cur:
            cur.execute(self._sql("SELECT doc FROM agreements WHERE id = ?"), (agreement_id,))
            row = cur.fetchone()
            return None if row is None else self._with_evidence(cur, records.loads(row[0]))

    def _with_evidence(self, cur: Any, doc: dict[str, Any]) -> dict[str, Any]:
        cur.execute(
            self._sql("SELECT doc FROM agreement_reports WHERE agreement_id = ? ORDER BY seen, article_id LIMIT ?"),
            (doc["id"], EVIDENCE_LIMIT),
        )
        evidences = [records.loads(text) for (text,) in cur.fetchall()]
        if not evidences:  # no report archived (yet): the event's own, most confident sentence
            evidences = [{"article_id": None, "evidence": doc.get("evidence"), "lang": None}]
        return {**doc, "evidences": evidences}

    def article(self, article_id: str) -> dict[str, Any] | None:
        """One article as the article view shows it: text, countries with spans, agreements with evidence spans."""
        with self._lock, self._read() as cur:
            cur.execute(
                self._sql("SELECT id, lang, title, body, published, url, detail FROM articles WHERE id = ?"),
                (article_id,),
            )
            row = cur.fetchone()
        if row is None:
            return None
        detail = records.loads(row[6])
        return {
            "id": row[0],
            "lang": row[1],
            "title": row[2],
            "body": row[3],
            "published": row[4],
            "url": row[5],
            **{k: v for k, v in detail.items() if k not in ("countries", "agreements", "organisations")},
            "countries": detail.get("countries") or [],
            "organisations": detail.get("organisations") or [],
            "agreements": detail.get("agreements") or [],
        }

    def search(self, query: SearchQuery) -> list[SearchHit]:
        """Articles matching every word of ``query.text``, best first; an empty query finds nothing."""
        with self._lock, self._read() as cur:
            return self._search(cur, query)

    def _article_filter(self, query: SearchQuery, alias: str) -> tuple[str, list[object]]:
        """The ``AND …`` clauses of a search's filters, shared by the word and the infix search."""
        sql, params = "", list[object]()
        if query.lang is not None:
            sql += f" AND {alias}.lang = ?"
            params.append(query.lang)
        if query.since is not None:
            sql += f" AND {alias}.at >= ?"
            params.append(query.since)
        if query.country is not None:
            sql += f" AND {alias}.id IN (SELECT article_id FROM article_countries WHERE code = ?)"
            params.append(query.country)
        return self._sql(sql), params

    def _replace_countries(self, cur: Any, rows: list[records.ArticleRow]) -> None:
        cur.executemany(self._sql("DELETE FROM article_countries WHERE article_id = ?"), [(r.id,) for r in rows])
        cur.executemany(
            self._sql(
                "INSERT INTO article_countries (article_id, code, focus) VALUES (?, ?, ?) ON CONFLICT DO NOTHING"
            ),
            [(r.id, code, int(focus)) for r in rows for code, focus in r.countries],
        )


def _last_per_key(rows: list[Any], key: Any) -> list[Any]:
    """One row per key, the last one given (a batch may hold two versions of one article)."""
    return list({key(r): r for r in rows}.values())


_ROW_OF: dict[Topic, Any] = {
    Topic.TAGGED: records.article_row,
    Topic.AGREEMENTS: records.agreement_row,
    Topic.AGREEMENT_REPORTS: records.report_row,
    Topic.COUNTRIES: records.country_row,
    Topic.RELATIONS: records.relation_row,
}

#: The topics the archive keeps.
ARCHIVED_TOPICS: tuple[Topic, ...] = tuple(_ROW_OF)
