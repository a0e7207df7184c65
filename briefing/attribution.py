"""Who says a bullet, as a reader would name them: a transcript turn's speaker, a joint
statement's signers, the author, or the publisher ("State Department"; a report as its
publisher's report on its subject, "State Department report on Cuba")."""

from __future__ import annotations

import re
from typing import Any

from briefing.model import Document, Sentence

# A statement in the name of several signers, by the title's form: "G7 Foreign Ministers’
# Statement on …" (plural signers: "G7 Foreign Ministers"), "Joint Statement on Syria".
JOINT_STATEMENT = re.compile(
    r"^(?:(?P<who>[A-Z0-9][\w.-]*(?: [A-Z][\w.-]*){0,5}s)[’'] (?:Joint )?Statement"
    r"|Joint (?:Statement|Declaration|Communiqu[eé]))\b"
)


JOINT_TITLE_WORDS = 8


# The preamble of a joint statement that says whose it is: "Representatives of the Arab
# League, Egypt, … and the United States met in …", "a statement from the Foreign Ministers
# of Canada, France, …".
SIGNERS = re.compile(
    r"\b(?P<who>Representatives|(?:Foreign |Defen[cs]e |Finance )?Ministers|Governments"
    r"|Leaders|Heads of State(?: and Government)?|Ambassadors) of"
    r" (?P<list>(?:the )?[A-Z][^.:;]{2,400}?)"
    r"(?= met\b| on the occasion\b| have\b| are\b|\.|:)"
)


PREAMBLE = 1500  # the signers are named before the statement's text
# The line after which a posted statement's own text begins ("Begin Text:"): what comes
# before it is the words of the office that posted it.
BEGIN_TEXT = re.compile(r"^(?:Begin(?:ning of)? Text|BEGIN TEXT)\s*[:.]?\s*$", re.M)


# A statement's "we" says who only when its signers are named: all of them, up to a list a
# reader takes in at once; past that, the first two ("Representatives of the Arab League,
# Egypt and 11 others").
ALL_SIGNERS = 8
NAMED_SIGNERS = 2


def signers(text: str) -> str | None:
    """Who signs a joint statement, as its preamble names them, shortened past ALL_SIGNERS."""
    m = SIGNERS.search(text, 0, PREAMBLE)
    if m is None:
        return None
    # a list of names, some with an "and" of their own ("Bosnia and Herzegovina"): commas
    # part them, and an "and" only the last of a list written with commas ("A, B and C")
    items = [i.strip() for i in re.split(r",\s*(?:and\s+)?", m["list"]) if i.strip()]
    if len(items) > 1 and " and " in items[-1]:
        items[-1:] = items[-1].rsplit(" and ", 1)
    if len(items) <= ALL_SIGNERS:
        listed = ", ".join(items[:-1]) + " and " if len(items) > 1 else ""
        return f"{m['who']} of {listed}{items[-1]}"
    return (
        f"{m['who']} of {', '.join(items[:NAMED_SIGNERS])} and {len(items) - NAMED_SIGNERS} others"
    )


def said_by(doc: Document, sentence: Sentence) -> str | None:
    """Who says the sentence, as a reader would name them: the speaker of its transcript
    turn, else the signers of a joint statement, else the source's author, else its
    publisher."""
    if sentence.speaker:
        return _full_name(doc, sentence.speaker)
    joint = JOINT_STATEMENT.match(doc.title)
    begins = BEGIN_TEXT.search(doc.text, 0, PREAMBLE) if joint else None
    if begins and sentence.end <= begins.start():
        joint = None  # the office that posted it, telling who met before the text begins
    if joint:  # its "we" is the signatories, not the office that posted it
        who = joint["who"] or signers(doc.text)
        if who:
            return who
        return doc.title if len(doc.title.split()) <= JOINT_TITLE_WORDS else "Joint statement"
    if doc.authors:
        author = byline(doc)
        surname = author.split()[-1] if author else ""
        if sentence.role == "statement" and _answers(doc, author) and surname not in sentence.text:
            # an interview's introduction before the first question is its editors' words,
            # not those of the person they interview, unless it gives theirs ("… says Varga")
            return reader_name(doc.publisher) if doc.publisher else EDITORS
        return author or None
    if not doc.publisher:
        return None
    if doc.doc_type == "report":  # "State Department report on Cuba": which report says it
        subject = report_subject(doc.title)
        return f"{reader_name(doc.publisher)} report" + (f" on {subject}" if subject else "")
    return reader_name(doc.publisher)


# A transcript's stage direction that the words after it came through an interpreter:
# "(Via interpreter)", "(Through an interpreter)", "(As interpreted)", "(Translated from
# Japanese)". The English a brief quotes from there is the interpreter's, not the speaker's.
INTERPRETED = re.compile(
    r"\((?:(?:via|through) (?:an? |the )?interpret(?:er|ers|ation)|as interpreted|interpreted"
    r"|as translated|translated from [A-Z][a-z]+)\.?\)",
    re.I,
)


# The direction that the speaker goes on in English, in their own words from there.
IN_ENGLISH = re.compile(r"\((?:in|speaking in|continuing in) English\.?\)", re.I)


def interpreted(doc: Document, start: int) -> bool:
    """Whether the words at ``start`` were spoken through an interpreter: a stage direction
    saying so (``INTERPRETED``) opens their speaker's turn, one of its paragraphs or one of
    its sentences at or before them ("Thank you, Tony. (Via interpreter) …"; not one inside
    a message the speaker reads out, "… reads, in part (as interpreted): “…”"), and no
    "(In English)" opens one between it and them."""
    last = _last_direction(doc, start)
    return last is not None and INTERPRETED.fullmatch(last[0]) is not None


def _last_direction(doc: Document, start: int) -> re.Match[str] | None:
    """The last direction of language (``INTERPRETED`` or ``IN_ENGLISH``) that opens a
    sentence of the turn holding ``start``, at or before it."""
    for turn in doc.turns:
        if turn.start <= start < turn.end:
            found = [
                m
                for pattern in (INTERPRETED, IN_ENGLISH)
                for m in pattern.finditer(doc.text, turn.start, turn.end)
                if m.start() <= start and _opens_sentence(doc.text, m.start(), turn.start)
            ]
            return max(found, key=lambda m: m.start(), default=None)
    return None


def after_direction(doc: Document, start: int, end: int) -> int:
    """Where the words of ``doc.text[start:end]`` begin past an opening direction of language
    that ``interpreted`` reads ("(Via interpreter) Commerce Secretary …", "(In English) …"):
    the brief marks an interpreter's words beside the speaker's name instead. ``start`` when
    there is none."""
    m = INTERPRETED.match(doc.text, start, end) or IN_ENGLISH.match(doc.text, start, end)
    if m is None:
        return start  # most sentences: no direction, and no turn to read through
    last = _last_direction(doc, start)
    if last is None or last.start() != m.start():
        return start
    rest = doc.text[m.end() : end]
    return m.end() + len(rest) - len(rest.lstrip())


def _opens_sentence(text: str, at: int, turn_start: int) -> bool:
    line_start = text.rfind("\n", 0, at) + 1
    before = text[max(line_start, turn_start) : at].rstrip()
    return not before or before[-1] in ".!?”\"’')"


def byline(doc: Document) -> str:
    """The source's first author as a reader names them ("Jane Doe, Staff Writer" → "Jane
    Doe"); empty without one."""
    return doc.authors[0].split(",")[0].strip() if doc.authors else ""


EDITORS = "Editors"  # who introduces an interview, when the source names no publisher


def _answers(doc: Document, person: str) -> bool:
    """Whether ``person`` is who answers an interview's questions."""
    return doc.doc_type == "interview" and any(
        t.role == "answer" and t.speaker == person for t in doc.turns
    )


SUBJECT_WORDS = 4  # "Cuba", "the Rights of Migrant Workers": a subject, not a whole headline


def report_subject(title: str) -> str | None:
    """What a report is about, in a few words: its title after the last colon ("2023 Country
    Reports on Human Rights Practices: China (Includes Hong Kong …)" → "China"), or a short
    title that does not itself say "report"."""
    subject = re.sub(r"\s*\([^()]*\)\s*$", "", title.rsplit(": ", 1)[-1]).strip()
    if not subject or len(subject.split()) > SUBJECT_WORDS or re.search(r"(?i)\breport", subject):
        return None
    return subject


def _full_name(doc: Document, speaker: str) -> str:
    """A transcript label as the document names the person ("Price" → "Ned Price")."""
    last = speaker.split()[-1].lower()
    for name in [*(n for n, _ in doc.positions), *(a.split(",")[0] for a in doc.authors)]:
        if name.split() and name.split()[-1].lower() == last and len(name) >= len(speaker):
            return name.strip()
    return speaker


def reader_name(publisher: str) -> str:
    """How a reader names a publishing organisation: "U.S. Department of State" → "State
    Department"."""
    name = re.sub(r"^(?:the |U\.S\. |US |United States )+", "", publisher.strip(), flags=re.I)
    m = re.fullmatch(r"Department of (?:the )?([A-Z][\w ]*)", name)
    return f"{m[1]} Department" if m else name


CITE_TITLE_WORDS = 12  # a longer title is named by its kind in a quote's attribution


def cite_title(src: Any) -> str:  # a Document or a brief's Source: its title and kind
    """A source's title as a quote's attribution names it: a briefing whose title lists
    everyone on the call is named by its head ("Briefing") or its subject ("On Recent DPRK
    Missile Launches"), else by its kind ("Transcript"); the sources list has it whole."""
    title = re.sub(r"\s*\([^()]*\)$", "", str(src.title))  # "… China (Includes Hong Kong, …)"
    if len(title.split()) <= CITE_TITLE_WORDS:
        return title
    # "Briefing With <everyone on the call> …" → "Briefing"; "<a role and a name> On Recent
    # DPRK Missile Launches" → "On Recent DPRK Missile Launches"
    head = re.match(r"(.{3,40}?) [Ww]ith ", title)
    if head and head[1].split()[-1].lower() in EVENT_KINDS:  # not "Secretary Jane Doe With …"
        return head[1]
    subject = re.search(r" ([Oo]n [A-Z].*)$", title)
    if subject and len(subject[1].split()) <= CITE_TITLE_WORDS:
        return subject[1][0].upper() + subject[1][1:]
    return str(src.doc_type).capitalize()


# What a title "<kind> With <people>" can be, by its last word: the event the people took part in.
EVENT_KINDS = frozenset(
    "briefing interview remarks availability conversation call discussion conference "
    "roundtable meeting session dialogue event panel town hall".split()
)
