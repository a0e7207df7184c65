"""`briefing run`: change-driven and scheduled builds, state across restarts, a real process."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from briefing.changes import changed, fingerprint, scan
from briefing.config import load_config
from briefing.errors import ConfigError
from briefing.scheduler import Runner, settle_left, status


def watched(project, *, schedule: str | None = None, poll: int = 1) -> Path:
    folder = project("mixed")
    config = folder / "config.yaml"
    text = config.read_text().replace("window_days: 10", "window_days: 100000")
    text += f"watch:\n  poll_seconds: {poll}\n"
    if schedule:
        text += f"schedule:\n  every: {schedule}\n  timezone: America/New_York\n"
    config.write_text(text)
    return config


class Clock:
    def __init__(self, start: datetime):
        self.now = start

    def __call__(self) -> datetime:
        return self.now


def builds(config_path: Path) -> list[str]:
    path = load_config(config_path).state_path
    if not path.exists():
        return []
    db = sqlite3.connect(path)
    try:
        return [r[0] for r in db.execute("SELECT reason FROM builds WHERE ok ORDER BY id")]
    except sqlite3.OperationalError:  # the process is creating the file: not built yet
        return []
    finally:
        db.close()


def test_scan_hashes_only_changed_files_and_ignores_touches(tmp_path):
    (tmp_path / "a.txt").write_text("alpha")
    first = scan([tmp_path], {})
    os.utime(tmp_path / "a.txt", ns=(1, 1))  # touched, not edited
    second = scan([tmp_path], first.files)
    assert changed(first.files, second.files) == []
    assert fingerprint(first.files) == fingerprint(second.files)
    (tmp_path / "a.txt").write_text("beta")
    assert changed(second.files, scan([tmp_path], second.files).files) == [str(tmp_path / "a.txt")]
    assert scan([tmp_path / "gone"], {}).problems


def test_change_must_be_stable_for_two_polls_then_builds_once(project):
    config = watched(project)
    runner = Runner([config], clock=Clock(datetime(2026, 11, 23, 12, tzinfo=UTC)))
    entry = runner.entries[0]
    assert runner.check(entry) == "pending"
    assert runner.check(entry) == "built:change"
    assert runner.check(entry) == "idle"
    source = config.parent / "sources" / "2026-11-20_taiwan-strait-drills.md"
    source.write_text(source.read_text() + "\nA new paragraph on Taiwan.\n")
    assert runner.check(entry) == "pending"
    source.write_text(source.read_text() + "\nStill being copied.\n")
    assert runner.check(entry) == "pending"  # changed again: wait once more
    assert runner.check(entry) == "built:change"
    assert builds(config) == ["change", "change"]
    # a restart neither rebuilds nor forgets
    again = Runner([config], clock=Clock(datetime(2026, 11, 23, 13, tzinfo=UTC)))
    assert again.check(again.entries[0]) == "idle"


def test_once_waits_only_until_the_changed_files_were_left_alone_for_the_settle_time(project):
    config = watched(project)
    Runner([config]).once(settle=0)  # the first build
    source = config.parent / "sources" / "2026-11-20_taiwan-strait-drills.md"
    waits: list[float] = []
    for age in (30.0, 0.0):  # written half a minute ago (copied in, finished); just now
        source.write_text(source.read_text() + f"\nA paragraph written {age} s ago.\n")
        written = time.time_ns() - int(age * 1e9)
        os.utime(source, ns=(written, written))
        runner = Runner([config])
        runner.stopped.wait = lambda seconds: waits.append(seconds) or False  # type: ignore
        assert runner.once(settle=1.0) == ["built:change"]
    assert waits[0] == 0.0 and 0.5 < waits[1] <= 1.0


def test_once_reads_what_the_build_needs_while_the_change_settles(project, monkeypatch):
    """The tagger's weights are read during the wait, which is that much shorter."""
    config = watched(project)
    Runner([config]).once(settle=0)  # the first build
    source = config.parent / "sources" / "2026-11-20_taiwan-strait-drills.md"
    source.write_text(source.read_text() + "\nA paragraph written just now.\n")
    events: list[str | float] = []
    slow = lambda: events.append("preload") or time.sleep(0.3)  # noqa: E731
    monkeypatch.setattr("briefing.scheduler.preload", slow)
    runner = Runner([config])
    runner.stopped.wait = lambda seconds: events.append(seconds) or False  # type: ignore
    assert runner.once(settle=1.0) == ["built:change"]
    assert events[0] == "preload" and isinstance(events[1], float) and events[1] <= 0.7


def test_settle_left_counts_from_the_newest_write_and_distrusts_future_times():
    second = 1_000_000_000
    assert settle_left(100 * second, 1.0, 105 * second) == 0.0
    assert settle_left(100 * second, 1.0, 100 * second + second // 4) == 0.75
    assert settle_left(106 * second, 1.0, 105 * second) == 1.0  # another machine's clock
    assert settle_left(None, 1.0, 105 * second) == 1.0  # the config or a template changed


def test_schedule_builds_each_slot_once_and_catches_up_after_downtime(project):
    config = watched(project, schedule="monday at 07:00")
    clock = Clock(datetime(2026, 11, 22, 12, tzinfo=UTC))  # Sunday
    runner = Runner([config], clock=clock)
    entry = runner.entries[0]
    runner.check(entry)
    runner.check(entry)  # initial build of the sources
    assert runner.check(entry, changes=False) == "idle"
    clock.now = datetime(2026, 11, 23, 12, 1, tzinfo=UTC)  # Monday 07:01 EST
    assert runner.check(entry, changes=False) == "built:schedule"
    assert runner.check(entry, changes=False) == "idle"
    # down from Monday to the Wednesday after the next Monday: one catch-up build at start
    later = Clock(datetime(2026, 12, 2, 15, tzinfo=UTC))
    restarted = Runner([config], clock=later)
    assert restarted.check(restarted.entries[0], changes=False) == "built:schedule"
    assert restarted.check(restarted.entries[0], changes=False) == "idle"
    assert builds(config) == ["change", "schedule", "schedule"]
    report = status(load_config(config), now=later.now)
    assert report.reason == "schedule" and report.next_run.startswith("2026-12-07T07:00")


def test_scheduled_build_is_sent_when_distribution_is_set(project):
    config = watched(project, schedule="monday at 07:00")
    config.write_text(
        config.read_text()
        + (
            "distribution:\n  smtp: {host: 127.0.0.1, security: none}\n  from: b@example.org\n"
            "  lists:\n    one: {recipients: [a@example.org]}\n"
        )
    )
    sent = []
    clock = Clock(datetime(2026, 11, 22, 12, tzinfo=UTC))
    runner = Runner([config], clock=clock, send=lambda cfg: sent.append(cfg.brief_name))
    entry = runner.entries[0]
    runner.check(entry)
    runner.check(entry)
    assert sent == []  # change-driven builds are not mailed
    clock.now = datetime(2026, 11, 23, 12, 5, tzinfo=UTC)
    assert runner.check(entry, changes=False) == "built:schedule"
    assert sent == ["config"]


def test_missing_source_folder_keeps_the_last_brief(project, caplog):
    config = watched(project)
    runner = Runner([config])
    entry = runner.entries[0]
    runner.check(entry)
    assert runner.check(entry) == "built:change"
    latest = load_config(config).output_dir / "latest" / "brief.json"
    before = latest.read_text()
    (config.parent / "sources").rename(config.parent / "moved")
    assert runner.check(entry) == "error"
    assert runner.check(entry) == "error"
    assert latest.read_text() == before
    assert sum("cannot read sources" in r.message for r in caplog.records) == 2


def test_a_broken_config_edit_keeps_the_old_config(project, caplog):
    config = watched(project)
    runner = Runner([config])
    entry = runner.entries[0]
    config.write_text(config.read_text() + "colour: blue\n")
    os.utime(config, (time.time() + 5, time.time() + 5))
    runner.check(entry)
    assert entry.config.title == "Mixed Test Brief"
    assert any("config has errors" in r.message for r in caplog.records)


def test_invalid_schedule_is_a_config_error(project):
    config = watched(project, schedule="someday at 99:00")
    with pytest.raises(
        ConfigError, match=r"config.yaml:17: schedule.every: Value error, invalid time 99:00"
    ):
        load_config(config)
    config.write_text(
        config.read_text()
        .replace("someday at 99:00", "monday at 07:00")
        .replace("America/New_York", "Mars/Base")
    )
    with pytest.raises(ConfigError, match="schedule.timezone: Value error, unknown time zone"):
        load_config(config)


def wait_for(predicate, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return False


def start(config: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "briefing", "run", str(config)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def stop(process: subprocess.Popen) -> tuple[int, str]:
    process.send_signal(signal.SIGTERM)
    out, _ = process.communicate(timeout=10)
    return process.returncode, out


def test_real_process_rebuilds_on_change_survives_restart_and_stops_on_sigterm(project):
    config = watched(project, poll=1)
    process = start(config)
    try:
        assert wait_for(lambda: builds(config) == ["change"], 30)
        source = config.parent / "sources" / "2026-11-21_tricky-text.txt"
        source.write_text(source.read_text() + "\nRussia said more on Friday.\n")
        assert wait_for(lambda: len(builds(config)) == 2, 30)
    finally:
        code, out = stop(process)
    assert code == 0, out
    assert "rebuilt (change)" in out
    process = start(config)
    time.sleep(4)  # several polls
    code, out = stop(process)  # stop() fails if the process takes over 10 s to end
    assert code == 0 and builds(config) == ["change", "change"], out
