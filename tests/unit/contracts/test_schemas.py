"""Every schema is valid draft 2020-12, accepts its valid examples and rejects its invalid ones."""

from __future__ import annotations

import json
from pathlib import Path

import fastjsonschema
import pytest

from wirewatch.contracts.schemas import (
    TOPIC_SCHEMAS,
    SchemaViolation,
    fast_validator,
    schema_dir,
    validate,
    validator,
    violations,
)

EXAMPLES = Path(__file__).resolve().parents[3] / "schemas" / "examples"


def _examples(kind: str) -> list[Path]:
    return sorted(EXAMPLES.glob(f"*/{kind}/*.json"))


def test_every_topic_schema_exists_and_compiles() -> None:
    for name in TOPIC_SCHEMAS.values():
        assert (schema_dir() / f"{name}.json").is_file()
        assert violations(name, {}), f"{name} accepts an empty document"


def test_every_schema_has_examples_both_ways() -> None:
    for name in TOPIC_SCHEMAS.values():
        assert list((EXAMPLES / name / "valid").glob("*.json")), f"{name} has no valid example"
        assert list((EXAMPLES / name / "invalid").glob("*.json")), f"{name} has no invalid example"


@pytest.mark.parametrize("path", _examples("valid"), ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_valid_examples_pass(path: Path) -> None:
    validate(path.parent.parent.name, json.loads(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize("path", _examples("invalid"), ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_invalid_examples_fail(path: Path) -> None:
    with pytest.raises(SchemaViolation):
        validate(path.parent.parent.name, json.loads(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize(
    "path", _examples("valid") + _examples("invalid"), ids=lambda p: f"{p.parent.parent.name}/{p.name}"
)
def test_the_fast_and_the_reference_validator_agree(path: Path) -> None:
    name, document = path.parent.parent.name, json.loads(path.read_text(encoding="utf-8"))
    reference_ok = validator(name).is_valid(document)
    try:
        fast_validator(name)(document)
        fast_ok = True
    except fastjsonschema.JsonSchemaValueException:
        fast_ok = False
    assert fast_ok == reference_ok == (path.parent.name == "valid")
