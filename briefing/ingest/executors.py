"""Where files are parsed: this machine's worker processes (the default, in ingest) or an
existing Dask cluster (``executor: dask``), for a first parse of an archive too big for one
machine's cores. Either way only the coordinating process writes the document cache: an
executor hands back each file's result exactly once, and a batch the cluster cannot finish
(its workers lost too often, the scheduler gone) is parsed here instead, so no file is lost.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from itertools import islice
from pathlib import Path
from typing import Any, Protocol

from briefing.errors import BriefingError
from briefing.model import Document

log = logging.getLogger(__name__)
Parsed = list[Document] | str  # a file's documents, or why it was skipped
Item = tuple[Path, bytes]
BATCH = 16  # files per task: one task per file costs more in messages than parsing
CONNECT_SECONDS = 20


class Executor(Protocol):
    """Parses files' bytes; yields ``(index in items, result)`` once per item, any order."""

    def parse(self, items: Sequence[Item]) -> Iterator[tuple[int, Parsed]]: ...


def parse_one(item: Item) -> Parsed:
    """One file's documents, or the reason it cannot be read (as the local pool parses)."""
    from briefing.ingest import _parse_safely  # imported here: ingest imports this module

    return _parse_safely(item)


def parse_batch(items: list[Item]) -> list[Parsed]:
    """What a Dask worker runs: a batch of files, in order."""
    return [parse_one(item) for item in items]


class DaskExecutor:
    """Parses on the workers of the Dask scheduler at ``address`` (tcp://host:8786).

    The bytes go with the tasks, so workers need no access to the files; they need
    briefing installed (the same version). At most ``2 × threads`` batches are out at a time,
    so the scheduler never holds the whole archive."""

    def __init__(self, address: str, function: Callable[[list[Item]], list[Parsed]] = parse_batch):
        self.address = address
        self.function = function

    def parse(self, items: Sequence[Item]) -> Iterator[tuple[int, Parsed]]:
        if not items:
            return
        client = self._connect()
        try:
            yield from self._run(client, items)
        finally:
            client.close()

    def _connect(self) -> Any:
        try:
            from distributed import Client
        except ImportError:
            raise BriefingError(
                "executor: dask needs the 'distributed' package: pip install 'briefing[dask]'"
            ) from None
        try:
            return Client(self.address, timeout=CONNECT_SECONDS)
        except (OSError, TimeoutError) as exc:
            raise BriefingError(
                f"cannot reach the Dask scheduler at {self.address}: {exc}"
            ) from None

    def _run(self, client: Any, items: Sequence[Item]) -> Iterator[tuple[int, Parsed]]:
        from distributed import as_completed

        batches = iter(
            list(range(start, min(start + BATCH, len(items))))
            for start in range(0, len(items), BATCH)
        )
        window = 2 * max(1, sum(client.nthreads().values()))
        out: dict[Any, list[int]] = {}
        running = as_completed()

        def submit(batch: list[int]) -> None:
            future = client.submit(self.function, [items[i] for i in batch], pure=False)
            out[future] = batch
            running.add(future)

        for batch in islice(batches, window):
            submit(batch)
        for future in running:
            batch = out.pop(future)
            yield from zip(batch, self._results(future, batch, items), strict=True)
            following = next(batches, None)
            if following is not None:
                submit(following)

    @staticmethod
    def _results(future: Any, batch: list[int], items: Sequence[Item]) -> list[Parsed]:
        try:
            return list(future.result())
        except Exception as exc:  # a lost cluster or a batch that killed its workers
            log.warning(
                "the Dask cluster could not parse %d files (%s); parsing them here", len(batch), exc
            )
            return [parse_one(items[i]) for i in batch]


def executor_for(name: str, address: str | None) -> Executor | None:
    """The executor a config names; None for this machine's own processes."""
    if name == "dask":
        if not address:
            raise BriefingError("executor: dask needs dask_scheduler: tcp://host:8786")
        return DaskExecutor(address)
    return None
