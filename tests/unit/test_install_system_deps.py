"""scripts/install-system-deps stops only the packaged prometheus service, never a test's own server."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "install-system-deps"


@pytest.fixture
def two_prometheus(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[bytes], subprocess.Popen[bytes]]]:
    """Two processes named ``prometheus`` (a copy of ``sleep``): the packaged service and a test's server."""
    binary = tmp_path / "prometheus"
    sleep = shutil.which("sleep")
    assert sleep is not None
    shutil.copy(sleep, binary)
    processes = [subprocess.Popen([str(binary), "300"]) for _ in range(2)]
    try:
        yield processes[0], processes[1]
    finally:
        for process in processes:
            process.kill()
            process.wait()


def test_only_the_process_of_the_pidfile_is_stopped(tmp_path: Path, two_prometheus) -> None:
    service, bystander = two_prometheus
    pidfile = tmp_path / "prometheus.pid"
    pidfile.write_text(f"{service.pid}\n")
    subprocess.run(["bash", "-c", f'source "{SCRIPT}" && stop_pidfile "{pidfile}"'], check=True)
    assert service.wait(timeout=10) != 0  # stopped by a signal
    with pytest.raises(subprocess.TimeoutExpired):  # another prometheus on the host keeps running
        bystander.wait(timeout=0.5)


def test_a_pidfile_naming_another_program_is_left_alone(tmp_path: Path) -> None:
    other = subprocess.Popen(["sleep", "300"])
    try:
        pidfile = tmp_path / "prometheus.pid"
        pidfile.write_text(f"{other.pid}\n")
        subprocess.run(["bash", "-c", f'source "{SCRIPT}" && stop_pidfile "{pidfile}"'], check=True)
        with pytest.raises(subprocess.TimeoutExpired):
            other.wait(timeout=0.5)
    finally:
        other.kill()
        other.wait()


def test_the_script_never_kills_by_name() -> None:
    text = SCRIPT.read_text(encoding="utf-8")
    assert "pkill" not in text and "killall" not in text
