"""Incremental rebuilds on a 10,000-document corpus (generated from ../shared), as cron runs
them: every step is a whole fresh `briefing run --once` process, so nothing parsed, counted
or analysed in memory is carried from one run to the next (a user's next process has none).

Prints the cold pass (empty cache: scan, parse, build), a pass with nothing changed, and the
pass after one source changes (the change is seen, checked again a second later, and built),
each as a ratio of the cold pass in the same run; and, for comparison, `briefing build` from a
fresh process after one more change. Targets: idle pass ≤ 1 s, one change → updated brief
≤ 3 s. Start-up (Python, imports) is part of every figure, as it is for the user.

Run: python benchmarks/incremental.py [--docs N]   (skips when ../shared is absent)
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import documents_wanted, generate  # noqa: E402

TOPICS = [
    {"name": "Russia and Ukraine", "keywords": ["Russia", "Ukraine", "Kremlin"]},
    {"name": "China", "keywords": ["China", "PRC", "Hong Kong"]},
    {"name": "Iran", "keywords": ["Iran", "Tehran"]},
    {"name": "Syria", "keywords": ["Syria", "Assad"]},
]


def briefing(*args: str, env: dict[str, str]) -> tuple[float, str]:
    """Seconds for one `briefing` process and what it printed."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "briefing", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"briefing {' '.join(args)} failed:\n{done.stdout}{done.stderr}")
    return elapsed, done.stdout.strip()


def once(config: Path, expected: str, env: dict[str, str]) -> float:
    elapsed, out = briefing("run", "--once", str(config), env=env)
    if not out.endswith(f": {expected}"):
        raise SystemExit(f"expected {expected}, got {out!r}")
    return elapsed


def main() -> int:
    count = documents_wanted()
    if count is None:
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        # a cache outside the temporary folder (a per-user one) must not make "cold" warm
        env = {
            **os.environ,
            "XDG_CACHE_HOME": str(root / "user-cache"),
            "BRIEFING_CACHE": str(root / "user-cache" / "briefing"),
        }
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
                    "topics": TOPICS,
                }
            )
        )
        cold = once(config, "built:change", env)
        idle = once(config, "idle", env)
        changed = files[len(files) // 2]
        changed.write_text(changed.read_text() + "\n\nRussia announced new measures today.\n")
        one = once(config, "built:change", env)
        changed.write_text(changed.read_text() + "\n\nRussia announced more measures.\n")
        rebuilt, _ = briefing("-q", "build", str(config), env=env)

    print(f"cold: `briefing run --once`, scan + build of {len(files)} documents: {cold:.2f} s")
    print(
        f"`run --once`, nothing changed: {idle:.2f} s ({idle / cold:.4f} of cold; target ≤ 1 s: "
        f"{'met' if idle <= 1 else 'NOT met'})"
    )
    print(
        f"`run --once`, one source changed → updated brief (incl. the 1 s settle): {one:.2f} s "
        f"({one / cold:.4f} of cold; target ≤ 3 s: {'met' if one <= 3 else 'NOT met'})"
    )
    print(
        f"`briefing build`, one source changed → updated brief: {rebuilt:.2f} s "
        f"({rebuilt / cold:.4f} of cold; target ≤ 3 s: {'met' if rebuilt <= 3 else 'NOT met'})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
