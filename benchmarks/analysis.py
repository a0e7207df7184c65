"""Analysis speed: articles per second on one core through sentence splitting, the summary
and quotes, against Lead-3 (sentence splitting and the first three sentences) in the same run.

Articles: the CNN/DM development documents in ../shared/eval (about 800 words on average),
or, without ../shared, the bundled sample sources. Target: ≥ 100 articles/s per core.

Run: python benchmarks/analysis.py
"""

from __future__ import annotations

import logging
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CNNDM = ROOT.parent / "shared" / "eval" / "summarization-cnndm" / "docs"


def main() -> int:
    logging.disable(logging.WARNING)
    from briefing.analyze import analyze
    from briefing.ingest import get_sources
    from briefing.text import split_sentences

    folder = CNNDM if CNNDM.is_dir() else ROOT / "examples" / "sources"
    docs, _ = get_sources([folder])
    if folder == CNNDM:  # the CNN/DM articles, not the shorter XSum ones beside them
        import json

        refs = (CNNDM.parent / "references.jsonl").read_text().splitlines()
        cnn = {json.loads(line)["id"] for line in refs if '"cnndm"' in line}
        docs = [d for d in docs if d.path.stem in cnn]
    words = sum(len(d.text.split()) for d in docs) / len(docs)
    rounds = max(1, 2000 // len(docs))

    start = time.process_time()
    for _ in range(rounds):
        for doc in docs:
            spans = split_sentences(doc.text)[:3]
            [doc.text[s:e] for s, e in spans]
    lead = time.process_time() - start

    start = time.process_time()
    for _ in range(rounds):
        for doc in docs:
            analyze(doc)
    ours = time.process_time() - start

    n = rounds * len(docs)
    print(
        f"{len(docs)} articles from {folder.name}, {words:.0f} words on average, "
        f"{rounds} rounds, CPU time of one process"
    )
    print(f"Lead-3: {n / lead:.0f} articles/s")
    rate = n / ours
    print(
        f"briefing analyze (sentences, summary, quotes): {rate:.0f} articles/s per core "
        f"({ours / lead:.1f}x Lead-3's time); target ≥ 100: {'met' if rate >= 100 else 'NOT met'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
