"""One floors mechanism for every quality gate.

A floors file (``tests/quality/*_floors.json``) is a JSON object of groups of figures::

    {"about": "...", "policy": "...", "<group>": {"<figure>": 0.97, "max_<figure>": 0}}

A figure is a floor: the measured value of that name must be at or above it. A figure named
``max_<name>`` is a ceiling on the measured ``<name>``: it must be at or below it (a count of false
alarms, say).

- ``below_floors(path, group, measured)`` lists what misses its floor; a gate asserts it is empty.
- With ``WIREWATCH_RAISE_FLOORS=1``, a gate whose figures all pass rewrites its group with the
  measured figures (less ``margin``) wherever that is stricter. It never lowers anything.
- A floor goes down only by editing the file by hand, in a commit whose message carries a
  ``Floors-lowered: <why>`` trailer. ``test_floors.py`` checks that against ``main`` (a branch may
  not be below main's floors unless one of its commits says why) and along the file's history
  (every commit that lowered a floor says why), so the reason is in the log for good.
"""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

QUALITY = Path(__file__).resolve().parent
ROOT = QUALITY.parents[1]
RAISE_ENV = "WIREWATCH_RAISE_FLOORS"
TRAILER = "Floors-lowered:"
POLICY = (
    "Figures are floors (max_* are ceilings). WIREWATCH_RAISE_FLOORS=1 raises them after a passing run; "
    "a floor goes down only in a commit whose message has a 'Floors-lowered: <why>' trailer (tests/quality/floors.py)."
)


def floor_files() -> list[Path]:
    """Every floors file of the quality gates."""
    return sorted(QUALITY.glob("*_floors.json"))


def load(path: Path) -> dict[str, Any]:
    """The floors document at ``path``."""
    return dict(json.loads(path.read_text(encoding="utf-8")))


def leaves(document: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, float]]:
    """Every figure of a floors document as (``group.figure``, value); text fields are skipped."""
    for key, value in document.items():
        name = f"{prefix}.{key}" if prefix else key
        if isinstance(value, dict):
            yield from leaves(value, name)
        elif isinstance(value, int | float) and not isinstance(value, bool):
            yield name, float(value)


def is_ceiling(name: str) -> bool:
    """Whether the figure ``name`` (``group.figure``) bounds from above."""
    return name.rsplit(".", 1)[-1].startswith("max_")


def stricter(name: str, a: float, b: float) -> bool:
    """Whether ``a`` is a stricter bound than ``b`` for the figure ``name``."""
    return a < b if is_ceiling(name) else a > b


def lowered(old: dict[str, Any], new: dict[str, Any]) -> dict[str, tuple[float, float]]:
    """Figures whose bound ``new`` makes looser than ``old`` (or drops): name -> (old, new)."""
    now = dict(leaves(new))
    loose: dict[str, tuple[float, float]] = {}
    for name, value in leaves(old):
        if name not in now:
            loose[name] = (value, float("nan"))
        elif stricter(name, value, now[name]):
            loose[name] = (value, now[name])
    return loose


def below_floors(path: Path, group: str, measured: dict[str, float], margin: float = 0.0) -> dict[str, Any]:
    """The figures of ``group`` that miss their bound: figure -> (measured, bound).

    A figure the gate did not measure counts as missing. When everything passes and
    ``WIREWATCH_RAISE_FLOORS=1`` is set, the group is raised to the measured figures (less
    ``margin``, rounded to four places) wherever that is stricter.
    """
    document = load(path)
    floors: dict[str, float] = document[group]
    missing: dict[str, Any] = {}
    for figure, bound in floors.items():
        value = measured.get(_measured_name(figure))
        if value is None or stricter(f"{group}.{figure}", bound, value):
            missing[figure] = (value, bound)
    if not missing and os.environ.get(RAISE_ENV) == "1":
        for figure, bound in floors.items():
            value = measured[_measured_name(figure)]
            proposal = round(value + margin if is_ceiling(figure) else value - margin, 4)
            if stricter(f"{group}.{figure}", proposal, bound):
                floors[figure] = proposal
        path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return missing


def _measured_name(figure: str) -> str:
    return figure[len("max_") :] if is_ceiling(figure) else figure


def git(*args: str) -> str | None:
    """Output of a git command in the checkout, or None when git or the object is not there."""
    try:
        done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    return done.stdout


def version_at(commit: str, path: Path) -> dict[str, Any] | None:
    """The floors document ``path`` at ``commit``, or None when it did not exist there."""
    shown = git("show", f"{commit}:{path.relative_to(ROOT).as_posix()}")
    return json.loads(shown) if shown is not None else None


def says_why(message: str) -> bool:
    """Whether a commit message carries a non-empty ``Floors-lowered:`` trailer."""
    return any(line.startswith(TRAILER) and line[len(TRAILER) :].strip() for line in message.splitlines())
