"""Render synthetic briefs of about 50 and 200 pages; compare with LibreOffice.

Two figures per size, in one run:
1. The DOCX writer alone, in this process (after a warm-up): CPU milliseconds per page, which
   must not grow with the brief's size.
2. What a user waits for, as whole processes: `python benchmarks/render.py --child` (start
   Python, import briefing, write PDF + DOCX + chart) against `libreoffice --headless
   --convert-to pdf` of that DOCX with a persistent profile (created once before timing, as a
   user who converts documents has one). The two are alternated, A then B, and the ratio is
   taken per pair; the median and the range of the ratios are printed, for wall time (what
   the user waits) and CPU time (user + system, steadier on a shared machine).

The brief is synthetic (topics of 10 points and 3 quotes, one source per point) so the figure
measures the writers alone.

Run: python benchmarks/render.py [--pairs 5] [--pages 50 200] [--docx-only]
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

SENTENCE = (
    "The ministry said on Tuesday that talks on the grain corridor would resume next "
    "week, after both sides agreed to exchange technical proposals through mediators "
    "in Istanbul and to allow inspectors back to the ports. "
)
PROFILE = "file:///tmp/lo-profile"  # LibreOffice's user profile, kept between runs
TOPICS_PER_PAGE = 28 / 57  # measured: 28 topics of this brief fill 57 pages of A4


def synthetic_brief(topics: int = 28, points: int = 10):  # type: ignore[no-untyped-def]
    from briefing.model import Brief, KeyQuote, Point, Section, SourceRef

    sources = tuple(
        SourceRef(
            id=f"s{i}",
            number=i + 1,
            path=f"sources/item-{i}.txt",
            title=f"Statement number {i} on regional security and trade",
            date="2026-11-20",
            publisher="Example Wire",
            url=f"https://example.org/{i}",
            doc_type=("news", "press release", "transcript")[i % 3],
        )
        for i in range(topics * points)
    )
    sections = tuple(
        Section(
            name=f"Topic {t + 1}: regional developments",
            points=tuple(
                Point(SENTENCE + f"(Point {p + 1}.)", f"s{t * points + p}") for p in range(points)
            ),
            quotes=tuple(
                KeyQuote(SENTENCE.strip(), f"Speaker {q}", f"s{t * points + q}") for q in range(3)
            ),
            sources=tuple(f"s{t * points + p}" for p in range(points)),
        )
        for t in range(topics)
    )
    return Brief(
        name="bench",
        title="Render benchmark brief",
        organization="Example Institute",
        as_of=date(2026, 11, 23),
        period_start=date(2026, 11, 17),
        generated_at="2026-11-23T07:00:00+00:00",
        sections=sections,
        sources=sources,
        executive_summary=tuple(s.points[0] for s in sections[:6]),
    )


def topics_for(pages: int) -> int:
    return max(1, round(pages * TOPICS_PER_PAGE))


def child(topics: int, out: Path) -> None:
    """The whole-process run: what `briefing build` does after analysis, for PDF + DOCX."""
    from briefing.render import render

    render(synthetic_brief(topics), out, ["pdf", "docx"])


def docx_per_page(topics: int, repeat: int = 5) -> tuple[int, float]:
    """Pages of the brief and the DOCX writer's CPU seconds per page, in this process: the
    least of five runs, the one least disturbed by other work on a shared machine."""
    from pypdf import PdfReader

    from briefing.render import RenderOptions, render
    from briefing.render.word import render_docx

    brief = synthetic_brief(topics)
    with tempfile.TemporaryDirectory() as tmp:
        render(brief, Path(tmp), ["pdf"])
        pages = len(PdfReader(Path(tmp) / "brief.pdf").pages)
        options = RenderOptions()
        render_docx(brief, Path(tmp), options)  # warm-up
        runs = []
        for _ in range(repeat):
            start = time.process_time()  # CPU time: the machine is shared
            render_docx(brief, Path(tmp), options)
            runs.append(time.process_time() - start)
    return pages, min(runs) / pages


def whole_processes(topics: int, pairs: int, office: str) -> tuple[int, list[tuple[Any, Any]]]:
    """((wall, CPU) ours, (wall, CPU) LibreOffice's) per pair, alternated; the brief's pages."""
    from pypdf import PdfReader

    times = []
    with tempfile.TemporaryDirectory() as tmp:
        ours = [sys.executable, __file__, "--child", str(topics), tmp]
        theirs = [
            office,
            "--headless",
            f"-env:UserInstallation={PROFILE}",
            "--convert-to",
            "pdf",
            "--outdir",
            f"{tmp}/lo",
            f"{tmp}/brief.docx",
        ]
        subprocess.run(ours, check=True, timeout=600)  # the DOCX LibreOffice converts
        subprocess.run(theirs, check=True, capture_output=True, timeout=600)  # the profile
        for _ in range(pairs):
            a = _timed(ours)
            b = _timed(theirs)
            times.append((a, b))
        pages = len(PdfReader(f"{tmp}/brief.pdf").pages)
    return pages, times


def _timed(command: list[str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system, the process and all it waited for)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, timeout=600)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return wall, cpu


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, nargs="+", default=[50, 200])
    parser.add_argument("--pairs", type=int, default=5)
    parser.add_argument("--docx-only", action="store_true", help="skip the whole processes")
    parser.add_argument("--child", nargs=2, metavar=("TOPICS", "OUT"))
    args = parser.parse_args()
    if args.child:
        child(int(args.child[0]), Path(args.child[1]))
        return 0

    per_page = {}
    for target in args.pages:
        pages, seconds = docx_per_page(topics_for(target))
        per_page[target] = seconds
        print(f"DOCX writer, in process, {pages}-page brief: {seconds * 1000:.1f} ms CPU per page")
    small, large = min(args.pages), max(args.pages)
    if small != large:
        print(
            f"DOCX time per page at {large} / at {small} pages: "
            f"{per_page[large] / per_page[small]:.2f}x (1.00 = linear in size)"
        )

    office = shutil.which("libreoffice") or shutil.which("soffice")
    if args.docx_only:
        return 0
    if not office:
        print("LibreOffice not installed: no whole-process comparison")
        return 0
    for target in args.pages:
        pages, times = whole_processes(topics_for(target), args.pairs, office)
        print(f"{pages} pages, whole processes, {args.pairs} alternated pairs:")
        for k, what in ((0, "wall"), (1, "CPU")):
            ratios = [b[k] / a[k] for a, b in times]
            print(
                f"  {what}: briefing PDF + DOCX median "
                f"{statistics.median(a[k] for a, _ in times):.2f} s; LibreOffice DOCX → PDF "
                f"median {statistics.median(b[k] for _, b in times):.2f} s; LibreOffice / "
                f"briefing per pair: median {statistics.median(ratios):.2f}x (range "
                f"{min(ratios):.2f}–{max(ratios):.2f}; > 1 means briefing is faster)"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
