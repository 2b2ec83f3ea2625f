"""Lexicons are data: every file compiles, a new language needs no code, unknown languages fail clearly."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import pytest

from wirewatch.core.agreements import (
    Lexicons,
    UnknownLanguage,
    available_languages,
    compile_lexicon,
    extract_agreements,
    load_lexicon,
)
from wirewatch.core.agreements.lexicon import STATUS_PRIORITY
from wirewatch.core.model import CountryMention, Span

TYPES = {
    "military", "security", "nuclear", "energy", "trade", "economic", "financial",
    "agriculture", "humanitarian", "diplomatic", "environment",
}  # fmt: skip


def _data(language: str) -> dict[str, Any]:
    path = resources.files("wirewatch.core.agreements").joinpath("data", f"{language}.json")
    return dict(json.loads(path.read_text(encoding="utf-8")))


def test_at_least_english_german_french_and_one_more() -> None:
    assert {"en", "de", "fr", "es"} <= set(available_languages())


@pytest.mark.parametrize("language", available_languages())
def test_every_file_is_complete_and_compiles(language: str) -> None:
    data = _data(language)
    assert data["language"] == language
    assert set(data["types"]) - {"other"} == TYPES, (
        "every labelled type needs cues (other may have some: it is also the fallback)"
    )
    assert set(data["status"]) == set(STATUS_PRIORITY)
    assert all(data["status"][s] for s in STATUS_PRIORITY)
    assert load_lexicon(language).language == language


def test_unknown_language_is_an_explicit_error() -> None:
    with pytest.raises(UnknownLanguage, match="xx"):
        load_lexicon("xx")
    with pytest.raises(UnknownLanguage):
        load_lexicon("../en")


def test_lexicons_fall_back_to_english(lexicons: Lexicons) -> None:
    assert lexicons.get("sw").language == "en"
    assert lexicons.get("de").language == "de"


def test_a_new_language_is_only_data() -> None:
    """A Dutch lexicon built from a dict in this test drives the unchanged extractor."""
    data = _data("en")
    data.update(
        language="nl",
        agreement_nouns=["\\w*overeenkomst(?:en)?", "\\w*verdrag(?:en)?"],
        plural_nouns=["overeenkomsten", "verdragen"],
        status={**{s: ["(?!x)x"] for s in STATUS_PRIORITY}, "signed": ["ondertekend"]},
        types={**{t: ["(?!x)x"] for t in TYPES}, "energy": ["energie\\w*", "gas\\w*"]},
        group_references=["beide landen"],
        intent_only=["willen"],
    )
    lexicon = compile_lexicon(data)
    body = "België en Nederland hebben een gasovereenkomst ondertekend."
    mentions = (
        CountryMention("BEL", Span(0, 6), "België", "name"),
        CountryMention("NLD", Span(10, 19), "Nederland", "name"),
    )
    (agreement,) = extract_agreements(body, mentions, (), lexicon)
    assert (agreement.parties, agreement.type, agreement.status) == (("BEL", "NLD"), "energy", "signed")
