"""Fixtures for the agreement extractor's tests: real lexicons, the real country tagger."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from wirewatch.core.agreements import Lexicons, NamedBase, extract_agreements, load_lexicons, load_named
from wirewatch.core.countries import Gazetteer, load_gazetteer, tag_countries
from wirewatch.core.model import Agreement

Extract = Callable[..., tuple[Agreement, ...]]


@pytest.fixture(scope="session")
def lexicons() -> Lexicons:
    return load_lexicons()


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


@pytest.fixture(scope="session")
def named() -> NamedBase:
    return load_named()


@pytest.fixture(scope="session")
def extract(lexicons: Lexicons, gazetteer: Gazetteer, named: NamedBase) -> Extract:
    """``extract(body, lang, published=None, focus=None)``: tag countries for real, then extract
    with the real lexicons and the real base of named agreements."""

    def run(
        body: str, lang: str, published: str | None = None, focus: tuple[str, ...] | None = None
    ) -> tuple[Agreement, ...]:
        tagging = tag_countries("", body, gazetteer, lang=lang)
        body_mentions = tuple(m for m in tagging.mentions if m.span.field == "body")
        if focus is None:
            focus = tuple(t.code for t in tagging.countries if t.focus)
        return extract_agreements(body, body_mentions, focus, lexicons.get(lang), published, named)

    return run


def only(found: tuple[Agreement, ...]) -> Agreement:
    """The single agreement found; fails with what was found otherwise."""
    assert len(found) == 1, found
    return found[0]
