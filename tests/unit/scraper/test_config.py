"""The sources file: the shipped list validates, and every mistake gets a message naming where it is."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirewatch.core.feeds import FeedKind
from wirewatch.scraper.config import ConfigError, load_sources, parse_sources


def test_shipped_list_is_valid_and_covers_three_languages():
    config = load_sources()
    langs = {f.lang for f in config.enabled}
    assert {"en", "de", "fr"} <= langs
    assert len(config.enabled) >= 15
    assert all(f.url.startswith("https://") for f in config.feeds)
    assert {f.kind for f in config.feeds} >= {FeedKind.RSS, FeedKind.RDF, FeedKind.SITEMAP_INDEX}


def test_defaults_apply_and_tags_merge(tmp_path: Path):
    path = tmp_path / "feeds.toml"
    path.write_text(
        '[defaults]\ninterval = 60\ntags = ["news"]\n\n'
        '[[feed]]\nname = "a"\nurl = "https://a.example/rss"\ntags = ["wire", "news"]\n\n'
        '[[feed]]\nname = "b"\nurl = "https://b.example/atom"\nkind = "atom"\ninterval = 5\nenabled = false\n',
        encoding="utf-8",
    )
    config = load_sources(path)
    a, b = config.feeds
    assert (a.interval, a.tags, a.kind) == (60.0, ("news", "wire"), None)
    assert (b.interval, b.kind, b.enabled) == (5.0, FeedKind.ATOM, False)
    assert config.enabled == (a,)


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ({}, "no feeds"),
        ({"feed": [{"name": "a"}]}, "feed[0] 'a': url is required"),
        ({"feed": [{"name": "a", "url": "ftp://x.example/f"}]}, "absolute http(s) URL"),
        ({"feed": [{"name": "Bad Name", "url": "https://x.example/"}]}, "name must match"),
        ({"feed": [{"name": "a", "url": "https://x.example/", "kind": "rss3"}]}, "kind must be one of"),
        ({"feed": [{"name": "a", "url": "https://x.example/", "interval": 0}]}, "interval must be ≥ 0.05"),
        ({"feed": [{"name": "a", "url": "https://x.example/", "interval": "5m"}]}, "interval must be a number"),
        ({"feed": [{"name": "a", "url": "https://x.example/", "lang": "english"}]}, "lang must be a language tag"),
        ({"feed": [{"name": "a", "url": "https://x.example/", "tags": "x"}]}, "tags must be a list"),
        ({"feed": [{"name": "a", "url": "https://x.example/", "color": "red"}]}, "unknown key(s) ['color']"),
        ({"feed": [{"name": "a", "url": "https://x.example/", "enabled": "yes"}]}, "enabled must be true or false"),
        ({"feeds": []}, "unknown top-level key(s) ['feeds']"),
        ({"defaults": {"url": "https://x.example/"}, "feed": []}, "[defaults]: unknown key(s) ['url']"),
        (
            {"feed": [{"name": "a", "url": "https://x.example/"}, {"name": "a", "url": "https://y.example/"}]},
            "repeated: ['a']",
        ),
    ],
)
def test_invalid_sources_are_explained(document, message):
    with pytest.raises(ConfigError) as caught:
        parse_sources(document, "feeds.toml")
    assert message in str(caught.value)
    assert str(caught.value).startswith("feeds.toml")


def test_unreadable_and_invalid_toml_files(tmp_path: Path):
    with pytest.raises(ConfigError, match="cannot read"):
        load_sources(tmp_path / "missing.toml")
    bad = tmp_path / "bad.toml"
    bad.write_text("[[feed]\nname=", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_sources(bad)
