"""Pick the sources for a topic: keywords and exclusions, date window, ranking, near-duplicates."""

from __future__ import annotations

import math
import re
import zlib
from collections.abc import Callable, Collection, Iterable, Sequence
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from briefing.config import Topic
from briefing.model import Document, Match
from briefing.query import Node as QueryNode
from briefing.query import matches as query_matches
from briefing.query import positive_terms
from briefing.text import content_words, words

K1, B = 1.2, 0.75
TITLE_WEIGHT = 3  # the title column's weight in the index's FTS5 bm25()
TITLE_FIELD = 1.0  # a title naming a term adds its idf times this (text adds at most K1 + 1 times)
DUPLICATE_OVERLAP = 0.6


# Endings a lower-case keyword may take: "sanction" finds sanctions, sanctioned, sanctioning.
_ENDINGS = ("ings", "ing", "ied", "ies", "ed", "es", "s")
_SUFFIX = ("s", "es", "e", "y", "ies", "ied", "ed", "ing", "ings", "er", "ers", "d")
# A name keeps its form, but for a plural and the adjective of a place ("Russia" finds
# Russian, Russians; "Iran" Iranian; "Ukraine" Ukrainian); an acronym keeps only a plural.
_NAME_ENDINGS = ("es", "s", "n", "ns", "an", "ans", "ian", "ians")
_PLACE_E_ENDINGS = ("e", "es", "ian", "ians")  # "Ukraine": the "e" is one of them
_PLURAL = ("es", "s")
_NO_PLURAL_S = ("ss", "us", "is")  # "press", "status", "crisis" are not plurals


def stem(word: str) -> str:
    """A light suffix stemmer for keywords: the word without an inflectional ending."""
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            if ending == "s" and (word.endswith(_NO_PLURAL_S) or len(word) < 5):
                break  # "press", "status"; "news", "arms" are words of their own
            word = word[: -len(ending)]
            break
    if len(word) > 4 and word[-1] in "ey":  # "trade" / "trading", "supply" / "supplies"
        word = word[:-1]
    return word


def word_forms(word: str) -> tuple[str, tuple[str, ...]]:
    """How a keyword's word is found: the start it keeps and the endings it may take after it
    ("" among them when the start alone is a form). The index looks these forms up."""
    if not word.isalpha() or word.isupper():  # "DPRK", "U.S.", "5G"
        return word, ("", *_PLURAL)
    if word[:1].isupper():
        if word.endswith("e"):
            return word[:-1], _PLACE_E_ENDINGS
        return word, ("", *_NAME_ENDINGS)
    return stem(word.lower()), ("", *_SUFFIX)


def _word_pattern(word: str, *, fold: bool = False) -> str:
    start, endings = word_forms(word)
    start = start.lower() if fold else start  # the endings are lower-case
    optional = "" in endings
    alternatives = "|".join(re.escape(e) for e in endings if e)
    return re.escape(start) + f"(?:{alternatives})" + ("?" if optional else "")


@lru_cache(maxsize=1024)
def term_pattern(term: str) -> re.Pattern[str]:
    """A case-insensitive pattern for a word or phrase in any of its forms: a lower-case word
    with its inflections ("sanction" / "sanctioned"), a name with an optional plural."""
    parts = [_word_pattern(p) for p in term.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(parts) + r"(?!\w)", re.I)


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
    only in the one where it ranks best (see ``exclusive_split``)."""
    if not exclusive:
        return [match(t, docs, since=since, until=until) for t in topics]
    everything = [match(t, docs, since=since, until=until, limit=len(docs)) for t in topics]
    return exclusive_split(topics, everything)


def exclusive_split(topics: Sequence[Topic], everything: list[list[Match]]) -> list[list[Match]]:
    """Each source only under the topic where it ranks best against that topic's top source
    (scores of different topics are not on one scale; their ratios to each topic's best are),
    then each topic's ``max_sources``."""
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


class Pool(NamedTuple):
    """What BM25 needs to know of the documents in the window: how many, their mean
    length, and how many have each term."""

    size: int
    avg_len: float
    df: dict[Term, int]


def match(
    topic: Topic,
    docs: Sequence[Document],
    *,
    since: date | None = None,
    until: date | None = None,
    limit: int | None = None,
    pool: Pool | None = None,
    sketch_of: Sketcher | None = None,
    runs_of: Sketcher | None = None,
) -> list[Match]:
    """The best sources for ``topic``, most relevant first, one per near-duplicate cluster;
    ``topic.max_sources`` of them unless ``limit`` says otherwise. When ``docs`` are only
    candidates from the index, ``pool`` gives the window's statistics and ``sketch_of`` the
    stored sketches (and ``runs_of`` the stored runs of texts compared run by run).

    A source that the keywords find only in passing (see ``passing``) is left out when
    other sources are about the topic."""
    windowed = [d for d in docs if in_window(d, since, until)]
    query = topic.parsed_query
    hits = [d for d in windowed if _matches(topic, query, d)]
    terms = topic_terms(topic)
    pool = pool or _pool(terms, windowed)
    idf = {k: _idf(pool.size, pool.df[k]) for k in terms}
    scored = sorted(
        ((_score(d, terms, idf, pool.avg_len), d) for d in hits),
        key=lambda item: (-item[0], str(item[1].path)),
    )
    scored = [item for item in scored if item[0] >= topic.min_score]
    if query is None:
        about = [item for item in scored if not passing(topic, item[1])]
        scored = about or scored
    return dedupe(scored, limit or topic.max_sources, sketch_of or _sketch_of, runs_of)


def _pool(terms: list[Term], docs: Sequence[Document]) -> Pool:
    avg_len = sum(len(d.text) for d in docs) / len(docs) if docs else 1.0
    return Pool(len(docs), avg_len, {t: sum(1 for d in docs if sum(_count(d, t))) for t in terms})


class Term(NamedTuple):
    """A word or phrase of a topic. A multi-word keyword is ``together``: its words in one
    sentence, in any order ("Russia sanctions" finds "sanctions on Russia"), or some in the
    title and the rest in a sentence of the text; a query's "quoted phrase" is a phrase."""

    text: str
    together: bool = False


def topic_terms(topic: Topic) -> list[Term]:
    """The topic's terms that make a source relevant: its keywords and its query's words."""
    query = topic.parsed_query
    found = [Term(k, " " in k) for k in topic.keywords]
    found += [Term(t) for t in (positive_terms(query) if query is not None else [])]
    return list(dict.fromkeys(found))


class Hits(NamedTuple):
    """Where a term occurs in a document: the text (lead included), the title, the lead."""

    text: int
    title: int
    lead: int


LEAD_CHARS = 600  # the opening of a text: its first paragraph or two
LEAD_WEIGHT = 2
# A source that names the topic outside its title and lead fewer times than this, or less
# often than this per 1,000 words, mentions it in passing.
MIN_MENTIONS = 3
MIN_DENSITY = 0.5

_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+|\n+")
# Term counts are asked for several times per document and term within one match (filter,
# BM25, passing, why); a bounded memo, so that the index's candidates, not the corpus, are
# what it holds.
COUNTS_KEPT = 20_000


def _count(doc: Document, term: str | Term) -> Hits:
    """Occurrences of ``term`` in the document's text, its title and its lead."""
    term = term if isinstance(term, Term) else Term(term)
    return _hits(doc.text, doc.title, term)


@lru_cache(maxsize=COUNTS_KEPT)
def _hits(text: str, title: str, term: Term) -> Hits:
    if _absent(text, title, term):  # most candidates lack most of a topic's terms
        if not term.together:
            return Hits(0, len(term_pattern(term.text).findall(title)), 0)
        return Hits(0, int(all(term_pattern(w).search(title) for w in term.text.split())), 0)
    if _starts(term.text) is not None:  # in the folded text, where a pattern is a literal
        text, title, find = _folded(text), _fold(title), _folded_pattern
    else:
        find = term_pattern
    lead = text[:LEAD_CHARS]
    if not term.together:
        pattern = find(term.text)
        return Hits(*(len(pattern.findall(x)) for x in (text, title, lead)))
    patterns = [find(w) for w in term.text.split()]
    in_title = [bool(p.search(title)) for p in patterns]

    def sentences(where: str) -> int:  # the title is the context of every sentence
        return sum(
            all(t or p.search(part) for p, t in zip(patterns, in_title, strict=True))
            for part in _SENTENCE_BREAK.split(where)
        )

    return Hits(sentences(text), int(all(in_title)), sentences(lead))


@lru_cache(maxsize=1024)
def _folded_pattern(term: str) -> re.Pattern[str]:
    """term_pattern for an ASCII term in folded text (see _fold), case-sensitive and opening
    with its first word's start, so that re finds the start as a literal (about 15 times
    faster than a pattern opening with a look-behind under re.I); the look-behind follows
    it. Folding keeps every character's place and whether it is a word character."""
    parts = [_word_pattern(p, fold=True) for p in term.split()]
    body, first = r"\s+".join(parts), re.escape((_starts(term) or ("",))[0])
    if not first or not body.startswith(first):  # not asked for: the plain pattern, folded
        return re.compile(r"(?<!\w)" + body + r"(?!\w)")
    return re.compile(first + rf"(?<!\w{first})" + body[len(first) :] + r"(?!\w)")


def _absent(text: str, title: str, term: Term) -> bool:
    """Whether the term cannot occur in the text (nor, for a keyword of several words, in a
    sentence of it with the title): some word's start, found in each of its forms, is not a
    substring of the folded text. Far cheaper than the patterns, and exact (see _ODD_CASES)."""
    starts = _starts(term.text)
    if starts is None:
        return False
    folded = _folded(text)
    if not term.together:
        return any(start not in folded for start in starts)
    folded_title = _fold(title)
    return any(start not in folded and start not in folded_title for start in starts)


# The only characters that re.I matches with an ASCII letter and str.lower does not lower to
# it (checked over every code point): an ASCII start found by a pattern is then a substring.
_ODD_CASES = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def _fold(text: str) -> str:
    if not text.isascii() and any(c in text for c in "\u0130\u0131\u017f\u212a"):
        text = text.translate(_ODD_CASES)
    return text.lower()


FOLDED_KEPT = 512  # a build's candidates (100 a topic, shared by topics): each folded once


@lru_cache(maxsize=FOLDED_KEPT)
def _folded(text: str) -> str:
    """The text as _fold has it (one text is asked for each term in turn, and again by each
    topic that has it among its candidates)."""
    return _fold(text)


@lru_cache(maxsize=1024)
def _starts(term: str) -> tuple[str, ...] | None:
    """The lower-cased start every form of each of the term's words begins with (None: one
    is not ASCII, or the term has no word)."""
    starts = tuple(word_forms(word)[0].lower() for word in term.split())
    return starts if starts and all(s.isascii() for s in starts) else None


def passing(topic: Topic, doc: Document) -> bool:
    """Does ``doc`` mention the topic only in passing: none of its terms in the title or lead,
    and few mentions, or few for the length of the text?"""
    terms = topic_terms(topic)
    counts = [_count(doc, t) for t in terms]
    if any(c.title or c.lead for c in counts):
        return False
    if any(
        c.text and t.together and any(term_pattern(w).search(doc.title) for w in t.text.split())
        for t, c in zip(terms, counts, strict=True)
    ):
        return False  # "Imposing Costs on Russia" with a sentence on sanctions
    mentions = sum(c.text for c in counts)
    per_thousand = 1000 * mentions / max(1, len(words(doc.text)))
    return mentions < MIN_MENTIONS or per_thousand < MIN_DENSITY


def why(topic: Topic, doc: Document) -> list[tuple[str, Hits]]:
    """The topic's terms ``doc`` contains, and where."""
    return [(t.text, c) for t in topic_terms(topic) if (c := _count(doc, t)).text or c.title]


def left_in_passing(
    topic: Topic, docs: Sequence[Document], kept: Sequence[Match]
) -> list[Document]:
    """The sources a keyword topic's terms find but that mention it only in passing, when
    ``kept`` (the topic's matches) are about it."""
    if topic.parsed_query is not None or not kept or any(passing(topic, m.doc) for m in kept):
        return []
    return [d for d in docs if _matches(topic, None, d) and passing(topic, d)]


def mentions(topic: Topic, text: str, skip: Collection[str] = ()) -> int:
    """How many of the topic's terms ``text`` has (a multi-word keyword: all its words), but
    those whose content words are all in ``skip`` (a question's answer type, "countries")."""
    return sum(
        all(term_pattern(w).search(text) for w in t.text.split())
        if t.together
        else bool(term_pattern(t.text).search(text))
        for t in topic_terms(topic)
        if not answer_type_term(t.text, skip)
    )


def answer_type_term(term: str, kind: Collection[str]) -> bool:
    """Whether a topic term is only the answer type of its question ("countries" in "Which
    countries …?", ``kind``): a term with content words, all of them in ``kind``."""
    own = set(content_words(term))
    return bool(kind) and bool(own) and own <= set(kind)


def _matches(topic: Topic, query: QueryNode | None, doc: Document) -> bool:
    if any(sum(_count(doc, x)) for x in topic.exclude):
        return False
    if query is not None and query_matches(query, doc, _count):
        return True
    return any(sum(_count(doc, t)) for t in topic_terms(topic) if t.text in topic.keywords)


def _idf(size: int, df: int) -> float:
    return math.log(1 + (size - df + 0.5) / (df + 0.5))


def _score(doc: Document, terms: list[Term], idf: dict[Term, float], avg_len: float) -> float:
    """BM25 over the topic's terms, hits in the lead counted several times, and the title as
    a field of its own (Robertson, Zaragoza & Taylor 2004): in the text, a term's count
    saturates, so a report that names a country a hundred times in passing would tie with
    the one whose title names it; the title's own score sets them apart."""
    norm = K1 * (1 - B + B * len(doc.text) / avg_len)
    total = 0.0
    for term in terms:
        hits = _count(doc, term)
        tf = hits.text + LEAD_WEIGHT * hits.lead
        total += idf[term] * tf * (K1 + 1) / (tf + norm) if tf else 0.0
        total += idf[term] * TITLE_FIELD * min(1, hits.title)
    return total


SKETCH_EVERY = 8  # a sketch keeps the 5-word runs whose hash is a multiple of this
SKETCH_MIN = 24  # with fewer runs in a sketch, two texts are compared run by run
Sketcher = Callable[[Document], frozenset[int]]


def run_hashes(text: str, n: int = 5) -> frozenset[int]:
    """Hashes of a text's 5-word runs, the same in every process (stored in the index)."""
    tokens = words(text)
    return frozenset(
        zlib.crc32(" ".join(tokens[i : i + n]).encode("utf-8", "surrogatepass"))
        for i in range(max(1, len(tokens) - n + 1))
    )


def sketch(text: str) -> frozenset[int]:
    """One run in SKETCH_EVERY, chosen by hash: the share of a text's sketch found in another
    text's estimates the share of its runs found there, whatever their lengths."""
    return frozenset(h for h in run_hashes(text) if h % SKETCH_EVERY == 0)


def _sketch_of(doc: Document) -> frozenset[int]:
    return sketch(doc.text)


def dedupe(
    scored: list[tuple[float, Document]],
    limit: int,
    sketch_of: Sketcher = _sketch_of,
    runs_of: Sketcher | None = None,
) -> list[Match]:
    """Cluster near-duplicates (same text as HTML and TXT, syndicated copies); keep the richest.

    Works down the ranking until ``limit`` clusters are found plus a margin, so that copies
    just below the last kept source are still merged into it. Texts are compared by their
    sketches (``sketch_of``: the index keeps them), a short one with another run by run
    (``runs_of``: the index keeps them too; else this call's memo).
    """
    clusters: list[list[tuple[float, Document, frozenset[int]]]] = []
    runs_of = runs_of or _memo_runs()

    def similar(a: Document, sa: frozenset[int], b: Document, sb: frozenset[int]) -> float:
        if min(len(sa), len(sb)) >= SKETCH_MIN:
            return overlap(sa, sb)
        return overlap(runs_of(a), runs_of(b))

    # Two long texts overlap only if their sketches share a hash, so a long text is compared
    # only with the clusters whose head shares one (``by_hash``) or is short (``short``), in
    # the order the clusters were made: the same answer as comparing with every cluster.
    by_hash: dict[int, list[int]] = {}
    short: list[int] = []
    for position, (score, doc) in enumerate(scored):
        if len(clusters) >= limit and position >= 2 * limit + 10:
            break
        mine = sketch_of(doc)
        if len(mine) < SKETCH_MIN:
            candidates: Iterable[int] = range(len(clusters))
        else:
            candidates = sorted({i for h in mine for i in by_hash.get(h, ())}.union(short))
        for i in candidates:
            head = clusters[i][0]
            if similar(doc, mine, head[1], head[2]) >= DUPLICATE_OVERLAP:
                clusters[i].append((score, doc, mine))
                break
        else:
            if len(mine) < SKETCH_MIN:
                short.append(len(clusters))
            for h in mine:
                by_hash.setdefault(h, []).append(len(clusters))
            clusters.append([(score, doc, mine)])
    matches = []
    for cluster in clusters[:limit]:
        best = max(cluster, key=lambda item: richness(item[1]))
        others = tuple(d.path for _, d, _ in cluster if d is not best[1])
        matches.append(Match(best[1], cluster[0][0], others))
    return matches


def forget_counts() -> None:
    """Drop the memo of term counts: a long-running process reads new texts of each source,
    and the memo's keys hold the old ones."""
    _hits.cache_clear()
    _folded.cache_clear()


def _memo_runs() -> Sketcher:
    """Each document's runs, computed once (``_shingles``: this process only)."""
    memo: dict[Path, frozenset[int]] = {}

    def runs(doc: Document) -> frozenset[int]:
        if doc.path not in memo:
            memo[doc.path] = _shingles(doc.text)
        return memo[doc.path]

    return runs


def _shingles(text: str, n: int = 5) -> frozenset[int]:
    """Hashes of a text's 5-word runs, for this process only (faster than ``run_hashes``)."""
    tokens = words(text)
    return frozenset(hash(tuple(tokens[i : i + n])) for i in range(max(1, len(tokens) - n + 1)))


def overlap(a: frozenset[int], b: frozenset[int]) -> float:
    """The share of the smaller set found in the other."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def richness(doc: Document) -> tuple[int, int]:
    """Which of near-duplicates to keep: the one with most metadata, then the longest."""
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
                    if overlap(shingles[a], shingles[b]) >= DUPLICATE_OVERLAP:
                        parent[root(b)] = root(a)
    groups: dict[int, list[Document]] = {}
    for i, doc in enumerate(docs):
        groups.setdefault(root(i), []).append(doc)
    out = []
    for group in groups.values():
        if len(group) > 1:
            best = max(group, key=richness)
            out.append((best, tuple(d for d in group if d is not best)))
    return out
