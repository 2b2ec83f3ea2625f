"""The Faust app factory's side effects on disk: a worker must start in a fresh directory."""

from __future__ import annotations

from wirewatch.runtime.faust_app import ensure_datadir, make_faust_app
from wirewatch.runtime.metrics import Stage
from wirewatch.runtime.settings import Settings


def test_a_worker_in_a_fresh_directory_gets_the_parents_of_its_data_directory(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)  # the data directory is relative to the working directory, as in a container
    app = make_faust_app(Settings(bootstrap_servers="127.0.0.1:1"), Stage.CLEANER)
    datadir = ensure_datadir(app)
    assert not datadir.is_absolute() and (tmp_path / datadir).parent.is_dir()
    (tmp_path / datadir).mkdir(exist_ok=True)  # what Faust does next: no FileNotFoundError any more
