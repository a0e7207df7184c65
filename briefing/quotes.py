"""Direct quotes and who said them: quotation marks, their parts, Q&A turns.

Who said each one is ``briefing.speakers``' business: an ordered table of named rules and a
cast of the document's people; each quote keeps the rule that decided its speaker.
"""

from __future__ import annotations

import re
from bisect import bisect
from collections.abc import Iterator
from dataclasses import replace
from itertools import pairwise

from briefing import lexicon
from briefing.lexicon import PROCEDURAL_SPEAKERS
from briefing.model import Document, Quote
from briefing.speakers import (
    CONTINUED,
    LOOKAROUND,
    NEXT_PARAGRAPH,
    Attribution,
    Cast,
    attribute,
    match_after,
    rank_speaker,
)
from briefing.summarize import LINE
from briefing.text import MAX_ANALYZED_CHARS, split_sentences

_PAIRS = {"“": "”", '"': '"', "«": "»", "„": "“"}
MIN_WORDS = 4
MAX_PARTS = 20  # bounded work: "a" and "b" and "c" … four thousand times is many quotes


def find_quotes(doc: Document) -> list[Quote]:
    """Quotes in quotation marks with their speakers; quotes inside questions are left out.

    A quotation split by its attribution ("…,” she said. “…") is one quote of two parts.
    """
    return [quote for quote, _ in explain_quotes(doc)]


def explain_quotes(doc: Document) -> list[tuple[Quote, Attribution]]:
    """Each quote with the attribution that named its speaker (rule, mention, rivals)."""
    text = doc.text
    people = [doc.turns[0].speaker] if doc.turns and doc.turns[0].speaker else []
    people += [t.speaker for t in doc.turns if t.speaker and t.role == "answer"][:1]
    cast = Cast.of(text, people, dict(doc.positions))
    found: list[tuple[Quote, Attribution]] = []
    last_closing = -1
    for parts, opening, closing in _quote_spans(text, doc.sentence_lines):
        if _in_question(doc, opening):
            continue
        why = attribute(text, opening, closing, cast)
        previous, previous_why = found[-1] if found else (None, None)
        if (
            previous
            and previous_why
            and len(previous.parts) < MAX_PARTS
            and _continues(text, last_closing, opening, closing)
        ):
            *head, (first_start, first_end) = previous.parts
            if text[parts[0][0] : parts[0][0] + 1].islower():  # “…,” she said, “and …”
                first_end = _comma_end(text, first_end)
            parts = [*head, (first_start, first_end), *parts]
            if previous.speaker:
                # the speaker of the first part, by the rule that named them
                why = Attribution(
                    previous.speaker, previous_why.rule, previous_why.found, (CONTINUED,)
                )
            found.pop()
        elif why.speaker is None and (why.found or "").lower() not in ("he", "she", "it"):
            # no rule names anyone: the fitted ranker weighs the people around the quote (a
            # "he said" no one can be is nobody's: the names around are places and bodies; an
            # "it said" no body can be is a document's or a thing's, never a person's)
            chain = (previous.speaker, previous.end) if previous and previous.speaker else None
            why = rank_speaker(text, opening, closing, cast, chain)
            if (
                why.speaker is None
                and chain
                and _next_paragraph(text, last_closing, opening, closing)
            ):
                # where the ranker finds no one (its weights, fitted on American news, hold
                # back a surname alone), the paragraph goes on with the quotation before
                why = Attribution(chain[0], NEXT_PARAGRAPH, chain[0])
        why = replace(why, marks=(opening, closing))
        speaker = why.speaker
        if speaker and speaker not in PROCEDURAL_SPEAKERS:
            cast.spoke(speaker)
        position = cast.positions.get(speaker) if speaker else None
        found.append((_quote(text, parts, speaker, position, why.rule if speaker else None), why))
        last_closing = closing
    return [(q, why) for q, why in found if len(q.text.split()) >= MIN_WORDS]


def _quote(
    text: str,
    parts: list[tuple[int, int]],
    speaker: str | None,
    position: str | None,
    rule: str | None,
) -> Quote:
    *body, (start, end) = parts
    while end > start and text[end - 1] in " ,;:":
        end -= 1  # "…on both sides," says X: the comma belongs to the sentence
    spans = (*body, (start, end))
    return Quote(
        join_parts(text, spans),
        speaker,
        spans[0][0],
        end,
        position=position,
        spans=spans if body else (),
        rule=rule,
    )


def join_parts(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    """The parts of one quotation as a reader sees them: a space where the first part ends
    its sentence or clause or only a line break parts them, an ellipsis where the source's
    punctuation was left out."""
    out = text[spans[0][0] : spans[0][1]]
    for (_, before), (start, end) in pairwise(spans):
        joined = out[-1] in ".!?,;:…" or text[before:start].isspace()
        out += (" " if joined else " … ") + text[start:end]
    return out


def _comma_end(text: str, end: int) -> int:
    """A part followed by more of the same quotation keeps its comma."""
    while end < len(text) and text[end] in ",;":
        end += 1
    return end


def _next_paragraph(text: str, closing: int, opening: int, next_closing: int) -> bool:
    """Is the quotation at ``opening`` a paragraph of its own, with nothing after it, right
    after the paragraph in which the quotation closed at ``closing`` ends, with at most its
    attribution after it (“…,” said Kerr. ¶ “…”)?"""
    para_start = text.rfind("\n", 0, opening) + 1
    if text[para_start:opening].strip() or closing < 0 or closing > para_start:
        return False
    if text[next_closing + 1 :].split("\n", 1)[0].strip(" .,;"):
        return False  # a cue of its own, or narrative after it
    between = text[closing + 1 : para_start].rstrip()
    if "\n" in between:
        return False  # another paragraph between
    return not between.strip(" .,;") or match_after(between) is not None


# What may stand between the parts of one quotation besides its attribution: when, where, how.
_BETWEEN = re.compile(r"[^.!?“”\"\n]{0,100}?[.,;:]?\s*(?:(?:but|and)\s+)?")
_ENDS_SENTENCE = re.compile(r"[^.!?“”\"\n]{0,200}\.\s*")
_NEW_CLAUSE = re.compile(r"\b(?:who|which|that|adding|before|after|when|while|then|as)\b")


# Fragments of one clause: “a big problem” but “nobody talks about it”, “I would,” “I would.”
_LINKED = re.compile(r"\s*,?\s*(?:(?:and|but|or|an?)\s+)?")


_TITLE_DOT = re.compile(rf"\b({lexicon.alternation(lexicon.ABBREVIATED_TITLES)}|[A-Z])\.")


def _continues(text: str, closing: int, opening: int, next_closing: int) -> bool:
    """Is the text between a closing mark and the next opening mark only the attribution of
    one quotation, or a link between fragments of one clause?"""
    between = text[closing + 1 : opening]
    if "\n" in between or len(between) > 240:
        return False
    if _LINKED.fullmatch(between):
        return True
    if text[closing - 1] == "." and between.lstrip()[:1].isupper():
        return False  # “… escapades.” The agency said …: a new sentence, a new quotation
    found = match_after(between)
    if not found or found[0].name == "signature_dash":  # "… ― Esther Tapia" ends the quotation
        return False
    m = found[1]
    after_next = text[next_closing + 1 : next_closing + LOOKAROUND].split("\n", 1)[0]
    new_sentence = text[next_closing - 1] == "." and after_next.lstrip()[:1].isupper()
    if match_after(after_next) and not new_sentence:
        return False  # “…,” Warren said. “…,” she said: two attributions, two quotations
    rest = re.sub(r"\([^()]{1,30}\)", "", between[m.end() :])  # "(D-S.C.)"
    rest = _TITLE_DOT.sub(r"\1", rest)  # "a senior aide with Sen. Marco Rubio"
    if _ENDS_SENTENCE.fullmatch(rest):  # said X, a physicist who … . “…”
        return True
    return bool(_BETWEEN.fullmatch(rest)) and not _NEW_CLAUSE.search(rest)


def _quote_spans(
    text: str, sentence_lines: bool = False
) -> Iterator[tuple[list[tuple[int, int]], int, int]]:
    """(parts, first opening mark, last closing mark) of each quotation, paragraph by paragraph.

    A quotation that runs to the end of its paragraph and is reopened at the start of the next
    one has a part in each; one that is never closed is left out: never guess where it ends.
    The first part may open mid-paragraph, after its cue (`The leader said: "… ¶ "…"`): the
    convention for a quotation of several paragraphs is the same wherever it starts. In a
    source of ``sentence_lines`` (one sentence a line), a quotation also runs on over lines
    with no mark, to a line that closes it.
    """
    pending: list[tuple[int, int]] = []  # parts of a quotation that runs on over paragraphs
    pending_opening = -1
    marks = _SINGLE_MARK if _single_marks(text) else _MARK
    for para in LINE.finditer(text, 0, min(len(text), MAX_ANALYZED_CHARS)):
        lead = para.end() - len(para.group().lstrip())
        pos = para.start()
        if pending and text[lead] != text[pending_opening]:
            closing = _closing_on_next_line(text, pending_opening, lead, para.end(), marks)
            if closing > lead:
                parts = [*pending, (lead, closing)]
                inner = " ".join(text[s:e] for s, e in parts).strip()
                if not _is_title(inner):
                    yield parts, pending_opening, closing
                pos = closing + 1
            elif sentence_lines and _runs_on(text, pending, lead, para.end()):
                # a line with no mark at all inside a quotation of several sentences, one a
                # line: the quotation runs on, and counts only if a later line closes it
                pending.append((lead, para.start() + len(para.group().rstrip())))
                continue
            pending = []
        while pos < para.end():
            opening = _next_opening(text, pos, para.end(), lead, marks)
            if opening is None:
                break
            closing = _closing(text, opening, para.end())
            if closing < 0:
                if opening != lead or not pending:
                    pending, pending_opening = [], opening
                pending.append((opening + 1, para.start() + len(para.group().rstrip())))
                break
            first = pending_opening if pending else opening
            parts = [*pending, (opening + 1, closing)]
            pending = []
            inner = " ".join(text[s:e] for s, e in parts).strip()
            if inner and not _is_title(inner):
                yield parts, first, closing
            pos = closing + 1


def _runs_on(text: str, pending: list[tuple[int, int]], lead: int, end: int) -> bool:
    """Whether a quotation left open runs on through the line from ``lead`` of a source of one
    sentence a line: a sentence with no quotation mark, within MAX_RUN_ON lines."""
    last_start, last_end = pending[-1]
    return (
        len(pending) < MAX_RUN_ON
        and not _ANY_MARK.search(text, lead, end)
        and len(split_sentences(text, lead, end)) == 1
        and len(split_sentences(text, last_start, last_end)) == 1
    )


_DOUBLE_OPENINGS = frozenset('“"«„')
_ENDING_SINGLE = re.compile(r"(?<=[.!?,])[’'](?!\w)")
# a quotation mark, not an apostrophe inside a word ("I'm", "don’t")
_ANY_MARK = re.compile("[“”\"«»„]|(?<![^\\W_])['‘’]|['‘’](?![^\\W_])")
MAX_RUN_ON = 6  # lines of one quotation with no mark: a paragraph's sentences, one a line


def _closing_on_next_line(
    text: str, opening: int, lead: int, end: int, marks: re.Pattern[str]
) -> int:
    """The closing mark of a double-quoted quotation left open at the end of the line before,
    when it is the first mark of this line (a file of one sentence a line breaks a quotation
    of two sentences in two), or -1. A single mark closes only after a sentence's punctuation:
    after a word it is also the apostrophe of "the players’ union"."""
    closing = _CLOSING[text[opening]] if text[opening] in _DOUBLE_OPENINGS else _ENDING_SINGLE
    m = closing.search(text, lead, end)
    if not m or _next_opening(text, lead, m.end(), lead, marks) is not None:
        return -1  # no closing mark, or an opening one comes first (or is this one)
    return m.start()


# An opening curly mark or a straight one typed for a closing one: after the quotation's
# punctuation, before a space (“It's unusual,“ said … / “It's unusual," said …).
_CLOSING = {
    "“": re.compile(r"”|(?<=[,.!?])[“\"](?=\s|$)"),
    **{mark: re.compile(re.escape(close)) for mark, close in _PAIRS.items() if mark != "“"},
    # a straight mark closed by a curly one, as pages mixing two editors' marks have it
    # ("Nissan has a vibrant portfolio …,” said David Kershaw)
    '"': re.compile(r'"|”'),
    "‘": re.compile(r"’(?![^\W\d_])"),  # not the apostrophe of “don’t”
    # not "don't", not "the '90s"; after a sentence's end and a space, at its paragraph's end
    # (a copy of one sentence a line that set the mark off: "… work safely. '")
    "'": re.compile(r"(?<=\S)'(?!\w)|(?<=[.!?,] )'(?=[ \t]*$)", re.M),
}


def _closing(text: str, opening: int, end: int) -> int:
    """The mark that closes the quotation opened at ``opening``, or -1."""
    m = _CLOSING.get(text[opening], _CLOSING["“"]).search(text, opening + 1, end)
    return m.start() if m else -1


_MARK = re.compile('[“"«„”]')
# Single marks are a document's quotation marks when they open more quotations than double
# ones do (as British and Australian papers write: ‘We will,’ she said, with “…” only inside
# a quotation or in a title); otherwise they quote within a quotation.
# A straight single mark opens one only before a letter and after a space or the line's start
# ('We will,' he said), never as an apostrophe ("don't", "'90s").
_SINGLE_MARK = re.compile("‘(?!\\d)|(?:^|(?<=[\\s(\\[—–-]))'(?=[^\\W\\d_])", re.M)
# Two straight single marks typed for a double one (''We can't,'' she said) are double marks.
_DOUBLE_MARK = re.compile("[“\"«„]|''")
_OPENING_SINGLE = re.compile(r"(?:^|(?<=[\s(\[—–-]))[‘'](?=[^\W\d_])", re.M)
_OPENING_DOUBLE = re.compile(r"(?:^|(?<=[\s(\[—–-]))(?:[“\"«„]|'')(?=\w)", re.M)


def _single_marks(text: str) -> bool:
    end = min(len(text), MAX_ANALYZED_CHARS)
    singles = [m.start() for m in _OPENING_SINGLE.finditer(text, 0, end)]
    if not singles:  # a page of closing marks only (’…’)
        return "‘" in text and not _DOUBLE_MARK.search(text, 0, end)
    # a double pair inside a single one is a quotation within a quotation (‘He said “go”,’)
    # (each closing is looked for before the next opening: linear on a page of stray marks)
    ends = [*singles[1:], end]
    closings = [
        _closing(text, i, min(_line_end(text, i), j)) for i, j in zip(singles, ends, strict=True)
    ]
    doubles = sum(
        1
        for m in _OPENING_DOUBLE.finditer(text, 0, end)
        if not _inside(m.start(), singles, closings)
    )
    # a single mark that closes nothing in its paragraph is an elision ("'em", "'cause")
    return sum(closing >= 0 for closing in closings) > doubles


def _inside(pos: int, openings: list[int], closings: list[int]) -> bool:
    """Is ``pos`` between the latest opening mark before it and that mark's closing one?"""
    latest = bisect(openings, pos) - 1
    return latest >= 0 and pos < closings[latest]


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _next_opening(
    text: str, pos: int, end: int, lead: int, marks: re.Pattern[str] = _MARK
) -> int | None:
    """The first mark in ``text[pos:end]`` that opens a quotation."""
    while m := marks.search(text, pos, end):
        if _opens(text, m.start(), lead):
            return m.start()
        pos = m.end()
    return None


def _opens(text: str, i: int, lead: int) -> bool:
    """Can the mark at ``i`` open a quotation? A straight mark followed by a space, a line's
    end or the sentence's punctuation closes one whose opening mark the source lost ('a
    review of [his] systems" including …', '… recover by spring".'); a closing curly mark
    that opens a paragraph was typed for an opening one ('”Fear. I am …”')."""
    after = text[i + 1 : i + 2]
    if text[i] == "”":
        return i == lead and not after.isspace()
    if text[i] != '"':
        return True
    # punctuation that ends its clause there ('friends".', not a tweet's '".@Sanders')
    ends = after in _AFTER_CLOSING and text[i + 2 : i + 3] in ("", " ", "\n")
    return not (after.isspace() or after == "" or ends)


_AFTER_CLOSING = frozenset(".,;:!?)")


def _is_title(inner: str) -> bool:
    """A name in Title Case: a show, a report, a law (“Advancing the Human Rights of LGBTQI+
    Persons Around the World.”), not something said. The sentence's comma or period may sit
    inside the closing mark."""
    if inner.endswith(("!", "?")):
        return False
    words = inner.rstrip(",.").split()
    major = [w for w in words if w not in lexicon.TITLE_CASE_MINOR_WORDS]
    return bool(words) and words[0][:1].isupper() and all(w[:1].isupper() for w in major)


def _in_question(doc: Document, pos: int) -> bool:
    return any(
        t.start <= pos < t.end and (t.role == "question" or t.speaker in PROCEDURAL_SPEAKERS)
        for t in doc.turns
    )
