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
from briefing.index import Index, Rules, fts_words, phrase_expression, window, word_phrases
from briefing.ingest import index_sources
from briefing.match import Hits, dedupe, term_pattern, topic_terms
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
        scope, _ = index_sources(paths, cache, quick=True)
        found = _search(Index(cache, scope, rules), query, text, limit)
        if _refreshed([r.doc.path for r in found], cache):  # a result edited in place
            scope, _ = index_sources(paths, cache, quick=True)
            found = _search(Index(cache, scope, rules), query, text, limit)
        return found


def _search(index: Index, query: str | None, text: str | None, limit: int) -> list[Result]:
    if query:
        return _by_query(index, query, limit)
    return _by_words(index, text or "", limit)


def _refreshed(paths: Sequence[Path], cache: DocumentCache) -> bool:
    """Bring the files of these documents up to date in the index; whether any changed.
    (The quick look at folders does not see a file edited in place; a result must not be
    shown as it was.)"""
    files = list(dict.fromkeys(p if p.exists() else Path(str(p).rsplit("#", 1)[0]) for p in paths))
    return index_sources(files, cache)[0].updated > 0 if files else False


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
    phrases = {w: word_phrases(w) for w in words}
    total, counts = index.doc_counts([p[0] for ps in phrases.values() for p in ps if len(p) == 1])
    # A form no document has matches nothing and adds nothing to BM25, but costs its time
    found = [[p for p in ps if len(p) > 1 or counts.get(p[0])] for ps in phrases.values()]
    span, wanted = window(None, None), 2 * limit + 10  # copies are merged
    # FTS5 gives a word in half the documents or more no weight (its idf is 1e-6)
    rare = [[p for p in ps if len(p) > 1 or 2 * counts[p[0]] < total] for ps in found]
    ranked = index.ranked_scores([span], _any(rare), wanted, few_filtered=True) if any(rare) else []
    if len(ranked) < wanted and any(found):  # too few: the common words may fill the list
        ranked = index.ranked_scores([span], _any(found), wanted, few_filtered=True)
    docs = dict(index.load([doc_id for doc_id, _ in ranked]))
    by_path = {doc.path: doc_id for doc_id, doc in docs.items()}
    kept = dedupe(
        [(score, docs[i]) for i, score in ranked if i in docs],
        limit,
        lambda doc: index.sketch(by_path[doc.path], doc),
    )
    weight = {  # a rare word weighs more in choosing the snippet
        w: math.log(1 + total / (1 + max((counts.get(p[0], 0) for p in ps), default=0)))
        for w, ps in phrases.items()
    }
    as_topic = Topic(name="search", keywords=words)
    return [
        Result(m.doc, m.score, tuple(why_matched(as_topic, m.doc)), _snippet(m.doc, weight))
        for m in kept
    ]


def _any(phrases: list[list[tuple[str, ...]]]) -> str:
    return " OR ".join(phrase_expression(ps) for ps in phrases if ps)


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


def why_line(why: tuple[tuple[str, Hits], ...]) -> str:
    """Each matched term and where it was found: "sanctions (2 in title, 5 in body)"."""
    parts = []
    for term, hits in why:
        fields = [f"{n} in {f}" for n, f in zip(hits, Hits._fields, strict=True) if n]
        parts.append(f"{term} ({', '.join(fields)})")
    return "; ".join(parts) or "a field filter (type:, publisher:, speaker: …)"
