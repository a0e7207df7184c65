"""Fit the reporting-verb lexicon on PolNeAR's train split: every verb form that heads the cue
of at least MIN_COUNT direct quotes there (forms as seen: no lemmatizer is guessed at).
Writes briefing/data/cue_verbs.txt, which briefing.lexicon reads. The dev split is not read.

Run: python benchmarks/fit_cue_verbs.py   (needs ../shared beside the repository)
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRAIN = ROOT.parent / "shared" / "eval" / "quotes-polnear-train" / "gold.jsonl"
OUT = ROOT / "briefing" / "data" / "cue_verbs.txt"
MIN_COUNT = 3
# Words that open a cue without being its verb: auxiliaries, adverbs, particles.
OPENERS = {
    "has", "have", "had", "also", "later", "then", "was", "is", "were", "be", "been", "would",
    "will", "just", "once", "again", "even", "further", "still", "went", "on", "to", "a", "an",
    "the", "in", "as", "are", "this", "now", "did", "recently", "reportedly", "can", "could",
}  # fmt: skip
VERB_FORM = re.compile(r"^[a-z]{3,}(?:ed|ing|s)$|^(?:said|told|wrote|read|sang)$")


def head_words(path: Path) -> Counter[str]:
    """The first word of each direct quote's cue that is not an opener."""
    counts: Counter[str] = Counter()
    for line in path.read_text(encoding="utf-8").splitlines():
        for a in json.loads(line)["attributions"]:
            if not (a["is_direct"] and a["cue"]):
                continue
            words = [w for w in re.findall(r"[a-z]+", a["cue"]["text"].lower()) if w not in OPENERS]
            if words:
                counts[words[0]] += 1
    return counts


def main() -> int:
    if not TRAIN.is_file():
        print(f"skipped: {TRAIN} not found")
        return 0
    counts = head_words(TRAIN)
    kept = sorted(f for f, n in counts.items() if n >= MIN_COUNT and VERB_FORM.match(f))
    header = f"# benchmarks/fit_cue_verbs.py on PolNeAR train: cue heads seen >= {MIN_COUNT}\n"
    OUT.write_text(header + "\n".join(kept) + "\n", encoding="utf-8")
    print(f"{len(kept)} reporting verbs written to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
