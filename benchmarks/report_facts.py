"""Briefs over many reports, measured by the facts a director would want in them.

`briefing brief` is run over the 2023 human-rights country reports of ../shared/corpus (ten
countries, each as its page and its text) for each topic of data/report_facts.jsonl, as a user
asks for it (the topic's name and keywords, the default word budget). The answer key was
written by a helper that read only the reports, never the tool's output: for each topic the
facts it would want in a one-page brief (one per country for the cross-country topics, ten for
a one-country topic), each with the sentence it rests on and 1-3 keys copied from that sentence
(a name, a figure). A fact is in the brief when one summary bullet holds all its keys. Recall
is the share of the key's facts in the brief; it is a check set for what the selection prefers
(a report's telling case, or its generic finding), not a benchmark fitted to: read a change's
bullets too.

Run: python benchmarks/report_facts.py   (needs ../shared beside the repository)
"""

from __future__ import annotations

import json
import logging
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthesis_cli import _run  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
# the folder as a user points the tool at it: each report's page and its text (near-duplicates)
REPORTS = ROOT.parent / "shared" / "corpus" / "state-dept-human-rights-2023"
KEY = Path(__file__).resolve().parent / "data" / "report_facts.jsonl"


def summary(topic: str, keywords: list[str], out: Path) -> list[str]:
    """The topic's bullets, as `briefing brief REPORTS --topic T --keywords K` writes them."""
    _run(
        ["-q", "brief", str(REPORTS), "--topic", topic, "--keywords", ",".join(keywords),
         "--format", "json", "--out", str(out)]
    )  # fmt: skip
    brief = json.loads(next(out.glob("*/*/brief.json")).read_text())
    return [p["text"] for t in brief["topics"] for p in t["summary"]]


def holds(bullets: list[str], keys: list[str]) -> bool:
    """Whether one bullet has every key (as written; editorial brackets aside)."""
    return any(all(k in b.replace("[", "").replace("]", "") for k in keys) for b in bullets)


def main() -> int:
    if not REPORTS.is_dir():
        print(f"skipped: {REPORTS} not found")
        return 0
    logging.disable(logging.WARNING)
    os.environ["BRIEFING_CACHE"] = tempfile.mkdtemp(prefix="briefing-bench-")
    rows = [json.loads(line) for line in KEY.read_text().splitlines() if line.strip()]
    total = found = 0
    with tempfile.TemporaryDirectory() as tmp:
        for i, row in enumerate(rows):
            bullets = summary(row["topic"], row["keywords"], Path(tmp, str(i)))
            hits = [f for f in row["facts"] if holds(bullets, f["keys"])]
            total, found = total + len(row["facts"]), found + len(hits)
            words = sum(len(b.split()) for b in bullets)
            print(
                f"{row['topic']:28} facts {len(hits):2}/{len(row['facts']):2}   "
                f"({len(bullets)} bullets, {words} words)"
            )
            for fact in row["facts"]:
                mark = "+" if fact in hits else "-"
                print(f"    {mark} {fact['country']:12} {fact['fact'][:90]}")
    print(f"report facts: {found}/{total} ({found / max(1, total):.2f}) in the briefs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
