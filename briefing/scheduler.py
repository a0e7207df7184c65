"""`briefing run`: build briefs on their schedules and when their sources change.

The loop is dumb: it calls `Runner.check` for each config every few seconds, timed on the
monotonic clock so that a wall clock stepped back (DST, NTP) never pauses it, and each check
decides from the state file and a fresh scan (pure functions in
`slots` and `changes`) whether to build. Nothing is kept only in memory that a restart needs:
the last build's fingerprint, the pending change and the last slot done are in SQLite.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from briefing.build import BuildOptions, build, preload
from briefing.cache import DocumentCache
from briefing.changes import FileState, changed, dump, fingerprint, load, scan
from briefing.config import Config, load_config
from briefing.errors import BriefingError, ConfigError
from briefing.model import Analysis, Document
from briefing.review import approved_unsent
from briefing.slots import due_slot, latest_slot, next_slot
from briefing.store import BriefState, BuildState

log = logging.getLogger(__name__)
Clock = Callable[[], datetime]
SLOT_CHECK_SECONDS = 15


def utc_now() -> datetime:
    """The current time, in UTC."""
    return datetime.now(UTC)


@dataclass
class Entry:
    """One config under watch, with what the process keeps between checks."""

    path: Path
    config: Config
    config_mtime: float
    started: datetime
    files: dict[str, FileState] = field(default_factory=dict)
    memo: dict[Document, Analysis] = field(default_factory=dict)
    cache: DocumentCache | None = None  # the index, kept open between builds
    last_scan: float = 0.0
    changed_ns: int | None = None  # the newest mtime of a pending change's files (None: unknown)


@dataclass
class _Job:
    """A check repeated every ``every`` seconds, timed on ``time.monotonic()``."""

    entry: Entry
    every: float
    changes: bool
    due: float = field(default_factory=time.monotonic)

    def __post_init__(self) -> None:
        self.due += self.every


class Runner:
    """Checks each config and builds (and sends) what is due."""

    def __init__(
        self,
        config_paths: list[Path],
        *,
        clock: Clock = utc_now,
        send: Callable[[Config], object] | None = None,
    ):
        self.clock = clock
        self.send = send
        configs = [(p, load_config(p)) for p in config_paths]
        _one_config_per_brief(configs)
        self.entries = [self._entry(p, c) for p, c in configs]
        self.stopped = threading.Event()
        self.building = False

    def _entry(self, path: Path, config: Config) -> Entry:
        with BuildState(config.state_path) as state:
            files = load(state.brief(config.brief_name).files)
        return Entry(path, config, path.stat().st_mtime, self.clock(), files)

    def check(self, entry: Entry, *, changes: bool = True) -> str:
        """Build ``entry`` if a slot is due or its inputs changed; return what happened."""
        self._reload(entry)
        config = entry.config
        if self.send and approved_unsent(config):  # approved since its build: mail it now
            self._send(config)
        now = self.clock()
        with BuildState(config.state_path) as state:
            brief = state.brief(config.brief_name)
            slot = self._due_slot(config, state, now, entry.started)
            if not slot and not (changes and config.watch.enabled):
                return "idle"
            result = scan(config.source_paths, entry.files)
            entry.files, entry.last_scan = result.files, time.monotonic()
            for problem in result.problems:
                log.warning(
                    "%s: cannot read sources: %s; keeping the last brief",
                    config.brief_name,
                    problem,
                )
            if result.problems:
                return "error"
            current = fingerprint(result.files, entry.path, config.templates_dir)
            if slot:
                reason = "schedule"
            elif current == brief.fingerprint:
                return "idle"
            elif current != brief.pending:
                state.set_pending(config.brief_name, current)
                paths = changed(load(brief.files), result.files)
                entry.changed_ns = newest(result.files, paths)
                log.info(
                    "%s: change seen (%d files); waiting one poll for it to settle",
                    config.brief_name,
                    len(paths),
                )
                return "pending"
            else:
                reason = "change"
            return self._build(
                entry,
                state,
                reason,
                current,
                slot.key if slot else None,
                slot.due.isoformat() if slot else None,
            )

    def _due_slot(self, config: Config, state: BuildState, now: datetime, started: datetime):
        if config.schedule is None:
            return None
        spec, zone = config.schedule.spec, config.schedule.zone
        brief = state.brief(config.brief_name)
        future = brief.slot_due is not None and datetime.fromisoformat(brief.slot_due) > now
        if future:  # built while the clock was ahead: waiting for that slot would stop us
            log.warning(
                "%s: the last slot done (%s) is in the future; the clock was ahead and has "
                "been put back. Counting slots from now.",
                config.brief_name,
                brief.slot_due,
            )
        if brief.slot_due is None or future:  # first start: count slots from now on
            first = latest_slot(spec, zone, now)
            if first:
                state.slot_done(config.brief_name, first.key, first.due.isoformat())
            return None
        return due_slot(
            spec,
            zone,
            now,
            last_done=datetime.fromisoformat(brief.slot_due),
            started=started,
            catch_up=config.schedule.catch_up,
        )

    def _build(
        self,
        entry: Entry,
        state: BuildState,
        reason: str,
        current: str,
        slot_key: str | None,
        slot_due: str | None,
    ) -> str:
        config = entry.config
        started = self.clock()
        as_of = started.astimezone(config.schedule.zone).date() if config.schedule else None
        if entry.cache is None:
            entry.cache = DocumentCache(config.cache_path)
        try:
            self.building = True
            result = build(
                config,
                as_of=as_of or started.date(),
                cache=entry.cache,
                memo=entry.memo,
                wait=False,
                options=BuildOptions(reason=reason),
            )
            self.building = False
        except BriefingError as exc:  # recorded by build(); the last brief stays
            log.error("%s: build failed (%s): %s", config.brief_name, reason, exc)
            return "error"
        except Exception:  # a bug: recorded by build() too, and the other briefs go on
            log.exception("%s: build failed (%s)", config.brief_name, reason)
            return "error"
        finally:
            self.building = False
            if slot_key and slot_due:  # a failed slot is not retried every few seconds
                state.slot_done(config.brief_name, slot_key, slot_due)
        state.inputs_built(config.brief_name, fingerprint=current, files=dump(entry.files))
        log.info("%s: rebuilt (%s) → %s", config.brief_name, reason, result.out_dir)
        for warning in result.warnings:
            log.warning("%s: %s", config.brief_name, warning)
        if reason == "schedule" and config.distribution and self.send:
            self._send(config)
        return f"built:{reason}"

    def _send(self, config: Config) -> None:
        try:
            assert self.send
            self.send(config)
        except BriefingError as exc:
            log.error("%s: sending failed: %s", config.brief_name, exc)

    def _reload(self, entry: Entry) -> None:
        """Pick up an edited config; a broken edit is logged and the old config kept."""
        try:
            mtime = entry.path.stat().st_mtime
        except OSError as exc:
            log.error("%s: config unreadable: %s", entry.path, exc)
            return
        if mtime == entry.config_mtime:
            return
        entry.config_mtime = mtime
        try:
            entry.config = load_config(entry.path)
        except BriefingError as exc:
            log.error("%s: config has errors, keeping the previous one:\n%s", entry.path, exc)

    def safe_check(self, entry: Entry, *, changes: bool = True) -> None:
        """A check whose failure is logged, never the end of the loop."""
        if changes and time.monotonic() - entry.last_scan < entry.config.watch.poll_seconds / 2:
            changes = False  # the slot job and the watch job ran close together
        try:
            self.check(entry, changes=changes)
        except Exception:
            log.exception("%s: check failed; carrying on", entry.path)

    def once(self, settle: float = 1.0) -> list[str]:
        """One check-and-build pass over every config (for cron and systemd timers).

        A change has to be seen on two scans to count, so a pending change is looked at
        again once its files have been left alone for ``settle`` seconds (see settle_left).
        """
        outcomes = []
        for entry in self.entries:
            try:
                outcome = self._unless_stopped(entry)
                if outcome == "pending":
                    preload()  # while the change settles, which the wait below is cut by
                    self.stopped.wait(settle_left(entry.changed_ns, settle, time.time_ns()))
                    outcome = self._unless_stopped(entry)
            except Exception:  # one config's trouble is not the others'
                log.exception("%s: check failed", entry.path)
                outcome = "error"
            except Stopped:
                outcome = "stopped"
            outcomes.append(outcome)
        self.close()
        return outcomes

    def _unless_stopped(self, entry: Entry) -> str:
        if self.stopped.is_set():
            raise Stopped
        return self.check(entry)

    def loop(self) -> None:
        """Run until ``stop()``: slot checks every few seconds, scans every poll interval."""
        try:
            jobs = []
            for entry in self.entries:
                self.safe_check(entry)
                jobs.append(_Job(entry, entry.config.watch.poll_seconds, changes=True))
                if entry.config.schedule:
                    jobs.append(_Job(entry, SLOT_CHECK_SECONDS, changes=False))
            while not self.stopped.is_set():
                for job in jobs:
                    if time.monotonic() >= job.due and not self.stopped.is_set():
                        self.safe_check(job.entry, changes=job.changes)
                        job.due = time.monotonic() + job.every
                soon = min((job.due for job in jobs), default=time.monotonic() + 1)
                self.stopped.wait(min(1.0, max(0.05, soon - time.monotonic())))
        except Stopped:
            log.info("stopped during a build; the last brief stays")
        self.close()
        log.info("stopped")

    def close(self) -> None:
        """Close the document caches."""
        for entry in self.entries:
            if entry.cache:
                entry.cache.close()
                entry.cache = None

    def stop(self) -> None:
        """Ask the loop to end after the current step."""
        self.stopped.set()

    def interrupt(self) -> None:
        """Stop now (from a signal handler): a build under way is abandoned, which leaves the
        last brief as it was, rather than finished first, which may take minutes."""
        self.stop()
        if self.building:
            self.building = False
            raise Stopped


def newest(files: dict[str, FileState], paths: list[str]) -> int | None:
    """The newest mtime of the files among ``paths`` that are there (a removal is done at
    once); None when none are (the change is in the config or templates)."""
    return max((files[p].mtime_ns for p in paths if p in files), default=None)


def settle_left(changed_ns: int | None, settle: float, now_ns: int) -> float:
    """How long `once` waits before its second scan: until the changed files were last
    written ``settle`` seconds ago. A file whose mtime is already that old was left alone for
    as long as a full wait would check; one written in the future by this clock (another
    machine's, on a network share) or a change of unknown files waits the full time."""
    if changed_ns is None or changed_ns > now_ns:
        return settle
    return max(0.0, settle - (now_ns - changed_ns) / 1e9)


class Stopped(BaseException):
    """Raised into a build by `Runner.interrupt`; not an Exception, so nothing handles it."""


def _one_config_per_brief(configs: list[tuple[Path, Config]]) -> None:
    """Two configs writing one brief folder would fight over it: neither is run."""
    seen: dict[Path, Path] = {}
    for path, config in configs:
        folder = config.output_dir.resolve()
        if folder in seen:
            raise ConfigError(
                [
                    f"{seen[folder]} and {path} both write {config.output_dir}: "
                    "give each its own `name:` or `output:`"
                ]
            )
        seen[folder] = path


@dataclass(frozen=True)
class Status:
    """What `briefing status` prints for one brief."""

    name: str
    last_build: str | None
    reason: str | None
    out_dir: str | None
    next_run: str | None
    pending: list[str]
    history: list[tuple[str, str, str, int, str]]


def status(config: Config, now: datetime | None = None) -> Status:
    """Last build, next scheduled run and changes not yet built, for one brief."""
    now = now or utc_now()
    brief, history = BriefState(config.brief_name), []
    if config.state_path.exists():  # a status check creates nothing
        with BuildState(config.state_path) as state:
            brief = state.brief(config.brief_name)
            history = state.history(config.brief_name, 5)
    built_files = load(brief.files)
    result = scan(config.source_paths, built_files)
    nxt = None
    if config.schedule:
        slot = next_slot(config.schedule.spec, config.schedule.zone, now)
        nxt = slot.due.astimezone(config.schedule.zone).isoformat() if slot else None
    pending = changed(built_files, result.files) + result.problems
    return Status(
        config.brief_name, brief.built_at, brief.reason, brief.out_dir, nxt, pending, history
    )
