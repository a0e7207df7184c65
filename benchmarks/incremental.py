"""Incremental rebuilds on a 10,000-document corpus (generated from ../shared).

Prints, as in `briefing run`: the cold build (empty cache), a poll with nothing changed, and
the rebuild after one source changes (which must be seen on two polls), each as a ratio of
the cold build in the same run. Targets: idle poll ≤ 1 s, one change → updated brief ≤ 3 s.

Run: python benchmarks/incremental.py [--docs N]   (skips when ../shared is absent)
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import documents_wanted, generate  # noqa: E402


def main() -> int:
    count = documents_wanted()
    if count is None:
        return 0
    from briefing.scheduler import Runner

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        os.environ["BRIEFING_CACHE"] = str(root / "cache")  # never the user's own cache
        start = time.perf_counter()
        files = generate(root / "sources", count)
        print(f"generated {len(files)} documents in {time.perf_counter() - start:.1f} s")
        config = root / "config.yaml"
        config.write_text(
            yaml.safe_dump(
                {
                    "title": "Incremental benchmark",
                    "sources": ["sources"],
                    "output": "out",
                    "formats": ["pdf", "docx", "html", "json"],
                    "watch": {"poll_seconds": 60},
                    "topics": [
                        {
                            "name": "Russia and Ukraine",
                            "keywords": ["Russia", "Ukraine", "Kremlin"],
                        },
                        {"name": "China", "keywords": ["China", "PRC", "Hong Kong"]},
                        {"name": "Iran", "keywords": ["Iran", "Tehran"]},
                        {"name": "Syria", "keywords": ["Syria", "Assad"]},
                    ],
                }
            )
        )
        runner = Runner([config], clock=lambda: datetime(2022, 8, 31, 12, tzinfo=UTC))
        entry = runner.entries[0]

        cold = timed(lambda: runner.check(entry), "pending")  # first scan hashes everything
        cold += timed(lambda: runner.check(entry), "built:change")
        idle = timed(lambda: runner.check(entry), "idle")
        changed = files[len(files) // 2]
        changed.write_text(changed.read_text() + "\n\nRussia announced new measures today.\n")
        one = timed(lambda: runner.check(entry), "pending")
        one += timed(lambda: runner.check(entry), "built:change")

    print(f"cold: first scan + build of {len(files)} documents: {cold:.2f} s")
    print(
        f"poll with nothing changed: {idle:.2f} s ({idle / cold:.4f} of cold; target ≤ 1 s: "
        f"{'met' if idle <= 1 else 'NOT met'})"
    )
    print(
        f"one source changed → updated brief (two polls): {one:.2f} s ({one / cold:.4f} of "
        f"cold; target ≤ 3 s: {'met' if one <= 3 else 'NOT met'})"
    )
    return 0


def timed(step, expected: str) -> float:
    start = time.perf_counter()
    outcome = step()
    elapsed = time.perf_counter() - start
    if outcome != expected:
        raise SystemExit(f"expected {expected}, got {outcome}")
    return elapsed


if __name__ == "__main__":
    sys.exit(main())
