"""Each setting is declared once; the reader and the README's table both come from the declaration."""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

import pytest

from wirewatch.runtime.settings import ScraperSettings, Settings, SettingsError, settings_table, with_table

README = Path(__file__).resolve().parents[3] / "README.md"


def _declared() -> list[tuple[type, str, str]]:
    return [
        (cls, f.name, f.metadata["variable"].env)
        for cls in (Settings, ScraperSettings)
        for f in fields(cls)
        if "variable" in f.metadata
    ]


def test_the_readme_table_is_the_generated_one() -> None:
    text = README.read_text(encoding="utf-8")
    assert with_table(text) == text, "stale: run python -m wirewatch.runtime.settings --readme README.md"


def test_every_field_but_the_nested_one_is_declared_with_a_variable() -> None:
    undeclared = [f.name for cls in (Settings, ScraperSettings) for f in fields(cls) if "variable" not in f.metadata]
    assert undeclared == ["scraper"]
    envs = [env for _, _, env in _declared()]
    assert len(envs) == len(set(envs)) >= 35
    assert all(re.fullmatch(r"(KAFKA|WIREWATCH)_[A-Z_]+", env) for env in envs)


def test_each_declared_variable_is_read_into_its_field() -> None:
    """Set every variable to a value its parser takes and unlike its default: each reaches its field."""
    probes = {int: "7777", float: "0.25", str: "probe", tuple: "127.0.0.0/8"}
    env: dict[str, str] = {}
    for cls, name, variable in _declared():
        default = next(f.default for f in fields(cls) if f.name == name)
        kind = type(default) if default is not None else (int if name == "http_port" else str)
        env[variable] = probes[kind]
    env["WIREWATCH_WATCHLIST"] = "MMR,RUS"
    env["WIREWATCH_DATABASE_URL"] = "sqlite:///probe.sqlite3"
    settings = Settings.from_env(env)
    for cls, name, variable in _declared():
        value = getattr(settings.scraper if cls is ScraperSettings else settings, name)
        default = next(f.default for f in fields(cls) if f.name == name)
        assert value != default, f"{variable} did not reach {cls.__name__}.{name}"


def test_empty_is_unset_and_a_bad_value_names_its_variable() -> None:
    assert Settings.from_env({"WIREWATCH_PARTITIONS": "", "WIREWATCH_DATA_DIR": " "}) == Settings()
    with pytest.raises(SettingsError, match="WIREWATCH_SCRAPER_RETRIES"):
        Settings.from_env({"WIREWATCH_SCRAPER_RETRIES": "many"})


def test_the_table_has_one_row_per_variable_with_its_default() -> None:
    rows = settings_table().splitlines()[2:]
    assert len(rows) == len(_declared())
    assert "| `WIREWATCH_PARTITIONS` | Partitions of each topic created at start-up | `4` |" in rows
    assert any(r.startswith("| `KAFKA_BOOTSTRAP_SERVERS` |") and "embedded broker" in r for r in rows)
