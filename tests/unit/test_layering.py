"""Dependencies run one way: core <- contracts <- runtime <- shells <- cli; shells never import each other.

The archive (a store layer) sits beside runtime: it uses core and contracts, never Kafka or asyncio,
so the archiver shell and the API share it and its tests need no broker.

The imports of every module are read with ``ast`` (nothing is executed), so a violation is
caught even in code no test runs.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "services" / "wirewatch"
SHELLS = ("scraper", "cleaner", "tagger", "aggregator", "api", "archiver")
# What the pure core must never import (top-level module names).
CORE_FORBIDDEN = {"aiokafka", "faust", "mode", "asyncio", "httpx", "orjson", "prometheus_client", "aiohttp", "os"}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _modules(layer: str) -> list[Path]:
    return sorted((PACKAGE / layer).rglob("*.py"))


def _layer_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if parts[0] == "wirewatch" and len(parts) > 1 else None


@pytest.mark.parametrize("path", _modules("core"), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_core_is_pure(path: Path) -> None:
    imports = _imports(path)
    assert not {i.split(".")[0] for i in imports} & CORE_FORBIDDEN
    assert {_layer_of(i) for i in imports} <= {None, "core"}


@pytest.mark.parametrize("path", _modules("contracts"), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_contracts_depend_only_on_core(path: Path) -> None:
    assert {_layer_of(i) for i in _imports(path)} <= {None, "core", "contracts"}


@pytest.mark.parametrize("path", _modules("runtime"), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_runtime_does_not_import_shells(path: Path) -> None:
    assert {_layer_of(i) for i in _imports(path)} <= {None, "core", "contracts", "runtime"}


@pytest.mark.parametrize("path", _modules("archive"), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_the_archive_is_a_store_layer_without_kafka_or_asyncio(path: Path) -> None:
    imports = _imports(path)
    assert not {i.split(".")[0] for i in imports} & {"aiokafka", "faust", "asyncio", "aiohttp", "prometheus_client"}
    assert {_layer_of(i) for i in imports} <= {None, "core", "contracts", "archive"}


@pytest.mark.parametrize("shell", SHELLS)
def test_shells_do_not_import_each_other(shell: str) -> None:
    others = set(SHELLS) - {shell}
    for path in _modules(shell):
        layers = {_layer_of(i) for i in _imports(path)}
        assert not layers & others, f"{path.relative_to(PACKAGE)} imports {layers & others}"


def test_the_layering_check_sees_imports(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text("import faust\nfrom wirewatch.runtime.kafka import make_producer\n", encoding="utf-8")
    assert _imports(probe) == {"faust", "wirewatch.runtime.kafka"}
