"""Editorial checks that make a sentence stand on its own as a bullet.

A bullet is read without the sentences around it, so a sentence that leans on one the reader
was not shown (an opening "But", "This", "First,", a bare "The designations" naming what the
sentence before named) is left out; a relative day ("today", "on Monday") is anchored to the
source's date in editorial brackets (a source without a date leaves it as it is); a
dateline ("KYIV —") is cut off the front. The text stays verbatim apart from the bracketed
insertions, and ``spans`` are the source pieces it is made of.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from briefing import lexicon
from briefing.model import Document, Sentence
from briefing.text import content_words

# Openings that continue an argument the reader has not seen (lower case, named data).
CONNECTIVES = frozenset(
    """but however and yet still also so moreover furthermore nevertheless nonetheless instead
    meanwhile therefore thus hence besides otherwise additionally likewise similarly indeed
    conversely first second third fourth fifth finally lastly next secondly thirdly firstly
    or nor plus again then""".split()
)
CONNECTIVE_PHRASES = (
    "in addition",
    "in turn",
    "as a result",
    "at the same time",
    "for example",
    "for instance",
    "on the other hand",
    "in contrast",
    "to that end",
    "that said",
    "even so",
    "in particular",
    "of course",
    "after that",
    "in that",
    "to this end",
    "having said that",
    "with that",
)
# Pronouns and determiners that point back (lower case, named data).
ANAPHORS = frozenset(
    "this that these those it its they their them he his she her such both".split()
)
STEM = 7  # words sharing their first letters name the same thing ("designated", "designations")
TIME_NOUNS = frozenset("morning afternoon evening week month year weekend time".split())
# After "The <noun>" these words show the noun phrase goes on ("The designations of …").
NOUN_PHRASE_GOES_ON = frozenset(
    "of in for on to at by from with and or that which who whose under over against".split()
)
FIRST_PERSON = re.compile(
    r"\b(I|I['’]m|I['’]ve|I['’]d|I['’]ll|[Ww]e|[Ww]e['’](?:re|ve|ll|d)|"
    r"[Oo]ur|[Oo]urs|us|[Mm]y|me|[Oo]urselves|[Mm]yself)\b"
)
SECOND_PERSON = re.compile(r"\b(?:you|your|yours|yourselves)\b", re.I)
PRONOUN_ATTRIBUTION = re.compile(r"\b(he|she|they)\s+(said|says|added|told|noted|argued)\b", re.I)
_QUOTED = re.compile(r"[“\"][^”\"]*[”\"]|``.*?''")
# A dateline: a capitalised place, maybe a date and an agency, then a dash, at the very start.
DATELINE = re.compile(
    r"^[A-Z][A-Z.'’-]{2,}(?:[ ,]+[A-Z][A-Za-z.'’-]*){0,3}"
    r"(?:,? [A-Z][a-z]{2,4}\.? \d{1,2})?\s*(?:\([A-Za-z .]+\))?\s*(?:—|–|--|-|_)\s+"
)
# Page furniture that can pass for a sentence: pointers elsewhere (a web address, "See …",
# "For more information, …", "Follow us …") and bylines.
POINTER = re.compile(
    r"https?://|\bwww\.|^(?:Please )?(?:See|Visit|Review|Follow|Read|Click|Contact|Watch|"
    r"Subscribe|Sign up)\b|^For (?:more|further|additional) (?:information|details)",
    re.I,
)
BYLINE = re.compile(
    r"^(?:(?:Posted|Written|Story|Reporting) )?[Bb]y [A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+)+"
    r"(?:,|$| and )"
)
# A paragraph opening on a speaker's name (and role) and a colon, in any case: a turn whose
# label the reader did not take ("Hon. Jane Doe (Minister of Health): …").
TURN_LABEL = re.compile(
    r"(?P<name>[A-Z][\w.’'-]*(?: (?:[A-Z][\w.’'-]*|of|the|de|van|von)){1,6})"
    r"(?: \((?P<role>[^()\n]{2,80})\))?: "
)
HONORIFIC = re.compile(
    rf"^(?:(?:The )?Right |The )?(?:Hon\.|{lexicon.alternation(lexicon.COURTESY_TITLES)}\.?) "
)
# Sentences that are not statements: an introduction to a list or a list item (":", ";"), a
# heading or caption (no closing punctuation), a stage direction ("(Via interpreter) …"), the
# tail of a company name cut off by the sentence splitter ("Ltd., which …").
NOT_A_STATEMENT = re.compile(r"(?:[:;,]|[^.!?…”\"’')\]])$|^\(|^(?:Ltd|Inc|Co|Corp|LLC|PLC|S\.A)\b")
HEADING_SHARE = 0.6  # a run of words most of them capitalised is a heading or a menu
# Menu items run together ("HomeReportsBureau"), a heading in capitals ("EXECUTIVE SUMMARY"),
# a lettered list ("a. Freedom of … b. Prohibition of …").
_GLUED = re.compile(r"[a-z][A-Z][a-z]+[A-Z]|\b[A-Z]{4,} [A-Z]{4,}\b|(?:\s[a-h]\. [A-Z].*){2}")
WEEKDAYS = tuple(day.lower() for day in lexicon.WEEKDAYS)
RELATIVE_DAY = re.compile(
    r"\b(?:(?:earlier |later )?today|tonight|yesterday|tomorrow|this (?:morning|afternoon|evening)"
    rf"|(?:(?:on|last|this|next) )?{lexicon.alternation(lexicon.WEEKDAYS)}"
    r"(?: (?:morning|afternoon|evening|night))?)\b",
    re.I,
)
_DATE_FOLLOWS = re.compile(
    rf"^,? *(?:\d|\(|\[|the \d|{lexicon.month_pattern()}\b)"
)
_FUTURE = re.compile(r"\b(will|shall|plans? to|is to|are to|going to|next)\b", re.I)


@dataclass(frozen=True)
class Edited:
    """A sentence as a bullet: its text, the source spans it is made of, who says it."""

    text: str
    spans: tuple[tuple[int, int], ...]
    said_by: str | None


def edit(doc: Document, sentences: Sequence[Sentence], i: int) -> Edited | None:
    """``sentences[i]`` of ``doc`` edited to stand alone, or None when it cannot."""
    s = sentences[i]
    start = s.start
    label = _paragraph_label(doc.text, s.start)
    if label and label.end() > start:
        start = label.end()  # the sentence begins with the label: cut it off
    m = DATELINE.match(doc.text, start, s.end)
    if m:
        start = m.end()
    text = doc.text[start : s.end]
    opening = ""
    m = OPENING_CONNECTIVE.match(text)
    if m and m[1].lower() in CONNECTIVES and m.end() < len(text):
        # "But the fund has paid …" → "[T]he fund has paid …": the connective goes, the
        # bracketed capital marks the change; the rest must stand on its own.
        opening, start = f"[{text[m.end()].upper()}]", start + m.end() + 1
        text = opening + doc.text[start : s.end]
    if (
        NOT_A_STATEMENT.search(text)
        or POINTER.search(text)
        or BYLINE.match(text)
        or page_furniture(text)
        or leans_back(text, sentences[max(0, i - 2) : i])
    ):
        return None
    if _unbalanced_quote(text) or PRONOUN_ATTRIBUTION.search(text):
        return None  # a piece of a longer quotation, or a quote whose speaker is "he"
    speaker = said_by(doc, s)
    if not s.speaker and label:
        speaker = HONORIFIC.sub("", label["name"])
    if speaker is None and first_person(text):
        return None
    if SECOND_PERSON.search(_QUOTED.sub(" ", text)):
        return None  # "As you heard …": addressed to an audience the reader is not part of
    pieces, out = anchor_days(doc, start, s.end)
    return Edited(opening + out, pieces, speaker)


OPENING_CONNECTIVE = re.compile(r"([A-Z][a-z]+),? +(?=[A-Za-z])")


def _paragraph_label(text: str, at: int) -> re.Match[str] | None:
    """The unparsed speaker label opening the paragraph that ``at`` is in, if any."""
    start = text.rfind("\n", 0, at) + 1
    return TURN_LABEL.match(text, start, min(len(text), start + 160))


def page_furniture(text: str) -> bool:
    """Menus, tables of contents and headings run into a sentence by the page reader: words
    glued together, or mostly capitalised words."""
    tokens = [t for t in text.split() if t[:1].isalpha()]
    caps = sum(1 for t in tokens if t[0].isupper())
    return bool(_GLUED.search(text)) or (len(tokens) >= 8 and caps > HEADING_SHARE * len(tokens))


def leans_back(text: str, before: Sequence[Sentence]) -> bool:
    """Whether ``text`` opens on a word that points at a sentence the reader has not seen."""
    low = re.sub(r"^\[(\w)\]", r"\1", text).lstrip("“\"‘'([").lower()
    tokens = re.findall(r"[a-z’']+|[,;:]", low[:80])
    if not tokens:
        return False
    head = re.sub(r"[’']s$", "", tokens[0])  # "That’s …" points back as "That" does
    if head in CONNECTIVES or any(
        low.startswith(p + " ") or low.startswith(p + ",") for p in CONNECTIVE_PHRASES
    ):
        return True
    if "also" in tokens[:4] or "too" in tokens[:4]:
        return True  # "There is also …": one more of something the reader has not seen
    if head in ANAPHORS:
        nxt = tokens[1] if len(tokens) > 1 else ""
        return nxt not in TIME_NOUNS  # "This week, …" is a time, not a pointer
    if head == "the" and len(tokens) > 2 and text.lstrip("“\"‘'([")[4:5].islower():
        # A bare definite subject ("The designations mark …", "The designated vessels have …")
        # names what the sentences before named: it is anaphoric.
        subject = [w for w in tokens[1:3] if w not in NOUN_PHRASE_GOES_ON and w not in ",;:"]
        if len(subject) == 2 or (subject and tokens[2] not in NOUN_PHRASE_GOES_ON):
            said_before = {w[:STEM] for s in before for w in content_words(s.text)}
            return any(w[:STEM] in said_before for w in subject if len(w) > 3)
    return False


def first_person(text: str) -> bool:
    """Whether the sentence speaks in the first person outside quotation marks."""
    return bool(FIRST_PERSON.search(_QUOTED.sub(" ", text)))


def _unbalanced_quote(text: str) -> bool:
    opens = text.count("“") + text.count("``")
    closes = text.count("”") + text.count("''")
    straight = text.count('"')
    return opens != closes or straight % 2 == 1


def said_by(doc: Document, sentence: Sentence) -> str | None:
    """Who says the sentence, as a reader would name them: the speaker of its transcript
    turn, else the source's author, else its publisher."""
    if sentence.speaker:
        return _full_name(doc, sentence.speaker)
    if doc.authors:
        return doc.authors[0].split(",")[0].strip() or None
    return reader_name(doc.publisher) if doc.publisher else None


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


def anchor_days(doc: Document, start: int, end: int) -> tuple[tuple[tuple[int, int], ...], str]:
    """``doc.text[start:end]`` with each relative day followed by its date in brackets, and
    the source pieces around the insertions.

    A source without a date gives none to anchor to, and its bullet shows no date: there the
    text is left as it is rather than dropped."""
    text = doc.text
    if doc.date is None:
        return ((start, end),), text[start:end]
    pieces: list[tuple[int, int]] = []
    out: list[str] = []
    pos = start
    for m in RELATIVE_DAY.finditer(text, start, end):
        if _DATE_FOLLOWS.match(text[m.end() : m.end() + 16]):
            continue  # "on Monday, 14 November" already says when
        day = _resolve(m.group().lower(), doc.date, text[start:end])
        cut = m.end() + (2 if text[m.end() : m.end() + 2] in ("’s", "'s") else 0)
        pieces.append((pos, cut))
        out.append(text[pos:cut] + f" [{day.day} {day:%B %Y}]")
        pos = cut
    pieces.append((pos, end))
    out.append(text[pos:end])
    return tuple(p for p in pieces if p[1] > p[0]), "".join(out)


def _resolve(phrase: str, on: date, sentence: str) -> date:
    if "yesterday" in phrase:
        return on - timedelta(days=1)
    if "tomorrow" in phrase:
        return on + timedelta(days=1)
    weekday = next((i for i, d in enumerate(WEEKDAYS) if d in phrase), None)
    if weekday is None:
        return on  # today, tonight, this morning
    back = (on.weekday() - weekday) % 7
    ahead = (weekday - on.weekday()) % 7
    future = phrase.startswith("next") or (
        not phrase.startswith("last") and bool(_FUTURE.search(sentence))
    )
    return on + timedelta(days=ahead or 7) if future and ahead else on - timedelta(days=back)
