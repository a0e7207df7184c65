"""Ingest throughput on a generated corpus (default 10,000 documents varied from ../shared).

Every figure is a whole fresh process, as a user runs it, so no in-memory cache is carried
from one run to the next:
- cold ingest of the HTML files (empty document cache, all cores) against trafilatura
  reading them in one process, as a user of trafilatura alone would: `bare_extraction` with
  our options (comments left out) and `extract_metadata` whole, with htmldate's extensive
  date search, on every page. Our reader takes the same main text but not the same metadata
  calls: it reads the <title>, the author tag and the dates a page shows itself, and asks
  trafilatura's meta-tag and JSON-LD reading for the address and site name, and its
  heading, byline and htmldate searches only for a field the page does not give (see
  readers.html_meta); categories, tags and licence it never seeks. Ours is what `briefing
  build` (and `briefing search`) runs to bring the index up to date: `index_sources`, every
  file parsed, stored and indexed for full-text search. The former measure, `get_sources`
  (the same, then every document loaded back from the cache and repeated furniture taken
  out, which no command of the product does on ingest), is run and printed beside it. They
  alternate, A then B, and the ratio is taken per pair, in wall time and in CPU time (the
  steadier of the two when other processes share the machine);
- a re-scan with nothing changed (the cache reopened by a new process);
- a re-scan after one file changed, in a new process;
and the peak resident memory of the largest of those processes and their workers. Both sides
import their code from bytecode, as installed packages do (see _compile_ours). Targets:
cold ≥ 1.5× the baseline's throughput on 2 cores, warm ≤ 1 s, one change ≤ 1 s plus its parse,
peak RSS ≤ 1 GiB.

Our side does more than the baseline (it takes out navigation chrome first, and finds
titles, turns, quotes and the text's structure after, and indexes every document for
full-text search), so the ratio understates it, never flatters it.

Run: python benchmarks/ingest.py [--docs N] [--pairs 3]   (skips when ../shared is absent)
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import documents_wanted, generate  # noqa: E402

# Our reader's options (readers._extractor, readers._DATE_SEARCH), written out so that the
# baseline imports trafilatura alone, as its user would, and no module of ours (~0.07 s of a
# fresh process); main() checks that they are still ours, outside the timed processes.
EXTRACTOR_OPTIONS = {"output_format": "python", "comments": False}
DATE_SEARCH = {"original_date": True, "extensive_search": True}


def baseline(listing: Path, metadata: bool = True) -> None:
    """A process reading each file with trafilatura alone, one after another: the main text
    (`bare_extraction`, our options), and the page's whole metadata (`extract_metadata`, with
    htmldate's extensive date search) (without ``metadata``: `bare_extraction` alone)."""
    import trafilatura
    from trafilatura.metadata import extract_metadata
    from trafilatura.settings import Extractor

    options = Extractor(**EXTRACTOR_OPTIONS)  # made once, as our reader makes them
    for line in listing.read_text(encoding="utf-8").splitlines():
        html = Path(line).read_bytes().decode("utf-8", errors="replace")
        trafilatura.bare_extraction(html, options=options)
        if metadata:
            extract_metadata(html, date_config=DATE_SEARCH)


def _same_options() -> None:
    """Fail when the baseline's options are no longer our reader's."""
    from trafilatura.settings import Extractor

    from briefing.ingest.readers import _DATE_SEARCH, _extractor

    mine, written = _extractor(), Extractor(**EXTRACTOR_OPTIONS)
    differ = [k for k in Extractor.__slots__ if getattr(mine, k) != getattr(written, k)]
    if differ or DATE_SEARCH != _DATE_SEARCH:
        raise SystemExit(f"the baseline's options are not the reader's: {differ or DATE_SEARCH}")


def _compile_ours() -> None:
    """Write our package's bytecode (its __pycache__ folders), outside the timed processes, as
    installing a package does. The baseline's trafilatura (and courlan, htmldate, lxml's
    Python parts) is imported from the bytecode pip wrote; ours was compiled again from source
    in every timed process where PYTHONDONTWRITEBYTECODE is set, as on the machine these
    figures come from (~0.03 s of a process, before its first parse), where a user's second
    run, or any run of an installed copy, reads it from __pycache__."""
    import compileall

    import briefing

    compileall.compile_dir(Path(briefing.__file__).parent, quiet=1)


def ours(listing: Path, cache_path: Path, load: bool = False) -> None:
    """A process bringing the index up to date with the listed files (or the one folder
    listed), as `briefing build` does (``load``: then loading every document back, as
    `get_sources` does, the former measure)."""
    from briefing.cache import DocumentCache
    from briefing.ingest import get_sources, index_sources

    paths = [Path(line) for line in listing.read_text(encoding="utf-8").splitlines()]
    with DocumentCache(cache_path) as cache:
        if load:
            get_sources(paths, cache)
        else:
            index_sources(paths, cache)


def whole(*args: str) -> float:
    """Seconds for this script run as a child process in the given mode."""
    return timed(*args)[0]


def timed(*args: str) -> tuple[float, float]:
    """Wall and CPU seconds (user + system, its workers included) of this script run as a
    child process in the given mode."""
    before = _children_cpu()
    start = time.perf_counter()
    subprocess.run([sys.executable, __file__, *args], check=True, timeout=600)
    return time.perf_counter() - start, _children_cpu() - before


def _children_cpu() -> float:
    """CPU seconds of every child process waited for so far (and of the children they waited
    for: a child's pool workers)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pairs", type=int, default=3)
    parser.add_argument("--child", nargs="+")
    args, _ = parser.parse_known_args()
    if args.child:
        mode, *rest = args.child
        if mode in ("ours", "ours-get"):
            ours(Path(rest[0]), Path(rest[1]), load=mode == "ours-get")
        else:
            baseline(Path(rest[0]), metadata=mode == "baseline")
        return 0
    count = documents_wanted()
    if count is None:
        return 0
    _same_options()
    _compile_ours()

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        files = generate(root / "sources", count)
        htmls = root / "htmls.txt"
        htmls.write_text("".join(f"{p}\n" for p in files if p.suffix == ".html"))
        n_html = sum(1 for p in files if p.suffix == ".html")
        folder = root / "folder.txt"
        folder.write_text(f"{root / 'sources'}\n")

        pairs, bare, cpus, loaded, loaded_cpus = [], [], [], [], []
        for i in range(args.pairs):  # A, A', B, B' in turn: load changes alike for each
            a, a_cpu = timed("--child", "baseline", str(htmls))
            a_bare = whole("--child", "bare", str(htmls))
            b, b_cpu = timed("--child", "ours", str(htmls), str(root / f"html-only-{i}.sqlite"))
            c, c_cpu = timed("--child", "ours-get", str(htmls), str(root / f"loaded-{i}.sqlite"))
            pairs.append((a, b))
            bare.append((a_bare, b))
            cpus.append((a_cpu, b_cpu))
            loaded.append((a, c))
            loaded_cpus.append((a_cpu, c_cpu))
        scan = ("--child", "ours", str(folder), str(root / "cache.sqlite"))
        cold = whole(*scan)
        warms = [whole(*scan) for _ in range(3)]
        warms_loaded = [whole("--child", "ours-get", *scan[2:]) for _ in range(3)]
        changed = files[len(files) // 2]
        changed.write_text(changed.read_text() + "\n\nOne more line.\n")
        one = whole(*scan)
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024

    ratios = [a / b for a, b in pairs]
    bare_ratios = [a / b for a, b in bare]
    base, mine = statistics.median(a for a, _ in pairs), statistics.median(b for _, b in pairs)
    print(
        f"baseline: trafilatura bare_extraction + extract_metadata (whole) with our options, "
        f"one process, {n_html} HTML files: median {base:.1f} s, {n_html / base:.0f} files/s"
    )
    print(
        f"cold ingest of the same {n_html} HTML files (index_sources, as `briefing build`: all "
        f"cores, empty cache, whole process): median {mine:.1f} s, {n_html / mine:.0f} files/s"
    )
    print(
        f"throughput ratio ours / baseline, {args.pairs} alternated pairs: median "
        f"{statistics.median(ratios):.2f}x (range {min(ratios):.2f}–{max(ratios):.2f}; "
        "target ≥ 1.5x)"
    )
    print(
        f"against bare_extraction alone (no metadata), same pairs: median "
        f"{statistics.median(bare_ratios):.2f}x (range {min(bare_ratios):.2f}–"
        f"{max(bare_ratios):.2f})"
    )
    cpu_ratios = [b / a for a, b in cpus]
    print(
        f"CPU time (user + system, workers included) ours / baseline, same pairs: median "
        f"{statistics.median(cpu_ratios):.2f}x (range {min(cpu_ratios):.2f}–"
        f"{max(cpu_ratios):.2f}; {1000 * statistics.median(b for _, b in cpus) / n_html:.2f} "
        f"against {1000 * statistics.median(a for a, _ in cpus) / n_html:.2f} ms per file; "
        "steadier than wall time on a shared machine; ≤ 1.33x lets 2 cores reach 1.5x)"
    )
    loaded_ratios = [a / c for a, c in loaded]
    loaded_cpu = [c / a for a, c in loaded_cpus]
    print(
        f"former measure, get_sources (index_sources, then every document loaded back and "
        f"repeated furniture removed), same pairs: median "
        f"{statistics.median(c for _, c in loaded):.1f} s, ratio "
        f"{statistics.median(loaded_ratios):.2f}x (range {min(loaded_ratios):.2f}–"
        f"{max(loaded_ratios):.2f}), CPU ours / baseline {statistics.median(loaded_cpu):.2f}x "
        f"(range {min(loaded_cpu):.2f}–{max(loaded_cpu):.2f})"
    )
    print(f"cold ingest of all {len(files)} files (HTML + text), whole process: {cold:.1f} s")
    print(
        f"warm re-scan, nothing changed, fresh process: median {sorted(warms)[1]:.2f} s "
        f"({', '.join(f'{w:.2f}' for w in warms)}) (target ≤ 1 s; includes start-up); "
        f"former measure (get_sources, every document loaded back): median "
        f"{sorted(warms_loaded)[1]:.2f} s"
    )
    print(f"re-scan after one file changed, fresh process: {one:.2f} s (target ≤ 1 s + parse)")
    print(f"peak RSS (largest child process or worker): {rss:.0f} MiB (target ≤ 1024)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
