"""Hostile input and faults: a brief never writes or deletes outside its own folder, bad
characters in sources never crash a writer or the cache, broken state is one error line."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
import yaml

from briefing.build import brief_lock, build
from briefing.config import load_config
from briefing.errors import ConfigError
from briefing.ingest import PARALLEL_FROM


def edit_config(folder: Path, **changes) -> Path:
    path = folder / "config.yaml"
    data = yaml.safe_load(path.read_text())
    data.update(changes)
    path.write_text(yaml.safe_dump(data, allow_unicode=True))
    return path


@pytest.mark.parametrize("name", ["../victim", "/tmp/victim", "a/b", "..", "x\x00y"])
def test_a_brief_name_with_a_path_in_it_is_a_config_error(project, cli, name):
    folder = project("mixed")
    path = edit_config(folder, name=name)
    with pytest.raises(ConfigError, match="plain folder name"):
        load_config(path)
    result = cli("check", path)
    assert result.exit_code == 1 and "plain folder name" in result.output


def test_prune_leaves_dated_folders_it_did_not_write(project):
    folder = project("mixed")
    config = load_config(edit_config(folder, keep=1, formats=["json"]))
    mine = config.output_dir / "2020-01-01"
    mine.mkdir(parents=True)
    (mine / "photo.jpg").write_bytes(b"keep me")
    build(config, as_of=date(2026, 11, 22))
    build(config, as_of=date(2026, 11, 23))
    assert (mine / "photo.jpg").read_bytes() == b"keep me"
    assert not (config.output_dir / "2026-11-22").exists()  # its own old edition is pruned
    assert (config.output_dir / "2026-11-23" / "brief.json").is_file()


SLOW_BUILD = """
import os, sys, time
from pathlib import Path
import briefing.ingest
from briefing.build import brief_lock, build
from briefing.config import load_config

def slow(path, data):
    (Path(sys.argv[2]) / str(os.getpid())).touch()
    time.sleep(60)

briefing.ingest.parse = slow
build(load_config(Path(sys.argv[1])))
"""


@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGTERM])
def test_a_build_killed_during_the_parallel_parse_leaves_no_worker_or_lock(
    project, tmp_path, signum
):
    folder = project("mixed")
    for i in range(PARALLEL_FROM + 6):
        (folder / "sources" / f"extra-{i}.txt").write_text(f"Note {i} on Russia.\n")
    config = load_config(edit_config(folder, formats=["json"]))
    seen = tmp_path / "workers"
    seen.mkdir()
    script = tmp_path / "slow_build.py"
    script.write_text(SLOW_BUILD)
    parent = subprocess.Popen([sys.executable, str(script), str(config._path), str(seen)])
    deadline = time.monotonic() + 30
    while not any(seen.iterdir()) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert any(seen.iterdir()), "the workers never started"
    parent.send_signal(signum)
    parent.wait(timeout=10)
    workers = [int(p.name) for p in seen.iterdir()]
    deadline = time.monotonic() + 5
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(alive(pid) for pid in workers)
    with brief_lock(config.output_dir, wait=False):  # the next build is not blocked
        pass


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True
