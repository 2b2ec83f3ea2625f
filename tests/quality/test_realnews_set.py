"""The real-news development set itself: its size, its split, and labels that hold together.

What the agreements issue asks of the set: at least 250 articles, 40 in each of de, en, fr, ru
and es, 300 agreements, 30 % of the articles with none, a frozen test third in each language;
every label in the format the scorer reads, every quote exactly in its (committed) text.
"""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest
from benchmarks.realnews import DATA, LANGUAGES, digest, load_articles, load_labels

TYPES = {"military", "security", "nuclear", "energy", "trade", "economic", "financial", "agriculture",
         "humanitarian", "diplomatic", "environment", "other"}  # fmt: skip
STATUSES = {"signed", "planned", "negotiating", "existing", "ratified", "suspended_or_cancelled"}
CODE = re.compile(r"^(?:[A-Z]{3}|ORG:[A-Z0-9_+-]+)$")


@pytest.fixture(scope="module")
def articles():
    return load_articles()


@pytest.fixture(scope="module")
def labels():
    return load_labels()


def test_the_set_has_the_size_and_mix_the_issue_asks_for(articles, labels) -> None:
    per_language = Counter(a.lang for a in articles)
    agreements = sum(len(labels[a.id]["agreements"]) for a in articles)
    none = sum(not labels[a.id]["agreements"] for a in articles)
    assert len(articles) >= 250 and agreements >= 300, (len(articles), agreements)
    assert all(per_language[lang] >= 40 for lang in LANGUAGES), per_language
    assert none / len(articles) >= 0.3


def test_a_third_of_each_language_is_the_frozen_test_part(articles) -> None:
    for lang in LANGUAGES:
        parts = Counter(a.part for a in articles if a.lang == lang)
        assert set(parts) == {"dev", "test"}
        assert 0.28 <= parts["test"] / (parts["dev"] + parts["test"]) <= 0.38, (lang, parts)


def test_every_article_is_labelled_once_and_committed_texts_are_intact(articles, labels) -> None:
    assert sorted(labels) == sorted(a.id for a in articles)
    for article in articles:
        if article.redistributable:
            assert article.text is not None and digest(article.text) == article.sha256, article.id


def test_only_texts_whose_licence_allows_a_copy_are_committed() -> None:
    for line in (DATA / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        assert ("text" in record) == record["redistributable"], record["id"]


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_labels_are_well_formed_and_quote_their_text(articles, labels) -> None:
    for article in articles:
        label = labels[article.id]
        text = _squeeze(f"{article.title or ''} \n {article.text}") if article.text else None
        for a in label["agreements"]:
            assert a["type"] in TYPES and set(a.get("type_alternatives", [])) <= TYPES, article.id
            assert a["status"] in STATUSES and set(a.get("status_alternatives", [])) <= STATUSES, article.id
            assert all(CODE.match(p) for p in a["parties"]) and len(set(a["parties"])) >= 2, article.id
            assert set(a.get("parties_in_text") or a["parties"]) <= set(a["parties"]), article.id
            if text is not None:
                assert _squeeze(a["evidence"]) in text, (article.id, a["evidence"])
        for near in label.get("near_misses", []):
            assert all(CODE.match(p) for p in near["parties"]), article.id
