"""Config validation: every error at once, with file, line and key path; examples validate."""

from pathlib import Path

import pytest

from briefing.config import Config, Topic, load_config
from briefing.errors import ConfigError
from conftest import ROOT


@pytest.mark.parametrize("path", sorted((ROOT / "config").glob("*.yaml")), ids=lambda p: p.name)
def test_example_configs_validate(path: Path):
    assert load_config(path).topics


def test_every_error_reported_with_line_and_key(tmp_path: Path):
    path = tmp_path / "bad.yaml"
    path.write_text(
        "title: T\n"
        "sources: [x]\n"
        "colour: blue\n"
        "formats: [pdf, pfd]\n"
        "topics:\n"
        "  - name: A\n"
        "    keywords: [a]\n"
        "  - name: B\n"
        "    keywords: [b]\n"
        "    max_sources: many\n"
    )
    with pytest.raises(ConfigError) as err:
        load_config(path)
    problems = err.value.problems
    assert f"{path}:3: colour: Extra inputs are not permitted" in problems
    assert any(p.startswith(f"{path}:4: formats[1]: ") for p in problems)
    assert any(p.startswith(f"{path}:10: topics[1].max_sources: ") for p in problems)
    assert len(problems) == 3


def test_missing_required_keys_and_bad_yaml(tmp_path: Path):
    path = tmp_path / "c.yaml"
    path.write_text("title: T\n")
    with pytest.raises(ConfigError) as err:
        load_config(path)
    assert {p.split(": ")[1] for p in err.value.problems} == {"sources", "topics"}
    path.write_text("title: [unclosed\n")
    with pytest.raises(ConfigError, match="invalid YAML"):
        load_config(path)


def test_check_command_prints_errors_without_traceback(tmp_path: Path, cli):
    path = tmp_path / "c.yaml"
    path.write_text("title: T\nsources: [s]\ntopics:\n  - name: A\n    keywords: []\n")
    result = cli("check", path)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert f"Error: {path}:4: topics[0]: Value error, give keywords or a query" in result.output
    assert cli("check", ROOT / "config" / "weekly.yaml").exit_code == 0


def test_missing_font_file_is_a_config_error(tmp_path: Path):
    path = tmp_path / "c.yaml"
    path.write_text(
        "title: T\nsources: [s]\ntheme:\n  font: nope.ttf\ntopics: [{name: A, keywords: [a]}]\n"
    )
    with pytest.raises(ConfigError, match=r"c.yaml:4: theme.font: file not found: .*nope.ttf"):
        load_config(path)


def test_paths_resolve_against_config_folder(tmp_path: Path):
    (tmp_path / "conf").mkdir()
    path = tmp_path / "conf" / "weekly.yaml"
    path.write_text(
        "title: T\nsources: [../src]\noutput: ../out\ntopics: [{name: A, keywords: [a]}]\n"
    )
    config = load_config(path)
    assert config.source_paths == [tmp_path / "src"]
    assert config.output_dir == tmp_path / "out" / "weekly"


def test_every_field_is_described():
    for model in (Config, Topic):
        for name, field in model.model_fields.items():
            assert field.description, f"{model.__name__}.{name} has no description"
