"""The pure core keeps no module-level mutable state (STYLE.md): constants are tuples and frozensets."""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType

import pytest

import wirewatch.core.feeds

MODULES = [
    "wirewatch.core.ids",
    *(f"wirewatch.core.feeds.{m.name}" for m in pkgutil.iter_modules(wirewatch.core.feeds.__path__)),
]


@pytest.mark.parametrize("name", MODULES)
def test_module_constants_are_immutable(name: str) -> None:
    module: ModuleType = importlib.import_module(name)
    mutable = {
        key: type(value).__name__
        for key, value in vars(module).items()
        if not key.startswith("__") and isinstance(value, (dict, list, set, bytearray))
    }
    assert mutable == {}
