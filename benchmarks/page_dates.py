"""Page dates on web pages no rule here was written against: the pages of trafilatura's own
evaluation (github.com/adbar/trafilatura, tests/evaldata.json with tests/eval and tests/cache)
that are not in English, so that none of them is one of ../shared's pages (an English subset of
the same collection, dev or held out). Ours (the HTML reader's date) beside htmldate's search of
the page alone (original_date=True) in the same run.

Run: python benchmarks/page_dates.py PATH_TO_A_TRAFILATURA_CHECKOUT

These pages were annotated by other hands than ../shared's: on those we read, their gold is the
first publication, where ../shared's dev pages take the date the page shows, even an update.
A change that moves one set and not the other says which convention it serves, not that it is
better.
"""

from __future__ import annotations

import json
import logging
import re
import sys
from pathlib import Path

ENGLISH = frozenset("the and of to in is that for it with as was on are be this by".split())
SHARED_GOLD = Path(__file__).parents[1].parent / "shared/eval/extraction-trafilatura/gold.jsonl"


def english(row: dict) -> bool:
    """English by its stop words, counted generously (a page with any English is left out)."""
    words = re.findall(r"[a-z]+", " ".join(row.get("with", []) + row.get("without", [])).lower())
    return sum(w in ENGLISH for w in words) > 0.04 * max(1, len(words))


def pages(checkout: Path) -> list[tuple[str, str, Path]]:
    shared = set()
    if SHARED_GOLD.exists():
        shared = {json.loads(line)["url"] for line in SHARED_GOLD.open()}
    rows = json.loads((checkout / "tests/evaldata.json").read_text())
    found = []
    for url, row in rows.items():
        if not row.get("date") or url in shared or english(row):
            continue
        for folder in ("eval", "cache"):
            path = checkout / "tests" / folder / row["file"]
            if path.exists():
                found.append((url, row["date"][:10], path))
                break
    return found


def main() -> None:
    if len(sys.argv) != 2 or not (Path(sys.argv[1]) / "tests/evaldata.json").exists():
        sys.exit("usage: python benchmarks/page_dates.py PATH_TO_A_TRAFILATURA_CHECKOUT")
    from htmldate import find_date

    from briefing.ingest.readers import read_html

    logging.disable(logging.WARNING)
    found = pages(Path(sys.argv[1]))
    ours = theirs = 0
    for url, gold, path in found:
        data = path.read_bytes()
        try:
            day = read_html(path, data).date
        except Exception:  # a page with no main text has no date from us
            day = None
        ours += bool(day) and day.isoformat() == gold
        try:
            html = data.decode("utf-8", "replace")
            theirs += find_date(html, url=url, original_date=True) == gold
        except Exception:
            pass
    n = len(found)
    if not n:
        raise SystemExit("page dates: no pages found to score")
    print(
        f"page dates, {n} pages not in English: ours {ours} ({ours / n:.1%}), "
        f"htmldate alone {theirs} ({theirs / n:.1%})"
    )


if __name__ == "__main__":
    main()
