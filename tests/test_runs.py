"""Runs that tell the truth: no silent empty brief, a summary at the end, previews that leave
the edition alone, one config per output folder, every build in `briefing status`."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from briefing.config import load_config
from briefing.scheduler import Runner


def edition(folder: Path, day: str = "2026-11-23") -> Path:
    return folder / "out" / "config" / day


def test_a_build_with_no_source_in_any_topic_is_an_error_and_writes_nothing(project, cli):
    folder = project("mixed")
    result = cli("build", folder / "config.yaml", "--as-of", "2026-12-31")
    assert result.exit_code == 1
    assert "Error: no source dated 2026-12-22 to 2026-12-31 matches any topic" in result.output
    assert "--allow-empty" in result.output
    assert not edition(folder, "2026-12-31").exists()
    allowed = cli("build", folder / "config.yaml", "--as-of", "2026-12-31", "--allow-empty")
    assert allowed.exit_code == 0, allowed.output
    assert (edition(folder, "2026-12-31") / "brief.json").is_file()


def test_missing_source_folders_and_a_query_that_matches_nothing_are_errors(project, cli):
    folder = project("mixed")
    config = folder / "config.yaml"
    (folder / "sources").rename(folder / "elsewhere")
    result = cli("build", config, "--as-of", "2026-11-23")
    assert result.exit_code == 1 and "source folder not found:" in result.output
    checked = cli("check", config)
    assert checked.exit_code == 1 and "sources: not found:" in checked.output
    nothing = cli(
        "brief", folder / "elsewhere", "--topic", "Mars", "--keywords", "Olympus Mons",
        "--as-of", "2026-11-23", "--out", folder / "custom",
    )  # fmt: skip
    assert nothing.exit_code == 1 and "no source dated" not in nothing.output
    assert "no source matches any topic" in nothing.output
    assert not (folder / "custom" / "mars" / "2026-11-23").exists()


def test_since_after_as_of_is_an_error(project, cli):
    folder = project("mixed")
    result = cli(
        "brief", folder / "sources", "--topic", "Russia", "--keywords", "Russia",
        "--since", "2026-11-30", "--as-of", "2026-11-23", "--out", folder / "custom",
    )  # fmt: skip
    assert result.exit_code == 1
    assert "Error: the window starts on 2026-11-30 after it ends on 2026-11-23" in result.output


def test_a_build_ends_with_a_summary_and_warns_of_empty_topics(project, cli):
    folder = project("mixed")
    (folder / "sources" / "junk.bin").write_bytes(b"\x00\x01")
    (folder / "sources" / "notes.xyz").write_text("not a source")
    result = cli("build", folder / "config.yaml", "--as-of", "2026-11-23")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    built = next(line for line in lines if line.startswith("Built edition in "))
    assert built.endswith(str(edition(folder)))
    brief = json.loads((edition(folder) / "brief.json").read_text())
    for topic in brief["topics"]:
        row = next(line for line in lines if line.strip().startswith(topic["name"] + " "))
        assert f"{len(topic['sources'])} source" in row
        assert f"{len(topic['summary'])} bullet" in row
        assert f"{len(topic['quotes'])} quote" in row
    assert "topic 'Antarctica': no source matched" in result.output
    assert any("skipped" in line and "notes.xyz" in line for line in lines)


def test_a_preview_never_replaces_the_edition(project, cli):
    folder = project("mixed")
    assert cli("build", folder / "config.yaml", "--as-of", "2026-11-23").exit_code == 0
    before = {p.name: p.read_bytes() for p in edition(folder).iterdir()}
    result = cli(
        "build", folder / "config.yaml", "--as-of", "2026-11-23", "--topic", "Russia",
        "--format", "pdf",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "preview (the edition is unchanged)" in result.output
    assert {p.name: p.read_bytes() for p in edition(folder).iterdir()} == before
    preview = folder / "out" / "config" / "preview" / "2026-11-23"
    shown = {p.name for p in preview.iterdir() if not p.name.startswith(".")}
    assert shown - {"chart.png"} == {"brief.pdf"}
    assert (folder / "out" / "config" / "latest").resolve() == edition(folder).resolve()
    # the next edition compares with the last edition, not with the one-topic preview
    again = cli("build", folder / "config.yaml", "--as-of", "2026-11-24", "--format", "json")
    assert again.exit_code == 0
    data = json.loads((preview.parent / "2026-11-24" / "brief.json").read_text())
    assert data["previous_as_of"] == "2026-11-23"


def test_status_sees_builds_made_with_build(project, cli):
    folder = project("mixed")
    config = folder / "config.yaml"
    assert "last build never" in cli("status", config).output
    assert cli("build", config, "--as-of", "2026-11-23").exit_code == 0
    shown = cli("status", config).output
    assert "last build never" not in shown
    assert f"(manual) → {edition(folder)}" in shown
    assert cli("build", config, "--as-of", "2026-12-31").exit_code == 1
    assert "FAILED  no source dated" in cli("status", config).output


def test_an_output_folder_belongs_to_one_config(project, cli):
    folder = project("mixed")
    other = folder / "other.yaml"
    other.write_text((folder / "config.yaml").read_text() + "name: config\n")
    assert cli("build", folder / "config.yaml", "--as-of", "2026-11-23").exit_code == 0
    result = cli("build", other, "--as-of", "2026-11-23")
    assert result.exit_code == 1
    assert str(folder / "config.yaml") in result.output and str(other) in result.output
    other.write_text(other.read_text() + "distribution:\n  from: a@example.org\n"
                     "  smtp: {host: 127.0.0.1, security: none}\n"
                     "  lists:\n    one: {recipients: [b@example.org]}\n")  # fmt: skip
    sent = cli("send", other, "--dry-run")
    assert sent.exit_code == 1 and "belongs to" in sent.output


def test_the_sample_configs_do_not_share_an_output_folder():
    root = Path(__file__).resolve().parent.parent
    folders = [load_config(p).output_dir for p in sorted((root / "config").glob("*.yaml"))]
    assert len(folders) == len(set(folders))


def test_an_empty_scheduled_build_keeps_the_last_brief_and_mails_nothing(project):
    folder = project("mixed")
    config = folder / "config.yaml"
    config.write_text(
        config.read_text()
        + "schedule:\n  every: monday at 07:00\n  timezone: UTC\n"
        + "distribution:\n  smtp: {host: 127.0.0.1, security: none}\n  from: b@example.org\n"
        + "  lists:\n    one: {recipients: [a@example.org]}\n"
    )
    sent: list[str] = []
    clock = type("Clock", (), {"now": datetime(2026, 11, 22, 12, tzinfo=UTC)})()
    runner = Runner([config], clock=lambda: clock.now, send=lambda c: sent.append(c.brief_name))
    runner.check(runner.entries[0], changes=False)  # first start: slots count from now
    clock.now = datetime(2026, 11, 23, 7, 1, tzinfo=UTC)
    assert runner.check(runner.entries[0], changes=False) == "built:schedule"
    latest = load_config(config).output_dir / "latest" / "brief.json"
    before = latest.read_text()
    clock.now = datetime(2027, 3, 1, 7, 1, tzinfo=UTC)  # months later: nothing in the window
    assert runner.check(runner.entries[0], changes=False) == "error"
    assert latest.read_text() == before
    assert sent == ["config"]


def test_version(cli):
    result = cli("--version")
    assert result.exit_code == 0 and result.output.startswith("briefing 0.")
