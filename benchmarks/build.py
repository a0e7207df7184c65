"""Time a full brief over the 54-document State Department corpus (108 files: HTML + TXT),
4 topics, PDF + DOCX + HTML + JSON. Target: under 10 s on a 2-core machine.

As a same-run baseline it also times plain trafilatura extraction of the same HTML files, so
the figure can be read as a ratio on a noisy shared machine.

Run: python benchmarks/build.py   (skips when ../shared is not beside the repository)
"""

from __future__ import annotations

import logging
import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "state-dept-2021-2022"
TOPICS = [
    {"name": "Russia and Ukraine", "keywords": ["Russia", "Ukraine", "Kremlin", "Putin"]},
    {"name": "China", "keywords": ["China", "PRC", "Beijing", "Hong Kong", "Taiwan"]},
    {"name": "Iran", "keywords": ["Iran", "Tehran"]},
    {"name": "Syria", "keywords": ["Syria", "Assad"]},
]


def timed(fn, repeat: int = 3) -> tuple[float, float]:
    """The first run's time and the median of the rest."""
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return runs[0], statistics.median(runs[1:] or runs)


def main() -> int:
    if not CORPUS.is_dir():
        print(f"skipped: {CORPUS} not found")
        return 0
    logging.disable(logging.WARNING)
    import trafilatura

    from briefing.build import build
    from briefing.config import config_from_dict

    with tempfile.TemporaryDirectory() as out:
        os.environ["BRIEFING_CACHE"] = out  # its own cache: the first build is cold
        config = config_from_dict(
            {
                "title": "Benchmark",
                "sources": [str(CORPUS / "docs")],
                "output": out,
                "formats": ["pdf", "docx", "html", "json"],
                "topics": TOPICS,
            },
            Path(out) / "bench.yaml",
        )
        htmls = sorted((CORPUS / "docs").glob("*.html"))
        baseline = timed(lambda: [trafilatura.extract(p.read_text()) for p in htmls])[1]
        cold, warm = timed(lambda: build(config, as_of=date(2022, 8, 31)), repeat=4)
    files = len(list((CORPUS / "docs").iterdir()))
    print(
        f"full build, {files} files, 4 topics, pdf+docx+html+json: cold (empty document "
        f"cache) {cold:.2f} s; warm {warm:.2f} s (median of 3)"
    )
    print(f"baseline, trafilatura.extract on the {len(htmls)} HTML files: {baseline:.2f} s")
    print(f"ratio cold build / baseline: {cold / baseline:.2f}x")
    print(f"target < 10 s: {'met' if cold < 10 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
