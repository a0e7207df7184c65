"""Search the index: "what do we have on X", as ranked documents with why each matched.

A topic query (the language of query.py) is matched and ranked as a topic is; plain words
are ranked retrieval: any word may match, FTS5's BM25 (title weighted) decides.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from briefing.cache import DocumentCache
from briefing.config import Topic
from briefing.errors import BriefingError
from briefing.index import Index, Rules, fts_words, window
from briefing.ingest import index_sources
from briefing.match import Hits, Term, dedupe, term_pattern, topic_terms
from briefing.match import why as why_matched
from briefing.model import Document
from briefing.text import shorten

SNIPPET_CHARS = 200
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")


@dataclass(frozen=True)
class Result:
    """One document found: its score, why it matched (term and where) and a snippet."""

    doc: Document
    score: float
    why: tuple[tuple[str, Hits], ...]
    snippet: str


def search(
    paths: Sequence[Path],
    *,
    query: str | None = None,
    text: str | None = None,
    limit: int = 10,
    rules: Rules | None = None,
) -> list[Result]:
    """The best ``limit`` documents under ``paths`` for a topic query or for plain words."""
    if bool(query) == bool(text):
        raise BriefingError("give --query or --text (one of them)")
    with DocumentCache() as cache:
        scope, _ = index_sources(paths, cache)
        index = Index(cache, scope, rules)
        if query:
            return _by_query(index, query, limit)
        return _by_words(index, text or "", limit)


def _by_query(index: Index, query: str, limit: int) -> list[Result]:
    try:
        topic = Topic(name="search", query=query, max_sources=limit)
    except ValueError as exc:  # pydantic's error names the query's problem
        raise BriefingError(f"--query: {_first_error(exc)}") from None
    terms = {t.text: 1.0 for t in topic_terms(topic)}
    return [
        Result(m.doc, m.score, tuple(why_matched(topic, m.doc)), _snippet(m.doc, terms))
        for m in index.match(topic)
    ]


def _by_words(index: Index, text: str, limit: int) -> list[Result]:
    words = list(dict.fromkeys(w for w in text.split() if fts_words(w)))
    if not words:
        raise BriefingError("--text: give at least one word")
    expression = " OR ".join(f"({fts_words(w)})" for w in words)
    span = window(None, None)
    ranked = index.ranked_scores([span], expression, 2 * limit + 10)  # copies are merged
    docs = dict(index.load([doc_id for doc_id, _ in ranked]))
    by_path = {doc.path: doc_id for doc_id, doc in docs.items()}
    kept = dedupe(
        [(score, docs[i]) for i, score in ranked if i in docs],
        limit,
        lambda doc: index.sketch(by_path[doc.path], doc),
    )
    pool = index.pool([Term(w) for w in words], span)
    weight = {w: math.log(1 + pool.size / (1 + pool.df[Term(w)])) for w in words}
    as_topic = Topic(name="search", keywords=words)
    return [
        Result(m.doc, m.score, tuple(why_matched(as_topic, m.doc)), _snippet(m.doc, weight))
        for m in kept
    ]


def _snippet(doc: Document, terms: dict[str, float]) -> str:
    """The earliest sentence with the most weight of the terms (a rare word weighs more),
    else the opening."""
    patterns = [(term_pattern(t), w) for t, w in terms.items()]
    best, best_weight = "", 0.0
    for m in _SENTENCE.finditer(doc.text):
        weight = sum(w for p, w in patterns if p.search(m.group()))
        if weight > best_weight:
            best, best_weight = m.group(), weight
    return shorten(" ".join((best or doc.text[: SNIPPET_CHARS * 2]).split()), SNIPPET_CHARS)


def _first_error(exc: ValueError) -> str:
    errors = getattr(exc, "errors", None)
    if callable(errors):
        found = errors()
        if found:
            return str(found[0].get("msg", exc)).removeprefix("Value error, ")
    return str(exc)
