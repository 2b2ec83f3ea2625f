"""The floors of every quality gate go down only in a commit that says why (see ``floors.py``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.quality import floors
from tests.quality.floors import below_floors, floor_files, git, lowered, says_why, version_at


@pytest.mark.parametrize("path", floor_files(), ids=lambda p: p.name)
def test_a_floors_file_states_its_policy_and_holds_only_numbers(path: Path) -> None:
    document = floors.load(path)
    assert document.get("policy") == floors.POLICY, f"{path.name}: policy line missing or changed"
    assert dict(floors.leaves(document)), f"{path.name} pins no figure"


@pytest.mark.parametrize("path", floor_files(), ids=lambda p: p.name)
def test_no_floor_is_below_main_unless_a_commit_says_why(path: Path) -> None:
    base = (git("merge-base", "HEAD", "main") or "").strip()
    pinned = version_at(base, path) if base else None
    if pinned is None or "policy" not in pinned:
        pytest.skip("no main to compare with, or main's floors file predates this mechanism")
    loose = lowered(pinned, floors.load(path))
    if not loose:
        return
    uncommitted = git("diff", "--quiet", "HEAD", "--", str(path)) is None
    messages = git("log", "--format=%B%x00", f"{base}..HEAD", "--", str(path)) or ""
    explained = any(says_why(m) for m in messages.split("\x00"))
    assert explained and not uncommitted, (
        f"{path.name}: floors lowered against main {loose}; commit the change with a "
        f"'{floors.TRAILER} <why>' trailer in its message"
    )


@pytest.mark.parametrize("path", floor_files(), ids=lambda p: p.name)
def test_every_commit_that_lowered_a_floor_says_why(path: Path) -> None:
    log = git("log", "--format=%H%x01%P%x01%B%x00", "--", str(path))
    if not log:
        pytest.skip("no history here (not a git checkout, or a shallow one)")
    unexplained = []
    for entry in filter(str.strip, log.split("\x00")):
        commit, parents, message = entry.strip().split("\x01", 2)
        before = version_at(parents.split()[0], path) if parents else None
        after = version_at(commit, path)
        if before is None or after is None or "policy" not in before:
            continue  # the file is new there, or predates this mechanism
        loose = lowered(before, after)
        if loose and not says_why(message):
            unexplained.append(f"{commit[:9]}: {loose}")
    assert unexplained == [], f"{path.name}: floors lowered without a '{floors.TRAILER}' trailer: {unexplained}"


def _floors_file(tmp_path: Path, group: dict[str, float]) -> Path:
    path = tmp_path / "x_floors.json"
    path.write_text(json.dumps({"about": "test", "g": group}), encoding="utf-8")
    return path


def test_a_figure_below_its_floor_or_above_its_ceiling_is_reported(tmp_path: Path) -> None:
    path = _floors_file(tmp_path, {"f1": 0.8, "max_false": 2})
    assert below_floors(path, "g", {"f1": 0.79, "false": 2}) == {"f1": (0.79, 0.8)}
    assert below_floors(path, "g", {"f1": 0.9, "false": 3}) == {"max_false": (3, 2)}
    assert below_floors(path, "g", {"false": 0}) == {"f1": (None, 0.8)}


def test_raising_moves_floors_up_only_and_never_after_a_failure(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(floors.RAISE_ENV, "1")
    path = _floors_file(tmp_path, {"f1": 0.8, "recall": 0.7, "max_false": 2})
    assert below_floors(path, "g", {"f1": 0.9, "recall": 0.7, "false": 2}, margin=0.01) == {}
    assert floors.load(path)["g"] == {"f1": 0.89, "recall": 0.7, "max_false": 2}  # 0.69 and 2.01 would be looser
    assert below_floors(path, "g", {"f1": 0.5, "recall": 0.99, "false": 0}) == {"f1": (0.5, 0.89)}
    assert floors.load(path)["g"]["recall"] == 0.7


def test_lowered_sees_looser_floors_ceilings_and_dropped_figures() -> None:
    old = {"about": "x", "a": {"f1": 0.9, "max_fp": 1, "gone": 0.5}}
    new = {"about": "y", "a": {"f1": 0.8, "max_fp": 2}}
    loose = lowered(old, new)
    assert set(loose) == {"a.f1", "a.max_fp", "a.gone"}
    assert lowered(new, old) == {}


def test_only_a_filled_trailer_says_why() -> None:
    assert says_why("fix: x\n\nFloors-lowered: the test part was relabelled after review")
    assert not says_why("fix: x\n\nFloors-lowered:   ")
    assert not says_why("lowered floors because we felt like it")
