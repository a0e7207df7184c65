"""Topic synthesis measured as an outside evaluator runs it: through the commands a user types,
`briefing brief DIR --topic T --query Q --words N --format json` (the topic's summary in
brief.json) and `briefing summarize DIR --query Q --words N --json`, beside LexRank and Lead
over the same sentences in the same run.

Run: python benchmarks/synthesis_cli.py [duc] [ducq] [qmsum] [--words 100 250] [--limit N]
     (needs rouge-score and ../shared beside the repository)

- DUC 2004 task 2 (10 news articles a cluster, no query of its own): each cluster is asked a
  plain-language question on its subject (QUESTION, the subject found by `subject_of`), as
  DUC 2005-2007 asked theirs; ROUGE recall at the word budget.
- `ducq`: the same clusters asked in DUC 2005-2007's own form, a title (`--topic`) and a
  narrative (`--query`) per cluster (data/duc2004_narratives.jsonl, written from the openings
  of the articles by a helper that never opened the reference summaries).
- QMSum committee: each transcript with its own question (plain language); ROUGE F.

Each figure is also given for two halves of the clusters (every other one in name order; for
QMSum every other meeting).

The commands run in this process through click's test runner (the same code as the shell,
without a Python start-up per cluster), with a fresh cache folder for the run.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from quality import EVAL, scoring  # noqa: E402
from synthesis import clusters, lead, lexrank, sentences_of  # noqa: E402

from briefing import lexicon  # noqa: E402

DUC = EVAL / "summarization-multidoc-duc2004"
# DUC 2005-2007's form of query for the same clusters: a title and a narrative per cluster,
# written here from the openings of the articles (not from the reference summaries), as an
# assessor writes a topic statement before summarising
NARRATIVES = Path(__file__).resolve().parent / "data" / "duc2004_narratives.jsonl"
QMSUM = EVAL / "summarization-qmsum-committee"
# The question asked of every cluster, in the form of DUC 2005-2007's narratives: its subject
# (the name most of the cluster's articles use most, found by `subject_of`, never written by
# hand) inside a frame of question words that no article need use.
QUESTION = (
    "What happened with {subject}? Describe the main events, who was involved, their causes "
    "and effects, and what measures have been taken."
)
_NAME = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]+(?: [A-Z][a-z]+)*")


def subject_of(docs: list) -> str:
    """The name (a run of capitalised words inside a sentence) that appears in most of the
    documents, the most often in all: "Hun Sen", "Mitch", "Pinochet"."""
    calendar = {*lexicon.WEEKDAYS, *lexicon.MONTHS}
    per_doc = [Counter(n for n in _NAME.findall(d.text) if n not in calendar) for d in docs]
    total = sum(per_doc, Counter())
    return max(total, key=lambda n: (sum(n in c for c in per_doc), total[n], n))


def _run(args: list[str]) -> str:
    from click.testing import CliRunner

    from briefing.cli import main

    result = CliRunner().invoke(main, args, catch_exceptions=False)
    if result.exit_code != 0:
        raise RuntimeError(f"briefing {' '.join(args)}: exit {result.exit_code}\n{result.output}")
    return result.output


def via_brief(
    folder: Path, topic: str, query: str, words: int, out: Path, keywords: str = ""
) -> list[str]:
    """The topic's summary of `briefing brief … --format json`, bullet texts in order."""
    _run(
        ["-q", "brief", str(folder), "--topic", topic, "--query", query, "--words", str(words),
         "--format", "json", "--out", str(out), "--allow-empty"]
        + (["--keywords", keywords] if keywords else [])
    )  # fmt: skip
    brief = json.loads(next(out.glob("*/*/brief.json")).read_text())
    return [p["text"] for t in brief["topics"] for p in t["summary"]]


def via_summarize(folder: Path, query: str, words: int) -> list[str]:
    out = _run(["summarize", str(folder), "--query", query, "--words", str(words), "--json"])
    return [item["text"] for item in json.loads(out)["summary"]]


def measure(
    name: str, folder: Path, words: int, metric: str, limit: int | None, narratives: bool = False
) -> None:
    data = dict(list(clusters(folder).items())[:limit])
    topics = {}
    if narratives:
        rows = [json.loads(line) for line in NARRATIVES.read_text().splitlines() if line]
        topics = {r["id"]: (r["title"], r["narrative"]) for r in rows}
    # brief+kw names the subject as a keyword too, for a cluster with no query of its own
    systems = ("brief", *(() if narratives else ("brief+kw",)), "summarize", "LexRank", "Lead")
    preds: dict[str, dict] = {s: {} for s in systems}
    with tempfile.TemporaryDirectory() as tmp:
        for cid, docs in data.items():
            ref = json.loads((folder / cid / "references.json").read_text())
            query = ref.get("query") or QUESTION.format(subject=subject_of(docs))
            title = cid
            if narratives:
                title, query = topics[cid]  # every cluster has one: a missing one is an error
            preds["brief"][cid] = via_brief(folder / cid, title, query, words, Path(tmp, cid))
            # the subject as a keyword too, as a user who names it would (DUC only)
            subject = "" if ref.get("query") else subject_of(docs)
            if "brief+kw" in preds:
                preds["brief+kw"][cid] = (
                    via_brief(folder / cid, cid, query, words, Path(tmp, cid, "kw"), subject)
                    if subject
                    else preds["brief"][cid]
                )
            preds["summarize"][cid] = via_summarize(folder / cid, query, words)
            per_doc = sentences_of(docs)
            preds["LexRank"][cid] = lexrank(per_doc, words)
            preds["Lead"][cid] = lead(per_doc, words)
    score = scoring()
    cut = words if metric == "R" else None
    print(f"{name} ({len(data)} clusters), {words} words, ROUGE {metric}")
    for system in systems:
        scores = score.score_multidoc(preds[system], folder, max_words=cut)
        share = scores["n"] / max(1, len(data))  # clusters left out by --limit count as empty
        r = {k: v * share for k, v in scores[metric].items()}
        got = sum(len(" ".join(p).split()) for p in preds[system].values()) / max(1, len(data))
        print(
            f"  {system:<9} R-1 {r['rouge1']:.2f}  R-2 {r['rouge2']:.2f}  "
            f"R-Lsum {r['rougeLsum']:.2f}   ({got:.0f} words a summary)"
        )
    # two halves side by side, what one gains the other should too: every other cluster in
    # name order, or every other meeting (QMSum's queries on one meeting stay in one half, as
    # synthesis.py splits them)
    total = len(list(folder.glob("*/references.json")))
    group = {
        cid: json.loads((folder / cid / "references.json").read_text()).get("meeting", cid)
        for cid in data
    }
    order = sorted(set(group.values()))
    for half, part in (("A", set(order[0::2])), ("B", set(order[1::2]))):
        ids = [cid for cid in data if group[cid] in part]
        cells = []
        for system in ("brief", "LexRank"):
            part = {c: preds[system][c] for c in ids}
            r = score.score_multidoc(part, folder, max_words=cut)[metric]
            k = total / max(1, len(ids))
            cells.append(f"{system} {k * r['rouge1']:.2f}/{k * r['rouge2']:.2f}")
        print(f"  half {half} ({len(ids)} clusters): " + ", ".join(cells))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "sets", nargs="*", default=["duc", "qmsum"], help="duc, ducq (with narratives), qmsum"
    )
    parser.add_argument("--words", type=int, nargs="+", default=[100, 250])
    parser.add_argument("--limit", type=int, help="Only the first N clusters of each set.")
    args = parser.parse_args()
    if not DUC.is_dir():
        print(f"skipped: {DUC} not found")
        return 0
    try:
        import rouge_score  # noqa: F401
    except ImportError:
        print("skipped: pip install rouge-score")
        return 0
    logging.disable(logging.WARNING)
    os.environ["BRIEFING_CACHE"] = tempfile.mkdtemp(prefix="briefing-bench-")
    for name in args.sets:
        for words in args.words:
            if name not in ("duc", "ducq", "qmsum"):
                parser.error(f"unknown set {name!r}: duc, ducq or qmsum")
            if name == "duc":
                measure("DUC 2004 via the CLI", DUC, words, "R", args.limit)
            elif name == "ducq":
                title = "DUC 2004 with DUC 2005-style narratives via the CLI"
                measure(title, DUC, words, "R", args.limit, narratives=True)
            else:
                measure("QMSum committee via the CLI", QMSUM, words, "F", args.limit)
    return 0


if __name__ == "__main__":
    sys.exit(main())
