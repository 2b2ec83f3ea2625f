"""One error tree and one list of dead-letter kinds, and the documents that describe them."""

from __future__ import annotations

import importlib
import inspect
import json
import pkgutil
import re
from pathlib import Path

import pytest

import wirewatch
from wirewatch.core import errors
from wirewatch.core.errors import ErrorKind, Rejected, WirewatchError

ROOT = Path(__file__).resolve().parents[3]


def _exception_classes() -> dict[str, type[BaseException]]:
    """Every public exception class defined in the package, by name."""
    found: dict[str, type[BaseException]] = {}
    for module_info in pkgutil.walk_packages(wirewatch.__path__, prefix="wirewatch."):
        module = importlib.import_module(module_info.name)
        for name, value in vars(module).items():
            if (
                inspect.isclass(value)
                and issubclass(value, BaseException)
                and value.__module__ == module.__name__
                and not name.startswith("_")
            ):
                found[name] = value
    return found


def _drawn_tree() -> dict[str, str]:
    """The tree in the docstring of ``core/errors.py``: class name -> the name it is drawn under."""
    doc = errors.__doc__ or ""
    parents: dict[str, str] = {}
    stack: list[tuple[int, str]] = []
    for line in doc.splitlines():
        found = re.match(r"^[│ ]*(?:├── |└── )?([A-Z]\w+)\b", line)
        if not found or not (("── " in line) or line.strip() == "WirewatchError"):
            continue  # prose, not a node of the drawing
        depth = line.index(found.group(1))
        while stack and stack[-1][0] >= depth:
            stack.pop()
        parents[found.group(1)] = stack[-1][1] if stack else ""
        stack.append((depth, found.group(1)))
    return parents


def test_every_exception_of_the_package_is_a_wirewatch_error_drawn_in_the_tree() -> None:
    classes = _exception_classes()
    assert len(classes) >= 15  # the walk found the package's modules
    outside = sorted(name for name, cls in classes.items() if not issubclass(cls, WirewatchError))
    assert not outside, f"exceptions outside the WirewatchError tree: {outside}"
    drawn = _drawn_tree()
    assert not sorted(set(classes) - set(drawn)), "drawn in core/errors.py: every exception class"
    for name, parent in drawn.items():
        if parent:  # the drawing says what the code does
            assert classes[parent] in classes[name].__mro__[1:], f"{name} is drawn under {parent}"


def test_an_error_carries_its_dead_letter_kind() -> None:
    from wirewatch.contracts.codec import DecodeError
    from wirewatch.contracts.schemas import SchemaViolation

    assert Rejected(ErrorKind.BINARY, "NUL bytes").kind is ErrorKind.BINARY
    assert DecodeError("x").kind is ErrorKind.NOT_JSON
    assert SchemaViolation("raw-article.v1", ["id: missing"]).kind is ErrorKind.SCHEMA_INVALID
    assert WirewatchError("x").kind is ErrorKind.INTERNAL_ERROR
    assert isinstance(DecodeError("x"), ValueError)  # callers catching ValueError still do


def test_every_kind_is_documented_once_in_the_readme_and_the_schema() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = set(re.findall(r"^\| `([a-z_]+)` \|", readme, flags=re.MULTILINE))
    kinds = {kind.value for kind in ErrorKind}
    assert kinds <= table, f"missing from the README's dead-letter table: {sorted(kinds - table)}"
    schema = json.loads((ROOT / "schemas" / "deadletter.v1.json").read_text(encoding="utf-8"))
    described = schema["properties"]["error_kind"]["description"]
    assert all(re.search(rf"\b{kind}\b", described) for kind in kinds)
    pattern = re.compile(schema["properties"]["error_kind"]["pattern"])
    assert all(pattern.match(kind) for kind in kinds)


@pytest.mark.parametrize("kind", list(ErrorKind))
def test_kinds_are_metric_label_safe(kind: ErrorKind) -> None:
    assert re.fullmatch(r"[a-z_]+", kind.value)
