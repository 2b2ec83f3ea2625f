"""Fuzz the cleaner and the tagger, through their handlers (bytes in) and through the core (text in).

Every input gives output or a typed outcome: a dead letter whose kind is a known reason, never
``internal_error`` (an exception the code did not expect), and never a stall past the bound.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzz.hostile import (
    EXAMPLES,
    HOSTILE_MESSAGES,
    HOSTILE_TEXTS,
    SCRIPT_SAMPLES,
    any_text,
    bounded,
    encoded,
    raw_documents,
)
from wirewatch.cleaner.handler import CleanerHandler
from wirewatch.contracts.deadletter import Origin
from wirewatch.contracts.outcome import Outcome
from wirewatch.contracts.schemas import validate
from wirewatch.contracts.topics import Topic
from wirewatch.contracts.wire import raw_from_wire
from wirewatch.core.analysis import Resources, tag_article
from wirewatch.core.cleaning import CleanOptions, clean_article
from wirewatch.core.errors import Rejected
from wirewatch.core.model import CleanArticle, TaggedArticle
from wirewatch.tagger.handler import TaggerHandler

NOW = "2026-01-01T00:00:00.000Z"
ORIGIN = Origin("articles.raw", 0, 0, b"fuzz")
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def options() -> CleanOptions:
    return CleanOptions()  # loads the phrasebook and the language model: once


@pytest.fixture(scope="module")
def cleaner(options: CleanOptions) -> CleanerHandler:
    return CleanerHandler(options)


@pytest.fixture(scope="module")
def resources() -> Resources:
    return Resources.load()


@pytest.fixture(scope="module")
def tagger(resources: Resources) -> TaggerHandler:
    return TaggerHandler(resources)


def check(outcome: Outcome) -> None:
    """A handler outcome is outputs, or exactly one schema-valid dead letter with a typed kind."""
    assert isinstance(outcome, Outcome)
    if outcome.failed:
        assert [o.topic for o in outcome.outputs] == [Topic.DEADLETTER]
        validate("deadletter.v1", outcome.outputs[0].document)
        assert outcome.error_kind != "internal_error", outcome.outputs[0].document["message"]
    else:
        assert outcome.outputs


def clean_document(body: str, title: str = "t", lang: str = "en") -> dict[str, Any]:
    """A schema-shaped clean-article document around a hostile body."""
    return {
        "id": "fuzz",
        "title": title,
        "body": body,
        "lang": lang,
        "lang_confidence": 0.5,
        "published": None,
        "url": None,
        "canonical_url": None,
        "site_name": None,
        "authors": [],
        "sources": [],
        "removed_lines": 0,
    }


# --- through the handlers: bytes in, outcome out ------------------------------------------------


@SETTINGS
@given(st.binary(max_size=4096))
def test_cleaner_handles_random_bytes(cleaner, data: bytes) -> None:
    with bounded():
        check(cleaner.handle(data, ORIGIN, NOW))


@SETTINGS
@given(raw_documents())
def test_cleaner_handles_raw_documents_with_wrong_types_and_any_text(cleaner, document) -> None:
    with bounded():
        check(cleaner.handle(encoded(document), ORIGIN, NOW))


@SETTINGS
@given(any_text(), any_text(max_size=200), st.sampled_from(["en", "de", "ar", "zz", "", "x" * 50]))
def test_tagger_handles_any_text_in_a_clean_article(tagger, body: str, title: str, lang: str) -> None:
    with bounded():
        check(tagger.handle(encoded(clean_document(body, title, lang)), ORIGIN, NOW))


@SETTINGS
@given(
    st.dictionaries(
        st.sampled_from(list(clean_document("b"))), st.none() | st.integers(-(2**63), 2**63) | st.text(max_size=5)
    )
)
def test_tagger_handles_clean_documents_with_wrong_types(tagger, patch) -> None:
    with bounded():
        check(tagger.handle(encoded({**clean_document("Polen und Chile."), **patch}), ORIGIN, NOW))


@pytest.mark.parametrize(("name", "data"), HOSTILE_MESSAGES, ids=[n for n, _ in HOSTILE_MESSAGES])
def test_both_stages_handle_hostile_messages(cleaner, tagger, name: str, data: bytes) -> None:
    with bounded():
        check(cleaner.handle(data, ORIGIN, NOW))
        check(tagger.handle(data, ORIGIN, NOW))


@pytest.mark.parametrize(("name", "text"), HOSTILE_TEXTS, ids=[n for n, _ in HOSTILE_TEXTS])
@pytest.mark.parametrize("body_key", ["text", "html"])
def test_cleaner_handles_hostile_bodies_at_full_size(cleaner, name: str, text: str, body_key: str) -> None:
    with bounded():
        check(cleaner.handle(encoded({"id": name, body_key: text}), ORIGIN, NOW))


@pytest.mark.parametrize(("name", "text"), HOSTILE_TEXTS, ids=[n for n, _ in HOSTILE_TEXTS])
@pytest.mark.parametrize("body_key", ["text", "html"])
def test_cleaner_then_tagger_handle_hostile_bodies(cleaner, tagger, name: str, text: str, body_key: str) -> None:
    with bounded():
        outcome = cleaner.handle(encoded({"id": name, body_key: text}), ORIGIN, NOW)
        check(outcome)
        if not outcome.failed:
            check(tagger.handle(outcome.outputs[0].value(), ORIGIN, NOW))


# --- through the core: text in, data or Rejected out --------------------------------------------


@SETTINGS
@given(st.text(st.characters(), max_size=3000), st.sampled_from(["text", "html"]))
def test_core_cleaner_gives_an_article_or_rejected_for_any_string(options, text: str, body_key: str) -> None:
    """Lone surrogates included: the core may be called from Python, not only from the wire."""
    with bounded():
        try:
            article = clean_article(raw_from_wire({"id": "fuzz", body_key: text}), options)
        except Rejected:
            return
    assert isinstance(article, CleanArticle)
    assert article.body


@SETTINGS
@given(any_text(max_size=5000))
def test_core_tagger_spans_stay_inside_the_text(resources, body: str) -> None:
    article = CleanArticle(id="fuzz", title="", body=body, lang="en", lang_confidence=0.5)
    with bounded():
        try:
            tagged = tag_article(article, resources)
        except Rejected:
            return
    assert isinstance(tagged, TaggedArticle)
    for tag in (*tagged.countries, *tagged.organisations):
        for span in tag.spans:
            text = article.body if span.field == "body" else article.title
            assert 0 <= span.start <= span.end <= len(text)


def test_mixed_script_samples_cover_right_to_left_writing() -> None:
    rtl = [s for s in SCRIPT_SAMPLES if any("\u0590" <= ch <= "\u06ff" for ch in s)]
    assert len(rtl) >= 2
