"""Memory of a long-running `briefing run`: the process's resident size over N rebuilds of one
edited 1.6 MB source (every format written), in-process through the Runner. A process that
keeps only the current texts stays flat after the first builds; one that keeps every
version grows by about ten times the file per rebuild.

Run: python benchmarks/daemon_memory.py [REBUILDS] (default 30); with TRIM=1 the C
allocator returns free memory before each measurement (fragmentation is then not counted).
"""

from __future__ import annotations

import gc
import logging
import os
import random
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORDS = "Russia Moscow Kremlin said sanctions the talks minister would on Friday in of".split()


def rss_mb() -> float:
    """The resident set size now (not the peak), in MB."""
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def main() -> int:
    logging.disable(logging.WARNING)
    from briefing.scheduler import Runner

    rebuilds = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "mixed"
        shutil.copytree(ROOT / "tests" / "projects" / "mixed", folder)
        config = folder / "config.yaml"
        text = config.read_text().replace("window_days: 10", "window_days: 100000")
        config.write_text(text + "watch:\n  poll_seconds: 1\n")
        rng = random.Random(1)
        big = folder / "sources" / "2026-11-21_long-report.txt"
        big.write_text(
            "A Long Report on Russia\n\n"
            + "\n\n".join(" ".join(rng.choice(WORDS) for _ in range(80)) + "." for _ in range(3500))
        )
        runner = Runner([config])
        entry = runner.entries[0]
        sizes = []
        for i in range(rebuilds):
            with big.open("a") as handle:
                handle.write(f"\n\nMore on Russia, edit {i}.\n")
            runner.check(entry)
            outcome = runner.check(entry)
            assert outcome == "built:change", outcome
            gc.collect()
            if os.environ.get("TRIM"):
                import ctypes

                ctypes.CDLL("libc.so.6").malloc_trim(0)
            sizes.append(rss_mb())
        runner.close()
        print(
            f"{big.stat().st_size / 1e6:.1f} MB source, {rebuilds} rebuilds: RSS "
            f"{sizes[0]:.0f} MB after the first, {sizes[-1]:.0f} MB after the last "
            f"({(sizes[-1] - sizes[min(2, len(sizes) - 1)]) / max(1, rebuilds - 3):+.2f} MB per "
            "rebuild after the third)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
