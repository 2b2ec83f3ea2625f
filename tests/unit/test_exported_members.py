"""The core's public API is exactly what ``__all__`` lists, and every listed name exists."""

from __future__ import annotations

import wirewatch.core as core


def test_all_names_exist_and_are_public() -> None:
    assert core.__all__, "core must declare its public API"
    for name in core.__all__:
        assert hasattr(core, name), f"{name} is in __all__ but not defined"
        assert not name.startswith("_")


def test_all_is_sorted_and_unique() -> None:
    assert list(core.__all__) == sorted(set(core.__all__), key=lambda n: (not n[0].isupper(), n))


def test_public_callables_are_documented() -> None:
    undocumented = [n for n in core.__all__ if callable(getattr(core, n)) and not getattr(core, n).__doc__]
    assert undocumented == []
