"""Pick the sources for a topic: keywords and exclusions, date window, ranking, near-duplicates."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from datetime import date
from functools import lru_cache
from pathlib import Path

from briefing.config import Topic
from briefing.model import Document, Match
from briefing.query import Node as QueryNode
from briefing.query import matches as query_matches
from briefing.text import words

K1, B = 1.2, 0.75
TITLE_WEIGHT = 3
DUPLICATE_OVERLAP = 0.6


@lru_cache(maxsize=1024)
def term_pattern(term: str) -> re.Pattern[str]:
    """A case-insensitive pattern for a word or phrase, with an optional plural ending."""
    parts = [re.escape(p) for p in term.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(parts) + r"(?:e?s)?(?!\w)", re.I)


def in_window(doc: Document, since: date | None, until: date | None) -> bool:
    """Whether ``doc`` is dated in [since, until]; undated documents pass only without a window."""
    if doc.date is None:
        return since is None
    return (since is None or doc.date >= since) and (until is None or doc.date <= until)


def match_topics(
    topics: Sequence[Topic],
    docs: Sequence[Document],
    *,
    since: date | None = None,
    until: date | None = None,
    exclusive: bool = False,
) -> list[list[Match]]:
    """Each topic's sources. With ``exclusive``, a source matched by several topics stays
    only in the one where it ranks best against that topic's top source (scores of
    different topics are not on one scale; their ratios to each topic's best are)."""
    if not exclusive:
        return [match(t, docs, since=since, until=until) for t in topics]
    everything = [match(t, docs, since=since, until=until, limit=len(docs)) for t in topics]
    best: dict[Path, tuple[float, int]] = {}
    for i, matches in enumerate(everything):
        for m in matches:
            share = m.score / matches[0].score if matches[0].score > 0 else 0.0
            if m.doc.path not in best or share > best[m.doc.path][0]:
                best[m.doc.path] = (share, i)
    return [
        [m for m in matches if best[m.doc.path][1] == i][: topic.max_sources]
        for i, (topic, matches) in enumerate(zip(topics, everything, strict=True))
    ]


def match(
    topic: Topic,
    docs: Sequence[Document],
    *,
    since: date | None = None,
    until: date | None = None,
    limit: int | None = None,
) -> list[Match]:
    """The best sources for ``topic``, most relevant first, one per near-duplicate cluster;
    ``topic.max_sources`` of them unless ``limit`` says otherwise."""
    pool = [d for d in docs if in_window(d, since, until)]
    query = topic.parsed_query
    hits = [d for d in pool if _matches(topic, query, d)]
    avg_len = sum(len(d.text) for d in pool) / len(pool) if pool else 1.0
    terms = topic.terms
    idf = {k: _idf(k, pool) for k in terms}
    scored = sorted(
        ((_score(d, terms, idf, avg_len), d) for d in hits),
        key=lambda item: (-item[0], str(item[1].path)),
    )
    scored = [item for item in scored if item[0] >= topic.min_score]
    return _dedupe(scored, limit or topic.max_sources)


# Term counts per (document, term). A long-running process rebuilds after one source changes
# without scanning every unchanged text again. Keyed by the text itself: an edited document
# is a new key.
_COUNTS: dict[tuple[str, str, str], tuple[int, int]] = {}
_MAX_COUNTS = 2_000_000


def _count(doc: Document, term: str) -> tuple[int, int]:
    """Occurrences of ``term`` in the document's text and in its title."""
    key = (doc.text, doc.title, term)
    found = _COUNTS.get(key)
    if found is None:
        if len(_COUNTS) > _MAX_COUNTS:
            _COUNTS.clear()
        pattern = term_pattern(term)
        found = _COUNTS[key] = (len(pattern.findall(doc.text)), len(pattern.findall(doc.title)))
    return found


def _matches(topic: Topic, query: QueryNode | None, doc: Document) -> bool:
    if any(sum(_count(doc, x)) for x in topic.exclude):
        return False
    if query is not None and query_matches(query, doc, _count):
        return True
    return any(sum(_count(doc, k)) for k in topic.keywords)


def _idf(term: str, pool: Sequence[Document]) -> float:
    df = sum(1 for d in pool if sum(_count(d, term)))
    return math.log(1 + (len(pool) - df + 0.5) / (df + 0.5))


def _score(doc: Document, keywords: list[str], idf: dict[str, float], avg_len: float) -> float:
    """BM25 over the topic's keywords, title hits counted several times."""
    norm = K1 * (1 - B + B * len(doc.text) / avg_len)
    total = 0.0
    for k in keywords:
        in_text, in_title = _count(doc, k)
        tf = in_text + TITLE_WEIGHT * in_title
        total += idf[k] * tf * (K1 + 1) / (tf + norm) if tf else 0.0
    return total


def _dedupe(scored: list[tuple[float, Document]], limit: int) -> list[Match]:
    """Cluster near-duplicates (same text as HTML and TXT, syndicated copies); keep the richest.

    Works down the ranking until ``limit`` clusters are found plus a margin, so that copies
    just below the last kept source are still merged into it.
    """
    clusters: list[list[tuple[float, Document, frozenset[int]]]] = []
    for position, (score, doc) in enumerate(scored):
        if len(clusters) >= limit and position >= 2 * limit + 10:
            break
        shingles = _shingles(doc.text)
        for cluster in clusters:
            if _overlap(shingles, cluster[0][2]) >= DUPLICATE_OVERLAP:
                cluster.append((score, doc, shingles))
                break
        else:
            clusters.append([(score, doc, shingles)])
    matches = []
    for cluster in clusters[:limit]:
        best = max(cluster, key=lambda item: _richness(item[1]))
        others = tuple(d.path for _, d, _ in cluster if d is not best[1])
        matches.append(Match(best[1], cluster[0][0], others))
    return matches


_SHINGLES: dict[str, frozenset[int]] = {}


def _shingles(text: str, n: int = 5) -> frozenset[int]:
    """Hashes of a text's 5-word runs (cached, like the term counts)."""
    found = _SHINGLES.get(text)
    if found is None:
        if len(_SHINGLES) > 100_000:
            _SHINGLES.clear()
        tokens = words(text)
        found = _SHINGLES[text] = frozenset(
            hash(tuple(tokens[i : i + n])) for i in range(max(1, len(tokens) - n + 1))
        )
    return found


def _overlap(a: frozenset[int], b: frozenset[int]) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def _richness(doc: Document) -> tuple[int, int]:
    known = sum(x is not None and x != () for x in (doc.url, doc.date, doc.publisher, doc.authors))
    return known, len(doc.text)


def near_duplicates(docs: Sequence[Document]) -> list[tuple[Document, tuple[Document, ...]]]:
    """Groups of near-duplicate documents across a whole corpus: (the richest, the others).

    Candidates share one of the 16 smallest hashes of their 5-word runs (a bottom-k sketch),
    so only likely pairs are compared.
    """
    shingles = [_shingles(d.text) for d in docs]
    buckets: dict[int, list[int]] = {}
    for i, sh in enumerate(shingles):
        for h in sorted(sh)[:16]:
            buckets.setdefault(h, []).append(i)
    parent = list(range(len(docs)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for members in buckets.values():
        for a in members[:50]:
            for b in members[:50]:
                if a < b and root(a) != root(b):
                    if _overlap(shingles[a], shingles[b]) >= DUPLICATE_OVERLAP:
                        parent[root(b)] = root(a)
    groups: dict[int, list[Document]] = {}
    for i, doc in enumerate(docs):
        groups.setdefault(root(i), []).append(doc)
    out = []
    for group in groups.values():
        if len(group) > 1:
            best = max(group, key=_richness)
            out.append((best, tuple(d for d in group if d is not best)))
    return out
