"""Page load of `briefing serve`'s archive for a brief with 50 editions (target: under 200 ms).

Builds the sample brief once, copies it into 50 weekly editions (each its own content, so its
own digest), puts 20 ledger rows beside each and an approval beside every other one, and serves
the app with uvicorn on 127.0.0.1. Times whole HTTP requests over one kept-alive connection:
the archive page (first load, then the median of the rest) against a static file served by the
same server in the same run (the baseline: what the server and HTTP cost before the page's own
work).

Then the archive again while the sample brief is built over and over in another thread.

Run: python benchmarks/serve.py [--editions 50] [--loads 30]
"""

from __future__ import annotations

import argparse
import http.client
import json
import logging
import os
import shutil
import socket
import statistics
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
AS_OF = date(2026, 11, 23)


def make_archive(folder: Path, editions: int) -> Path:
    """A config whose output holds ``editions`` editions with ledger rows and approvals."""
    from briefing.build import EDITION_MARK, build
    from briefing.config import load_config
    from briefing.deliver import find_edition
    from briefing.store import Approval, Store

    data = yaml.safe_load((ROOT / "config" / "weekly-mail.yaml").read_text())
    people = [f"r{i}@example.org" for i in range(20)]
    data |= {
        "name": "bench",
        "output": str(folder / "output"),
        "sources": [str(ROOT / "examples" / "sources")],
    }
    data["distribution"]["lists"] = {"all": {"recipients": people}}
    data["distribution"]["review"] = "required"
    path = folder / "bench.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True))
    config = load_config(path)
    build(config, as_of=AS_OF)
    first = config.output_dir / AS_OF.isoformat()
    with Store(config.state_path) as store:
        for week in range(editions):
            day = (AS_OF - timedelta(weeks=week)).isoformat()
            edition = config.output_dir / day
            if week:
                shutil.copytree(first, edition, symlinks=True)
                brief = json.loads((edition / "brief.json").read_text())
                brief["as_of"] = day
                (edition / "brief.json").write_text(json.dumps(brief, indent=2))
            assert (edition / EDITION_MARK).is_file()
            digest = find_edition(config.output_dir, day).digest
            store.queue(digest, people)
            for person in people:
                store.mark(digest, person, "sent", reply="250 2.0.0 queued")
            if week % 2:
                when = "2026-11-23T08:00:00+00:00"
                store.approve(Approval(digest, "bench", day, "Dana Reviewer", when, "{}"))
    return path


def serve(app) -> tuple[object, int]:
    import uvicorn

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.02)
    return server, port


def timed(conn: http.client.HTTPConnection, path: str) -> tuple[float, int]:
    start = time.perf_counter()
    conn.request("GET", path)
    response = conn.getresponse()
    body = response.read()
    elapsed = time.perf_counter() - start
    assert response.status == 200, (path, response.status)
    return elapsed, len(body)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--editions", type=int, default=50)
    parser.add_argument("--loads", type=int, default=30)
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["BRIEFING_CACHE"] = str(Path(tmp) / "cache")
        path = make_archive(Path(tmp), args.editions)
        from briefing.serve.app import create_app

        server, port = serve(create_app([path]))
        conn = http.client.HTTPConnection("127.0.0.1", port)
        first, size = timed(conn, "/archive")
        pages, statics = [], []
        for _ in range(args.loads):  # alternated, so load on the machine hits both alike
            pages.append(timed(conn, "/archive")[0])
            statics.append(timed(conn, "/static/style.css")[0])
        edition = timed(conn, f"/archive/bench/{AS_OF.isoformat()}")[0]
        rows = html_rows(port)
        busy, builds = during_builds(conn, path, args.loads)
        server.should_exit = True
        page, static = statistics.median(pages), statistics.median(statics)
        print(f"archive of {args.editions} editions ({size / 1024:.0f} KiB, {rows} rows):")
        print(f"  first load        {first * 1000:7.1f} ms")
        worst = max(pages) * 1000
        print(f"  median of {args.loads:<3}     {page * 1000:7.1f} ms  (max {worst:.1f} ms)")
        print(f"  static file       {static * 1000:7.1f} ms  (baseline, same server, same run)")
        print(f"  ratio             {page / static:7.1f}x the static file")
        print(f"  one edition page  {edition * 1000:7.1f} ms")
        print(
            f"  while building    {statistics.median(busy) * 1000:7.1f} ms  median of "
            f"{len(busy)} (max {max(busy) * 1000:.1f} ms) while {builds} briefs were built "
            "in another thread"
        )
        print(f"target: archive under 200 ms: {'met' if max(first, page) < 0.2 else 'NOT met'}")


def during_builds(
    conn: http.client.HTTPConnection, path: Path, loads: int
) -> tuple[list[float], int]:
    """Archive page loads while the sample brief is built over and over in another thread
    (the server's worker builds in a thread too: a build must not stall the pages)."""
    from briefing.build import build
    from briefing.config import load_config

    config = load_config(path).model_copy(update={"name": "bench-builds"})
    stop, built = threading.Event(), []

    def builds() -> None:
        while not stop.is_set():
            build(config, as_of=AS_OF)
            built.append(1)

    worker = threading.Thread(target=builds)
    worker.start()
    times = []
    while len(times) < loads or not built:
        times.append(timed(conn, "/archive")[0])
        time.sleep(0.05)
    stop.set()
    worker.join()
    return times, len(built)


def html_rows(port: int) -> int:
    """Editions the page lists (its table rows less the heading)."""
    conn = http.client.HTTPConnection("127.0.0.1", port)
    try:
        conn.request("GET", "/archive")
        return conn.getresponse().read().count(b"<tr>") - 1
    finally:
        conn.close()


if __name__ == "__main__":
    main()
