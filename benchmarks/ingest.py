"""Ingest throughput on a generated corpus (default 10,000 documents varied from ../shared).

Prints, in one run: cold ingest (empty document cache, all cores) against plain
single-process `trafilatura.extract` of the same HTML files; a warm re-scan with nothing
changed; a re-scan after one file changes; and the peak resident memory of this process and
its workers. Targets: cold ≥ 1.5× the baseline's throughput on 2 cores, warm ≤ 1 s, one
change ≤ 1 s plus its parse, peak RSS ≤ 1 GiB.

Run: python benchmarks/ingest.py [--docs N]   (skips when ../shared is absent)
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import documents_wanted, generate  # noqa: E402


def main() -> int:
    count = documents_wanted()
    if count is None:
        return 0
    import trafilatura

    from briefing.cache import DocumentCache
    from briefing.ingest import get_sources

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        files = generate(root / "sources", count)
        htmls = [p for p in files if p.suffix == ".html"]

        start = time.perf_counter()
        for path in htmls:
            trafilatura.extract(path.read_text(encoding="utf-8"), with_metadata=True)
        baseline = time.perf_counter() - start
        base_rate = len(htmls) / baseline

        with DocumentCache(root / "html-only.sqlite") as cache:
            start = time.perf_counter()
            get_sources(htmls, cache)
            cold_html = time.perf_counter() - start
        with DocumentCache(root / "cache.sqlite") as cache:
            start = time.perf_counter()
            docs, skipped = get_sources([root / "sources"], cache)
            cold = time.perf_counter() - start
        # a fresh process would open the cache again: measure that, not the in-memory layer
        warms = []
        for _ in range(3):
            with DocumentCache(root / "cache.sqlite") as cache:
                start = time.perf_counter()
                get_sources([root / "sources"], cache)
                warms.append(time.perf_counter() - start)
        warm = sorted(warms)[1]
        with DocumentCache(root / "cache.sqlite") as cache:
            get_sources([root / "sources"], cache)
            changed = files[len(files) // 2]
            changed.write_text(changed.read_text() + "\n\nOne more line.\n")
            start = time.perf_counter()
            get_sources([root / "sources"], cache)
            one = time.perf_counter() - start
    rss = (
        max(
            resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
        )
        / 1024
    )
    html_rate = len(htmls) / cold_html
    print(
        f"baseline: trafilatura.extract, one process, {len(htmls)} HTML files: "
        f"{baseline:.1f} s, {base_rate:.0f} files/s"
    )
    print(
        f"cold ingest of the same {len(htmls)} HTML files (all cores, empty cache): "
        f"{cold_html:.1f} s, {html_rate:.0f} files/s; ratio {html_rate / base_rate:.2f}x "
        "(target ≥ 1.5x)"
    )
    print(
        f"cold ingest of all {len(files)} files (HTML + text): {cold:.1f} s, "
        f"{len(files) / cold:.0f} files/s, {len(docs)} documents, {len(skipped)} skipped"
    )
    print(
        f"warm re-scan, nothing changed (cache reopened): {warm:.2f} s, median of 3 "
        f"({', '.join(f'{w:.2f}' for w in warms)}) (target ≤ 1 s)"
    )
    print(f"re-scan after one file changed: {one:.2f} s (target ≤ 1 s plus its parse)")
    print(f"peak RSS (largest of this process and its workers): {rss:.0f} MiB (target ≤ 1024)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
