"""Who speaks where: labelled transcript turns and unlabelled interview Q&A."""

from __future__ import annotations

import re

from briefing.ingest.meta import fold, full_name
from briefing.lexicon import (
    PROCEDURAL_LABELS,
    QUESTION_LABELS,
    TRANSCRIPT_TITLES,
)
from briefing.model import Turn

# Labels that open a transcript turn: "MR PRICE:", "SECRETARY BLINKEN:", "QUESTION:".
_LABEL = re.compile(r"^(?P<label>[A-Z][A-Z.’' -]{1,60}?):\s+")
_HONORIFICS = tuple(f"{title.upper()} " for title in TRANSCRIPT_TITLES)  # "MR ", "SECRETARY "


def speaker_label(paragraph: str) -> tuple[str, int] | None:
    """If ``paragraph`` opens with a speaker label, return (label, length of label and colon)."""
    m = _LABEL.match(paragraph)
    if not m:
        return None
    label = " ".join(m["label"].replace(".", " ").split())
    if label in QUESTION_LABELS or label in PROCEDURAL_LABELS:
        return label, m.end()
    if label.startswith(_HONORIFICS):
        return label, m.end()
    return None


def transcript_turns(text: str, spans: list[tuple[int, int]], header: str) -> list[Turn]:
    """Turns of a labelled transcript; paragraphs without a label continue the last turn
    (which is made once its end is known, not again for each paragraph)."""
    opened: list[tuple[str | None, str, int]] = []  # speaker, role, start of each turn
    ends: list[int] = []
    names: dict[str, str | None] = {}
    for start, end in spans:
        found = speaker_label(text[start:end])
        if found:
            label, skip = found
            if label not in names:
                names[label] = _resolve(label, header, text)
            role = (
                "question"
                if label in QUESTION_LABELS
                else ("statement" if label in PROCEDURAL_LABELS else "answer")
            )
            opened.append((names[label], role, start + skip))
            ends.append(end)
        elif ends:
            ends[-1] = end
    return [Turn(*turn, end) for turn, end in zip(opened, ends, strict=True)]


def _resolve(label: str, header: str, text: str) -> str | None:
    if label in QUESTION_LABELS:
        return None
    if label in PROCEDURAL_LABELS:
        return label.title()
    surname = label.split()[-1]
    return full_name(surname.title(), header, text) or label.title()


def interview_turns(
    text: str, spans: list[tuple[int, int]], interviewee: str | None
) -> list[Turn] | None:
    """Q&A turns of an interview without labels, or None if the text is not one.

    A question is a paragraph ending in "?"; the paragraphs after it, up to the next
    question, are the interviewee's answer. Paragraphs before the first question are
    the writer's introduction.
    """
    is_question = [text[s:e].rstrip().endswith("?") for s, e in spans]
    answered = sum(
        1 for i, q in enumerate(is_question) if q and i + 1 < len(spans) and not is_question[i + 1]
    )
    if answered < 2 or answered < len(spans) / 8:
        return None
    turns: list[Turn] = []
    seen_question = False
    for (start, end), question in zip(spans, is_question, strict=True):
        if question:
            seen_question = True
            turns.append(Turn(None, "question", start, end))
        elif not seen_question:
            turns.append(Turn(None, "statement", start, end))
        elif turns[-1].role == "answer":
            turns[-1] = Turn(interviewee, "answer", turns[-1].start, end)
        else:
            turns.append(Turn(interviewee, "answer", start, end))
    return turns


def same_person(a: str | None, b: str | None) -> bool:
    """Whether two renderings of a name plausibly name the same person (by surname)."""
    if not a or not b:
        return False
    return fold(a.split()[-1]) == fold(b.split()[-1])
