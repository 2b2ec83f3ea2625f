from __future__ import annotations

import pytest

from wirewatch.runtime.settings import Settings, SettingsError


def test_defaults_without_environment() -> None:
    s = Settings.from_env({})
    assert s.bootstrap_servers is None
    assert s.partitions == 4
    assert s.http_port is None
    assert (s.dedup_retention_days, s.agreement_retention_days) == (7.0, 365.0)
    assert s.topics.name(s.topics.parse("articles.raw")) == "articles.raw"


def test_values_are_read_and_prefix_applies() -> None:
    s = Settings.from_env(
        {
            "KAFKA_BOOTSTRAP_SERVERS": "k1:9092,k2:9092",
            "WIREWATCH_TOPIC_PREFIX": "dev.",
            "WIREWATCH_PARTITIONS": "12",
            "WIREWATCH_HTTP_PORT": "0",
            "WIREWATCH_LOG_LEVEL": "DEBUG",
            "WIREWATCH_AGREEMENT_DAYS": "0.5",
        }
    )
    assert s.agreement_retention_days == 0.5
    assert s.bootstrap == "k1:9092,k2:9092"
    assert s.partitions == 12
    assert s.http_port == 0
    assert s.log_level == "debug"
    assert s.topics.all()[0] == "dev.articles.raw"


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"WIREWATCH_PARTITIONS": "many"}, "not an integer"),
        ({"WIREWATCH_PARTITIONS": "0"}, "below the minimum"),
        ({"WIREWATCH_BATCH_WITHIN": "soon"}, "not a number"),
        ({"WIREWATCH_AGREEMENT_DAYS": "0"}, "must be above 0"),
        ({"WIREWATCH_DEDUP_DAYS": "-1"}, "must be above 0"),
    ],
)
def test_bad_values_are_refused_with_the_variable_name(env: dict[str, str], message: str) -> None:
    with pytest.raises(SettingsError, match=message) as info:
        Settings.from_env(env)
    assert next(iter(env)) in str(info.value)


def test_bootstrap_is_required_when_asked_for() -> None:
    with pytest.raises(SettingsError, match="KAFKA_BOOTSTRAP_SERVERS"):
        _ = Settings.from_env({}).bootstrap
    assert Settings.from_env({}).with_bootstrap("h:1").bootstrap == "h:1"


def test_topic_names_reject_foreign_topics() -> None:
    with pytest.raises(ValueError, match="prefix"):
        Settings.from_env({"WIREWATCH_TOPIC_PREFIX": "p."}).topics.parse("articles.raw")


def test_the_archive_defaults_to_sqlite_in_the_data_dir_and_takes_a_postgres_url(tmp_path) -> None:
    local = Settings.from_env({"WIREWATCH_DATA_DIR": str(tmp_path)})
    assert local.archive_url == f"sqlite:///{tmp_path.resolve() / 'archive.sqlite3'}"
    assert local.archive_days == 0
    remote = Settings.from_env({"WIREWATCH_DATABASE_URL": "postgresql://u@h/db", "WIREWATCH_ARCHIVE_DAYS": "30"})
    assert remote.archive_url == "postgresql://u@h/db" and remote.archive_days == 30
    with pytest.raises(SettingsError, match="WIREWATCH_DATABASE_URL"):
        Settings.from_env({"WIREWATCH_DATABASE_URL": "mysql://h/db"})
    with pytest.raises(SettingsError, match="WIREWATCH_ARCHIVE_DAYS"):
        Settings.from_env({"WIREWATCH_ARCHIVE_DAYS": "-1"})
