"""Faults a long-running `briefing run` meets: clocks that jump, failures that are not ours,
builds killed halfway, configs that collide."""

from __future__ import annotations

import datetime as datetime_module
import threading
import time
from datetime import UTC, datetime, timedelta

from briefing.config import load_config
from briefing.scheduler import Runner, status
from tests.test_scheduler import Clock, watched


def test_a_clock_that_was_30_days_ahead_does_not_stop_the_schedule(project):
    config = watched(project, schedule="monday at 07:00")
    clock = Clock(datetime(2026, 11, 22, 12, tzinfo=UTC))  # a Sunday
    runner = Runner([config], clock=clock)
    entry = runner.entries[0]
    runner.check(entry)
    runner.check(entry)  # the first build, of the sources
    clock.now += timedelta(days=30)  # the clock jumps ahead: that Monday's slot is built
    assert runner.check(entry, changes=False) == "built:schedule"
    clock.now -= timedelta(days=30)  # and is put right
    assert runner.check(entry, changes=False) == "idle"
    report = status(load_config(config), now=clock.now)
    assert report.next_run and report.next_run.startswith("2026-11-23T07:00")
    clock.now = datetime.fromisoformat(report.next_run) + timedelta(minutes=1)
    assert runner.check(entry, changes=False) == "built:schedule"  # the run status promised
    assert runner.check(entry, changes=False) == "idle"


def test_polling_goes_on_when_the_wall_clock_steps_back(project, monkeypatch):
    """The DST fall-back, or NTP putting a fast clock right, sets the local wall clock an
    hour back; the daemon still looks at its sources every poll."""
    config = watched(project, poll=1)
    runner = Runner([config])
    shift = [timedelta(0)]
    real = datetime_module.datetime

    class Wall(real):  # type: ignore[misc, valid-type]
        @classmethod
        def now(cls, tz=None):  # type: ignore[override]
            return real.now(tz) + shift[0]

    monkeypatch.setattr(datetime_module, "datetime", Wall)  # what every library reads
    runner.clock = lambda: Wall.now(UTC)
    checks: list[float] = []
    runner.safe_check = lambda entry, changes=True: checks.append(time.monotonic())  # type: ignore[method-assign]
    thread = threading.Thread(target=runner.loop, daemon=True)
    thread.start()
    try:
        time.sleep(1.5)
        shift[0] = timedelta(hours=-1)
        before = len(checks)
        time.sleep(3.5)
        after = len(checks)
    finally:
        runner.stop()
        thread.join(5)
    assert before >= 1 and after - before >= 3, checks


def test_an_unexpected_failure_is_recorded_and_the_run_goes_on(project, monkeypatch, cli):
    first = watched(project)
    second = first.parent.rename(first.parent.with_name("second")) / "config.yaml"
    first = watched(project)
    import briefing.build

    real = briefing.build.assemble

    def assemble(**kwargs):
        if kwargs["info"].base == first.parent:
            raise ValueError("a bug in assembling")
        return real(**kwargs)

    monkeypatch.setattr(briefing.build, "assemble", assemble)
    runner = Runner([first, second])
    assert runner.once(settle=0) == ["error", "built:change"]
    result = cli("status", first)
    assert "FAILED  ValueError: a bug in assembling" in result.output, result.output


def test_two_configs_writing_one_brief_are_a_config_error_in_run(project, cli):
    first = watched(project)
    second = first.with_name("other.yaml")
    text = first.read_text().replace("title:", "name: weekly\ntitle:", 1)
    for path in (first, second):
        path.write_text(text)
    result = cli("run", "--once", first, second)
    assert result.exit_code == 1
    assert f"{first} and {second} both write" in result.output, result.output
    assert "give each its own `name:` or `output:`" in result.output
    assert not (first.parent / "out" / "weekly").exists()  # neither is half-built


INVISIBLE = "\u200b\u200e\u202e\u2066\ufeff"
NAMED = ("title", "organization", "name", "publisher", "speaker", "speaker_role", "said_by")


def named_fields(data, found=None):
    """Every title, name and speaker in a brief.json."""
    found = [] if found is None else found
    if isinstance(data, dict):
        for key, value in data.items():
            if key in NAMED and isinstance(value, str):
                found.append(value)
            else:
                named_fields(value, found)
    elif isinstance(data, list):
        for value in data:
            named_fields(value, found)
    return found


def test_reordering_and_zero_width_characters_reach_no_title_or_speaker(project, cli):
    import json

    import yaml

    folder = project("mixed")
    config = folder / "config.yaml"
    data = yaml.safe_load(config.read_text())
    data.update(title="Mixed \u202eTest\u200b Brief", organization="Test\u2066 Institute")
    data["topics"][0]["name"] = "Rus\u200bsia"
    data.update(formats=["json"], window_days=100000)
    config.write_text(yaml.safe_dump(data, allow_unicode=True))
    source = folder / "sources" / "2026-11-17_sanctions-package-announced.html"
    text = source.read_text()
    for plain in ("Maria Delgado", "Deputy Secretary", "Treasury and State"):
        text = text.replace(plain, plain[:3] + "\u200b" + plain[3:6] + "\u202e" + plain[6:])
    source.write_text(text)
    transcript = folder / "sources" / "2026-11-19_press-briefing.txt"
    text = transcript.read_text().replace("MR OKAFOR", "MR OKA\u200bFOR")
    text = text.replace("Daniel Okafor", "Dan\u200biel Oka\u202efor")
    transcript.write_text(text.replace("Department Spokesperson", "Department\u2066 Spokesperson"))
    result = cli("build", config, "--as-of", "2026-11-23")
    assert result.exit_code == 0, result.output
    brief = json.loads((folder / "out" / "config" / "latest" / "brief.json").read_text())
    names = named_fields(brief)
    assert "Russia" in names and "Mixed Test Brief" in names
    # the release's title, its words broken by the same characters
    assert any(n.startswith("Treasury and State Announce") for n in names)
    assert "Daniel Okafor" in names and "Department Spokesperson" in names  # still found
    assert not [n for n in names if any(c in n for c in INVISIBLE)]


KILLED_IN_RENDER = """
import sys, time
from pathlib import Path
import briefing.build
from briefing.config import load_config

def slow(brief, folder, formats, options):
    (folder / "brief.json").write_text("{}")
    Path(sys.argv[2]).touch()
    time.sleep(60)

briefing.build.render = slow
briefing.build.build(load_config(Path(sys.argv[1])))
"""


def test_temp_folders_of_a_killed_build_are_cleaned_up_by_the_next(project, tmp_path):
    import signal
    import subprocess
    import sys

    config_path = watched(project)
    config = load_config(config_path)
    script, started = tmp_path / "killed.py", tmp_path / "rendering"
    script.write_text(KILLED_IN_RENDER)
    process = subprocess.Popen([sys.executable, str(script), str(config_path), str(started)])
    deadline = time.monotonic() + 30
    while not started.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait(10)
    left = [p.name for p in config.output_dir.iterdir() if ".tmp-" in p.name]
    assert left, "the killed build left no temp folder to clean"
    mine = config.output_dir / ".2020-01-01.tmp-1"  # a name like ours, but not made by us
    mine.mkdir()
    (mine / "notes.txt").write_text("keep me")
    build_now(config)
    names = {p.name for p in config.output_dir.iterdir()}
    assert not names & set(left)
    assert (mine / "notes.txt").read_text() == "keep me"


def build_now(config) -> None:
    from briefing.build import build

    build(config)


def test_an_edition_moved_aside_by_a_killed_build_is_put_back(tmp_path):
    from briefing.build import EDITION_MARK, clean_leftovers

    aside = tmp_path / ".2026-11-20.old-99"
    aside.mkdir()
    (aside / EDITION_MARK).touch()
    (aside / "brief.json").write_text("{}")
    (tmp_path / ".latest-99").symlink_to("2026-11-20")
    clean_leftovers(tmp_path)
    assert (tmp_path / "2026-11-20" / "brief.json").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2026-11-20"]


def test_rebuilding_an_edited_source_does_not_grow_the_daemon(project):
    """Each edit of a source makes a new text; what the process keeps between builds (parsed
    documents, analyses, term counts) is of the current texts only."""
    import gc
    import random
    import tracemalloc

    config = watched(project)
    rng = random.Random(1)
    words = "Russia Moscow Kremlin said sanctions the talks minister would on Friday in".split()
    big = config.parent / "sources" / "2026-11-21_long-report.txt"
    big.write_text(
        "A Long Report on Russia\n\n"
        + "\n\n".join(" ".join(rng.choice(words) for _ in range(80)) + "." for _ in range(300))
    )
    size = big.stat().st_size
    runner = Runner([config])
    entry = runner.entries[0]
    tracemalloc.start()
    try:
        used = []
        for i in range(6):
            with big.open("a") as handle:
                handle.write(f"\n\nMore on Russia, edit {i}.\n")
            assert runner.check(entry) == "pending"
            assert runner.check(entry) == "built:change"
            gc.collect()
            used.append(tracemalloc.get_traced_memory()[0])
    finally:
        tracemalloc.stop()
        runner.close()
    growth = used[-1] - used[1]  # after the first builds have filled the caches
    assert growth < 2 * size, f"{growth / 1e6:.1f} MB over 4 rebuilds of a {size / 1e6:.2f} MB file"
