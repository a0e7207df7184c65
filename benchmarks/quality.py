"""Quality figures on ../shared/eval, computed with ../shared/eval/scoring.py, beside the
peers' figures from ../shared/eval/README.md.

Run: python benchmarks/quality.py [--topics]   (needs rouge-score for the summary figure; skips when
../shared is not beside the repository)
"""

from __future__ import annotations

import importlib.util
import json
import logging
import sys
import tempfile
from pathlib import Path

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"


def scoring():
    spec = importlib.util.spec_from_file_location("scoring", EVAL / "scoring.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def rows(folder: str, name: str) -> list[dict]:
    return [json.loads(line) for line in (EVAL / folder / name).read_text().splitlines()]


def summaries(score) -> None:
    """Through the same record as `briefing inspect --json --sentences K`, beside Lead-K (the
    first K sentences as our reader splits them) in the same run: CNN/DM (3 sentences, ROUGE),
    XSum (1 sentence, ROUGE; XSum's articles lack their first sentence, which is the reference)
    and BBC News Summary (as many sentences as the reference extract, sentence P = R)."""
    from briefing.analyze import analyze
    from briefing.ingest import read_file
    from briefing.summarize import doc_sentences

    try:
        from rouge_score import rouge_scorer
    except ImportError:
        print("summaries: skipped (pip install rouge-score)")
        return
    pred: dict[str, dict] = {"ours": {}, "lead": {}}
    xsum: dict[str, list[float]] = {"ours": [], "lead": []}
    scorer = rouge_scorer.RougeScorer(["rouge1"], use_stemmer=True)
    for row in rows("summarization-cnndm", "references.jsonl"):
        doc = read_file(EVAL / "summarization-cnndm" / row["file"])
        k = 3 if row["dataset"] == "cnndm" else 1
        ours = [s.text for s in analyze(doc, sentences=k).summary]
        lead = [s.text for s in doc_sentences(doc)[:k]]
        if row["dataset"] == "cnndm":
            pred["ours"][row["id"]], pred["lead"][row["id"]] = ours, lead
        else:
            for name, summary in (("ours", ours), ("lead", lead)):
                result = scorer.score(row["reference"], "\n".join(summary))
                xsum[name].append(100 * result["rouge1"].fmeasure)
    folder = EVAL / "summarization-cnndm"
    cnndm = {name: score.score_summaries(p, folder) for name, p in pred.items()}
    print(
        f"summaries, CNN/DM dev ({cnndm['ours']['n']} docs), 3 sentences: ROUGE-1 "
        f"{cnndm['ours']['rouge1']:.1f}, ROUGE-2 {cnndm['ours']['rouge2']:.1f}, ROUGE-Lsum "
        f"{cnndm['ours']['rougeLsum']:.1f}; Lead-3 in this run {cnndm['lead']['rouge1']:.1f} / "
        f"{cnndm['lead']['rouge2']:.1f} / {cnndm['lead']['rougeLsum']:.1f}   "
        "[peers: Lead-3 41.7, LexRank 32.0, TextRank 29.5]"
    )
    n = len(xsum["ours"])
    print(
        f"summaries, XSum dev ({n} docs), 1 sentence: ROUGE-1 {sum(xsum['ours']) / n:.1f}; "
        f"Lead-1 in this run {sum(xsum['lead']) / n:.1f}"
    )
    hits = {"ours": 0, "lead": 0}
    total = 0
    for row in rows("summarization-bbc", "references.jsonl"):
        doc = read_file(EVAL / "summarization-bbc" / row["file"])
        gold = {s.strip() for s in row["reference_sentences"]}
        k = len(gold)
        total += k
        chosen = {
            "ours": [s.text for s in analyze(doc, sentences=k).summary],
            "lead": [s.text for s in doc_sentences(doc)[:k]],
        }
        for name, summary in chosen.items():
            hits[name] += sum(s.strip() in gold for s in summary)
    print(
        f"summaries, BBC News Summary (100 docs), as many sentences as the reference: "
        f"sentence P = R {hits['ours'] / total:.3f}; Lead in this run {hits['lead'] / total:.3f}"
    )


PEERS_ON_DEV = "[peers on dev: regex 0.76 / 0.40, textacy+spaCy 0.55 / 0.73]"


def quotes(score) -> None:
    """Through the same record as `briefing inspect --json`."""
    from briefing.cli import inspect_record
    from briefing.ingest import read_file

    # Train and dev side by side: the rules were written against dev, so a gap between the
    # two is what a held-out set will show.
    for folder, split in (("quotes-polnear-train", "train"), ("quotes-polnear", "dev")):
        gold = score.load_quote_gold(EVAL / folder)
        pred = {}
        for doc_id, row in gold.items():
            record = inspect_record(read_file(EVAL / folder / row["file"]))
            found = record["quotes"]
            pred[doc_id] = [{"text": q["text"], "speaker": q["speaker"] or ""} for q in found]
        r = score.score_quotes(pred, gold)
        print(
            f"quotes, PolNeAR {split} ({len(gold)} docs): P {r['precision']:.3f} "
            f"R {r['recall']:.3f} F1 {r['f1']:.3f}, speaker accuracy "
            f"{r['speaker_accuracy']:.3f} ({r['n_speaker']} speakers)   "
            + (PEERS_ON_DEV if split == "dev" else "")
        )


OTHER_COUNTRIES = Path(__file__).parent / "data" / "quotes_other_countries.jsonl"
BLIND_HTML = Path(__file__).parent / "data" / "quotes_blind_html.jsonl"


def _plain(text: str) -> str:
    from briefing.ingest.meta import fold

    return fold(" ".join(text.replace("’", "'").split()))


def _speaker_check(path: Path, quote_of) -> tuple[int, int, int, int]:
    """(quotes, pages, found, right) of a hand-annotated check set: ``quote_of(row, quotes,
    text)`` finds a row's quote among its page's; right when the speaker's last words are the
    annotated surname (or body's name), whole."""
    from briefing.cli import inspect_record
    from briefing.ingest import read_file

    gold = [json.loads(line) for line in path.read_text().splitlines()]
    records: dict[str, dict] = {}
    texts: dict[str, str] = {}
    found = right = 0
    for row in gold:
        if row["page"] not in records:
            doc = read_file(EVAL / row["page"])
            records[row["page"]], texts[row["page"]] = inspect_record(doc), doc.text
        quote = quote_of(row, records[row["page"]]["quotes"], texts[row["page"]])
        found += quote is not None
        said = _plain(quote["speaker"] or "").split() if quote else []
        named = _plain(row["speaker"]).split()
        # a row with no speaker named is right when the quote is found with none
        right += quote is not None and said[-len(named) :] == named
    return len(gold), len(records), found, right


def other_countries() -> None:
    """Quotes in news pages, hand-annotated on the extraction pages of ../shared/eval: each
    row is the start of a quote and its speaker's surname. Recall: the quote is found;
    speaker: its speaker's last words are that surname. Check sets, not benchmarks.

    - quotes_other_countries: news from other countries (British, Irish, Indian, Caribbean,
      Swedish, Australian, wire copy), annotated by us while rules were written.
    - quotes_blind_html: 40 quotes on 21 pages no other set uses (31 of them American), drawn
      at random (seed 23, 2026-12-06) by a helper who never saw the tool's output."""

    def quote_of(row: dict, quotes: list[dict], _text: str) -> dict | None:
        return next((q for q in quotes if _plain(row["quote"]) in _plain(q["text"])), None)

    for path, what in (
        (OTHER_COUNTRIES, "other countries' news, hand-annotated check set"),
        (BLIND_HTML, "news pages, blind check set"),
    ):
        n, pages, found, right = _speaker_check(path, quote_of)
        print(
            f"quotes, {what} ({n} quotes, {pages} pages): found {found / n:.3f}, speaker by "
            f"surname {right / n:.3f}"
        )


UNSEEN_UK = Path(__file__).parent / "data" / "quotes_unseen_uk.jsonl"
UNSEEN_UK2 = Path(__file__).parent / "data" / "quotes_unseen_uk2.jsonl"
UNSEEN_UK3 = Path(__file__).parent / "data" / "quotes_unseen_uk3.jsonl"
UNSEEN_UK4 = Path(__file__).parent / "data" / "quotes_unseen_uk4.jsonl"
UNSEEN_UK5 = Path(__file__).parent / "data" / "quotes_unseen_uk5.jsonl"
UNSEEN_UK6 = Path(__file__).parent / "data" / "quotes_unseen_uk6.jsonl"
UNSEEN_UK7 = Path(__file__).parent / "data" / "quotes_unseen_uk7.jsonl"
UNSEEN_UK8 = Path(__file__).parent / "data" / "quotes_unseen_uk8.jsonl"
UNSEEN_UK9 = Path(__file__).parent / "data" / "quotes_unseen_uk9.jsonl"


def unseen_uk() -> None:
    """Quotes in British news (BBC, Daily Mail articles of ../shared/eval's CNN/DM and XSum
    set), their speakers annotated by reading each article. Each row keys its quote by a hash
    of its first 20 characters (the articles are for internal evaluation only: no text of
    theirs is kept here).

    - quotes_unseen_uk: 35 drawn at random from articles no rule was written against (seed 7,
      2026-12-06); the speaker rules of that day were written before it was (three rules after
      it were prompted by its misses: 7d24bf5, 5683eb8 and the lower-case-name rule of
      5dbd4f6).
    - quotes_unseen_uk2: 40 drawn by a helper who did not see the tool's output (seed 11,
      2026-12-06, 21 articles outside the first set). Blind when first measured (16 found,
      9/40 right at 2637ea6 and ecb7a4d); its misses were then read, and da46658 (marks left
      at a line's end), e1bb379 and 2f30b57 were prompted by them, so it is no longer blind
      for those forms. Many of its BBC quotes have their closing mark moved to the start of the
      next line by the dataset's sentence splitting, which the reader undoes since 6d2e9eb.
    - quotes_unseen_uk3: 40 drawn by a helper who did not see the tool's output (seed 41,
      2026-12-06, 22 articles outside the other sets; two rows name no speaker). Measured
      only, its misses unread: 22 found, 17/40 at 628655d; 32 found, 23/40 at 3d512f5; then
      (2026-12-07) its misses were read: 7883651 was prompted by them.
    - quotes_unseen_uk4: 50 drawn by a helper who did not see the tool's output (seed 59,
      2026-12-07, 27 articles outside the other sets, 6 of them BBC articles of the XSum set;
      two rows name no speaker). Measured only, its misses unread: 42 found, 24/50 at 47739fe
      and again at 0521583 (after the rules prompted by set 3); then (2026-12-07) its misses
      were read, and the rules of the next commit were prompted by them (28/50 after).
    - quotes_unseen_uk5: 50 drawn by a helper who did not see the tool's output (seed 83,
      2026-12-07, 29 articles outside the other sets, 19 of them BBC). Measured only, its
      misses unread: 44 found, 32/50 at 91a9afe and after the rules prompted by set 4; then
      its misses were read, and 8b3ed27 and the next commit were prompted by them.
    - quotes_unseen_uk6: 50 drawn by a helper who did not see the tool's output (seed 97,
      2026-12-07, 28 articles outside the other sets, 17 of them BBC). Measured only, its
      misses unread: 46 found, 31/50 at 91a9afe; 47 found, 31/50 after the rules prompted by
      sets 4 and 5; then (2026-12-07) its misses were read, and the next commit was prompted
      by them (34/50 after).
    - quotes_unseen_uk7: 48 drawn by a helper who did not see the tool's output (seed 113,
      2026-12-07, 25 articles outside the other sets, 6 of them BBC; a Welsh article's two
      rows left out). Measured only, its misses unread: 45 found, 29/48 at af26ae7 and after
      the rules prompted by set 6; then (2026-12-07, session 22) its misses were read, and the
      epithet rule of 66e6d15 was prompted by them (31/48 after).
    - quotes_unseen_uk8: 50 drawn by a helper who did not see the tool's output (seed 131,
      2026-12-07, 29 articles outside the other sets, 22 of them BBC: 15 of the XSum set under
      summarization-cnndm/, 7 of summarization-bbc/; two rows name no
      speaker). Measured only, its misses unread: 46 found, 32/50 at e980ad8 and after the
      epithet rule of 66e6d15 and its review fixes; then (2026-12-07, session 24) its misses
      were read, and the rules of the next commit were prompted by them (34/50 after).
    - quotes_unseen_uk9: 50 drawn by a helper who did not see the tool's output (seed 149,
      2026-12-07, 26 articles outside the other sets, 19 of them BBC; two rows name no
      speaker). Measured only, its misses unread: 46 found, 31/50 at 72ee794 and after the
      rules prompted by set 8."""
    import hashlib

    def quote_of(row: dict, quotes: list[dict], text: str) -> dict | None:
        """The quote that starts with the row's, or one part of which does: a quotation
        split by its attribution ("…,” she said. “…”) is one quote of several parts."""

        def key(part: str) -> str:
            return hashlib.sha1(_plain(part)[:20].encode()).hexdigest()[:16]

        def starts(q: dict) -> list[str]:
            return [q["text"], *(text[start:end] for start, end in q["parts"])]

        return next((q for q in quotes if row["quote_start_sha1"] in map(key, starts(q))), None)

    for path, what in (
        (UNSEEN_UK, "no rule was written against"),
        (UNSEEN_UK2, "set 2"),
        (UNSEEN_UK3, "set 3"),
        (UNSEEN_UK4, "set 4"),
        (UNSEEN_UK5, "set 5"),
        (UNSEEN_UK6, "set 6"),
        (UNSEEN_UK7, "set 7"),
        (UNSEEN_UK8, "set 8"),
        (UNSEEN_UK9, "set 9, blind"),
    ):
        n, _, found, right = _speaker_check(path, quote_of)
        print(f"quotes, British news {what} ({n} quotes): found {found}, speaker {right}/{n}")


def extraction(score) -> None:
    import trafilatura

    from briefing.errors import SourceError
    from briefing.ingest import read_file

    def ours(path: Path):
        try:
            return read_file(path)
        except SourceError:
            return None

    for folder, peers in (
        ("extraction-zyte", "AutoExtract 0.971, trafilatura 0.968"),
        ("extraction-trafilatura", "trafilatura 2.3.1 defaults 0.923"),
    ):
        gold = rows(folder, "gold.jsonl")
        docs = {r["id"]: ours(EVAL / folder / r["file"]) for r in gold}
        mine = {k: d.text if d else "" for k, d in docs.items()}
        base = {
            r["id"]: trafilatura.extract((EVAL / folder / r["file"]).read_text(errors="replace"))
            or ""
            for r in gold
        }
        if folder == "extraction-zyte":
            golds = {r["id"]: r["text"] for r in gold}
            a, b = score.score_extraction(golds, mine), score.score_extraction(golds, base)
        else:
            a, b = score.score_segments(gold, mine), score.score_segments(gold, base)
        print(
            f"extraction, {folder} ({a['n']} pages): F1 {a['f1']:.3f} (P {a['precision']:.3f} "
            f"R {a['recall']:.3f}; trafilatura.extract in this run {b['f1']:.3f})   "
            f"[peers: {peers}]"
        )
        if folder == "extraction-trafilatura":
            metadata(gold, docs)


def metadata(gold: list[dict], docs: dict) -> None:
    """Title and date against the gold, on the pages that have gold for them."""

    def same(a: str | None, b: str | None) -> bool:
        return " ".join((a or "").split()).casefold() == " ".join((b or "").split()).casefold()

    titled = [r for r in gold if r.get("title")]
    dated = [r for r in gold if r.get("date")]
    title_ok = sum(1 for r in titled if docs[r["id"]] and same(docs[r["id"]].title, r["title"]))
    date_ok = sum(
        1
        for r in dated
        if docs[r["id"]] and docs[r["id"]].date and docs[r["id"]].date.isoformat() == r["date"][:10]
    )
    print(
        f"  titles {title_ok}/{len(titled)} ({title_ok / len(titled):.0%}), dates "
        f"{date_ok}/{len(dated)} ({date_ok / len(dated):.0%})   [target ≥ 95% each]"
    )


def topics() -> None:
    """Each topic of config/state-dept.yaml against the corpus labels (documents, not files:
    the HTML and text copy of a release are one document). The labels give each document one
    topic; the config lists each source under its best topic (exclusive_topics), and the
    figure with sources shared between topics is printed beside it."""
    from briefing.cache import DocumentCache
    from briefing.config import load_config
    from briefing.index import Index
    from briefing.ingest import get_sources, index_sources
    from briefing.match import match_topics

    corpus = EVAL.parent / "corpus" / "state-dept-2021-2022"
    labels = {}
    for line in (corpus / "metadata.jsonl").read_text().splitlines():
        row = json.loads(line)
        labels[row["id"]] = row["topic"]
    config = load_config(Path(__file__).resolve().parents[1] / "config" / "state-dept.yaml")
    docs, _ = get_sources([corpus / "docs"])
    folder = lambda exclusive: match_topics(config.topics, docs, exclusive=exclusive)  # noqa: E731
    names = [
        "russia_ukraine",
        "china",
        "syria",
        "iran",
        "dprk",
        "afghanistan",
        "human_rights",
        "trade_economic",
        "press_briefing",
    ]
    for topic in config.topics:
        topic.max_sources = 500  # every match, not the brief's top few
    with tempfile.TemporaryDirectory() as tmp, DocumentCache(Path(tmp) / "index.sqlite") as cache:
        scope, _ = index_sources([corpus / "docs"], cache)
        index = Index(cache, scope)
        indexed = lambda exclusive: index.match_topics(config.topics, exclusive=exclusive)  # noqa: E731
        for how, find in (("a folder", folder), ("the index", indexed)):
            _topic_scores(config, names, labels, find, how)


def _topic_scores(config, names, labels, find, where: str) -> None:
    for exclusive in (config.exclusive_topics, not config.exclusive_topics):
        found = find(exclusive)
        f1s = []
        for topic, label, matches in zip(config.topics, names, found, strict=True):
            chosen = {Path(m.doc.path).stem for m in matches}
            gold = {doc_id for doc_id, t in labels.items() if t == label}
            hits = len(chosen & gold)
            p, r = (hits / len(chosen) if chosen else 0.0), hits / len(gold)
            f1s.append(2 * p * r / (p + r) if p + r else 0.0)
            if exclusive == config.exclusive_topics:
                print(
                    f"  {topic.name:<24} P {p:.2f}  R {r:.2f}  F1 {f1s[-1]:.2f}  "
                    f"({len(chosen)} matched, {len(gold)} labelled)"
                )
        how = "each source under its best topic" if exclusive else "sources shared by topics"
        print(
            f"topic matching over {where}, state-dept labels, {how}: macro F1 "
            f"{sum(f1s) / len(f1s):.3f}"
            "   [target ≥ 0.90]"
        )


def main() -> int:
    if not EVAL.is_dir():
        print(f"skipped: {EVAL} not found")
        return 0
    logging.disable(logging.WARNING)
    if "--topics" in sys.argv:  # only the topic-matching figures (fast)
        topics()
        return 0
    score = scoring()
    summaries(score)
    quotes(score)
    other_countries()
    unseen_uk()
    extraction(score)
    topics()
    return 0


if __name__ == "__main__":
    sys.exit(main())
