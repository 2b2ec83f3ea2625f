"""The SQLite archive: the default, one file in ``WIREWATCH_DATA_DIR``.

1. WAL journal: the archive service writes while the API reads from another process.
2. Two FTS5 indexes over title and body, both *external content* (the text is stored once, in
   ``articles``; triggers keep the indexes in step):

   - ``articles_fts``, ``unicode61 remove_diacritics 2``: words, case and diacritics folded
     ("sojgu" finds "Šojgu"); ranked with bm25, title
     weighted above body; a query word also matches words it starts ("Abkommen" -> "Abkommens").
   - ``articles_tails``, contentless: the inner tails of long words (``archive.text.tails``), so
     "Abkommen" finds "Atomabkommen" and "Militärabkommen", which no word tokenizer splits
     (German writes compounds as one word, and SQLite ships no decompounder). The tails come
     from ``wirewatch_tails``, a Python function every connection registers; the triggers call it.

   Why not the ``trigram`` tokenizer: measured on the benchmark corpus it made an insert cost
   twice the word index's (0.97 against 0.46 ms an article) and was the largest part of the
   file, and before SQLite 3.45 it does not fold diacritics ("Militar" would miss "Militär").
   The tails cost a few tokens per long word and are folded like the word index.

   A search lists word hits first, then infix hits not already listed (``archive.sqlite_search``).
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from wirewatch.archive import records, sqlite_search
from wirewatch.archive.base import SqlArchive
from wirewatch.archive.migrations import CREATE_TABLE, Migration, pending
from wirewatch.archive.model import SearchHit, SearchQuery
from wirewatch.archive.text import tails

_TAILS_OF = "wirewatch_tails({row}.lang, {row}.title || ' ' || {row}.body)"
_TAILS_TRIGGERS = (
    "CREATE TRIGGER articles_tails_ai AFTER INSERT ON articles BEGIN"
    f" INSERT INTO articles_tails (rowid, tails) VALUES (new.rid, {_TAILS_OF.format(row='new')}); END",
    "CREATE TRIGGER articles_tails_ad AFTER DELETE ON articles BEGIN"
    " INSERT INTO articles_tails (articles_tails, rowid, tails)"
    f" VALUES ('delete', old.rid, {_TAILS_OF.format(row='old')}); END",
    "CREATE TRIGGER articles_tails_au AFTER UPDATE OF lang, title, body ON articles BEGIN"
    " INSERT INTO articles_tails (articles_tails, rowid, tails)"
    f" VALUES ('delete', old.rid, {_TAILS_OF.format(row='old')});"
    f" INSERT INTO articles_tails (rowid, tails) VALUES (new.rid, {_TAILS_OF.format(row='new')}); END",
)


def _fts_triggers(name: str) -> tuple[str, ...]:
    """The three triggers that keep external-content index ``name`` in step with ``articles``."""
    delete = f"INSERT INTO {name} ({name}, rowid, title, body) VALUES ('delete', old.rid, old.title, old.body);"
    insert = f"INSERT INTO {name} (rowid, title, body) VALUES (new.rid, new.title, new.body);"
    return (
        f"CREATE TRIGGER {name}_ai AFTER INSERT ON articles BEGIN {insert} END",
        f"CREATE TRIGGER {name}_ad AFTER DELETE ON articles BEGIN {delete} END",
        f"CREATE TRIGGER {name}_au AFTER UPDATE OF title, body ON articles BEGIN {delete} {insert} END",
    )


MIGRATIONS = (
    Migration(
        1,
        "tables for the five archived topics; word index over title and body",
        (
            "CREATE TABLE articles (rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, lang TEXT, title TEXT NOT NULL,"
            " body TEXT NOT NULL, published TEXT, url TEXT, at REAL NOT NULL, detail TEXT NOT NULL)",
            "CREATE INDEX articles_at ON articles (at)",
            "CREATE TABLE article_countries (article_id TEXT NOT NULL, code TEXT NOT NULL, focus INTEGER NOT NULL,"
            " PRIMARY KEY (article_id, code))",
            "CREATE INDEX article_countries_code ON article_countries (code)",
            "CREATE TABLE agreements (id TEXT PRIMARY KEY, type TEXT NOT NULL, status TEXT NOT NULL,"
            " first_seen REAL NOT NULL, last_seen REAL NOT NULL, doc TEXT NOT NULL)",
            "CREATE INDEX agreements_seen ON agreements (last_seen DESC, id DESC)",
            "CREATE TABLE agreement_parties (agreement_id TEXT NOT NULL, party TEXT NOT NULL,"
            " PRIMARY KEY (agreement_id, party))",
            "CREATE INDEX agreement_parties_party ON agreement_parties (party)",
            "CREATE TABLE agreement_reports (agreement_id TEXT NOT NULL, article_id TEXT NOT NULL, seen REAL NOT NULL,"
            " doc TEXT NOT NULL, PRIMARY KEY (agreement_id, article_id))",
            "CREATE TABLE country_events (id TEXT PRIMARY KEY, article_id TEXT NOT NULL, country TEXT NOT NULL,"
            " focus INTEGER NOT NULL, at REAL NOT NULL, doc TEXT NOT NULL)",
            "CREATE INDEX country_events_at ON country_events (at, country)",
            "CREATE TABLE relations (id TEXT PRIMARY KEY, window_size TEXT NOT NULL, window_start REAL NOT NULL,"
            " first_country TEXT NOT NULL, second_country TEXT NOT NULL, articles INTEGER NOT NULL, doc TEXT NOT NULL)",
            "CREATE INDEX relations_start ON relations (window_start)",
            "CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, content='articles', content_rowid='rid',"
            " tokenize='unicode61 remove_diacritics 2')",
            *_fts_triggers("articles_fts"),
        ),
    ),
    Migration(
        2,
        "word-tail index so a word is found inside German compounds (Abkommen in Atomabkommen)",
        (
            "CREATE VIRTUAL TABLE articles_tails USING fts5(tails, content='',"
            " tokenize='unicode61 remove_diacritics 2')",
            *_TAILS_TRIGGERS,
            f"INSERT INTO articles_tails (rowid, tails) SELECT rid, {_TAILS_OF.format(row='articles')} FROM articles",
        ),
    ),
)

_UPSERT_ARTICLE = """
INSERT INTO articles (id, lang, title, body, published, url, at, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (id) DO UPDATE SET lang = excluded.lang, title = excluded.title, body = excluded.body,
  published = excluded.published, url = excluded.url, at = excluded.at, detail = excluded.detail
WHERE excluded.title IS NOT articles.title OR excluded.body IS NOT articles.body
  OR excluded.detail IS NOT articles.detail OR excluded.at IS NOT articles.at
"""
# The WHERE makes a replay cheap: an unchanged article is not rewritten, so neither index is touched.


class SQLiteArchive(SqlArchive):
    """The archive in one SQLite file (or ``:memory:`` for a test that needs no restart)."""

    def __init__(self, path: str | Path) -> None:
        super().__init__()
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self._conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        self._conn.create_function("wirewatch_tails", 2, tails, deterministic=True)
        self._conn.execute("PRAGMA busy_timeout = 10000")  # the other process's transaction ends first
        self._conn.execute("PRAGMA journal_mode = WAL")
        self._conn.execute("PRAGMA synchronous = NORMAL")  # durable at each checkpoint; WAL stays consistent
        self._migrate()

    def _migrate(self) -> None:
        with self._lock:
            self._conn.execute(CREATE_TABLE)
            applied = [v for (v,) in self._conn.execute("SELECT version FROM schema_migrations")]
            for migration in pending(applied, MIGRATIONS):
                with self._transaction() as cur:  # BEGIN IMMEDIATE: another process opening now waits here
                    cur.execute("SELECT 1 FROM schema_migrations WHERE version = ?", (migration.version,))
                    if cur.fetchone() is not None:
                        continue  # that process ran it while this one waited
                    for statement in migration.statements:
                        cur.execute(statement)
                    cur.execute(
                        "INSERT INTO schema_migrations (version, reason, applied_at) VALUES (?, ?, ?)",
                        (migration.version, migration.reason, datetime.now(UTC).isoformat()),
                    )

    def schema_version(self) -> int:
        """The highest migration applied."""
        with self._lock:
            (version,) = self._conn.execute("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").fetchone()
        return int(version)

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Cursor]:
        cur = self._conn.cursor()
        cur.execute("BEGIN IMMEDIATE")  # take the write lock now, not halfway through the batch
        try:
            yield cur
        except BaseException:
            cur.execute("ROLLBACK")
            raise
        cur.execute("COMMIT")

    @contextlib.contextmanager
    def _read(self) -> Iterator[sqlite3.Cursor]:
        cur = self._conn.cursor()
        cur.execute("BEGIN")  # one snapshot for a page and its count
        try:
            yield cur
        finally:
            cur.execute("COMMIT")

    def _upsert_articles(self, cur: Any, rows: list[records.ArticleRow]) -> None:
        cur.executemany(
            _UPSERT_ARTICLE, [(r.id, r.lang, r.title, r.body, r.published, r.url, r.at, r.detail) for r in rows]
        )
        self._replace_countries(cur, rows)

    def _search(self, cur: Any, query: SearchQuery) -> list[SearchHit]:
        filters, params = self._article_filter(query, "a")
        return sqlite_search.search(cur, query, filters, params)

    def close(self) -> None:
        """Close the connection (a checkpoint folds the WAL into the file)."""
        with self._lock:
            self._conn.close()
