"""Parsing on a Dask cluster (`executor: dask`): a LocalCluster of two worker processes on
127.0.0.1, started for this module and closed after it. Skipped without `distributed`."""

from __future__ import annotations

import json
import logging
import os
import shutil
import signal
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
import yaml

distributed = pytest.importorskip("distributed")

from briefing.cache import DocumentCache  # noqa: E402
from briefing.config import load_config  # noqa: E402
from briefing.errors import BriefingError, ConfigError  # noqa: E402
from briefing.ingest import get_sources  # noqa: E402
from briefing.ingest.executors import DaskExecutor, parse_batch  # noqa: E402
from conftest import PROJECTS  # noqa: E402

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=":0",
        silence_logs=logging.ERROR,
    ) as local:
        yield local


def slow_batch(items):
    """The real parse, a little slower, so that a worker is busy when it is killed."""
    time.sleep(0.05 * len(items))
    return parse_batch(items)


def write_sources(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True)
    paths = []
    for i in range(count):
        path = folder / f"note-{i:03d}.txt"
        path.write_text(
            f"Statement {i} on the grain corridor\n\nThe ministry said on day {i} that talks "
            f"would resume, reference {i * 7919 % 10007}.\n"
        )
        paths.append(path)
    return paths


class KillsAWorker:
    """An executor that kills one of the cluster's worker processes (SIGKILL) as soon as
    the first batch comes back, while the other batches are still out."""

    def __init__(self, inner: DaskExecutor, pid: int):
        self.inner, self.pid, self.killed = inner, pid, False

    def parse(self, items):
        for n, pair in enumerate(self.inner.parse(items)):
            if n == 0:
                os.kill(self.pid, signal.SIGKILL)
                self.killed = True
            yield pair


@pytest.mark.parametrize("allowed_failures", [3, 0])  # the scheduler retries; or gives up
def test_a_worker_killed_mid_run_loses_no_document_and_parses_none_twice(
    cluster, tmp_path, monkeypatch, allowed_failures
):
    """Its batches go to the other worker, or, when the scheduler gives them up (no
    retries allowed), are parsed by the coordinator."""
    import cloudpickle

    monkeypatch.setattr(cluster.scheduler, "allowed_failures", allowed_failures)

    cloudpickle.register_pickle_by_value(sys.modules[__name__])  # slow_batch, to the workers
    paths = write_sources(tmp_path / "sources", 160)
    with distributed.Client(cluster) as client:
        pid = next(iter(client.run(os.getpid).values()))
    executor = KillsAWorker(DaskExecutor(cluster.scheduler_address, function=slow_batch), pid)
    with DocumentCache(tmp_path / "cache.sqlite") as cache:
        stored: Counter[str] = Counter()
        put = cache.put

        def counted(path, *args, **kwargs):
            stored[str(path)] += 1
            return put(path, *args, **kwargs)

        cache.put = counted  # type: ignore[method-assign]
        docs, skipped = get_sources([tmp_path / "sources"], cache, executor=executor)
    assert executor.killed
    assert not skipped
    assert sorted(d.title for d in docs) == sorted(p.read_text().split("\n")[0] for p in paths)
    assert stored == Counter({str(p): 1 for p in paths})  # each file once into the cache
    with DocumentCache(tmp_path / "cache.sqlite") as cache:  # and all of them are there
        again, _ = get_sources([tmp_path / "sources"], cache, executor=executor)
    assert [d.title for d in again] == [d.title for d in docs]


def test_build_with_dask_writes_the_same_brief_as_a_local_build(cluster, tmp_path, cli):
    local, remote = tmp_path / "local" / "mixed", tmp_path / "remote" / "mixed"
    for folder in (local, remote):
        shutil.copytree(PROJECTS / "mixed", folder)
    assert cli("build", local / "config.yaml", "--as-of", "2026-11-23").exit_code == 0
    result = cli(
        "build",
        remote / "config.yaml",
        "--as-of",
        "2026-11-23",
        "--dask",
        cluster.scheduler_address,
    )
    assert result.exit_code == 0, result.output

    def content(folder: Path) -> str:
        """The brief, its source ids (hashes of where the project lies) as numbers."""
        found = next(folder.glob("**/2026-11-23/brief.json"))
        data = json.loads(found.read_text())
        data.pop("generated_at")
        text = json.dumps(data, sort_keys=True)
        for source in data["sources"]:
            text = text.replace(f'"{source["id"]}"', f'"#{source["number"]}"')
        return text.replace(str(folder), "FOLDER")

    ours, theirs = content(remote), content(local)
    assert '"quotes": [{' in ours and ours == theirs


def test_executor_in_the_config(cluster, project, cli):
    folder = project("mixed")
    data = yaml.safe_load((folder / "config.yaml").read_text())
    (folder / "config.yaml").write_text(yaml.safe_dump({**data, "executor": "dask"}))
    with pytest.raises(ConfigError, match="dask_scheduler"):
        load_config(folder / "config.yaml")
    data |= {"executor": "dask", "dask_scheduler": cluster.scheduler_address}
    (folder / "config.yaml").write_text(yaml.safe_dump(data))
    assert cli("build", folder / "config.yaml", "--as-of", "2026-11-23").exit_code == 0


def test_an_unreachable_scheduler_is_one_clear_error(monkeypatch, tmp_path):
    import briefing.ingest.executors as executors

    monkeypatch.setattr(executors, "CONNECT_SECONDS", 1)
    write_sources(tmp_path / "sources", 3)
    with pytest.raises(BriefingError, match="cannot reach the Dask scheduler"):
        get_sources([tmp_path / "sources"], executor=DaskExecutor("tcp://127.0.0.1:9"))
