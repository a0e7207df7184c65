"""Shared text helpers: sentence splitting with offsets, word tokens, similarity."""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Iterator

from briefing import lexicon

_ABBREVIATIONS = lexicon.SENTENCE_ABBREVIATIONS
# After these a capitalised common word still starts a new sentence ("… in the U.S. The …").
_AMBIGUOUS = re.compile(r"(?:[a-z]\.){2,}$", re.I)
_STARTERS = lexicon.SENTENCE_STARTERS
# A sentence ends at a full stop before a capital (or a letter of a script without capitals:
# Arabic, Hebrew), at a Chinese or Japanese full stop, at a blank line, or at a full stop glued
# to the next sentence.
_BOUNDARY = re.compile(
    r"[.!?…؟]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9À-ÖØ-ÞА-ЯЁ\u0590-\u05ff\u0600-\u06ff])"
    r"|[。！？]+[”’」』）]*|\n\s*\n"
    # Two sentences a page ran together without a space: "…its rule.The differences …"
    r"|(?<=[a-z0-9]{2})[.!?](?=[A-Z][a-z]{2,}\b)"
)
# Words only a speaker uses of themselves and their listener: they mark direct speech.
FIRST_PERSON = re.compile(
    r"\b(I|I['’]m|I['’]ve|I['’]d|I['’]ll|[Ww]e|[Ww]e['’](?:re|ve|ll|d)|"
    r"[Oo]ur|[Oo]urs|us|[Mm]y|me|[Oo]urselves|[Mm]yself)\b"
)
SECOND_PERSON = re.compile(r"\b(?:you|your|yours|yourselves)\b", re.I)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_WORD = re.compile(r"[^\W_]+(?:[’'.-][^\W_]+)*")
MAX_SENTENCE_CHARS = 2_000
# Analysis reads at most this much of a document: the part a brief can use, and a bound on
# the work for a 50 MB file (summaries favour the beginning anyway).
MAX_ANALYZED_CHARS = 400_000

STOPWORDS = lexicon.STOPWORDS

# The only characters besides ASCII letters that a case-insensitive pattern takes for an ASCII
# letter: long s, the Kelvin sign, dotted and dotless i.
_FOLDS_TO_ASCII = ("\u017f", "\u212a", "\u0130", "\u0131")


def ascii_folded(text: str) -> bytes | None:
    """``text`` in UTF-8 with its ASCII letters lowered, to tell by a plain search for a
    lower-case ASCII word that a case-insensitive pattern needing it cannot match (ten times
    quicker than such a pattern's search); None when ``text`` holds a character that such a
    pattern takes for an ASCII letter, so that nothing can be told."""
    if any(c in text for c in _FOLDS_TO_ASCII):
        return None
    return text.encode("utf-8", "surrogatepass").lower()


def lacks(text: str, words: tuple[bytes, ...]) -> bool:
    """Whether ``text`` holds none of ``words`` (lower-case ASCII) in any case, so that a
    case-insensitive pattern needing one of them cannot match (see ascii_folded)."""
    folded = ascii_folded(text)
    return folded is not None and not any(word in folded for word in words)


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans (start, end) in ``text[start:end]``, stripped of surrounding space."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    pos = start
    for m in _BOUNDARY.finditer(text, start, end):
        if m.group().strip() and _is_abbreviation(text, m.start(), m.end()):
            continue
        _add_span(text, pos, m.end(), spans)
        pos = m.end()
    _add_span(text, pos, end, spans)
    return spans


def _is_abbreviation(text: str, dot: int, after: int) -> bool:
    if text[dot] != ".":
        return False
    word_start = dot
    while (
        word_start > 0 and not text[word_start - 1].isspace() and text[word_start - 1] not in '("“'
    ):
        word_start -= 1
    word = text[word_start:dot].lower()
    if len(word) == 1 and word.isalpha():
        return True  # an initial: "Antony J. Blinken"
    if word in _ABBREVIATIONS:
        return True
    if _AMBIGUOUS.search(text[word_start : dot + 1]):
        next_word = text[after:].lstrip(" \"'“‘(").split(" ", 1)[0].lower()
        return next_word not in _STARTERS
    return False


def _add_span(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and (text[start].isspace() or text[start] in "-•*–—"):
        start += 1  # leading space and list bullets are not part of the sentence
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE_CHARS:  # bound runaway "sentences" (tables, lists)
        cut = text.rfind(" ", start, start + MAX_SENTENCE_CHARS) + 1 or start + MAX_SENTENCE_CHARS
        spans.append((start, cut if cut > start else start + MAX_SENTENCE_CHARS))
        start = spans[-1][1]
    if end > start:
        spans.append((start, end))


def word_count(text: str) -> int:
    """Words in ``text``; in Chinese, Japanese or Korean, which do not space words, about one
    for every two characters."""
    spaced = len(text.split())
    return spaced if text.isascii() else max(spaced, len(_CJK.findall(text)) // 2)


def words(text: str) -> list[str]:
    """Lower-cased word tokens."""
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


class Folded:
    """A case-insensitive pattern matched against the lower-cased text: Python's re runs a
    long alternation of phrases several times slower under IGNORECASE than on text lowered
    once. The pattern is lowered with it ("[A-Z]" becomes "[a-z]", as IGNORECASE reads it), so
    it may hold no upper-case escape ("\\S" would become "\\s")."""

    def __init__(self, pattern: str) -> None:
        if re.search(r"\\[A-Z]", pattern):
            raise ValueError("a folded pattern has no upper-case escape")
        self.pattern = re.compile(pattern.lower())

    def search(self, text: str) -> re.Match[str] | None:
        """The first match in ``text`` lowered (its positions are the lowered text's)."""
        return self.pattern.search(text.lower())


def content_words(text: str) -> list[str]:
    """Word tokens without stopwords and numbers, lightly stemmed."""
    if len(text) <= CACHED_TEXT_CHARS:
        return list(_sentence_words(text))
    return list(_content(text))


CACHED_TEXT_CHARS = 1_000  # a sentence's, not a document's: the cache stays small


@functools.lru_cache(maxsize=1 << 14)  # a sentence's words are asked for by many stages
def _sentence_words(text: str) -> tuple[str, ...]:
    return tuple(_content(text))


def _content(text: str) -> Iterator[str]:
    return (_stem(w) for w in words(text) if w not in STOPWORDS and not w.isdigit() and len(w) > 1)


def _stem(word: str) -> str:
    for suffix in ("'s", "ies", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return word


def cosine(a: Counter[str], b: Counter[str]) -> float:
    """Cosine similarity of two bags of words."""
    if not a or not b:
        return 0.0
    dot = sum(v * b.get(k, 0) for k, v in a.items())
    norm = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    return dot / norm if norm else 0.0


def shorten(text: str, limit: int = 300) -> str:
    """Cut ``text`` at a word boundary to at most ``limit`` characters, with an ellipsis."""
    if len(text) <= limit:
        return text
    return text[: text.rfind(" ", 0, limit - 1) or limit - 1].rstrip(",;: ") + "…"


STEM = 7  # words sharing their first letters name the same thing ("designated", "designations")


def common_word(word: str, text: str) -> bool:
    """Whether the document writes ``word``, or a word of its stem, in lower case: a common
    word ("Transparency" beside "transparent"), never a name."""
    return _letters_stem(word.lower()) in _lower_case_stems(text)


def _letters_stem(word: str) -> str:
    """The first STEM letters, a plural's without its "s" ("Prison" beside "prisons")."""
    return (word[:-1] if len(word) > 3 and word.endswith("s") else word)[:STEM]


@functools.lru_cache(maxsize=256)
def _lower_case_stems(text: str) -> frozenset[str]:
    """The stems of the words a document writes in lower case. Once per document, not once
    per labelled sentence."""
    found = re.findall(r"\b[a-z][\w-]*", text[:MAX_ANALYZED_CHARS])
    return frozenset(_letters_stem(w) for w in found)
