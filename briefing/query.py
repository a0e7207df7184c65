"""The topic query language: words and "phrases", AND / OR / NOT, parentheses, and field
filters (type:interview, publisher:state.gov, speaker:Blinken, title:"Hong Kong").

    ("Hong Kong" OR Xinjiang OR China) AND NOT football type:"press release"

Juxtaposition means AND, and AND binds tighter than OR. Words match as in keywords:
case-insensitive, whole words, an optional plural ending.

A query without operators (AND/OR/NOT) or field filters that reads as prose (a question, a
sentence, or more words than anyone joins with AND) is plain words: "What measures have been
taken against drug smuggling?" matches a source with any of its words, and sources rank by
how many and how rare (see ``plain_words``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlparse

from briefing.lexicon import LIGHT_VERBS, QUESTION_FRAME
from briefing.model import Document
from briefing.text import STOPWORDS

FIELDS = ("type", "publisher", "speaker", "title", "author")
_TOKEN = re.compile(r'\s*(?:(\()|(\))|(\w+):(?:"([^"]*)"|([^\s()"]+))|"([^"]*)"|([^\s()"]+))')


@dataclass(frozen=True)
class Term:
    """A word or phrase, optionally restricted to a field."""

    text: str
    field: str | None = None


@dataclass(frozen=True)
class All:
    """Every part must match."""

    parts: tuple[Node, ...]


@dataclass(frozen=True)
class Any:
    """At least one part must match."""

    parts: tuple[Node, ...]


@dataclass(frozen=True)
class Not:
    """The part must not match."""

    part: Node


Node = Term | All | Any | Not


# The marks of the query language (operators, field filters; parentheses and "phrases" are
# prose too, and a phrase stays a phrase), and of prose: a sentence's punctuation before a
# space or the end ("taken?", "X, Y", "Discuss X. What…"), or more words than anyone ANDs.
_SYNTAX = re.compile(r"\b\w+:\S|\b(?:AND|OR|NOT)\b")
_PHRASE = re.compile(r'"([^"]+)"')
_PROSE = re.compile(r"[?!.,;:](?:\s|$)")
PROSE_WORDS = 7
_WORD = re.compile(r"[^\W_](?:[\w’'-]*\w)?")


def plain_words(text: str) -> tuple[str, ...] | None:
    """The words of a plain-language query (stopwords and numbers left out), or None when
    ``text`` uses the query language or is a short list of words (``Russia sanctions``, which
    stays an AND)."""
    if _SYNTAX.search(text):
        return None
    found = _WORD.findall(text)
    if not _PROSE.search(text) and len(found) < PROSE_WORDS:
        return None
    phrases = [" ".join(p.split()) for p in _PHRASE.findall(text) if p.strip()]
    rest = _WORD.findall(_PHRASE.sub(" ", text))
    kept = [
        w
        for w in rest
        if w.lower().replace("’", "'") not in STOPWORDS | QUESTION_FRAME | LIGHT_VERBS
        and not w.isdigit()
        and len(w) > 1  # the "e" and "g" of "e.g."
    ]
    return tuple(dict.fromkeys([*phrases, *kept])) or None


def parse(text: str) -> Node:
    """Parse a query; ValueError says what is wrong and where."""
    plain = plain_words(text)
    if plain is not None:
        return Term(plain[0]) if len(plain) == 1 else Any(tuple(Term(w) for w in plain))
    tokens = _tokens(text)
    node, rest = _or(tokens)
    if rest:
        raise ValueError(f"unexpected {rest[0][1]!r} in query")
    return node


def _tokens(text: str) -> list[tuple[str, object]]:
    out: list[tuple[str, object]] = []
    pos = 0
    text = text.strip()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m or m.end() == pos:
            raise ValueError(
                f"cannot read the query at {text[pos : pos + 20]!r} (an unclosed quotation mark?)"
            )
        pos = m.end()
        if m[1]:
            out.append(("(", "("))
        elif m[2]:
            out.append((")", ")"))
        elif m[3]:
            field = m[3].lower()
            if field not in FIELDS:
                raise ValueError(f"unknown field '{field}:'; use one of: {', '.join(FIELDS)}")
            out.append(("term", Term(m[4] if m[4] is not None else m[5], field)))
        elif m[6] is not None:
            out.append(("term", Term(m[6])))
        else:
            word = m[7]
            out.append((word, word) if word in ("AND", "OR", "NOT") else ("term", Term(word)))
    if not out:
        raise ValueError("the query is empty")
    return out


Tokens = list[tuple[str, object]]


def _or(tokens: Tokens) -> tuple[Node, Tokens]:
    parts = []
    node, tokens = _and(tokens)
    parts.append(node)
    while tokens and tokens[0][0] == "OR":
        node, tokens = _and(tokens[1:])
        parts.append(node)
    return (parts[0] if len(parts) == 1 else Any(tuple(parts))), tokens


def _and(tokens: Tokens) -> tuple[Node, Tokens]:
    parts = []
    node, tokens = _not(tokens)
    parts.append(node)
    while tokens and tokens[0][0] not in ("OR", ")"):
        if tokens[0][0] == "AND":
            tokens = tokens[1:]
        node, tokens = _not(tokens)
        parts.append(node)
    return (parts[0] if len(parts) == 1 else All(tuple(parts))), tokens


def _not(tokens: Tokens) -> tuple[Node, Tokens]:
    if not tokens:
        raise ValueError("the query ends too early")
    kind, value = tokens[0]
    if kind == "NOT":
        node, rest = _not(tokens[1:])
        return Not(node), rest
    if kind == "(":
        node, rest = _or(tokens[1:])
        if not rest or rest[0][0] != ")":
            raise ValueError("a '(' is not closed")
        return node, rest[1:]
    if kind == "term":
        assert isinstance(value, Term)
        return value, tokens[1:]
    raise ValueError(f"unexpected {value!r} in query")


def matches(node: Node, doc: Document, count: Callable[[Document, str], tuple[int, ...]]) -> bool:
    """Whether ``doc`` satisfies the query; ``count`` gives a term's (text, title) counts."""
    if isinstance(node, All):
        return all(matches(p, doc, count) for p in node.parts)
    if isinstance(node, Any):
        return any(matches(p, doc, count) for p in node.parts)
    if isinstance(node, Not):
        return not matches(node.part, doc, count)
    if node.field is None:
        return sum(count(doc, node.text)) > 0
    if node.field == "title":
        return count(doc, node.text)[1] > 0
    return _field(node, doc)


def _field(term: Term, doc: Document) -> bool:
    want = " ".join(term.text.replace("-", " ").split()).casefold()
    if term.field == "type":
        return doc.doc_type.casefold() == want
    if term.field == "publisher":
        host = urlparse(doc.url).hostname if doc.url else ""
        return want in (doc.publisher or "").casefold() or want in (host or "")
    people = list(doc.authors)
    if term.field == "speaker":
        people += [t.speaker for t in doc.turns if t.speaker] + [n for n, _ in doc.positions]
    return any(want in person.casefold() for person in people)


def positive_terms(node: Node) -> list[str]:
    """The text terms that count towards relevance (not those under NOT, not field filters)."""
    if isinstance(node, Term):
        return [node.text] if node.field in (None, "title") else []
    if isinstance(node, Not):
        return []
    return [t for part in node.parts for t in positive_terms(part)]
