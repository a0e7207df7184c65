"""Time a full brief over the 54-document State Department corpus (108 files: HTML + TXT),
4 topics, PDF + DOCX + HTML + JSON, as a user runs it: each build is a whole fresh
`briefing build` process (start-up and imports included; nothing kept in memory between
builds). Target: cold under 10 s on a 2-core machine.

As a same-run baseline it also times, as one whole process, trafilatura reading the same
HTML files alone (`bare_extraction` with our options, comments left out, and
`extract_metadata` whole with its date search; our reader asks for less metadata, see
benchmarks/ingest.py), so the figure can be read as a ratio on a noisy machine.

Run: python benchmarks/build.py   (skips when ../shared is not beside the repository)
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "state-dept-2021-2022"
TOPICS = [
    {"name": "Russia and Ukraine", "keywords": ["Russia", "Ukraine", "Kremlin", "Putin"]},
    {"name": "China", "keywords": ["China", "PRC", "Beijing", "Hong Kong", "Taiwan"]},
    {"name": "Iran", "keywords": ["Iran", "Tehran"]},
    {"name": "Syria", "keywords": ["Syria", "Assad"]},
]
BASELINE = """
import sys, trafilatura
from trafilatura.metadata import extract_metadata
from briefing.ingest.readers import _DATE_SEARCH
for name in sys.argv[1:]:
    html = open(name, encoding="utf-8", errors="replace").read()
    trafilatura.bare_extraction(html, include_comments=False)
    extract_metadata(html, date_config=_DATE_SEARCH)
"""


def timed(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=600)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command[:4])} … failed:\n{done.stdout}{done.stderr}")
    return elapsed


def main() -> int:
    if not CORPUS.is_dir():
        print(f"skipped: {CORPUS} not found")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **os.environ,
            "XDG_CACHE_HOME": f"{tmp}/user-cache",
            "BRIEFING_CACHE": f"{tmp}/user-cache/briefing",
        }  # cold means cold
        config = Path(tmp) / "bench.yaml"
        config.write_text(
            yaml.safe_dump(
                {
                    "title": "Benchmark",
                    "sources": [str(CORPUS / "docs")],
                    "output": f"{tmp}/out",
                    "formats": ["pdf", "docx", "html", "json"],
                    "topics": TOPICS,
                }
            )
        )
        build = [sys.executable, "-m", "briefing", "-q", "build", str(config)]
        build += ["--as-of", "2022-08-31"]
        htmls = [str(p) for p in sorted((CORPUS / "docs").glob("*.html"))]
        baseline = timed([sys.executable, "-c", BASELINE, *htmls], env)
        cold = timed(build, env)
        warms = [timed(build, env) for _ in range(3)]
    warm = statistics.median(warms)
    files = len(list((CORPUS / "docs").iterdir()))
    print(
        f"`briefing build`, {files} files, 4 topics, pdf+docx+html+json, whole processes: "
        f"cold (empty document cache) {cold:.2f} s; warm {warm:.2f} s (median of 3: "
        f"{', '.join(f'{w:.2f}' for w in warms)})"
    )
    print(
        f"baseline, trafilatura bare_extraction + extract_metadata (whole) with our options, "
        f"on the {len(htmls)} HTML files, one whole process: {baseline:.2f} s"
    )
    print(f"ratio cold build / baseline: {cold / baseline:.2f}x")
    print(f"target < 10 s: {'met' if cold < 10 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
