"""Assemble the one Brief model from the matched and analyzed sources of every topic."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from briefing.config import Topic
from briefing.keyquotes import key_quotes
from briefing.match import term_pattern
from briefing.model import (
    Analysis,
    Brief,
    BriefInfo,
    Document,
    KeyQuote,
    Match,
    Point,
    Section,
    Sentence,
    SourceRef,
)
from briefing.summarize import mmr, rank_sentences

EXECUTIVE_POINTS = 6


def source_id(doc: Document) -> str:
    """A stable id for a source: a short hash of its path."""
    return "s" + hashlib.sha1(str(doc.path).encode()).hexdigest()[:8]


def assemble(
    *,
    info: BriefInfo,
    topics: Sequence[tuple[Topic, list[Match]]],
    analyses: Mapping[Path, Analysis],
    previous: Mapping[str, Any] | None = None,
) -> Brief:
    """Build the Brief: a section per topic, and a numbered list of the sources cited.

    ``previous`` is the last edition's brief.json: what is not in it is marked new.
    """
    sections = [_section(topic, matches, analyses) for topic, matches in topics]
    if previous:
        sections = [_mark_new(s, previous) for s in sections]
    docs: dict[str, Document] = {}
    for _, matches in topics:
        for m in matches:
            docs.setdefault(source_id(m.doc), m.doc)
    sources = tuple(
        _source_ref(sid, doc, i, info.base) for i, (sid, doc) in enumerate(docs.items(), 1)
    )
    dates = [d.date for d in docs.values() if d.date]
    return Brief(
        name=info.name,
        title=info.title,
        organization=info.organization,
        as_of=info.as_of,
        period_start=info.since or (min(dates) if dates else None),
        generated_at=info.generated_at,
        sections=tuple(sections),
        sources=sources,
        executive_summary=tuple(s.points[0] for s in sections if s.points)[:EXECUTIVE_POINTS],
        label=info.label,
        previous_as_of=str(previous["as_of"]) if previous and previous.get("as_of") else None,
    )


def _mark_new(section: Section, previous: Mapping[str, Any]) -> Section:
    """Note the sources and points of ``section`` that the previous edition did not have."""
    old_sources = {s.get("id") for s in previous.get("sources", [])}
    old_points = {p.get("text") for t in previous.get("topics", []) for p in t.get("summary", [])}
    return replace(
        section,
        new_sources=tuple(sid for sid in section.sources if sid not in old_sources),
        new_points=tuple(p.text for p in section.points if p.text not in old_points),
    )


def _section(topic: Topic, matches: list[Match], analyses: Mapping[Path, Analysis]) -> Section:
    found = [analyses[m.doc.path] for m in matches]
    quotes = key_quotes(topic, found, analyses.values())
    return Section(
        name=topic.name,
        points=tuple(_points(topic, found, avoid=quotes)),
        quotes=tuple(quotes),
        sources=tuple(source_id(a.doc) for a in found),
    )


def _on_topic(topic: Topic, text: str) -> int:
    """How many of the topic's words and phrases (keywords and query terms) ``text`` has."""
    return sum(1 for k in topic.terms if term_pattern(k).search(text))


def _points(topic: Topic, found: list[Analysis], *, avoid: list[KeyQuote]) -> list[Point]:
    """A multi-document summary: each source's best sentences, weighed by rank and topic.

    Sentences that carry one of the section's key quotes are left to the quote box.
    """
    candidates = []
    leads = []
    origin: dict[int, tuple[str, int | None]] = {}
    for rank, analysis in enumerate(found):
        ranked = sorted(rank_sentences(analysis.sentences), key=lambda x: -x[0])
        if analysis.doc.doc_type == "transcript":  # transcripts cover many subjects
            ranked = [item for item in ranked if _on_topic(topic, item[1].text)]
        sid = source_id(analysis.doc)
        quoted = [span for q in avoid if q.source == sid for span in q.spans]
        ranked = [item for item in ranked if not _overlaps(item[1], quoted)]
        for i, (score, sentence) in enumerate(ranked[:4]):
            weight = score / (1 + 0.15 * rank) + 0.15 * min(2, _on_topic(topic, sentence.text))
            candidates.append((weight, sentence))
            if i == 0:
                leads.append((weight, sentence))
            origin[id(sentence)] = (sid, analysis.doc.page_at(sentence.start))
    k = min(6, 2 + len(found))
    # Breadth first: the best point of each source (all but one slot), then the best of the rest.
    first = mmr(leads, max(1, k - 1))
    return [Point(s.text, *origin[id(s)]) for s in mmr(candidates, k, seed=first)]


def _overlaps(sentence: Sentence, spans: list[tuple[int, int]]) -> bool:
    return any(start < sentence.end and sentence.start < end for start, end in spans)


def _source_ref(sid: str, doc: Document, number: int, base: Path | None) -> SourceRef:
    path = doc.path
    if base is not None and path.resolve().is_relative_to(base.resolve()):
        path = path.resolve().relative_to(base.resolve())  # as the config names it
    return SourceRef(
        id=sid,
        number=number,
        path=str(path),
        title=doc.title,
        date=doc.date.isoformat() if doc.date else None,
        publisher=doc.publisher,
        url=doc.url,
        doc_type=doc.doc_type,
    )
