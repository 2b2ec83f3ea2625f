"""The seed articles against the gold labels: boilerplate gone, body kept, metadata in fields."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from wirewatch.core.cleaning import CleanOptions, clean_article
from wirewatch.core.model import CleanArticle, ContentKind, RawArticle

SEEDS = ["000", "001", "002", "003", "004"]


@pytest.fixture(scope="module")
def cleaned(seeds_dir: Path, clean_options: CleanOptions) -> dict[str, CleanArticle]:
    out = {}
    for path in sorted(seeds_dir.glob("*.txt")):
        raw = RawArticle(id=path.name, kind=ContentKind.TEXT, content=path.read_text(encoding="utf-8"))
        out[path.name] = clean_article(raw, clean_options)
    return out


def _seed(cleaned: dict[str, CleanArticle], gold: dict[str, Any], prefix: str) -> tuple[CleanArticle, dict[str, Any]]:
    name = next(n for n in cleaned if n.startswith(prefix))
    return cleaned[name], gold[name]


@pytest.mark.parametrize("prefix", SEEDS)
def test_boilerplate_lines_are_gone(cleaned, gold, prefix: str) -> None:
    article, label = _seed(cleaned, gold, prefix)
    assert [line for line in label["boilerplate_remove"] if line in article.body] == []


@pytest.mark.parametrize("prefix", SEEDS)
def test_body_snippets_are_kept(cleaned, gold, prefix: str) -> None:
    article, label = _seed(cleaned, gold, prefix)
    assert [snippet for snippet in label["body_keep"] if snippet not in article.body] == []


@pytest.mark.parametrize("prefix", SEEDS)
def test_metadata_lines_are_not_body_and_title_and_language_are_right(cleaned, gold, prefix: str) -> None:
    article, label = _seed(cleaned, gold, prefix)
    assert [line for line in label["metadata_not_body"] if line in article.body] == []
    assert article.title == label["title"]
    assert article.lang == label["lang"]
    assert article.title not in article.body


def test_source_lines_go_to_sources_and_the_timestamp_to_published(cleaned, gold) -> None:
    assert _seed(cleaned, gold, "000")[0].sources == ("Bloomberg", "LA.lv")
    assert _seed(cleaned, gold, "001")[0].sources == ("Welt",)
    assert _seed(cleaned, gold, "003")[0].sources == ("lefigaro",)
    article, label = _seed(cleaned, gold, "003")
    assert article.published == label["published"]


def test_split_quotations_are_one_paragraph(cleaned, gold) -> None:
    article, _ = _seed(cleaned, gold, "003")
    quoted = [p for p in article.paragraphs if "Burma is our reliable and long-standing partner" in p]
    assert len(quoted) == 1
    assert "the master of the Kremlin himself declared" in quoted[0]
    assert all(p.strip() not in {'"', "\u201d.", "."} for p in article.paragraphs)
