"""Render a ~50-page brief to PDF and DOCX; compare with LibreOffice converting that DOCX.

The brief is synthetic (made here: 24 topics of 10 points and 3 quotes, 240 sources) so the
figure measures the writers alone. Target: PDF + DOCX in ≤ 2 s on the project's 2-core machine.

Run: python benchmarks/render.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from pypdf import PdfReader

from briefing.model import Brief, KeyQuote, Point, Section, SourceRef
from briefing.render import RenderOptions, render

SENTENCE = (
    "The ministry said on Tuesday that talks on the grain corridor would resume next "
    "week, after both sides agreed to exchange technical proposals through mediators "
    "in Istanbul and to allow inspectors back to the ports. "
)


def synthetic_brief(topics: int = 28, points: int = 10) -> Brief:
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


def main() -> int:
    brief = synthetic_brief()
    render(brief, Path(tempfile.mkdtemp()), ["pdf", "docx"])  # warm up: fonts, imports
    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(3):
            out = Path(tmp) / str(i)
            out.mkdir()
            start = time.perf_counter()
            render(brief, out, ["pdf", "docx"], RenderOptions())
            runs.append(time.perf_counter() - start)
        pages = len(PdfReader(Path(tmp) / "0" / "brief.pdf").pages)
        ours = sorted(runs)[1]
        print(
            f"briefing: {pages}-page brief to PDF + DOCX (+ chart): {ours:.2f} s (median of 3); "
            f"target ≤ 2 s: {'met' if ours <= 2 else 'NOT met'}"
        )
        office = shutil.which("libreoffice") or shutil.which("soffice")
        if office:
            start = time.perf_counter()
            subprocess.run(
                [
                    office,
                    "--headless",
                    f"-env:UserInstallation=file://{tmp}/lo",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    f"{tmp}/lo-out",
                    str(Path(tmp) / "0" / "brief.docx"),
                ],
                capture_output=True,
                check=True,
                timeout=300,
            )
            theirs = time.perf_counter() - start
            print(
                f"LibreOffice converting the same DOCX to PDF: {theirs:.2f} s; "
                f"ratio LibreOffice / briefing: {theirs / ours:.1f}x"
            )
        else:
            print("LibreOffice not installed: no comparison")
    return 0


if __name__ == "__main__":
    sys.exit(main())
