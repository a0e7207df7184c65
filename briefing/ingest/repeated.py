"""Boilerplate that only shows across documents: short paragraphs that many text dumps from
the same folder (in practice, the same site) repeat — series blurbs, "Related" labels,
newsletter prompts. Found after reading, so the document cache stays per file."""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from dataclasses import replace

import regex

from briefing.cache import SHORT_PARAGRAPH, TEXT_DUMPS, paragraph_hash
from briefing.model import Document, Turn

log = logging.getLogger(__name__)

MAX_CHARS = SHORT_PARAGRAPH  # longer paragraphs repeated are syndicated text, not furniture
MIN_DOCS = 3
MIN_SHARE = 0.2
RULE_SECONDS = 0.5  # a rule is a short pattern over a paragraph: microseconds, if sound
SUFFIXES = set(TEXT_DUMPS)  # extracted HTML has had its boilerplate removed already


def remove_repeated(docs: list[Document]) -> list[Document]:
    """Drop short paragraphs repeated across at least 3 (and 20%) of a folder's text dumps."""
    groups: dict[str, list[int]] = defaultdict(list)
    for i, doc in enumerate(docs):
        if doc.path.suffix.lower() in SUFFIXES:
            groups[str(doc.path.parent)].append(i)
    out = list(docs)
    for members in groups.values():
        if len(members) < MIN_DOCS:
            continue
        seen: Counter[str] = Counter()
        for i in members:
            seen.update({p for p in docs[i].text.split("\n\n") if len(p) <= MAX_CHARS})
        floor = max(MIN_DOCS, MIN_SHARE * len(members))
        repeated = {p for p, n in seen.items() if n >= floor}
        if repeated:
            for i in members:
                out[i] = _without(docs[i], repeated)
    return out


def drop_hashed(doc: Document, hashes: set[int]) -> Document:
    """The document without its short paragraphs whose hashes are given (the index keeps
    hashes of each text dump's short paragraphs, so furniture is found without the folder)."""
    paragraphs = doc.text.split("\n\n")
    drop = {p for p in paragraphs if len(p) <= MAX_CHARS and paragraph_hash(p) in hashes}
    return _without(doc, drop) if drop else doc


def apply_rules(
    docs: list[Document], rules: list[tuple[regex.Pattern, str | None]]
) -> list[Document]:
    """Drop the paragraphs that a user's rules name: (pattern, where) with ``where`` a piece of
    the publisher, web address or file path that the rule is for (None: every source). A rule
    that takes over RULE_SECONDS on one paragraph is left out for the rest of the build."""
    if not rules:
        return docs
    live = list(rules)
    out = []
    for doc in docs:
        place = " ".join([doc.publisher or "", doc.url or "", str(doc.path)]).casefold()
        drop = set()
        for par in doc.text.split("\n\n"):
            for rule in [r for r in live if r[1] is None or r[1].casefold() in place]:
                try:
                    if rule[0].search(par, timeout=RULE_SECONDS):
                        drop.add(par)
                        break
                except TimeoutError:
                    log.warning(
                        "boilerplate pattern %r took more than %g s on a paragraph of %s; "
                        "left out of this build",
                        rule[0].pattern,
                        RULE_SECONDS,
                        doc.path,
                    )
                    live.remove(rule)
        out.append(_without(doc, drop) if drop else doc)
    return out


def _without(doc: Document, drop: set[str]) -> Document:
    """The document without the given paragraphs, its turn offsets moved to match."""
    paragraphs = doc.text.split("\n\n")
    if not any(p in drop for p in paragraphs):
        return doc
    kept: list[str] = []
    moves: list[tuple[int, int, int]] = []  # (old start, old end, new start) of kept paragraphs
    old = new = 0
    for p in paragraphs:
        if p not in drop:
            moves.append((old, old + len(p), new))
            kept.append(p)
            new += len(p) + 2
        old += len(p) + 2
    if not kept:
        return doc  # never empty a document

    def moved(offset: int) -> int:
        for start, end, to in moves:
            if offset <= end:
                return to + max(0, offset - start)
        return new - 2

    turns = tuple(Turn(t.speaker, t.role, moved(t.start), moved(t.end)) for t in doc.turns)
    return replace(doc, text="\n\n".join(kept), turns=tuple(t for t in turns if t.end > t.start))
