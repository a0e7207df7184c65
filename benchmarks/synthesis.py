"""Topic synthesis against human multi-document summaries, beside LexRank and Lead baselines
computed in the same run over the same sentences.

Run: python benchmarks/synthesis.py   (needs rouge-score and ../shared beside the repository)

- DUC 2004 task 2 (generic, 10 news articles a cluster): 100 words, ROUGE recall.
- QMSum committee (query-focused transcripts): QMSUM_WORDS words, ROUGE F.
- Speed: one synthesis over 100 sources, against LexRank over the same sentences.
Ours goes through the library call of `briefing summarize` (summarize_documents).
"""

from __future__ import annotations

import json
import logging
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from quality import EVAL, scoring  # noqa: E402

from briefing.analyze import analyze  # noqa: E402
from briefing.ingest import read_documents  # noqa: E402
from briefing.summarize import eligible  # noqa: E402
from briefing.synthesize import (  # noqa: E402
    _similarities,
    _tfidf,
    summarize_documents,  # noqa: E402
)
from briefing.text import word_count  # noqa: E402

DUC = EVAL / "summarization-multidoc-duc2004"
QMSUM = EVAL / "summarization-qmsum-committee"
QMSUM_WORDS = 100


def clusters(folder: Path) -> dict[str, list]:
    return {
        d.name: [doc for f in sorted(d.glob("doc_*.txt")) for doc in read_documents(f)]
        for d in sorted(folder.iterdir())
        if (d / "references.json").is_file()
    }


def sentences_of(docs: list) -> list[list[str]]:
    return [[s.text for s in analyze(doc).sentences if eligible(s)] for doc in docs]


def fill(ranked: list[str], words: int) -> list[str]:
    out, n = [], 0
    for s in ranked:
        if n >= words:
            break
        out.append(s)
        n += word_count(s)
    return out


def lead(per_doc: list[list[str]], words: int) -> list[str]:
    """Round-robin first sentences of each document."""
    order = [
        s
        for i in range(max(map(len, per_doc), default=0))
        for d in per_doc
        if i < len(d)
        for s in [d[i]]
    ]
    return fill(order, words)


def lexrank(per_doc: list[list[str]], words: int, threshold: float = 0.1) -> list[str]:
    """Erkan & Radev's LexRank: TF-IDF cosine graph over all sentences, edges above
    ``threshold``, PageRank with damping 0.85; the most central sentences, skipping any
    nearly identical to one taken."""
    sents = [s for d in per_doc for s in d]
    n = len(sents) or 1
    sims = _similarities(_tfidf(sents))  # the same sparse TF-IDF cosines as ours
    nbrs = [[j for j, w in row.items() if w > threshold] for row in sims]
    rank = [1.0 / n] * len(sents)
    for _ in range(30):
        rank = [
            0.15 / n + 0.85 * sum(rank[j] / len(nbrs[j]) for j in nbrs[i])
            for i in range(len(sents))
        ]
    order = sorted(range(len(sents)), key=lambda i: -rank[i])
    picked: list[int] = []
    for i in order:
        if all(sims[i].get(j, 0.0) < 0.5 for j in picked):
            picked.append(i)
    return fill([sents[i] for i in picked], words)


def ours(docs: list, words: int, query: str = "") -> list[str]:
    return [item["text"] for item in summarize_documents(docs, query=query, words=words)]


def report(name: str, score, preds: dict, folder: Path, max_words: int | None, metric: str):
    for system, pred in preds.items():
        r = score.score_multidoc(pred, folder, max_words=max_words)[metric]
        print(
            f"  {system:<9} R-1 {r['rouge1']:.2f}  R-2 {r['rouge2']:.2f}  "
            f"R-Lsum {r['rougeLsum']:.2f}"
        )


def duc(score) -> None:
    data = clusters(DUC)
    preds: dict[str, dict] = {"ours": {}, "LexRank": {}, "Lead": {}}
    for cid, docs in data.items():
        per_doc = sentences_of(docs)
        preds["ours"][cid] = ours(docs, 100)
        preds["LexRank"][cid] = lexrank(per_doc, 100)
        preds["Lead"][cid] = lead(per_doc, 100)
    print(
        f"DUC 2004 ({len(data)} clusters), 100 words, ROUGE recall "
        "[README: Lead 33.25/7.48, LexRank 36.29/8.55]"
    )
    report("duc", score, preds, DUC, 100, "R")


def qmsum(score) -> None:
    data = clusters(QMSUM)
    preds: dict[str, dict] = {"ours": {}, "LexRank": {}, "Lead": {}}
    for cid, docs in data.items():
        query = json.loads((QMSUM / cid / "references.json").read_text())["query"]
        per_doc = sentences_of(docs)
        preds["ours"][cid] = ours(docs, QMSUM_WORDS, query)
        preds["LexRank"][cid] = lexrank(per_doc, QMSUM_WORDS)
        preds["Lead"][cid] = lead(per_doc, QMSUM_WORDS)
    print(
        f"QMSum committee ({len(data)} queries), {QMSUM_WORDS} words, ROUGE F "
        "[README: Lead 31.33/11.19, LexRank 33.21/11.62]"
    )
    report("qmsum", score, preds, QMSUM, None, "F")
    halves(score, preds)


def halves(score, preds: dict) -> None:
    """QMSum's queries in two halves by meeting (every other meeting in name order), side by
    side: a weight fitted on one half is checked on the other."""
    meeting = {
        cid: json.loads((QMSUM / cid / "references.json").read_text())["meeting"]
        for cid in preds["ours"]
    }
    order = sorted(set(meeting.values()))
    for name, part in (("A", order[0::2]), ("B", order[1::2])):
        ids = [cid for cid in meeting if meeting[cid] in part]
        cells = []
        for system, pred in preds.items():
            # a query without a summary scores 0, so the mean over the half is rescaled
            r = score.score_multidoc({c: pred[c] for c in ids}, QMSUM)["F"]
            k = len(meeting) / len(ids)
            cells.append(f"{system} {k * r['rouge1']:.2f}/{k * r['rouge2']:.2f}")
        print(f"  half {name} ({len(ids)} queries, {len(part)} meetings): " + ", ".join(cells))


RUNS = 5  # speed: each run in a fresh process, so no cache is warm; the median is reported


def speed() -> None:
    """One synthesis over 100 sources (ten DUC clusters), analysis done beforehand, against
    LexRank over the same sentences; then one with a question in plain words. The median of
    RUNS runs, each in a process of its own (the machine's noise is larger than the gap)."""
    runs = []
    for _ in range(RUNS):
        out = subprocess.run(
            [sys.executable, __file__, "speed-once"], capture_output=True, text=True, check=True
        )
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    mine, base, asked = (
        statistics.median(r[k] for r in runs) for k in ("ours", "lexrank", "asked")
    )
    print(
        f"speed, one topic over 100 sources, median of {RUNS} cold runs: ours {mine:.2f} s, "
        f"LexRank {base:.2f} s (ratio {mine / base:.2f})   [target < 1 s]"
    )
    print(f"  with a question in plain words, 250 words: ours {asked:.2f} s   [target < 1 s]")


def speed_once() -> None:
    from briefing.synthesize import synthesize

    docs = [doc for docs in list(clusters(DUC).values())[:10] for doc in docs][:100]
    found = [analyze(doc) for doc in docs]
    t = time.perf_counter()
    synthesize(found, words=120)
    mine = time.perf_counter() - t
    per_doc = [[s.text for s in a.sentences if eligible(s)] for a in found]
    t = time.perf_counter()
    lexrank(per_doc, 120)
    base = time.perf_counter() - t
    question = "What happened with Russia? Describe the main events and the measures taken."
    t = time.perf_counter()
    synthesize(found, words=250, query=question)
    asked = time.perf_counter() - t
    print(json.dumps({"ours": mine, "lexrank": base, "asked": asked}))


def main() -> int:
    if not DUC.is_dir():
        print(f"skipped: {DUC} not found")
        return 0
    logging.disable(logging.WARNING)
    try:
        import rouge_score  # noqa: F401
    except ImportError:
        print("skipped: pip install rouge-score")
        return 0
    score = scoring()
    which = sys.argv[1:] or ["duc", "qmsum", "speed"]
    for name in which:
        {
            "duc": lambda: duc(score),
            "qmsum": lambda: qmsum(score),
            "speed": speed,
            "speed-once": speed_once,
        }[name]()
    return 0


if __name__ == "__main__":
    sys.exit(main())
