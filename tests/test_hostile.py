"""Hostile input and faults: a brief never writes or deletes outside its own folder, bad
characters in sources never crash a writer or the cache, broken state is one error line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from briefing.build import build
from briefing.config import load_config
from briefing.errors import ConfigError


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
