"""Keep the docs honest: every command has help; the README's commands are the real ones."""

import re

import pytest

from briefing.cli import main
from conftest import ROOT


@pytest.mark.parametrize("command", sorted(main.commands))
def test_every_command_has_help(cli, command):
    result = cli(command, "--help")
    assert result.exit_code == 0 and "Usage:" in result.output
    assert main.commands[command].help


def test_readme_quick_start_matches_the_makefile():
    readme = (ROOT / "README.md").read_text()
    makefile = (ROOT / "Makefile").read_text()
    quick = readme.split("## Quick start", 1)[1].split("##", 1)[0]
    commands = re.findall(r"^make (\w+)$", quick, re.M)
    assert commands == ["brief", "test"]
    for target in commands:
        assert re.search(rf"^{target}:", makefile, re.M)
    assert "make test" in (ROOT / ".ci" / "run").read_text()
