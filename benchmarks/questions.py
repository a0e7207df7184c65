"""Questions asked of many reports: how many bullets answer the question asked.

Run: python benchmarks/questions.py   (needs ../shared beside the repository)

Each question goes to `briefing brief ../shared/corpus/state-dept-human-rights-2023 --query Q
--max-sources 100 --format json`, as a user asks it of the ten 2023 country reports. A bullet
answers when it names the question's topic, in the words the reports use for it (ANSWERS: we
wrote them from each question, after reading its brief once, 2026-12-07). The figure is the
share of bullets that do, per question and over all: a check of what a reader sees, not a
benchmark with gold summaries, and no rule is fitted to it.
"""

from __future__ import annotations

import json
import logging
import re
import sys
import tempfile
from pathlib import Path

from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parent))
from quality import EVAL  # noqa: E402

from briefing.cli import main as cli  # noqa: E402

REPORTS = EVAL.parent / "corpus" / "state-dept-human-rights-2023"
# question -> what an answer names: the question's topic, in the words the reports use for it
ANSWERS = {
    "How are journalists detained and treated?": r"journalist|media|press|reporter|blogger",
    "What restrictions do women face?": r"\bwom[ae]n|\bgirls?\b|gender",
    "How are human rights defenders harassed?": r"defender|activist|human rights (?:group|NGO)",
    "Which countries executed protesters?": r"protest|execut|death sentence|death penalty",
}


def share(question: str, out: Path) -> tuple[int, int]:
    result = CliRunner().invoke(
        cli,
        [
            "brief", str(REPORTS), "--topic", "Question", "--query", question,
            "--max-sources", "100", "--format", "json", "--out", str(out),
        ],
    )  # fmt: skip
    if result.exit_code != 0:
        raise SystemExit(f"briefing brief failed: {result.output[-300:]}")
    brief = json.loads(next(p for p in out.rglob("brief.json") if "latest" not in p.parts)
                       .read_text())  # fmt: skip
    points = [p["text"] for t in brief["topics"] for p in t["summary"]]
    return sum(bool(re.search(ANSWERS[question], p, re.I)) for p in points), len(points)


def main() -> int:
    if not REPORTS.is_dir():
        print(f"skipped: {REPORTS} not found")
        return 0
    logging.disable(logging.WARNING)
    total = [0, 0]
    with tempfile.TemporaryDirectory() as tmp:
        for i, question in enumerate(ANSWERS):
            on, n = share(question, Path(tmp) / str(i))
            total[0] += on
            total[1] += n
            print(f"  {on:>2}/{n:<2} {question}")
    print(f"bullets naming the question's topic: {total[0]}/{total[1]} "
          f"({total[0] / max(1, total[1]):.0%})")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
