"""Turn the text of a saved page into a clean Document: title, dateline, byline,
boilerplate removed, and who says what."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from itertools import islice
from pathlib import Path

from briefing import lexicon
from briefing.ingest.clean import HIDING
from briefing.ingest.meta import (
    date_from_filename,
    interviewee,
    parse_dateline,
    titled_date,
)
from briefing.ingest.turns import interview_turns, speaker_label, transcript_turns
from briefing.model import Document, Turn
from briefing.text import (
    FIRST_PERSON,
    SECOND_PERSON,
    content_words,
    lacks,
    split_sentences,
    word_count,
)

_SENTENCE_END = (".", "!", "?", "。", "！", "？")
_TERMINAL = (*_SENTENCE_END, '"', "”", "’", "'", ")", "」")
# Headings that introduce lists of links to other articles, on most news and think-tank sites.
_TEASER_HEADING = re.compile(
    r"^(top stories|more (from|on|stories|news|in|like this)|related( articles| stories| content"
    r"| posts| reading)?|recommended|most (read|popular|viewed)|popular( now)?"
    r"|latest (news|stories)|read (more|next)|trending|you may also like|also on"
    r"|further reading|share this)\b",
    re.I,
)
# A series blurb speaks about the publication itself rather than the story.
_SELF_REFERENCE = re.compile(
    r"\b(to help readers|our readers|staff writers|in-depth interviews|subscribe|sign up for"
    r"|newsletter|this series|this podcast)\b",
    re.I,
)
_PERSON = re.compile(r"^(?:By\s+)?([A-Z][\w’'-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][\w’'-]+){1,2})(?:,|$)")


@dataclass(frozen=True)
class PageMeta:
    """Metadata a reader already knows (from HTML meta tags or front matter)."""

    title: str | None = None
    date: date | None = None
    authors: tuple[str, ...] = ()
    publisher: str | None = None
    url: str | None = None
    doc_type: str | None = None
    # Text dumps of web pages still carry navigation and teasers; what an extractor such as
    # trafilatura returns has had them removed already, and removing more loses real text.
    boilerplate: bool = True
    keep_head: bool = False  # keep datelines and place lines in the text


# A space before a comma or a full stop that ends a word, where a page's markup met its text:
# a link ending on an icon's empty span ("<a>cyber threats<span> </span></a>, illicit …")
# reads "cyber threats , illicit". No writer of English, nor of French, spaces these two marks
# off their word; an ellipsis (" ...") is no full stop.
_SPACED_MARK = re.compile(r"(?<=\S)[ \t]+(?=[,.](?:\s|$))", re.M)


def split_blocks(text: str) -> tuple[list[str], bool]:
    """Paragraphs of ``text``, and whether the file has one sentence or paragraph per line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if " ," in text or " ." in text:
        text = _SPACED_MARK.sub("", text)
    lines = [line.strip() for line in text.split("\n")]
    one_per_line = "" not in [ln for ln in lines[: _last_nonblank(lines) + 1]]
    if one_per_line:
        return _rejoined(_unstranded(_unsplit(_unglued([ln for ln in lines if ln])))), True
    blocks = re.split(r"\n\s*\n", text)
    return [_one_spaced(b) for b in blocks if b.strip()], False


# A quotation mark after a space at a line's end opens nothing on that line: a sentence
# splitter left there the mark that opens the next line's quotation ("… he said. '" / "We
# will …"), and it goes back to that line. A straight mark that would close a quotation the
# line left open stays, unless the next line closes one (a quotation of several
# paragraphs, each reopened): 'She said: "It was fine. "' keeps its closing mark.
_STRANDABLE = "'\"‘“"


def _balance(line: str, mark: str) -> int:
    """How many quotations in straight ``mark`` ``line`` opens and leaves open (less those
    it closes that it did not open). An opening mark stands before a word, after a space,
    a colon or the line's start; a closing one after a word or the sentence's punctuation,
    a single one after a word only before punctuation (the players' union is a possessive)."""
    opened = len(re.findall(rf"(?:^|(?<=[\s:(—–-])){mark}(?=\w)", line))
    if mark == "'":  # after punctuation, or after a word and before it ("'play it'.")
        closing = r"(?<=[.,;!?])'(?!\w)|(?<=\w)'(?=[.,;:!?)]|$)"
    else:
        closing = rf"(?<=[\w.,;!?]){mark}(?!\w)"
    return opened - len(re.findall(closing, line))


def _stranded(line: str, following: str) -> bool:
    if len(line) < 3 or line[-1] not in _STRANDABLE or not line[-2].isspace():
        return False
    mark = line[-1]
    if mark in "‘“" or _balance(line[:-2], mark) <= 0:
        return True
    # the line left a quotation open, so the mark may close it: it opens the next line only
    # when that line closes more than it opens, or leaves its own mark at its end (a
    # quotation of several paragraphs, each reopened)
    return following.endswith(" " + mark) or _balance(following, mark) < 0


# Two blocks a copy ran together with no space between them ("… the video on this
# pageNora Quinn said …", "… the photographer's nameThe council …"): a word in lower case
# glued to a word that opens a clause, or to a name the file writes on its own elsewhere, is
# two, and so is a capitalised word glued to one that opens a clause. A name written so
# ("easyJet", "McDonald", "YouTube", "LinkedIn") has no such name after its lower-case start,
# or a capital or two letters first; an address or code ("newsStory/") stays whole.
# A straight mark between them ('… told the BBC."Once we …') closes the quotation the first
# left open, else opens the second.
_CLAUSE_OPENERS = "The This These Those There But They She He It We".split()
_OPENER = "|".join(_CLAUSE_OPENERS)
_GLUED = re.compile(
    rf"(?<![\w/.@-])(?:(?P<low>[a-z]{{3,}})|[A-Z][a-z]{{2,}}(?=(?:{_OPENER})\b))"
    rf"(?=(?P<next>[A-Z][a-z]+)\b(?![/.@-]\w))"
    r'|(?<=[.!?a-z])(?=(?P<mark>")[A-Z])'
)


def _unglued(lines: list[str]) -> list[str]:
    text = "\n".join(lines)
    common: set[str] = set()  # the file's lower-case words, read at the first glued word
    out: list[str] = []
    for line in lines:
        start, pieces = 0, []
        for m in _GLUED.finditer(line):
            if m["low"] and not common:
                common = set(re.findall(r"\b[a-z]+\b", text))
            if not _two_blocks(m, line, text, common):
                continue
            end = m.end()
            if m["mark"] and _balance(line[start:end], '"') > 0:
                end += 1  # the mark closes this block's quotation
            pieces.append(line[start:end].strip())
            start = end
            if line[m.start() - 1 : m.start()] not in (".", "!", "?"):
                out.append(" ".join(pieces))  # a sentence's end only needs its space back
                pieces = []
        out.append(" ".join([*pieces, line[start:].strip()]))
    return [line for line in out if line]


def _two_blocks(m: re.Match[str], line: str, text: str, common: set[str]) -> bool:
    """Whether a match of _GLUED parts two blocks rather than a name, an address or a quote."""
    if m["mark"]:
        # after a word, the mark opens a quotation running to the line's end ('this
        # device"For me …'), not one the line closes ('called it"Project Fear" and …')
        before = line[m.start() - 1]
        return before in ".!?" or _balance(line[m.start() :], '"') > 0
    if not m["low"] or m["next"] in _CLAUSE_OPENERS:
        return True
    # a name the file also writes on its own (or the first of a full name whose surname it
    # does: "this linkJohn Johnston, 27, admitted …" and "Johnston, who had moved …"), not a
    # common word, and not part of one it writes whole more than once
    name, word = m["next"], line[m.start() : m.end() + len(m["next"])]
    surname = re.match(r" ([A-Z][a-z]+)\b", line[m.end() + len(name) :])
    return (
        name.lower() not in common
        and (
            re.search(rf"(?<![^\W\d_]){name}\b", text) is not None
            or (
                surname is not None
                and re.search(rf"(?<!{name} )(?<![^\W\d_]){surname[1]}\b", text) is not None
            )
        )
        and text.count(word) == 1
    )


# Some corpora of one sentence a line moved the mark at a paragraph's edge onto a line of its
# own with the next paragraph's first word ('… the winter storm.' / '"The' / 'council voted
# …'). The word goes back to its sentence. A curly mark says whether it opens or closes; a
# straight one opens the sentence when that sentence closes a quotation or speaks in the first
# or second person before any mark of its own, closes the quotation the lines before left
# open, and otherwise opens. Where it is unclear it closes: a quotation cut short loses words,
# one run on into narrative would put them in a speaker's mouth. A file with such lines (or
# lines that end on a mark and a word) moved every paragraph's closing mark, so a straight mark
# opening a line is weighed the same way.
_MARK_AND_WORD = re.compile(r"^([\"“”])([\w’'-]+)$")
_ENDS_ON_MARK_AND_WORD = re.compile(r"(?:^|\s)[\"“”][\w’'-]+$")
# ... or with the first words of a sentence the next line goes on in lower case
_MARK_AND_WORDS = re.compile(r"^([\"“”])([\w’'-]+(?: [\w’'-]+){1,2})$")


def _fragment(line: str, following: str) -> re.Match[str] | None:
    """A line of a mark and the first word or words of the sentence ``following`` ends."""
    if following[:1].islower():
        return _MARK_AND_WORD.match(line) or _MARK_AND_WORDS.match(line)
    return _MARK_AND_WORD.match(line) if following else None


def _unsplit(lines: list[str]) -> list[str]:
    out: list[str] = []
    head = ""
    quoting = False  # a straight-marked quotation is open at the end of the lines so far
    moved = _moves_closing_marks(lines)
    for i, line in enumerate(lines):
        line, head = head + line, ""
        following = lines[i + 1] if i + 1 < len(lines) else ""
        if line in ('"', "“", "”") and following:
            # a mark alone on its line: it closes the quotation left open, or opens the next
            if line == "”" or (line == '"' and quoting and not _opens(following)):
                if out:
                    out[-1] += line
                quoting = False
            else:
                head = line
            continue
        split = _fragment(line, following)
        if split is None:
            if moved and quoting and out and line.startswith('"') and not _opens(line[1:]):
                out[-1] += '"'
                line, quoting = line[1:].lstrip(), False  # that closed it
            if line:
                out.append(line)
            quoting = _still_quoting(quoting, line)
            continue
        mark, word = split.groups()
        closes = mark == "”" or (mark == '"' and quoting and not _opens(word + " " + lines[i + 1]))
        if closes and out:
            out[-1] += mark
        head = (word if closes else mark + word) + " "
        quoting = False
    return out


def _moves_closing_marks(lines: list[str]) -> bool:
    """Whether a file of one sentence a line moved each paragraph's closing mark to the next
    line: a line ends on a mark and a word, or lines open with a straight mark and none ends
    on one after a sentence's punctuation (where a quotation's last sentence would close)."""
    if any(_ENDS_ON_MARK_AND_WORD.search(line) for line in lines):
        return True
    return any(line.startswith('"') for line in lines) and not any(
        _CLOSES_LINE.search(line) for line in lines
    )


_CLOSES_LINE = re.compile(r"[.!?,][\"”]$")


def _opens(sentence: str) -> bool:
    """Whether a straight mark before ``sentence`` opens it."""
    before_marks = sentence.split('"', 1)[0]
    return (
        _balance(sentence, '"') < 0
        or bool(FIRST_PERSON.search(before_marks))
        or bool(SECOND_PERSON.search(before_marks))
    )


def _still_quoting(quoting: bool, line: str) -> bool:
    """Whether a straight-marked quotation is open after ``line``: one the lines before left
    open runs on through lines with no mark, and a line that opens with a mark starts afresh
    (each paragraph of a long quotation is reopened)."""
    if '"' not in line:
        return quoting
    if line.startswith('"'):
        return _balance(line, '"') > 0
    return int(quoting) + _balance(line, '"') > 0


def _unstranded(lines: list[str]) -> list[str]:
    out: list[str] = []
    mark = ""
    for i, line in enumerate(lines):
        line, mark = mark + line, ""
        if _stranded(line, lines[i + 1] if i + 1 < len(lines) else ""):
            line, mark = line[:-1].rstrip(), line[-1]
        out.append(line)
    if mark:
        out[-1] += " " + mark
    return out


# In a file of one paragraph a line, a line of a clause's length that stops mid-clause (no
# closing punctuation) and one that goes on in lower case ("The ferry left the harbour an
# hour late" / "and reached the island after dark …"), or a line that stops on a word no
# clause ends on, are one sentence broken by a hard wrap or a copy: the reader gets it whole.
# A short line (a heading, a list item: "What to pack" / "flour") stays apart, and so do
# paragraphs set apart by blank lines or by a page's markup.
JOIN_MIN_WORDS = 5
JOIN_MAX_CHARS = 2_000  # a sentence is no longer: a file with no stops is not run into one


def _rejoined(lines: list[str]) -> list[str]:
    out: list[list[str]] = []
    size = 0
    for line in lines:
        last = out[-1][-1] if out else ""
        if (
            (
                line[:1].islower()
                and (last[-1:].isalnum() or last.endswith(","))
                # a turn of a transcript cut off mid-clause ends there
                or (_open_end(last) and not speaker_label(line))
            )
            and len(last.split(None, JOIN_MIN_WORDS)) >= JOIN_MIN_WORDS
            and size + len(line) < JOIN_MAX_CHARS
        ):
            out[-1].append(line)
            size += len(line) + 1
        else:
            out.append([line])
            size = len(line)
    return [" ".join(parts) for parts in out]


# A line that stops on a preposition, an article or a conjunction stops mid-clause, whatever
# the case of the line after it ("Police were called to" / "Harbour Bar on Friday night …").
_OPEN_ENDINGS = frozenset(("a", "an", "the", "and", "or", "but", *lexicon.PREPOSITIONS))


def _open_end(line: str) -> bool:
    return line.rsplit(None, 1)[-1] in _OPEN_ENDINGS if line.strip() else False


def _one_spaced(block: str) -> str:
    """``block`` with each run of whitespace one space, and none at its ends. Most blocks are
    so already, which is quicker to see than to redo: a printable string holds no whitespace
    but the space."""
    if block.isprintable() and "  " not in block and block[:1] != " " and block[-1:] != " ":
        return block
    return " ".join(block.split())


def _last_nonblank(lines: list[str]) -> int:
    return max((i for i, ln in enumerate(lines) if ln), default=0)


def read_page(path: Path, text: str, meta: PageMeta = PageMeta()) -> Document:
    """Build a Document from page text, using ``meta`` where the reader already knows it."""
    blocks, one_per_line = split_blocks(HIDING.sub("", text))
    title = meta.title
    if title is None and not one_per_line and _looks_like_title(blocks):
        title = blocks[0]
    while title and blocks and _same(blocks[0], title):
        blocks.pop(0)
    head, blocks = _split_head(blocks)
    if _is_series_blurb(head, blocks):
        blocks = blocks[1:]
    dated, standfirst, header = _read_head(head)
    body = _remove_boilerplate(blocks) if meta.boilerplate else _trim_edges(blocks)
    kept_head = (
        [h for h in head if h != standfirst and not _is_byline(h)] if (meta.keep_head) else []
    )
    paragraphs = ([standfirst] if standfirst else []) + kept_head + body
    doc_text, spans = _join(paragraphs)
    turns, person = _turns(doc_text, spans, standfirst, " ".join([title or "", *header]))
    positions = _positions(header) + ((person,) if person and person[1] else ())
    authors = meta.authors or _byline(header) or ((person[0],) if person else ())
    return Document(
        path=path,
        title=title or _title_from_name(path),
        text=doc_text,
        date=titled_date(title, meta.date or dated or date_from_filename(path.name)),
        authors=tuple(authors),
        publisher=meta.publisher,
        url=meta.url,
        doc_type=meta.doc_type or _doc_type(title, header, turns, doc_text),
        standfirst=standfirst,
        turns=tuple(turns),
        positions=tuple((name, pos) for name, pos in positions if pos),
        sentence_lines=one_per_line and _sentence_a_line(body),
    )


ONE_SENTENCE_SHARE = 0.9  # of lines: a file split into sentences, not into paragraphs


def _sentence_a_line(blocks: list[str]) -> bool:
    sample = blocks[:200]
    single = sum(len(split_sentences(block)) == 1 for block in sample)
    return bool(sample) and single >= ONE_SENTENCE_SHARE * len(sample)


def _looks_like_title(blocks: list[str]) -> bool:
    first = blocks[0] if blocks else ""
    return (
        0 < len(first.split()) <= 50
        and len(first) < 400
        and not first.endswith(".")
        and len(blocks) > 1
    )


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _split_head(blocks: list[str]) -> tuple[list[str], list[str]]:
    """The head is the short lines before the body: standfirst, dateline, byline, place, time."""
    dateline_at = next((i for i, b in enumerate(blocks[:6]) if parse_dateline(b)), None)
    end = 0 if dateline_at is None else dateline_at + 1
    while end < min(len(blocks), 8) and _is_header_line(blocks[end]):
        end += 1
    return blocks[:end], blocks[end:]


def _is_header_line(block: str) -> bool:
    words = word_count(block)
    if speaker_label(block) or words > 40:
        return False
    return words <= 4 or not block.endswith(_TERMINAL) or bool(parse_dateline(block))


BLURB_COHESION = 0.3  # share of a paragraph's content words found again in the article


def _is_series_blurb(head: list[str], body: list[str]) -> bool:
    """A series blurb: one sentence right under the dateline that describes the series, not
    the story ("To help readers … our editors conduct in-depth interviews …"). Its form and
    place tell it: alone in its paragraph, first after the dateline, and lexically apart from
    the article (few of its content words come back in the head or the body)."""
    if len(body) < 3 or not head or not parse_dateline(head[-1]):
        return False
    first = body[0]
    if len(split_sentences(first)) != 1 or not first.endswith(_SENTENCE_END):
        return False
    words = set(content_words(first))
    article = {w for block in head[:-1] + body[1:12] for w in content_words(block)}
    return len(words) >= 6 and len(words & article) / len(words) < BLURB_COHESION


def _read_head(head: list[str]) -> tuple[date | None, str | None, list[str]]:
    """Split the head into (date, standfirst, other header lines)."""
    dated = None
    standfirst = None
    header = []
    for i, block in enumerate(head):
        when = parse_dateline(block)
        if when and dated is None:
            dated = when
            before = [b for b in head[:i] if b.endswith(_TERMINAL) and word_count(b) > 8]
            standfirst = before[-1] if before else None
        elif block != standfirst:
            header.append(block)
    return dated, standfirst, [h for h in header if h != standfirst]


def _remove_boilerplate(blocks: list[str]) -> list[str]:
    """Drop navigation, repeated labels, series blurbs and trailing teasers."""
    counts: dict[str, int] = {}
    for b in blocks:
        counts[b] = counts.get(b, 0) + 1
    total = sum(len(b) for b in blocks) or 1
    kept: list[str] = []
    seen = 0
    for i, block in enumerate(blocks):
        heading = _is_heading(block)
        if heading and _TEASER_HEADING.match(block) and seen / total > 0.6:
            break  # the rest is teasers for other articles
        seen += len(block)
        if heading and (counts[block] > 1 or _TEASER_HEADING.match(block)):
            continue
        if heading and block.endswith(":") and len(block.split()) <= 4:
            # a label ("More on:"), unless it leads into a quotation ("Caddell continued:")
            if not blocks[i + 1 : i + 2] or blocks[i + 1][:1] not in '"“':
                continue
        if i < 3 and _SELF_REFERENCE.search(block):
            continue
        kept.append(block)
    return kept


# Site furniture that extractors leave at the edges of an article: copyright lines,
# subscription prompts, letters-to-the-editor forms, bare labels such as "Release Date:".
_FURNITURE = re.compile(
    r"(©|\(c\)\s*\d{4}|all rights reserved|\bsubscri(be|ber|ption)s?\b|\bsign(ing)? up\b"
    r"|newsletter|never miss|trust principles|submit your (letter|story|tip)|follow us on"
    r"|share (this|on)\b|^advertisement$|cookies?\b)",
    re.I,
)
# A word each of _FURNITURE's forms holds: a block without any cannot match it, which a plain
# search tells quicker than the pattern, tried at every character (see text.lacks).
_FURNITURE_WORDS = (
    "©".encode(),
    b"(c)",
    b"all rights reserved",
    b"subscri",
    b"sign",
    b"newsletter",
    b"never miss",
    b"trust principles",
    b"submit your",
    b"follow us on",
    b"share",
    b"advertisement",
    b"cookie",
)
_DOMAIN = re.compile(r"^(https?://)?[\w-]+(\.[\w-]+)+/?$", re.I)
# Furniture wherever it stands: prompts to subscribe or sign up, metadata labels on their own
# ("Release Date:"), file footers ("Last Modified: 03-10-2004").
# (The last, which may stand anywhere, is a pattern of its own, tried only where its colon is:
# see _names_last_change.)
_PROMPT = re.compile(
    r"(never miss\b|sign up\b|subscribe\b|to (view|read|continue reading) (the|this) (full )?"
    r"(story|article)|click here\b)|(release date|date|posted|published|updated|author|source|"
    r"tags|categories|share|print):$",
    re.I,
)
_LAST_CHANGE = re.compile(r"\blast (modified|updated):", re.I)
# "Jane Doe is a reporter at …": the author's biography closing an article.
_BIO = re.compile(r"^[A-Z][\w’'-]+(\s+[A-Z][\w’'.-]+){1,3}\s+is\s+(a|an|the)\s")
EDGE = 4  # blocks at each end that may be furniture


def _trim_edges(blocks: list[str]) -> list[str]:
    """Drop furniture from the first and last few blocks of extracted text."""

    def furniture(block: str) -> bool:
        words = _words_upto(block, 40)
        label = words <= 3 and block.endswith(":")
        if label or _DOMAIN.match(block):
            return True
        return words <= 40 and not lacks(block, _FURNITURE_WORDS) and bool(_FURNITURE.search(block))

    # a prompt is rare and quicker to rule out than a paragraph's words are to count
    blocks = [
        b for b in blocks if not (_DOMAIN.match(b) or (_is_prompt(b) and _words_upto(b, 40) <= 40))
    ]
    start, end = 0, len(blocks)
    while start < min(EDGE, end) and furniture(blocks[start]):
        start += 1
    while end > max(start, len(blocks) - EDGE) and (
        furniture(blocks[end - 1]) or _BIO.match(blocks[end - 1])
    ):
        end -= 1
    return blocks[start:end]


def _is_prompt(block: str) -> bool:
    return bool(_PROMPT.match(block)) or _names_last_change(block)


_LAST_CHANGE_CHARS = (len("last modified"), len("last updated"))


def _names_last_change(block: str) -> bool:
    """Whether _LAST_CHANGE matches anywhere in ``block``: tried only where its colon could
    end it (the pattern, case-insensitive and opening with a word boundary, is otherwise tried
    at every character of every paragraph with a colon, as most of a transcript's are)."""
    colon = block.find(":")
    while colon >= 0:
        for before in _LAST_CHANGE_CHARS:
            if colon >= before and _LAST_CHANGE.match(block, colon - before):
                return True
        colon = block.find(":", colon + 1)
    return False


def _words_upto(block: str, most: int) -> int:
    """The words in ``block``, counted up to ``most`` + 1: a paragraph's thousand words are not
    split out to learn that it has more than 40."""
    return len(block.split(None, most))


def _is_heading(block: str) -> bool:
    return word_count(block) <= 8 and not block.endswith(_SENTENCE_END)


def _join(paragraphs: list[str]) -> tuple[str, list[tuple[int, int]]]:
    spans = []
    pos = 0
    for p in paragraphs:
        spans.append((pos, pos + len(p)))
        pos += len(p) + 2
    return "\n\n".join(paragraphs), spans


def _turns(
    text: str, spans: list[tuple[int, int]], standfirst: str | None, header: str
) -> tuple[list[Turn], tuple[str, str | None] | None]:
    """Transcript or interview turns, and an interviewee with their position."""
    labelled = (s for s, e in spans if speaker_label(text[s:e]))
    if next(islice(labelled, 1, None), None) is not None:  # two labelled paragraphs: enough
        return transcript_turns(text, spans, header), None
    person = interviewee(standfirst or "")
    if person is None and spans:
        person = interviewee(text[: spans[min(2, len(spans) - 1)][1]])
    body = spans[1:] if standfirst else spans
    turns = interview_turns(text, body, person[0] if person else None)
    return (turns or []), (person if turns else None)


_NAME_POSITION = re.compile(r"^([A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){1,3}),\s+(.{3,120})$")


# A position run into the unit it belongs to, the separator lost between two page elements:
# "Deputy Assistant SecretaryBureau of Population, Refugees, and Migration".
_RUN_INTO_UNIT = re.compile(
    r"(?<=[a-z]{3})(?=(?:Bureau|Office|Department|Ministry|Embassy|Mission|Division|Agency"
    r"|Council|Committee|Directorate|Cent(?:er|re)|Secretariat)\b)"
)


def _positions(header: list[str]) -> tuple[tuple[str, str | None], ...]:
    """People named with their position in the header: "Ned Price, Department Spokesperson"."""
    found = (_NAME_POSITION.match(line) for line in header)
    return tuple((m[1], _RUN_INTO_UNIT.sub(", ", " ".join(m[2].split()))) for m in found if m)


# A photo caption with the story's byline run on after it at the top of a page: "AMO found
# 475 pounds of cocaine inside a vessel. By U.S. CUSTOMS AND BORDER PROTECTION"
_TRAILING_BYLINE = re.compile(r"[.!?]\s+By\s+(?:[A-Z][\w.’'&-]*\s*){1,6}$")


def _is_byline(line: str) -> bool:
    """A line naming the author rather than saying anything: "By …", "Name, Position", or a
    caption that ends in the byline."""
    return (
        line.startswith(("By ", "Office of"))
        or bool(_NAME_POSITION.match(line))
        or bool(_TRAILING_BYLINE.search(line))
    )


def _byline(header: list[str]) -> tuple[str, ...]:
    for line in header:
        if parse_dateline(line) or len(line) > 160:
            continue
        m = _PERSON.match(line)
        if m and "," in line or line.startswith("By "):
            return (m[1],) if m else ()
        if line.startswith("Office of"):
            return (line,)
    return ()


MAX_TITLE_CHARS = 300  # a headline is shorter; past it no pattern need look
# A headline whose verb publishes what it names ("OSCE Releases the Second Expert Mission
# Report on …"): a release announcing the report, not the report, whose title names it.
_PUBLISHES = re.compile(
    r"\b(?:[Rr]eleases?|[Pp]ublish(?:es)?|[Ll]aunches|[Ww]elcomes?|[Ss]ubmits?|[Tt]ransmits?)\b"
    r"(?=.*\b(?i:report|review|assessment)\b)"
)


def _doc_type(title: str | None, header: list[str], turns: list[Turn], text: str) -> str:
    roles = {t.role for t in turns}
    if (
        any(t.speaker for t in turns)
        and "question" in roles
        and any(t.role == "answer" for t in turns)
    ):
        labelled = any(t.start and text[max(0, t.start - 2) : t.start] == ": " for t in turns)
        return "transcript" if labelled else "interview"
    if (
        title
        and re.search(r"\b(report|review|assessment)(\s+(on|of)\b|:|$)", title, re.I)
        and not _PUBLISHES.search(title[:MAX_TITLE_CHARS])
        or len(text) > 40_000
    ):
        return "report"
    if title and re.search(r"\b(statement|press release|announces?|announcement)\b", title, re.I):
        return "press release"
    if any(
        line.startswith("Office of") or "," in line for line in header if not line.startswith("By ")
    ):
        return "press release"
    return "news"


def _title_from_name(path: Path) -> str:
    stem = re.sub(r"^\d{4}-\d\d-\d\d[_-]?", "", path.stem)
    words = re.sub(r"[_-]+", " ", stem).strip()
    return words[:1].upper() + words[1:] if words else path.name
