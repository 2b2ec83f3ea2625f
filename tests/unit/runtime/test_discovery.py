"""The broker address file of ``wirewatch run`` (``runtime/discovery.py``)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from wirewatch.runtime.discovery import address_file, read_address, remove_address, write_address


def test_a_live_run_is_found_and_its_file_removed_only_by_it(tmp_path: Path) -> None:
    assert read_address(str(tmp_path)) is None
    write_address(str(tmp_path), "127.0.0.1:19092", os.getpid())
    assert read_address(str(tmp_path)) == "127.0.0.1:19092"
    remove_address(str(tmp_path), os.getpid() + 1)  # another run's stop: not its file
    assert address_file(str(tmp_path)).exists()
    remove_address(str(tmp_path), os.getpid())
    assert not address_file(str(tmp_path)).exists()


def test_a_file_left_by_a_dead_run_or_broken_is_ignored(tmp_path: Path) -> None:
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, check=True)
    write_address(str(tmp_path), "127.0.0.1:19092", int(gone.stdout))
    assert read_address(str(tmp_path)) is None
    address_file(str(tmp_path)).write_text("{not json", encoding="utf-8")
    assert read_address(str(tmp_path)) is None
