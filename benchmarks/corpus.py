"""Make a large test corpus by varying the State Department documents in ../shared.

Each generated file is one of the 108 corpus files (HTML or text) with a numbered paragraph
added, so every file is distinct and parses like a real source.
"""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "state-dept-2021-2022"


def documents_wanted() -> int | None:
    """The --docs N of a benchmark's command line, or None (said aloud) without ../shared."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=10_000)
    args, _ = parser.parse_known_args()  # the benchmark may take options of its own
    if not CORPUS.is_dir():
        print(f"skipped: {CORPUS} not found")
        return None
    logging.disable(logging.WARNING)
    return args.docs


def generate(target: Path, count: int) -> list[Path]:
    """Write ``count`` varied documents under ``target`` (100 per folder); return their paths."""
    bases = sorted((CORPUS / "docs").iterdir())
    texts = {p: p.read_text(encoding="utf-8") for p in bases}
    written = []
    for i in range(count):
        base = bases[i % len(bases)]
        note = (
            f"Archive note {i}: this copy was filed under reference {i * 7919 % 100003} "
            f"for the regional desk."
        )
        text = texts[base]
        if base.suffix == ".html":
            text = text.replace("</article>", f"<p>{note}</p>\n</article>", 1)
        else:
            text = text.rstrip() + f"\n\n{note}\n"
        folder = target / f"part-{i // 100:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{base.stem}-{i:05d}{base.suffix}"
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
