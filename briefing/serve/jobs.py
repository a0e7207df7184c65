"""On-demand briefs: a request becomes a job in a bounded queue, built by one worker thread,
so a slow brief never holds up the pages and a full queue is a clear "busy", not a hang.

A job's brief is written under the server's own folder (``<output>/on-demand/<job id>/``): the
request chooses the topic, query, dates and formats, never a path.
"""

from __future__ import annotations

import logging
import queue
import re
import secrets
import shutil
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from briefing.build import BuildOptions, build
from briefing.config import Config, config_from_dict
from briefing.errors import BriefingError
from briefing.model import BuildResult

log = logging.getLogger(__name__)
QUEUE_SIZE = 4  # briefs waiting beyond the one being built; more is "busy"
KEEP_JOBS = 200  # jobs remembered for their pages
KEEP_BUILT = 50  # on-demand briefs kept on disk, the newest
JOB_ID = re.compile(r"q\d{8}-\d{6}-[0-9a-f]{8}")
MAX_SOURCES = 12
WORD = re.compile(r"\w[\w'’-]*")


class Busy(BriefingError):
    """The queue of briefs to build is full."""


@dataclass(frozen=True)
class Request:
    """What a person asked for on the form, checked."""

    scope: str  # the configured brief whose sources are searched
    topic: str
    query: str
    mode: str  # query | words
    since: date | None
    until: date
    formats: tuple[str, ...]

    def topic_query(self) -> str:
        """The query language for the build: plain words become "any of these words"."""
        if self.mode == "query":
            return self.query
        return " OR ".join(f'"{w}"' for w in dict.fromkeys(WORD.findall(self.query)))


@dataclass
class Job:
    """One on-demand brief: what was asked, where it is, and what the build said."""

    id: str
    request: Request
    status: str = "queued"  # queued | running | done | failed
    stages: list[str] = field(default_factory=list)
    error: str | None = None
    out_dir: Path | None = None
    warnings: list[str] = field(default_factory=list)
    created: float = field(default_factory=time.time)
    seconds: float = 0.0
    matches: tuple[list[Any], str | None] | None = None  # the sources listed on its page


Builder = Callable[[Config, Request, Callable[[str], None]], BuildResult]


def build_on_demand(
    config: Config, request: Request, progress: Callable[[str], None]
) -> BuildResult:
    """Build the job's brief: the library call `briefing brief` makes."""
    return build(
        config,
        as_of=request.until,
        since=request.since,
        options=BuildOptions(progress=progress),
    )


class Worker:
    """One thread building queued jobs in turn; ``submit`` refuses when the queue is full."""

    def __init__(
        self,
        root: Path,
        scopes: dict[str, Config],
        *,
        builder: Builder = build_on_demand,
        size: int = QUEUE_SIZE,
    ):
        self.root = root
        self.scopes = scopes
        self.builder = builder
        self.jobs: dict[str, Job] = {}
        self.waiting: queue.Queue[Job | None] = queue.Queue(maxsize=size)
        self.lock = threading.Lock()
        self.thread = threading.Thread(target=self._loop, name="briefing-builds", daemon=True)
        self.thread.start()

    def submit(self, request: Request) -> Job:
        """Queue a brief; Busy when as many are already waiting as the queue holds."""
        job = Job(_job_id(), request)
        try:
            self.waiting.put_nowait(job)
        except queue.Full:
            raise Busy(
                f"the server is busy: {self.waiting.qsize()} briefs are waiting to be built; "
                "try again in a minute"
            ) from None
        with self.lock:
            self.jobs[job.id] = job
            for old in list(self.jobs)[:-KEEP_JOBS]:
                del self.jobs[old]
        return job

    def get(self, job_id: str) -> Job | None:
        """A job by its id."""
        with self.lock:
            return self.jobs.get(job_id)

    def close(self, timeout: float = 120) -> None:
        """Drop the briefs still waiting and let the one being built finish (its lock and
        temporary folder are let go properly)."""
        while True:
            try:
                left = self.waiting.get_nowait()
            except queue.Empty:
                break
            if left is not None:
                left.status, left.error = "failed", "the server stopped before building it"
        self.waiting.put(None)
        self.thread.join(timeout)

    def _loop(self) -> None:
        while (job := self.waiting.get()) is not None:
            self._run(job)

    def _run(self, job: Job) -> None:
        job.status, started = "running", time.monotonic()
        try:
            config = self.config_for(job)
            result = self.builder(config, job.request, job.stages.append)
            job.out_dir, job.warnings = result.out_dir, result.warnings
            job.status = "done"
        except BriefingError as exc:
            job.error, job.status = str(exc), "failed"
        except Exception as exc:  # a bug in one brief is that brief's failure, not the server's
            log.exception("on-demand brief %s failed", job.id)
            job.error, job.status = f"{type(exc).__name__}: {exc}", "failed"
        job.seconds = time.monotonic() - started
        self._prune()

    def _prune(self) -> None:
        """Delete the oldest on-demand briefs beyond KEEP_BUILT (only folders named as jobs)."""
        built = sorted(p for p in self.root.glob("q*") if JOB_ID.fullmatch(p.name))
        for old in built[:-KEEP_BUILT]:
            shutil.rmtree(old, ignore_errors=True)

    def config_for(self, job: Job) -> Config:
        """A one-topic config over the scope's sources, written to the job's own folder."""
        scope, request = self.scopes[job.request.scope], job.request
        data = {
            "name": job.id,
            "title": request.topic,
            "organization": scope.organization,
            "output": str(self.root),
            "sources": [str(p) for p in scope.source_paths] + list(scope.source_urls),
            "formats": sorted({"html", "json", *request.formats}),
            "topics": [
                {"name": request.topic, "query": request.topic_query(), "max_sources": MAX_SOURCES}
            ],
        }
        return config_from_dict(data, self.root / "(on demand)")


def _job_id() -> str:
    """A new job's id: when, and a random part nobody can guess."""
    return datetime.now(UTC).strftime("q%Y%m%d-%H%M%S-") + secrets.token_hex(4)
