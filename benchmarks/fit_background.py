"""Fit the background word table (briefing/data/background.tsv.gz) that topic synthesis weighs
a cluster's words against: how many documents of a general news and government background use
each word, and how often.

A word a cluster is about ("Pinochet", "hurricane") is in most of its sentences, so an IDF
computed inside the cluster weighs it least. A background corpus says how rare the word is in
general: its IDF, and Lin & Hovy (2000)'s topic signatures (the words far more frequent in the
cluster than in the background, by Dunning's log-likelihood ratio) as the strongest DUC 2005-2006
systems used them (Conroy et al., CLASSY).

The background is text that is not measured on: PolNeAR's train split (840 U.S. news articles,
2015-2016, given for fitting) and the State Department material in ../shared/corpus (press
releases and the 2023 human-rights reports). A long report is cut into pieces of about one news
article's length (CHUNK_WORDS, at paragraph breaks) so that it counts as the many documents it
reads as. Words are counted as synthesis counts them (briefing.text.content_words); only the
MAX_WORDS most frequent words seen in at least MIN_DOCS documents are kept: the text itself is
not shipped, and a word the table lacks is as rare as a word seen once.

Run: python benchmarks/fit_background.py   (needs ../shared beside the repository)
"""

from __future__ import annotations

import gzip
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from quality import EVAL  # noqa: E402

from briefing.text import content_words  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHARED = EVAL.parent
OUT = ROOT / "briefing" / "data" / "background.tsv.gz"
SOURCES = (
    EVAL / "quotes-polnear-train" / "docs",
    SHARED / "corpus" / "state-dept-2021-2022" / "docs",
    SHARED / "corpus" / "state-dept-human-rights-2023" / "text",
)
CHUNK_WORDS = 800  # about one news article
MIN_DOCS = 2  # a word in one document only is kept out (names of one story, typos)
MAX_WORDS = 30000  # the most frequent words kept


def documents() -> Iterator[str]:
    """Every background document's text, long ones in article-sized pieces."""
    for folder in SOURCES:
        for path in sorted(folder.glob("*.txt")):
            text = path.read_text(encoding="utf-8", errors="replace")
            piece: list[str] = []
            n = 0
            for para in text.split("\n\n"):
                piece.append(para)
                n += len(para.split())
                if n >= CHUNK_WORDS:
                    yield "\n\n".join(piece)
                    piece, n = [], 0
            if piece:
                yield "\n\n".join(piece)


def fit() -> tuple[int, int, Counter[str], Counter[str]]:
    docs, tokens = 0, 0
    df: Counter[str] = Counter()
    tf: Counter[str] = Counter()
    for text in documents():
        words = content_words(text)
        if not words:
            continue
        docs += 1
        tokens += len(words)
        tf.update(words)
        df.update(set(words))
    return docs, tokens, df, tf


def main() -> int:
    missing = [str(f) for f in SOURCES if not f.is_dir()]
    if missing:
        print(f"skipped: {', '.join(missing)} not found")
        return 0
    docs, tokens, df, tf = fit()
    kept = [w for w, _ in tf.most_common() if df[w] >= MIN_DOCS][:MAX_WORDS]
    lines = [f"#docs\t{docs}\t{tokens}"] + [f"{w}\t{df[w]}\t{tf[w]}" for w in sorted(kept)]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0: the same counts give the same bytes
    with OUT.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as out:
        out.write(("\n".join(lines) + "\n").encode("utf-8"))
    print(
        f"{docs} documents, {tokens} words, {len(tf)} distinct; kept {len(kept)} "
        f"-> {OUT.relative_to(ROOT)} ({OUT.stat().st_size // 1024} KB)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
