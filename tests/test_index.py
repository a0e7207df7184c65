"""The index: topic queries answered in SQLite as match.py answers them over a folder, and
kept in step with the files (changed, moved, removed)."""

from __future__ import annotations

import gc
import os
from datetime import date
from pathlib import Path

import pytest

from briefing.cache import UNUSED_DAYS, DocumentCache
from briefing.config import Topic
from briefing.index import Index, fts_words
from briefing.ingest import get_sources, index_sources
from briefing.match import match_topics
from conftest import CORPUS, needs_shared

TEXTS = {
    "sanctions.txt": "New Sanctions on Moscow\n\nThe United States sanctioned three banks. "
    "Sanctioning them was the aim of Russia's partners.",
    "trade.txt": "Trade Talks\n\nTrading partners met. Traders in Beijing and Hong Kong said "
    "supply chains held.",
    "football.txt": "Football\n\nThe football match in Kyiv went ahead; Ukrainian fans sang.",
    "rights.txt": "Human rights\n\nThe Human Rights Council met on abuses in Xinjiang.",
}
QUERIES = [
    "sanction",
    "sanctions",
    '"Hong Kong" OR Xinjiang',
    "Ukraine AND NOT football",
    "title:trade",
    '"human rights" AND (abuses OR accountability)',
    "Russia type:news",
    "NOT Russia",
    "trade AND NOT type:transcript",
]


def corpus(folder: Path) -> Path:
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / name).write_text(text)
    return folder


def both(folder: Path, topics: list[Topic]) -> tuple[list, list]:
    docs, _ = get_sources([folder])
    with DocumentCache() as cache:
        scope, _ = index_sources([folder], cache)
        indexed = Index(cache, scope).match_topics(topics)
    return match_topics(topics, docs), indexed


def paths(found: list) -> list[list[str]]:
    return [[Path(m.doc.path).name for m in ms] for ms in found]


@pytest.mark.parametrize("query", QUERIES)
def test_a_query_finds_in_the_index_what_it_finds_in_the_folder(tmp_path, query):
    topics = [Topic(name="t", query=query)]
    folder_found, index_found = both(corpus(tmp_path / "s"), topics)
    assert paths(index_found) == paths(folder_found)
    assert [m.score for m in index_found[0]] == pytest.approx([m.score for m in folder_found[0]])


def test_keywords_find_word_forms_in_the_index(tmp_path):
    topics = [Topic(name="t", keywords=["sanction"]), Topic(name="u", keywords=["trade"])]
    folder_found, index_found = both(corpus(tmp_path / "s"), topics)
    assert paths(index_found) == paths(folder_found) == [["sanctions.txt"], ["trade.txt"]]


def test_a_phrase_is_words_in_a_row_and_a_keyword_any_order():
    assert fts_words("human rights").startswith('"human"* + "right"*')
    assert "+" not in (fts_words("human rights", phrase=False) or "")


def test_changed_and_removed_files_are_kept_in_step(tmp_path):
    folder = corpus(tmp_path / "s")
    topic = Topic(name="t", keywords=["Xinjiang"])
    with DocumentCache() as cache:
        scope, _ = index_sources([folder], cache)
        assert paths(Index(cache, scope).match_topics([topic])) == [["rights.txt"]]
        (folder / "rights.txt").unlink()
        (folder / "trade.txt").write_text(TEXTS["trade.txt"] + "\n\nXinjiang cotton was discussed.")
        os.utime(folder / "trade.txt", ns=(1, 1))
        scope, _ = index_sources([folder], cache)
        assert paths(Index(cache, scope).match_topics([topic])) == [["trade.txt"]]
        rows = cache.db.execute("SELECT count(*) FROM files WHERE path LIKE '%rights.txt'")
        assert rows.fetchone()[0] == 0  # the removed file left the index
        assert cache.db.execute("SELECT count(*) FROM fts").fetchone()[0] == 3


def test_the_cache_is_the_users_one_and_tests_never_use_home(tmp_path):
    assert str(DocumentCache().path).startswith(os.environ["BRIEFING_CACHE"])
    assert not str(DocumentCache().path).startswith(str(Path.home() / ".cache"))


@needs_shared
def test_state_dept_topics_match_the_same_over_the_index():
    from briefing.config import load_config

    config = load_config(Path(__file__).parents[1] / "config" / "state-dept.yaml")
    for topic in config.topics:
        topic.max_sources = 500
    folder_found, index_found = both(CORPUS / "docs", config.topics)
    assert paths(index_found) == paths(folder_found)


def test_furniture_repeated_across_a_folder_is_dropped_as_in_a_folder_read(tmp_path):
    folder = tmp_path / "dumps"
    folder.mkdir()
    for i in range(4):
        body = f"Report {i}\n\nThe mission met officials in Kyiv on day {i}.\n\nSubscribe now."
        (folder / f"page-{i}.txt").write_text(body)
    docs, _ = get_sources([folder])
    with DocumentCache() as cache:
        scope, _ = index_sources([folder], cache)
        loaded = [doc for _, doc in Index(cache, scope).load(cache.doc_ids(scope))]
    assert [d.text for d in loaded] == [d.text for d in docs]
    assert all("Subscribe" not in d.text for d in loaded)


def test_furniture_needs_its_share_of_the_folder_as_in_a_folder_read(tmp_path):
    """A blurb in 3 of 12 dumps is furniture, in 2 it is not; 8 of 40 (the 20% share) is, 7
    is not; a folder's furniture is its own."""
    for name, count, blurbs in (("a", 12, {"Share this.": 3, "Listen here.": 2}), ("b", 40, {})):
        folder = tmp_path / "dumps" / name
        folder.mkdir(parents=True)
        blurbs = blurbs or {"Related stories.": 8, "Sign up.": 7, "Share this.": 1}
        for i in range(count):
            extra = [text for text, n in blurbs.items() if i < n]
            body = [f"Report {name}{i}", f"The mission met officials in Kyiv on day {i}.", *extra]
            (folder / f"page-{i:02d}.txt").write_text("\n\n".join(body))
    docs, _ = get_sources([tmp_path / "dumps"])
    with DocumentCache() as cache:
        scope, _ = index_sources([tmp_path / "dumps"], cache)
        loaded = [doc for _, doc in Index(cache, scope).load(cache.doc_ids(scope))]
    assert [d.text for d in loaded] == [d.text for d in docs]
    kept = "\n".join(d.text for d in loaded)
    assert "Related" not in kept and "Sign up." in kept and "Listen here." in kept
    assert kept.count("Share this.") == 1  # in b, once: a's furniture is not b's


def test_a_scan_leaves_nothing_for_the_garbage_collector(tmp_path):
    """A warm scan's objects are freed as soon as it returns: none waits in a reference cycle
    for the collector (one that held every file's pair made its next pass as costly as the
    archive is large)."""
    folder = tmp_path / "s"
    for part in range(3):
        deeper = folder / f"part-{part}" / "deeper"
        deeper.mkdir(parents=True)
        for i in range(5):
            (deeper / f"doc-{i}.txt").write_text(f"Report {part}.{i}\n\nThe mission met.")
    with DocumentCache() as cache:
        index_sources([folder], cache)
        enabled = gc.isenabled()
        gc.collect()
        gc.disable()
        try:
            scope, _ = index_sources([folder], cache)
            assert gc.collect() == 0
        finally:
            if enabled:
                gc.enable()
    assert len(scope.files) == 15


def test_sketches_are_stored_and_copies_merged(tmp_path):
    folder = corpus(tmp_path / "s")
    long_text = TEXTS["sanctions.txt"] + "\n\n" + " ".join(f"word{i} sanctions" for i in range(400))
    (folder / "sanctions.txt").write_text(long_text)
    (folder / "copy.txt").write_text(long_text.replace("three banks", "3 banks"))
    topic = Topic(name="t", keywords=["sanction"])
    with DocumentCache() as cache:
        scope, _ = index_sources([folder], cache)
        found = Index(cache, scope).match_topics([topic])[0]
        cache.commit()  # sketches are written at commit
        stored = cache.db.execute("SELECT count(*) FROM docs WHERE sketch IS NOT NULL")
        assert stored.fetchone()[0] >= 2
    assert len(found) == 1 and len(found[0].duplicates) == 1


def test_a_short_excerpt_is_compared_run_by_run_and_its_runs_kept_for_the_next_process(
    tmp_path, monkeypatch
):
    import briefing.index as index_module

    folder = corpus(tmp_path / "s")
    said = [
        f"The sanctions on bank number {i} will hold until the end of the year." for i in range(60)
    ]
    (folder / "sanctions.txt").write_text("Sanctions on banks\n\n" + " ".join(said) + "\n")
    (folder / "excerpt.txt").write_text("Bank sanctions\n\n" + " ".join(said[20:26]) + "\n")
    topic = Topic(name="t", keywords=["sanction"])
    computed = []
    real = index_module.run_hashes
    monkeypatch.setattr(index_module, "run_hashes", lambda text: computed.append(1) or real(text))
    runs = []
    for _ in range(2):  # a new cache connection each time, as a new process
        with DocumentCache() as cache:
            scope, _ = index_sources([folder], cache)
            found = Index(cache, scope).match_topics([topic])[0]
            runs.append(len(computed))
        assert [len(m.duplicates) for m in found if "anks" in m.doc.title] == [1]
    assert runs[0] >= 2 and runs[1] == runs[0]


def test_an_unchanged_document_is_analysed_once_across_processes(project, monkeypatch):
    import briefing.build as build_module
    from briefing.config import load_config

    calls = []
    real = build_module.analyze
    monkeypatch.setattr(build_module, "analyze", lambda doc: calls.append(doc) or real(doc))
    config = load_config(project("mixed") / "config.yaml")
    build_module.build(config, as_of=date(2026, 11, 23))
    first = len(calls)
    build_module.build(config, as_of=date(2026, 11, 23))  # a new cache connection, as a new process
    assert first > 0 and len(calls) == first


def test_feed_entries_fetched_by_url_keep_their_own_paths(tmp_path, monkeypatch):
    import briefing.build as build_module
    from briefing.config import config_from_dict
    from briefing.model import Document

    entries = [
        Document(path=Path(f"example.org/feed.xml#{i}"), title=f"Entry {i}", text=f"Kyiv {i}.")
        for i in "ab"
    ]
    monkeypatch.setattr(build_module, "fetch_feeds", lambda urls: (entries, []))
    data = {"title": "T", "sources": ["https://example.org/feed.xml"], "output": str(tmp_path)}
    data["topics"] = [{"name": "Kyiv", "keywords": ["Kyiv"]}]
    config = config_from_dict(data, tmp_path / "config.yaml")
    with DocumentCache() as cache:
        index, _ = build_module.indexed_sources(config, cache)
        loaded = [doc for _, doc in index.load(cache.doc_ids(index.scope))]
        found = index.match_topics(config.topics)
    assert [d.path for d in loaded] == [e.path for e in entries]
    assert sorted(str(m.doc.path) for m in found[0]) == [str(e.path) for e in entries]


def test_analyses_of_documents_gone_or_edited_are_forgotten_and_a_warm_build_stays_warm(
    project, monkeypatch
):
    """Each analysis notes the day it was last used; one unused for UNUSED_DAYS goes (an
    edited document's old analysis here), and those a build uses stay, however old."""
    import briefing.build as build_module
    import briefing.cache as cache_module
    from briefing.config import load_config

    calls = []
    real = build_module.analyze
    monkeypatch.setattr(build_module, "analyze", lambda doc: calls.append(doc) or real(doc))
    day = date(2026, 11, 23).toordinal()
    monkeypatch.setattr(cache_module, "today", lambda: day)
    folder = project("mixed")
    config = load_config(folder / "config.yaml")

    def build_on(offset: int) -> tuple[int, int]:
        nonlocal day
        day = date(2026, 11, 23).toordinal() + offset
        before = len(calls)
        build_module.build(config, as_of=date(2026, 11, 23))
        with DocumentCache(config.cache_path) as cache:
            kept = cache.db.execute("SELECT count(*) FROM analyses").fetchone()[0]
        return len(calls) - before, kept

    analysed, kept = build_on(0)
    edited = folder / "sources" / "2026-11-19_press-briefing.txt"
    edited.write_text(edited.read_text() + "\n\nThe spokesperson added a line on sanctions.\n")
    assert build_on(1) == (1, kept + 1)  # the edited text analysed; its old analysis stays
    assert build_on(20) == (0, kept + 1)  # nothing analysed again; every row still there
    assert build_on(20 + UNUSED_DAYS) == (0, kept)  # the old analysis unused for 30 days
    assert analysed == kept > 0


def test_runs_unused_for_a_month_are_forgotten_and_those_read_are_kept(monkeypatch):
    import briefing.cache as cache_module

    day = 1000
    monkeypatch.setattr(cache_module, "today", lambda: day)
    with DocumentCache() as cache:
        cache.keep_runs("read again later", frozenset({1, 2}))
        cache.keep_runs("never read again", frozenset({3}))
        day += 20
        assert cache.runs("read again later") == frozenset({1, 2})
        day += UNUSED_DAYS - 20
        assert cache.forget_unused() == 0  # the other unused for 30 days: not yet
        day += 1
        assert cache.forget_unused() == 1
        assert cache.runs("never read again") is None
        assert cache.runs("read again later") == frozenset({1, 2})  # read today again
        day += UNUSED_DAYS + 1
        assert cache.forget_unused() == 1 and cache.runs("read again later") is None


def test_rows_an_older_version_wrote_stay_until_read_and_it_can_still_write(tmp_path, monkeypatch):
    """A version without days of use shares the cache: its rows (no day) are kept, and dated
    once read; its writes still fit the tables."""
    import briefing.cache as cache_module

    day = 1000
    monkeypatch.setattr(cache_module, "today", lambda: day)
    with DocumentCache() as cache:
        cache.db.execute("INSERT OR REPLACE INTO runs VALUES (?, ?)", (b"old", b"\x02\0\0\0"))
        cache.db.execute("INSERT OR REPLACE INTO analyses VALUES (?, ?)", ("old", b"x"))
        day += 10 * UNUSED_DAYS
        assert cache.forget_unused() == 0
        assert cache._used("runs", b"old") == b"\x02\0\0\0"
        day += UNUSED_DAYS + 1
        assert cache.forget_unused() == 1  # the run, once dated; the analysis never read
        assert cache.db.execute("SELECT key FROM analyses").fetchall() == [("old",)]


def test_a_cache_from_before_days_of_use_has_every_row_dated_today(tmp_path, monkeypatch):
    import sqlite3

    import briefing.cache as cache_module

    day = 1000
    monkeypatch.setattr(cache_module, "today", lambda: day)
    with DocumentCache() as cache:
        path = cache.path
    db = sqlite3.connect(path)  # as the previous version left it: rows, and no days of use
    db.execute("DROP TABLE analyses_used")
    db.execute("DROP TABLE runs_used")
    db.execute("INSERT INTO analyses VALUES ('by older code', x'00')")
    db.commit()
    db.close()
    with DocumentCache() as cache:
        assert cache.forget_unused() == 0
        day += UNUSED_DAYS + 1
        assert cache.forget_unused() == 1


def test_a_build_reading_while_another_process_writes_keeps_what_it_learnt(tmp_path):
    """Two builds share the user's cache. One reads (its scope in the temp table, sketches and
    analyses looked up) while the other writes and commits: what the reader learnt is written
    at its commit, after waiting its turn, not refused with "database is locked"."""
    folder = corpus(tmp_path / "s")
    topic = Topic(name="t", keywords=["sanction"])
    with DocumentCache() as reader, DocumentCache() as writer:
        scope, _ = index_sources([folder], reader)
        index = Index(reader, scope)
        doc_id = reader.doc_ids(scope)[0]  # the read phase has begun
        writer.keep_runs("another build's text", frozenset({7}))
        writer.commit()
        assert index.match_topics([topic])[0]  # sketches compared and kept
        reader.keep_sketch(doc_id, frozenset({1, 2}))
        reader.keep_analysis("an analysis", (1, 2))
        reader.keep_runs("a text", frozenset({3}))
        assert reader.sketch(doc_id) == frozenset({1, 2})  # read back before it is written
        assert reader.analysis("an analysis") == (1, 2)
    with DocumentCache() as later:
        assert later.sketch(doc_id) == frozenset({1, 2})
        assert later.analysis("an analysis") == (1, 2)
        assert later.runs("a text") == frozenset({3})
        assert later.runs("another build's text") == frozenset({7})


def test_a_sketch_held_for_commit_goes_with_its_text_when_the_file_changes(tmp_path):
    """A file edited in place and indexed again before the commit (a search refreshing its
    scope) may get its document's id back: the old text's sketch is not written onto it."""
    import os

    from briefing.match import sketch

    folder = tmp_path / "s"
    folder.mkdir()
    page = folder / "a.txt"
    page.write_text("Old\n\n" + " ".join(f"alpha{i} beta{i} gamma{i}." for i in range(400)))
    with DocumentCache() as cache:
        scope, _ = index_sources([folder], cache)
        [(old_id, old)] = Index(cache, scope).load(cache.doc_ids(scope))
        Index(cache, scope).sketch(old_id, old)  # held for the commit
        page.write_text("New\n\n" + " ".join(f"delta{i} omega{i} zeta{i}." for i in range(400)))
        os.utime(page, ns=(1, 10**18))
        scope, _ = index_sources([folder], cache)
        [(new_id, new)] = Index(cache, scope).load(cache.doc_ids(scope))
    with DocumentCache() as cache:
        assert cache.sketch(new_id) in (None, sketch(new.text))


def test_a_cache_locked_by_another_process_is_an_error_and_never_deleted(monkeypatch):
    """A cache another process holds locked (here while it starts an older schema again) is
    reported, not taken for a broken file and deleted under that process."""
    import sqlite3

    import briefing.cache as cache_module

    with DocumentCache() as cache:
        cache.keep_runs("kept", frozenset({1}))
        path = cache.path
    other = sqlite3.connect(path)
    other.execute("PRAGMA user_version = 1")  # as an older version would find it
    other.commit()
    other.execute("BEGIN IMMEDIATE")  # another process writing
    monkeypatch.setattr(cache_module, "LOCK_WAIT", 0.1)
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        DocumentCache()
    other.rollback()
    other.execute(f"PRAGMA user_version = {cache_module.SCHEMA_VERSION}")
    other.commit()
    other.close()
    with DocumentCache() as cache:
        assert cache.runs("kept") == frozenset({1})


def _forty_reports(folder: Path) -> Path:
    """40 small text files, each naming "sanctions" and a run of words shared with others."""
    folder.mkdir()
    for i in range(40):
        words = " ".join(f"word{i * 7 % 13 + j}" for j in range(30))
        (folder / f"doc-{i:02d}.txt").write_text(f"Report {i} on sanctions\n\n{words}.")
    return folder


def test_a_large_scan_merges_the_full_text_index_and_answers_the_same(tmp_path, monkeypatch):
    """Transactions of 4 files leave the FTS5 index in many segments, each visited by every
    lookup; a scan that parses COMPACT_FROM files (and a tenth of the index) merges them."""
    import briefing.ingest as ingest_module

    folder = _forty_reports(tmp_path / "s")
    monkeypatch.setattr(ingest_module, "COMMIT_EVERY", 4)
    segments, answers = [], []
    for compact_from in (1000, 40):
        monkeypatch.setattr(ingest_module, "COMPACT_FROM", compact_from)
        monkeypatch.setenv("BRIEFING_CACHE", str(tmp_path / f"cache-{compact_from}"))
        with DocumentCache() as cache:
            scope, _ = index_sources([folder], cache)
            rows = cache.db.execute("SELECT count(*) FROM fts_data").fetchone()[0]
            found = Index(cache, scope).match_topics([Topic(name="t", keywords=["word7"])])
        segments.append(rows)
        answers.append([(m.doc.path.name, m.score) for m in found[0]])
    assert segments[1] < segments[0] and answers[0] == answers[1] and answers[0]


def test_full_text_rows_go_in_at_commit_in_id_order_one_segment_not_one_a_document(tmp_path):
    """Ids follow dates, files are read by path: here every file is dated before the one
    read before it. FTS5 starts a segment whenever an id is lower than the last one written,
    so the rows are held back and written in id order when the scan commits."""
    folder = tmp_path / "s"
    folder.mkdir()
    for i in range(30):
        day = date(2021, 12, 30 - i).strftime("%B %d, %Y")  # the later the name, the earlier
        (folder / f"report-{i:02d}.txt").write_text(
            f"Report {i} on sanctions\n\n{day}\n\nThe ministry sanctioned banks, word{i}.\n"
        )
    with DocumentCache() as cache:
        scope, _ = index_sources([folder], cache)
        rows = cache.db.execute("SELECT count(*) FROM fts_data").fetchone()[0]
        assert rows <= 6  # 3 here; 17 when each row went in as its file was read
        found = Index(cache, scope).match_topics([Topic(name="t", keywords=["word7"])])
        everything = cache.db.execute("SELECT count(*) FROM fts WHERE fts MATCH 'sanctions'")
        assert everything.fetchone()[0] == 30
    assert [m.doc.path.name for m in found[0]] == ["report-07.txt"]


def test_a_file_indexed_twice_before_a_commit_keeps_only_its_last_words(tmp_path, monkeypatch):
    import briefing.cache as cache_module

    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("First report\n\nThe ministry spoke of the zebra trade today.\n")
    second.write_text("Second report\n\n" + "The ministry spoke of the giraffe trade. " * 20)
    docs = {path: get_sources([path])[0] for path in (first, second)}
    with DocumentCache() as cache:
        for path in (first, second):  # both as the same file, as a file changed mid-scan is
            cache.put(path, key="/k/a.txt", stat=(1, 1), sha256=path.name, docs=docs[path])
        monkeypatch.setattr(cache_module, "PENDING_TEXT", 100)  # held back no longer
        cache.put(first, key="/k/c.txt", stat=(1, 1), sha256="c", docs=docs[first])
        written = cache.db.execute("SELECT count(*) FROM fts").fetchone()[0]
        cache.commit()
        words = {
            word: cache.db.execute("SELECT count(*) FROM fts WHERE fts MATCH ?", (word,))
            for word in ("zebra", "giraffe")
        }
        assert {word: rows.fetchone()[0] for word, rows in words.items()} == {
            "zebra": 1,
            "giraffe": 1,
        }
    assert written == 2  # past PENDING_TEXT, the rows held back were written at once


def test_documents_are_read_a_page_at_a_time_in_the_order_asked(tmp_path, monkeypatch):
    """Across pages, in any order, the entries of a feed (which share one row) included."""
    from test_readers import FEED

    import briefing.cache as cache_module

    folder = tmp_path / "s"
    folder.mkdir()
    (folder / "europe.rss").write_text(FEED)
    for i in range(7):
        (folder / f"note-{i}.txt").write_text(f"Note {i}\n\nThe ministry met on trade, {i}.\n")
    monkeypatch.setattr(cache_module, "PAGE", 3)
    with DocumentCache() as cache:
        scope, _ = index_sources([folder], cache)
        ids = cache.doc_ids(scope)
        asked = ids[::-1] + [ids[0], 10**15]  # one twice, one unknown
        found = list(cache.documents(asked, scope))
    folder_read, _ = get_sources([folder])
    by_path = {doc.path: doc for doc in folder_read}
    assert [i for i, _ in found] == asked[:-1]
    assert [doc for _, doc in found] == [by_path[doc.path] for _, doc in found]
    assert len({doc.path for _, doc in found}) == len(folder_read) == 9


def test_a_large_scan_merges_before_its_last_files_and_answers_the_same(tmp_path, monkeypatch):
    """The merge is done at the commit LAST_COMMIT files before the end, while the workers
    parse the rest (see ingest.COMPACT_FROM); the last files' rows go in after it, and every
    document is found as after a merge at the end."""
    import briefing.ingest as ingest_module

    folder = _forty_reports(tmp_path / "s")
    monkeypatch.setattr(ingest_module, "COMMIT_EVERY", 4)
    monkeypatch.setattr(ingest_module, "COMPACT_FROM", 40)
    indexed_at_merge = []
    compact = DocumentCache.compact

    def counted(self):  # type: ignore[no-untyped-def]
        indexed_at_merge.append(self.db.execute("SELECT count(*) FROM files").fetchone()[0])
        compact(self)

    monkeypatch.setattr(DocumentCache, "compact", counted)
    answers = []
    for last in (100, 5):  # 100: more than the scan parses, so merged after the last write
        monkeypatch.setattr(ingest_module, "LAST_COMMIT", last)
        monkeypatch.setenv("BRIEFING_CACHE", str(tmp_path / f"cache-{last}"))
        with DocumentCache() as cache:
            scope, _ = index_sources([folder], cache)
            found = Index(cache, scope).match_topics([Topic(name="t", keywords=["word7"])])
            everything = cache.db.execute("SELECT count(*) FROM fts WHERE fts MATCH 'sanctions'")
            assert everything.fetchone()[0] == 40
        answers.append([(m.doc.path.name, m.score) for m in found[0]])
    assert indexed_at_merge == [40, 35]
    assert answers[0] == answers[1] and answers[0]
