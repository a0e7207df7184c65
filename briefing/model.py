"""The plain data passed between pipeline stages. No stage-specific logic lives here."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import NamedTuple


class Turn(NamedTuple):
    """One speaker's turn in a transcript or interview; offsets index ``Document.text``.

    A NamedTuple rather than a dataclass: a large corpus holds hundreds of thousands of
    turns, and tuples are several times quicker to rebuild from the document cache.
    """

    speaker: str | None
    role: str  # "question" | "answer" | "statement"
    start: int
    end: int


@dataclass(frozen=True)
class Document:
    """One source after ingest: clean text plus metadata."""

    path: Path
    title: str
    text: str
    date: date | None = None
    authors: tuple[str, ...] = ()
    publisher: str | None = None
    url: str | None = None
    doc_type: str = "news"  # interview | transcript | press release | news | report
    standfirst: str | None = None
    turns: tuple[Turn, ...] = ()
    positions: tuple[tuple[str, str], ...] = ()  # (person, position) named in the header
    page_starts: tuple[int, ...] = ()  # where pages 1, 2, … begin in ``text`` (PDF)
    # the source has one sentence a line (a corpus split into sentences), so a quotation of
    # several sentences runs over lines with no mark of their own
    sentence_lines: bool = False

    def signer(self) -> tuple[str, str | None] | None:
        """(name, position) of the person a statement is issued in the name of ("Press
        Statement, Antony J. Blinken, Secretary of State"): its first author, named with a
        position in its header."""
        if not self.positions or not self.authors:
            return None
        person, position = self.positions[0]
        return (person, position) if self.authors[0].startswith(person) else None

    def position_of(self, person: str | None) -> str | None:
        """The position the document gives a person ("Department Spokesperson")."""
        return next((pos for name, pos in self.positions if name == person), None)

    def page_at(self, offset: int) -> int | None:
        """The page (1, 2, …) of ``text[offset]`` in a paged source, else None."""
        return bisect_right(self.page_starts, offset) or None if self.page_starts else None


@dataclass(frozen=True)
class Skipped:
    """A source file that could not be used, and why."""

    path: Path
    reason: str


@dataclass(frozen=True)
class Sentence:
    """A sentence of a document; ``start``/``end`` index ``Document.text``."""

    text: str
    start: int
    end: int
    speaker: str | None = None
    role: str = "statement"


@dataclass(frozen=True)
class Quote:
    """A verbatim quote: ``text`` is its parts, each ``doc.text[s:e]``, joined by a space.

    Most quotes have one part (``doc.text[start:end] == text``); a quote split by its
    attribution ("…,” she said, “…") or running over paragraphs has one part per piece.
    """

    text: str
    speaker: str | None
    start: int
    end: int
    kind: str = "direct"  # direct: in quotation marks; spoken: a transcript or interview answer
    position: str | None = None  # the speaker's position or role, where the source gives it
    spans: tuple[tuple[int, int], ...] = ()  # the parts, when there are more than one
    rule: str | None = None  # the rule that named the speaker (briefing.speakers.RULES)

    @property
    def parts(self) -> tuple[tuple[int, int], ...]:
        return self.spans or ((self.start, self.end),)


@dataclass(frozen=True)
class Match:
    """A document chosen for a topic, with its relevance score."""

    doc: Document
    score: float
    duplicates: tuple[Path, ...] = ()


@dataclass(frozen=True)
class Analysis:
    """What analyze found in one document."""

    doc: Document
    sentences: tuple[Sentence, ...]
    summary: tuple[Sentence, ...]
    quotes: tuple[Quote, ...]  # direct quotes, in quotation marks
    spoken: tuple[Quote, ...] = ()  # a transcript's or interview's answers, best first
    statements: tuple[Quote, ...] = ()  # best sentences of a statement in a person's name


@dataclass(frozen=True)
class Point:
    """A summary bullet, the id of the source it comes from, and who said it when."""

    text: str  # verbatim, apart from insertions in [editorial brackets]
    source: str
    page: int | None = None  # the page it is on, in a paged source
    said_by: str | None = None  # the turn's speaker, else the author, else the publisher
    date: date | None = None  # the source's date
    spans: tuple[tuple[int, int], ...] = ()  # the source text it is made of
    role: str | None = None  # the speaker's role, given where the brief first names them
    reported: bool = False  # said_by is a news story's byline: who reports it, not who said it
    spoken: bool = False  # a speaker's words in a transcript's turn: quoted, whatever the person
    interpreted: bool = False  # spoken through an interpreter: the English is the interpreter's


@dataclass(frozen=True)
class KeyQuote:
    """A key quote as shown in a brief."""

    text: str
    speaker: str
    source: str
    position: str | None = None
    spans: tuple[tuple[int, int], ...] = ()  # where its parts are in the source's text
    page: int | None = None  # the page it starts on, in a paged source
    quoted_by: str | None = None  # who relayed it, when the source is someone else's words
    interpreted: bool = False  # spoken through an interpreter: the English is the interpreter's


@dataclass(frozen=True)
class SourceRef:
    """An entry of the brief's numbered sources list."""

    id: str
    number: int
    path: str
    title: str
    date: str | None
    publisher: str | None
    url: str | None
    doc_type: str


@dataclass(frozen=True)
class Section:
    """One topic of the brief."""

    name: str
    points: tuple[Point, ...]
    quotes: tuple[KeyQuote, ...]
    sources: tuple[str, ...]
    new_sources: tuple[str, ...] = ()  # not in the previous edition
    new_points: tuple[str, ...] = ()
    question: str | None = None  # the question in plain words its summary answers


@dataclass(frozen=True)
class BriefInfo:
    """What a brief says about itself, from its config and the build."""

    name: str
    title: str
    as_of: date
    generated_at: str
    since: date | None = None
    organization: str | None = None
    label: str | None = None
    base: Path | None = None  # source paths are shown relative to this folder
    summary_words: int = 120  # words per topic summary, where a topic does not say


@dataclass(frozen=True)
class Brief:
    """The one format-agnostic model every renderer reads."""

    name: str
    title: str
    organization: str | None
    as_of: date
    period_start: date | None
    generated_at: str
    sections: tuple[Section, ...]
    sources: tuple[SourceRef, ...]
    executive_summary: tuple[Point, ...] = ()
    label: str | None = None  # audience or classification, shown on the cover
    previous_as_of: str | None = None  # the edition "new since" compares with
    period_end: date | None = None  # the newest source's date; as_of is the edition's date
    bottom_line: str | None = None  # a reviewer's paragraph at the top (briefing serve)
    analyst_note: str | None = None  # a reviewer's note at the top (briefing serve)


@dataclass(frozen=True)
class Theme:
    """How the brief looks: layout, colours, fonts and logo (paths already resolved)."""

    layout: str = "policy-brief"  # policy-brief | memo
    primary: str = "#1a2b4c"
    accent: str = "#b8860b"
    font: Path | None = None
    font_bold: Path | None = None
    logo: Path | None = None
    page_size: str = "a4"  # a4 | letter


@dataclass
class BuildResult:
    """What a build wrote and what it skipped."""

    out_dir: Path
    files: list[Path] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    brief: Brief | None = None
    warnings: list[str] = field(default_factory=list)  # topics a reader would find empty
    preview: bool = False  # written to preview/, not an edition
    seconds: float = 0.0
