"""One gazetteer per test session: building it takes seconds, using it is read-only."""

from __future__ import annotations

import pytest

from wirewatch.core.countries import CountryTagging, Gazetteer, load_gazetteer, tag_countries


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


@pytest.fixture(scope="session")
def codes(gazetteer):
    """``codes(text, lang=None, published=None, title="")`` → the set of country codes found."""

    def run(text: str, lang: str | None = None, published: str | None = None, title: str = "") -> set[str]:
        tagging = tag_countries(title, text, gazetteer, lang=lang, published=published)
        return {t.code for t in tagging.countries}

    return run


@pytest.fixture(scope="session")
def tag(gazetteer):
    def run(text: str, lang: str | None = None, title: str = "", published: str | None = None) -> CountryTagging:
        return tag_countries(title, text, gazetteer, lang=lang, published=published)

    return run
