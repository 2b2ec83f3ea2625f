"""The scraper's settings from the environment."""

from __future__ import annotations

import pytest

from wirewatch.runtime.settings import DEFAULT_USER_AGENT, Settings, SettingsError


def test_defaults():
    scraper = Settings.from_env({}).scraper
    assert scraper.user_agent == DEFAULT_USER_AGENT
    assert scraper.allow_addresses == ()
    assert scraper.config_path is None
    assert (scraper.concurrency, scraper.host_concurrency, scraper.max_redirects) == (16, 2, 5)
    assert scraper.seen_days == 30.0


def test_values_are_read():
    env = {
        "WIREWATCH_SCRAPER_CONFIG": "/etc/wirewatch/feeds.toml",
        "WIREWATCH_SCRAPER_USER_AGENT": "TestBot/1.0",
        "WIREWATCH_SCRAPER_ALLOW_ADDRESSES": "127.0.0.0/8, ::1/128",
        "WIREWATCH_SCRAPER_HOST_DELAY": "0.5",
        "WIREWATCH_SCRAPER_QUEUE_SIZE": "10",
        "WIREWATCH_SCRAPER_SEEN_DAYS": "0.25",
    }
    scraper = Settings.from_env(env).scraper
    assert scraper.config_path == "/etc/wirewatch/feeds.toml"
    assert scraper.user_agent == "TestBot/1.0"
    assert scraper.allow_addresses == ("127.0.0.0/8", "::1/128")
    assert (scraper.host_delay, scraper.queue_size) == (0.5, 10)
    assert scraper.seen_days == 0.25  # fractions of a day: tests and soak runs expire in minutes


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("WIREWATCH_SCRAPER_ALLOW_ADDRESSES", "localhost", "not an IP network"),
        ("WIREWATCH_SCRAPER_CONCURRENCY", "0", "below the minimum"),
        ("WIREWATCH_SCRAPER_MAX_BYTES", "lots", "not an integer"),
        ("WIREWATCH_SCRAPER_TOTAL_TIMEOUT", "1m", "not a number"),
        ("WIREWATCH_SCRAPER_SEEN_DAYS", "0", "must be above 0"),
        ("WIREWATCH_SCRAPER_SEEN_DAYS", "-1", "must be above 0"),
        ("WIREWATCH_SCRAPER_SEEN_DAYS", "nan", "must be above 0"),
        ("WIREWATCH_SCRAPER_SEEN_DAYS", "a month", "not a number"),
    ],
)
def test_bad_values_are_explained(name, value, message):
    with pytest.raises(SettingsError, match=message):
        Settings.from_env({name: value})
