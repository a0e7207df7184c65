"""Topic queries and search over the index (see cache.py): only matched documents are loaded.

A topic's query compiles to SQL over the index whose answer holds every document that
match.py would find (FTS5 prefix queries for words, exact SQL for the field filters and the
date window); the best of those by FTS5 BM25 (title weighted) are loaded, and match.py ranks
and selects among them exactly as it does over a folder.
"""

from __future__ import annotations

import itertools
import re
from array import array
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import NamedTuple

from briefing.cache import DAY_BITS, DocumentCache, Scope
from briefing.config import Topic
from briefing.ingest import collector_paused
from briefing.ingest.repeated import MIN_DOCS, MIN_SHARE, apply_rules, drop_hashed
from briefing.match import (
    DUPLICATE_OVERLAP,
    SKETCH_MIN,
    TITLE_WEIGHT,
    Pool,
    Term,
    exclusive_split,
    match,
    overlap,
    richness,
    run_hashes,
    sketch,
    topic_terms,
    word_forms,
)
from briefing.model import Document, Match
from briefing.query import All, Node, Not
from briefing.query import Any as AnyOf
from briefing.query import Term as QueryTerm

CANDIDATES = 100  # documents loaded per topic at least: match.py re-ranks these
CANDIDATES_PER_SOURCE = 8  # and at least this many per source the topic keeps
OVERFETCH = 4  # the best matches of the whole index looked at, per document wanted
CANDIDATES_KEPT = 2000  # documents loaded for topics, kept for the topics that follow
# Corpus-wide near-duplicates: sketches pick the pairs whose every run is compared (a sketch
# estimates the share of runs; well below the threshold it is never above it in fact).
SKETCH_FILTER = 0.45
RUNS_KEPT = 1000
_TOKENS = re.compile(r"[^\W_]+")  # what FTS5's unicode61 tokenizer calls a token
Rules = list[tuple[re.Pattern[str], str | None]]


class Sql(NamedTuple):
    """A WHERE clause over ``docs d``, its parameters, and whether it is exact (else it only
    narrows: every document the query matches satisfies it, and some others may)."""

    where: str
    params: tuple[str, ...]
    exact: bool


def fts_words(term: str, *, phrase: bool = True) -> str | None:
    """An FTS5 expression every document with ``term`` in any of match.py's forms satisfies:
    each word as one of its forms (match.word_forms), and for a phrase the words in a row.
    None when no word has a token (such a term cannot narrow a search)."""
    words = [w for w in (_forms(word) for word in term.split()) if w]
    if not words:
        return None
    parts = [forms for forms, _ in words]
    if phrase and len(words) > 1:  # in a row: each word's start, its last token a prefix
        parts[:0] = _runs([token for _, start in words for token in start])
    return " AND ".join(parts)


SHORT_PREFIX = 3  # a prefix this short ("s"*, "of"*) matches much of the vocabulary: slow


def _runs(tokens: list[str]) -> list[str]:
    """The phrase as FTS5 phrases of tokens in a row, split where a prefix is too short to
    look up quickly (the words there are still required, by their forms): every document
    with the whole phrase has each of these runs."""
    runs: list[list[str]] = [[]]
    for token in tokens:
        if token.endswith("*") and len(token) - 3 < SHORT_PREFIX:  # '"of"*'
            runs.append([])
        else:
            runs[-1].append(token)
    return [" + ".join(run) for run in runs if len(run) > 1]


def word_phrases(word: str) -> list[tuple[str, ...]]:
    """The word's forms (match.word_forms) as FTS5 phrases: the tokens of each."""
    start, endings = word_forms(word)
    if not _TOKENS.findall(start.casefold()):
        return []
    found = (tuple(_TOKENS.findall((start + ending).casefold())) for ending in endings)
    return list(dict.fromkeys(found))


def phrase_expression(phrases: Sequence[tuple[str, ...]]) -> str:
    """Any of the phrases, in FTS5 syntax."""
    return "(" + " OR ".join('"' + " ".join(p) + '"' for p in phrases) + ")"


def _forms(word: str) -> tuple[str, list[str]] | None:
    """(any of the word's forms, its start as FTS5 tokens, the last a prefix)."""
    start, _ = word_forms(word)
    tokens = _TOKENS.findall(start.casefold())
    if not tokens:
        return None
    return phrase_expression(word_phrases(word)), [f'"{t}"' for t in tokens[:-1]] + [
        f'"{tokens[-1]}"*'
    ]


Ids = tuple[int, int]  # a range of document ids, from and below (see id_range)
EVERY_ID: Ids = (0, 1 << 63)


def id_range(since: date | None, until: date | None) -> Ids:
    """The ids of the documents dated in the window (undated ones are day 0: in a window
    without a start), as cache.DAY_BITS numbers them."""
    start = since.toordinal() << DAY_BITS if since else 0
    return start, ((until or date.max).toordinal() + 1) << DAY_BITS


def _fts(expression: str, ids: Ids = EVERY_ID) -> Sql:
    rowids = f"rowid >= {int(ids[0])} AND rowid < {int(ids[1])}"  # FTS5 seeks to the range
    return Sql(
        f"d.id IN (SELECT rowid FROM fts WHERE fts MATCH ? AND {rowids})", (expression,), False
    )


def compile_query(node: Node, ids: Ids = EVERY_ID) -> Sql | None:
    """SQL that every document matching ``node`` (with an id in ``ids``) satisfies; None: it
    cannot narrow."""
    if isinstance(node, QueryTerm):
        return _term(node, ids)
    if isinstance(node, Not):
        inner = compile_query(node.part, ids)
        return Sql(f"NOT ({inner.where})", inner.params, True) if inner and inner.exact else None
    parts = [compile_query(p, ids) for p in node.parts]
    if isinstance(node, AnyOf) and None in parts:
        return None
    kept = [p for p in parts if p is not None]
    if not kept:
        return None
    joiner = " AND " if isinstance(node, All) else " OR "
    return Sql(
        "(" + joiner.join(p.where for p in kept) + ")",
        tuple(x for p in kept for x in p.params),
        all(p is not None and p.exact for p in parts),
    )


def _term(term: QueryTerm, ids: Ids) -> Sql | None:
    if term.field in (None, "title"):
        words = fts_words(term.text)
        if words is None:
            return None
        return _fts(f"title : ({words})" if term.field == "title" else words, ids)
    want = " ".join(term.text.replace("-", " ").split()).casefold()  # as query._field does
    if term.field == "type":
        return Sql("d.type = ?", (want,), True)
    if term.field == "publisher":
        return Sql("(instr(d.publisher, ?) > 0 OR instr(d.host, ?) > 0)", (want, want), True)
    column = "d.authors" if term.field == "author" else "d.people"
    return Sql(f"instr({column}, ?) > 0", (want,), True)


def topic_filter(topic: Topic, ids: Ids = EVERY_ID) -> Sql | None:
    """SQL every source the topic matches (with an id in ``ids``) satisfies: its query or
    any keyword."""
    query = topic.parsed_query
    parts: list[Sql | None] = [compile_query(query, ids)] if query else []
    for keyword in topic.keywords:  # a keyword's words in one sentence, in any order
        words = fts_words(keyword, phrase=False)
        parts.append(_fts(words, ids) if words else None)
    if not parts or None in parts:
        return None
    kept = [p for p in parts if p is not None]
    return Sql(
        "(" + " OR ".join(p.where for p in kept) + ")",
        tuple(x for p in kept for x in p.params),
        False,
    )


def window(since: date | None, until: date | None) -> Sql:
    """match.in_window as SQL: undated documents pass only without a start."""
    start, end = id_range(since, until)
    ids = f"d.id >= {start} AND d.id < {end}"
    if since is None:
        return Sql(f"({ids} AND (d.date IS NULL OR d.date <= ?))", (_day(until),), True)
    return Sql(f"({ids} AND d.date >= ? AND d.date <= ?)", (since.isoformat(), _day(until)), True)


def _day(until: date | None) -> str:
    return (until or date.max).isoformat()


def ranking(terms: Sequence[Term]) -> str | None:
    """An FTS5 expression any of the terms satisfies, for BM25 over them."""
    found = [fts_words(t.text, phrase=not t.together) for t in terms]
    return " OR ".join(f"({w})" for w in found if w) if found and all(found) else None


class Index:
    """One scope of the index, with the config's rules; answers topics and searches."""

    def __init__(self, cache: DocumentCache, scope: Scope, rules: Rules | None = None):
        self.cache, self.scope, self.rules = cache, scope, rules or []
        self._repeated: dict[str, set[int]] = {}  # a folder's furniture (see _furniture)
        self._runs: dict[Path, frozenset[int]] = {}  # of candidates compared run by run
        self._all: OrderedDict[int, frozenset[int]] = OrderedDict()  # see _all_runs
        self._counts: dict[tuple[Sql, str | None, str], tuple[int, float]] = {}
        self._candidates: dict[int, Document] = {}  # loaded for a topic, kept for the others
        self._kept_sketches: dict[int, frozenset[int]] = {}

    def size(self) -> int:
        """How many documents the scope holds."""
        return self._one(Sql("1", (), True))[0]

    def doc_counts(self, tokens: Sequence[str]) -> tuple[int, dict[str, int]]:
        """How many documents the whole index holds, and how many hold each token (FTS5's own
        statistics, which its BM25 uses: looked up, not counted)."""
        db = self.cache.db
        total = db.execute("SELECT count(*) FROM docs").fetchone()[0]
        marks = ", ".join("?" * len(tokens))
        rows = db.execute(f"SELECT term, doc FROM fts_vocab WHERE term IN ({marks})", tokens)
        return total, dict(rows.fetchall())

    @collector_paused()  # candidates loaded, counted and compared: many objects, no cycles
    def match_topics(
        self,
        topics: Sequence[Topic],
        *,
        since: date | None = None,
        until: date | None = None,
        exclusive: bool = False,
    ) -> list[list[Match]]:
        """match.match_topics over the index."""
        if not exclusive:
            return [self.match(t, since=since, until=until) for t in topics]
        everything = [self.match(t, since=since, until=until, every=True) for t in topics]
        return exclusive_split(topics, everything)

    def match(
        self,
        topic: Topic,
        *,
        since: date | None = None,
        until: date | None = None,
        every: bool = False,
    ) -> list[Match]:
        """The topic's best sources (with ``every``, all of the candidates it keeps)."""
        limit = max(CANDIDATES, CANDIDATES_PER_SOURCE * topic.max_sources)
        loaded = self.candidates(topic, since=since, until=until)
        by_path = {doc.path: doc_id for doc_id, doc in loaded}
        span, terms = window(since, until), topic_terms(topic)
        return match(
            topic,
            [doc for _, doc in loaded],
            limit=limit if every else None,
            pool=self.pool(terms, span, id_range(since, until)),
            sketch_of=lambda doc: self.sketch(by_path[doc.path], doc),
            runs_of=self.runs,
        )

    def candidates(
        self, topic: Topic, *, since: date | None = None, until: date | None = None
    ) -> list[tuple[int, Document]]:
        """The documents match.py ranks for the topic: the best by BM25 of those its query or
        keywords may match in the window."""
        self.cache.use(self.scope)
        limit = max(CANDIDATES, CANDIDATES_PER_SOURCE * topic.max_sources)
        window_ids = id_range(since, until)
        found = topic_filter(topic, window_ids)
        if found is None and not topic.keywords and topic.parsed_query is None:
            return []
        filters = [window(since, until)] + ([found] if found else [])
        ids = self.ranked(filters, ranking(topic_terms(topic)), limit, window_ids)
        if len(self._candidates) > CANDIDATES_KEPT:
            self._candidates.clear()
            self._kept_sketches.clear()
        self._candidates.update(self.load([i for i in ids if i not in self._candidates]))
        return [(i, self._candidates[i]) for i in ids if i in self._candidates]

    def documents(self, page: int = 500) -> Iterator[tuple[int, Document]]:
        """Every document of the scope, file by file, loaded a page at a time."""
        ids = self.cache.doc_ids(self.scope)
        for start in range(0, len(ids), page):
            yield from self.load(ids[start : start + page])

    def near_duplicates(self) -> list[tuple[Document, tuple[Document, ...]]]:
        """Groups of near-duplicates in the scope: (the richest, the others), as
        match.near_duplicates finds them, with bounded memory: each document's stored sketch
        (computed once), its smallest hashes grouped in SQLite, candidates compared as
        match.dedupe compares them, and only grouped documents loaded."""
        db = self.cache.db
        db.execute("CREATE TEMP TABLE IF NOT EXISTS smallest (hash INTEGER, doc_id INTEGER)")
        db.execute("DELETE FROM smallest")
        for doc_id, sketched in self._sketches():
            db.executemany(
                "INSERT INTO smallest VALUES (?, ?)", [(h, doc_id) for h in sorted(sketched)[:16]]
            )
        parent: dict[int, int] = {}

        def root(i: int) -> int:
            while parent.get(i, i) != i:
                i = parent[i]
            return i

        rows = db.execute(
            "SELECT group_concat(doc_id) FROM smallest GROUP BY hash HAVING count(*) > 1"
        ).fetchall()
        for (members,) in rows:
            ids = sorted({int(m) for m in members.split(",")})[:50]
            runs = self._runs_of(ids)
            for a, b in itertools.combinations(ids, 2):
                if root(a) != root(b) and overlap(runs[a], runs[b]) >= SKETCH_FILTER:
                    if overlap(*(self._all_runs(i) for i in (a, b))) >= DUPLICATE_OVERLAP:
                        parent[root(b)] = root(a)
        groups: dict[int, list[int]] = {}
        for i in parent:
            groups.setdefault(root(i), []).append(i)
        out = []
        for members in groups.values():
            docs = [doc for _, doc in self.load(sorted(set(members) | {root(members[0])}))]
            best = max(docs, key=richness)
            out.append((best, tuple(d for d in docs if d is not best)))
        return sorted(out, key=lambda group: str(group[0].path))

    def _sketches(self, page: int = 500) -> Iterator[tuple[int, frozenset[int]]]:
        """Each document's sketch (its runs, for a short text), loading only what lacks one."""
        self.cache.use(self.scope)
        rows = self.cache.db.execute(
            "SELECT d.id, d.sketch FROM docs d JOIN scope s ON s.file_id = d.file_id"
        ).fetchall()
        missing = []
        for doc_id, blob in rows:
            found = frozenset(array("I", blob)) if blob is not None else frozenset()
            if blob is None or len(found) < SKETCH_MIN:
                missing.append(doc_id)
            else:
                yield doc_id, found
        for start in range(0, len(missing), page):
            yield from self._runs_of(missing[start : start + page]).items()

    def _all_runs(self, doc_id: int) -> frozenset[int]:
        """Every run of a document's text (the last RUNS_KEPT documents' kept)."""
        if doc_id in self._all:
            self._all.move_to_end(doc_id)
        else:
            if len(self._all) >= RUNS_KEPT:
                self._all.popitem(last=False)
            self._all[doc_id] = run_hashes(self.load([doc_id])[0][1].text)
        return self._all[doc_id]

    def _runs_of(self, ids: list[int]) -> dict[int, frozenset[int]]:
        """What match.dedupe compares documents by: the sketch, a short text's runs."""
        out = {}
        stored = {i: self.cache.sketch(i) for i in ids}
        loaded = dict(self.load([i for i, s in stored.items() if s is None or len(s) < SKETCH_MIN]))
        for doc_id, found in stored.items():
            if doc_id in loaded:
                found = self.sketch(doc_id, loaded[doc_id])
                if len(found) < SKETCH_MIN:
                    found = run_hashes(loaded[doc_id].text)
            if found is not None:
                out[doc_id] = found
        return out

    def sketch(self, doc_id: int, doc: Document) -> frozenset[int]:
        """The document's stored sketch; computed and stored the first time it is needed
        (kept for the topics that follow while its document is)."""
        found = self._kept_sketches.get(doc_id)
        if found is None:
            found = self.cache.sketch(doc_id)
            if found is None:
                found = sketch(doc.text)
                self.cache.keep_sketch(doc_id, found)
            if doc_id in self._candidates:  # cleared with them
                self._kept_sketches[doc_id] = found
        return found

    def runs(self, doc: Document) -> frozenset[int]:
        """Every run of the document's text (match.run_hashes), as dedupe compares a short
        text with another: stored by the text's digest the first time, kept for the topics
        that follow."""
        found = self._runs.get(doc.path)
        if found is None:
            found = self.cache.runs(doc.text)
            if found is None:
                found = run_hashes(doc.text)
                self.cache.keep_runs(doc.text, found)
            self._runs[doc.path] = found
        return found

    def ranked(
        self, filters: list[Sql], expression: str | None, limit: int, ids: Ids = EVERY_ID
    ) -> list[int]:
        """Ids of scope documents passing ``filters``, best by BM25 on ``expression`` first."""
        return [doc_id for doc_id, _ in self.ranked_scores(filters, expression, limit, ids)]

    def ranked_scores(
        self,
        filters: list[Sql],
        expression: str | None,
        limit: int,
        ids: Ids = EVERY_ID,
        *,
        few_filtered: bool = False,
    ) -> list[tuple[int, float]]:
        """(id, BM25 score, higher is better) of the best scope documents passing ``filters``
        (BM25 is computed only for ids in ``ids``: give the window's); without an expression,
        in path order with score 0. ``few_filtered``: the filters leave out few matches (a
        search of the whole scope), so the best matches are looked at first."""
        where = " AND ".join(f.where for f in filters) or "1"
        params: tuple[str | int, ...] = tuple(x for f in filters for x in f.params)
        self.cache.use(self.scope)
        if expression is None:  # every score is 0: match.py orders by path, so does this
            sql = (
                "SELECT d.id FROM docs d JOIN scope s ON s.file_id = d.file_id "
                f"JOIN files f ON f.id = d.file_id WHERE {where} ORDER BY f.path, d.n LIMIT ?"
            )
            return [(r[0], 0.0) for r in self.cache.db.execute(sql, (*params, limit))]
        ranked = (
            f"SELECT rowid, bm25(fts, {TITLE_WEIGHT}.0, 1.0) AS rank "
            f"FROM fts WHERE fts MATCH ? AND rowid >= {int(ids[0])} AND rowid < {int(ids[1])}"
        )
        if few_filtered:
            found = self._best_first(ranked, expression, where, params, limit)
            if found is not None:
                return found
        sql = (
            f"SELECT d.id, r.rank FROM ({ranked}) r JOIN docs d ON d.id = r.rowid "
            f"JOIN scope s ON s.file_id = d.file_id WHERE {where} ORDER BY r.rank LIMIT ?"
        )
        rows = self.cache.db.execute(sql, (expression, *params, limit))
        return [(r[0], -r[1]) for r in rows]

    def _best_first(
        self, ranked: str, expression: str, where: str, params: tuple[str | int, ...], limit: int
    ) -> list[tuple[int, float]] | None:
        """The best matches of the whole index, then those passing the filters: when enough
        do, they are the best that pass (no better one can be further down), and the index
        is spared joining every match; None when too few do."""
        top = self.cache.db.execute(
            f"{ranked} ORDER BY rank LIMIT ?", (expression, OVERFETCH * limit)
        )
        best = top.fetchall()
        marks = ", ".join("?" * len(best))
        passing = {
            r[0]
            for r in self.cache.db.execute(
                "SELECT d.id FROM docs d JOIN scope s ON s.file_id = d.file_id "
                f"WHERE d.id IN ({marks}) AND {where}",
                (*(r[0] for r in best), *params),
            )
        }
        kept = [(doc_id, -rank) for doc_id, rank in best if doc_id in passing]
        if len(kept) >= limit or len(best) < OVERFETCH * limit:
            return kept[:limit]
        return None

    def pool(self, terms: Sequence[Term], span: Sql, ids: Ids = EVERY_ID) -> Pool:
        """The statistics BM25 needs over the documents in the window (each counted once
        per window: topics share terms and every topic the window)."""
        size, total = self._counted(span, None, what="count(*), total(d.length)")
        df = {}
        for term in terms:
            words = fts_words(term.text, phrase=not term.together)
            df[term] = int(self._counted(span, words, ids)[0]) if words else size
        return Pool(int(size), total / size if size else 1.0, df)

    def _counted(
        self, span: Sql, words: str | None, ids: Ids = EVERY_ID, what: str = "count(*)"
    ) -> tuple[int, float]:
        key = (span, words, what)
        if key not in self._counts:
            where = _both(span, _fts(words, ids)) if words else span
            self._counts[key] = self._one(where, what)
        return self._counts[key]

    def _one(self, where: Sql, what: str = "count(*)") -> tuple[int, float]:
        self.cache.use(self.scope)
        row = self.cache.db.execute(
            f"SELECT {what} FROM docs d JOIN scope s ON s.file_id = d.file_id WHERE {where.where}",
            where.params,
        ).fetchone()
        return tuple(row)  # type: ignore[return-value]

    def load(self, ids: Sequence[int]) -> list[tuple[int, Document]]:
        """The documents, as a folder build would see them: furniture and ruled paragraphs
        dropped (see ingest/repeated.py)."""
        out = []
        for doc_id, doc in self.cache.documents(ids, self.scope):
            repeated = self.repeated(doc_id)
            out.append((doc_id, drop_hashed(doc, repeated) if repeated else doc))
        kept = apply_rules([doc for _, doc in out], self.rules)
        return [(i, doc) for (i, _), doc in zip(out, kept, strict=True)]

    def repeated(self, doc_id: int) -> set[int]:
        """Hashes of the short paragraphs that the document's folder's text dumps repeat."""
        row = self.cache.db.execute("SELECT folder, dump FROM docs WHERE id = ?", (doc_id,))
        found = row.fetchone()
        return self._furniture(found[0]) if found and found[1] else set()

    def _furniture(self, folder: str) -> set[int]:
        """The short paragraphs (hashes) that at least MIN_DOCS, and MIN_SHARE, of the folder's
        text dumps in the scope share: worked out once per folder, in one query, rather than
        once per document and paragraph (a paragraph common in a large archive was counted
        again for each document that had it)."""
        if folder not in self._repeated:
            members = self._one(Sql("d.folder = ? AND d.dump = 1", (folder,), True))[0]
            found: set[int] = set()
            if members >= MIN_DOCS:
                rows = self.cache.db.execute(
                    "SELECT p.hash FROM shortpars p JOIN docs d ON d.id = p.doc_id "
                    "JOIN scope s ON s.file_id = d.file_id WHERE d.folder = ? AND d.dump = 1 "
                    "GROUP BY p.hash HAVING count(*) >= ?",
                    (folder, max(MIN_DOCS, MIN_SHARE * members)),
                )
                found = {value for (value,) in rows}
            self._repeated[folder] = found
        return self._repeated[folder]


def _both(a: Sql, b: Sql) -> Sql:
    return Sql(f"{a.where} AND {b.where}", a.params + b.params, a.exact and b.exact)
