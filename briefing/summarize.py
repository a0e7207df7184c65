"""Extractive summaries. Prose leads with its news, so its summary is its lead (Edmundson's
location method; Lead-3 is the baseline CNN/DM systems struggle to beat), leaving out lead lines
that are not sentences of the article. A transcript has no lead: its sentences are ranked by
centrality and position, with redundancy control (MMR)."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

from briefing.ingest.turns import speaker_label
from briefing.lexicon import PROCEDURAL_SPEAKERS
from briefing.model import Document, Sentence
from briefing.text import (
    MAX_ANALYZED_CHARS,
    Folded,
    content_words,
    cosine,
    split_sentences,
    word_count,
)

# Sentences that run a briefing rather than say anything about the world.
_LOGISTICS = Folded(
    r"^((and|so|well),? )?(thank|thanks|good (morning|afternoon|evening)|hello|hi\b|let['’]s go|"
    r"let me|next question|the (text of the )?following\b|go ahead|all right|and with that|"
    r"with that|sure\b|okay\b|ok\b|yes\b|"
    # a word that is an interjection only on its own ("No.", "Well, …", "Great."), not as a
    # determiner or an adjective: "No casualties were reported", "Great Britain has …"
    r"(no|well|great)\b(?![ \w-]))|"
    r"\b(press 1|on the record|embargo(ed)?:? (until|for|not)"
    r"|take (your|a few) questions|your (\w+ )?question|the line of"
    r"|(wonderful|good|great|an honou?r|a (real )?pleasure|a privilege|nice) to (welcome|see|be"
    r" (here|with))|welcome (each|all) of you|proceed to the"
    r"|let me (briefly )?(recap|start|begin|turn)"
    r"|(nothing|anything) (specific |else |more |new )?to (announce|offer|add|share)"
    r"|updates? at the top|(resume|start|begin) taking (your )?questions"
    r"|I have (one|two|three|four|a few|a couple of) (things|items|updates|announcements)"
    r"|(pleased|glad|happy|delighted) to (introduce|welcome|have)|with us today|joining us"
    r"|(is|are) (here )?with us (today|here|now|this (morning|afternoon|week)"
    r"|to (unveil|present|discuss|talk|brief|walk|take|answer|share|preview))"
    r"|limit your questions|ask that you|turn it over|over to you|on background"
    r"|(my pleasure|pleased) to welcome|welcome (you|everyone) to|remind (everyone|you)"
    r"|(we are|we’re|we're) joined by|(this|today['’]s) (call|briefing)|we have with us"
    r"|on the line with us)\b",
)
MIN_WORDS, MAX_WORDS = 6, 70
# A line that hands over to what follows ("Scroll down for video:", a photo caption's label
# "Short and sweet:", "Related:") introduces something else; it is not the article's news.
_LEAD_IN = re.compile(r":\s*$")
DUPLICATE = 0.7  # cosine over content words at which a sentence repeats one already picked
LINE = re.compile(r"[^\n]+")  # a paragraph: the page reader leaves one per line
MAX_CANDIDATES = 400  # bounds the work on very long documents


def doc_sentences(doc: Document) -> list[Sentence]:
    """Every sentence of ``doc``, with the speaker and role of the turn it belongs to."""
    out: list[Sentence] = []
    turns = sorted(doc.turns, key=lambda t: t.start)
    i = 0
    for start, end in _sentence_spans(doc.text):
        while i < len(turns) and turns[i].end <= start:
            i += 1
        turn = turns[i] if i < len(turns) and turns[i].start <= start else None
        speaker, role = (turn.speaker, turn.role) if turn else (None, "statement")
        out.append(Sentence(doc.text[start:end], start, end, speaker, role))
    return out


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentences paragraph by paragraph, leaving out transcript labels ("MR PRICE:")."""
    spans: list[tuple[int, int]] = []
    for para in LINE.finditer(text, 0, min(len(text), MAX_ANALYZED_CHARS)):
        label = speaker_label(para.group())
        spans += split_sentences(text, para.start() + (label[1] if label else 0), para.end())
    return spans


def eligible(sentence: Sentence, elided: int = 0) -> bool:
    """Whether a sentence may appear in a summary or as a key quote, ``elided`` of its words
    left out of it."""
    if sentence.role == "question" or sentence.speaker in PROCEDURAL_SPEAKERS:
        return False
    n = word_count(sentence.text) - elided
    text = sentence.text.strip()
    return MIN_WORDS <= n <= MAX_WORDS and not text.endswith("?") and not _LOGISTICS.search(text)


def rank_sentences(sentences: Sequence[Sentence]) -> list[tuple[float, Sentence]]:
    """Score eligible sentences by centrality to the document and by position."""
    candidates = [s for s in sentences if eligible(s)][:MAX_CANDIDATES]
    bags = [Counter(content_words(s.text)) for s in candidates]
    df = Counter(w for bag in bags for w in bag)
    n = len(bags) or 1
    idf = {w: math.log(1 + n / c) for w, c in df.items()}
    weighted = [Counter({w: c * idf[w] for w, c in bag.items()}) for bag in bags]
    centroid: Counter[str] = Counter()
    for bag in weighted:
        centroid.update(bag)
    scored = []
    for i, (s, bag) in enumerate(zip(candidates, weighted, strict=True)):
        position = 1.0 / (1.0 + 0.25 * i)
        scored.append((0.55 * cosine(bag, centroid) + 0.45 * position, s))
    return scored


def mmr(
    scored: Sequence[tuple[float, Sentence]],
    k: int,
    *,
    diversity: float = 0.35,
    seed: Sequence[Sentence] = (),
) -> list[Sentence]:
    """Pick up to ``k`` sentences (``seed`` first) balancing score against similarity to
    those already picked."""
    bags = {id(s): Counter(content_words(s.text)) for _, s in scored}
    bags.update({id(s): Counter(content_words(s.text)) for s in seed})
    picked: list[Sentence] = list(seed)
    pool = [item for item in scored if all(item[1] is not s for s in seed)]
    while pool and len(picked) < k:

        def gain(item: tuple[float, Sentence]) -> float:
            overlap = max((cosine(bags[id(item[1])], bags[id(p)]) for p in picked), default=0.0)
            return (1 - diversity) * item[0] - diversity * overlap

        best = max(pool, key=gain)
        pool.remove(best)
        if max((cosine(bags[id(best[1])], bags[id(p)]) for p in picked), default=0.0) < DUPLICATE:
            picked.append(best[1])
    return picked


def summarize(doc: Document, sentences: Sequence[Sentence], k: int = 3) -> list[Sentence]:
    """An extractive summary of ``doc`` in document order: a transcript's most central
    sentences, any other document's lead."""
    if doc.turns:
        return sorted(mmr(rank_sentences(sentences), k), key=lambda s: s.start)
    return lead(sentences, k)


def lead(sentences: Sequence[Sentence], k: int) -> list[Sentence]:
    """The first ``k`` sentences of the article proper: too short or too long a line (a
    dateline, a byline), a question, logistics, a lead-in to something else (a caption's label)
    and a repeat of a sentence already picked (a caption restating the lead) are passed over."""
    picked: list[Sentence] = []
    bags: list[Counter[str]] = []
    for s in sentences:
        if len(picked) >= k:
            break
        if not eligible(s) or _LEAD_IN.search(s.text):
            continue
        bag = Counter(content_words(s.text))
        if all(cosine(bag, other) < DUPLICATE for other in bags):
            picked.append(s)
            bags.append(bag)
    return picked
