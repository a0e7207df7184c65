"""Analyze one document: its sentences, an extractive summary and its quotes."""

from __future__ import annotations

from briefing.model import Analysis, Document, Quote
from briefing.quotes import find_quotes
from briefing.summarize import doc_sentences, eligible, rank_sentences, summarize


def analyze(doc: Document, *, sentences: int = 3) -> Analysis:
    """Split ``doc`` into sentences, summarize it and find its direct quotes."""
    all_sentences = doc_sentences(doc)
    summary = summarize(doc, all_sentences, sentences)
    return Analysis(doc, tuple(all_sentences), tuple(summary), tuple(find_quotes(doc)))


def spoken_quotes(analysis: Analysis, limit: int | None = None) -> list[Quote]:
    """Answer sentences of transcripts and interviews: verbatim words of a named speaker."""
    answers = [s for s in analysis.sentences if s.role == "answer" and s.speaker and eligible(s)]
    ranked = sorted(rank_sentences(answers), key=lambda item: -item[0])[:limit]
    doc = analysis.doc
    return [
        Quote(
            s.text,
            s.speaker,
            s.start,
            s.end,
            kind="spoken",
            position=doc.position_of(s.speaker),
            rule="transcript_turn",  # the turn's label or the interview's answer
        )
        for _, s in ranked
    ]
