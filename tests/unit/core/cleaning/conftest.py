"""Fixtures of the cleaning tests: one ``CleanOptions`` per session (loading it takes ~1 s)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from wirewatch.core.cleaning import CleanOptions, clean_article
from wirewatch.core.model import CleanArticle, ContentKind, RawArticle


@pytest.fixture(scope="session")
def clean_options() -> CleanOptions:
    return CleanOptions()


@pytest.fixture(scope="session")
def clean_text(clean_options: CleanOptions) -> Callable[..., CleanArticle]:
    """Clean a text article: ``clean_text("line\\nline", title=None)``."""

    def run(text: str, title: str | None = None, kind: ContentKind = ContentKind.TEXT) -> CleanArticle:
        return clean_article(RawArticle(id="t", kind=kind, content=text, title=title), clean_options)

    return run
