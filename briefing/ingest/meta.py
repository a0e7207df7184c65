"""Metadata helpers shared by the readers: dates, datelines, names and document types."""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterator
from datetime import date, timedelta

from briefing import lexicon

_MONTHS = lexicon.MONTH_NUMBERS
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DATE_PATTERNS = [
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>\d\d)-(?P<day>\d\d)(?!\d)"),  # "…-19T12:25Z"
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b", re.I),
    re.compile(r"\b(?P<day>\d{1,2})\s+" + _MONTH + r",?\s+(?P<year>(?:19|20)\d\d)\b", re.I),
]
# A dateline is a date plus at most a time and a zone: nothing that reads like a sentence.
_TIME = r"(?:\s*(?:at\s+)?\d{1,2}(?::\d\d)?\s*(?:[ap]\.?m\.?)?)?(?:\s*\(?[A-Z]{2,4}\)?)?"
_DATELINE_TAIL = re.compile(r"^[\s,|–—-]*" + _TIME + r"\s*$", re.I)
_FILENAME_DATE = re.compile(r"^((?:19|20)\d\d)-(\d\d)-(\d\d)")
# The year every one of _DATE_PATTERNS holds: a text without it has no date, which one search
# for it tells (most titles and header lines) quicker than the three patterns.
_YEAR = re.compile(r"(?:19|20)\d\d")
_WEEKDAY = re.compile(r"^(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+", re.I)


def find_date(text: str) -> date | None:
    """Return the first calendar date written in ``text``, if any."""
    if not _YEAR.search(text):
        return None
    best: tuple[int, date] | None = None
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            found = _to_date(m)
            if found and (best is None or m.start() < best[0]):
                best = (m.start(), found)
            if found:
                break
    return best[1] if best else None


PUBLISHING_LAG = timedelta(days=3)  # how long after an event its record may be published


def titled_date(title: str | None, found: date | None) -> date | None:
    """The document's date: a full date that ends its title ("Department Press Briefing –
    February 2, 2022") is the day of the event it records, and wins over a publication date
    found up to PUBLISHING_LAG later (the page went up after midnight UTC): the briefing's
    "today" is the 2nd. Otherwise ``found``, else the title's."""
    told = find_date(title) if title else None
    labelled = bool(title and _DATE_LABEL.search(title))
    if labelled and told and found and timedelta(0) <= found - told <= PUBLISHING_LAG:
        return told
    return found or told


# A title that ends on its day, set off by a dash or a comma: a record labelled with the day of
# its event ("… Briefing – February 2, 2022"), not a sentence that tells of a day ("… issued on
# February 10, 2022").
_LABEL_MONTH = lexicon.month_pattern()
_DATE_LABEL = re.compile(
    rf"(?:[–—-]|,)\s*(?:{_LABEL_MONTH}\.?\s+\d{{1,2}},?\s+\d{{4}}"
    rf"|\d{{1,2}}\s+{_LABEL_MONTH}\.?,?\s+\d{{4}})\s*$",
    re.I,
)


def parse_dateline(line: str) -> date | None:
    """Return the date if ``line`` is a dateline (a date, maybe a weekday, time and zone)."""
    line = line.strip()
    if len(line) > 60 or not _YEAR.search(line):
        return None
    line = _WEEKDAY.sub("", line)
    for pattern in _DATE_PATTERNS:
        m = pattern.match(line)
        if m and _DATELINE_TAIL.match(line[m.end() :]):
            return _to_date(m)
    return None


def date_from_filename(name: str) -> date | None:
    """An ISO date at the start of a file name: ``2021-05-27_slug.txt``."""
    m = _FILENAME_DATE.match(name)
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def parse_iso(value: str | None) -> date | None:
    """Parse the date part of an ISO date or timestamp string."""
    if not value:
        return None
    m = _DATE_PATTERNS[0].search(value)
    return _to_date(m) if m else None


def _to_date(m: re.Match[str]) -> date | None:
    parts = m.groupdict()
    month = int(parts["mnum"]) if parts.get("mnum") else _MONTHS[parts["month"].lower()]
    try:
        return date(int(parts["year"]), month, int(parts["day"]))
    except ValueError:
        return None


def fold(text: str) -> str:
    """Lower-case and strip accents, for comparing names ("Zúniga" == "ZUNIGA")."""
    if text.isascii():  # nothing to decompose: most names, and far quicker
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


_SAYS = re.compile(r"\bsays\s+(.{3,160})", re.S)


def _says(text: str) -> re.Match[str] | None:
    """``_SAYS.search(text)``, tried only where "says" stands: a pattern opening with \\b is
    tried at every character of the text (a twentieth of the time on an article's opening)."""
    at = text.find("says")
    while at >= 0:
        if m := _SAYS.match(text, at):
            return m
        at = text.find("says", at + 1)
    return None


_ABBREVIATED = re.compile(rf"\b({lexicon.alternation(lexicon.ABBREVIATED_TITLES)})\.")
_CAPITALISED = re.compile(r"(?:[A-Z][\w’'-]*\.?\s*)+")
_HONORIFIC = re.compile(rf"^(?:{lexicon.alternation(lexicon.ABBREVIATED_TITLES)}\.?\s+)+")


def interviewee(text: str) -> tuple[str, str | None] | None:
    """The person a standfirst quotes, and the position it gives them.

    "says CFR's Stephen Sestanovich" -> ("Stephen Sestanovich", "CFR");
    "says Example Institute fellow Dr. Helena Varga" -> ("Helena Varga",
    "Example Institute fellow"). The name is the last run of capitalised words after
    "says", without a possessive organisation or an honorific in front of it.
    """
    m = _says(text)
    if not m:
        return None
    clause = re.split(r"[.,;:!?\n]", _ABBREVIATED.sub(r"\1", m[1]), maxsplit=1)[0]
    runs = [r.strip() for r in _CAPITALISED.findall(clause) if r.strip()]
    if not runs:
        return None
    owner = re.match(r"^(.*)[’']s\s+", runs[-1])
    name = _HONORIFIC.sub("", runs[-1][owner.end() if owner else 0 :]).strip()
    if len(name.split()) < 2:
        return None
    before = clause[: clause.rfind(runs[-1])].strip()
    position = " ".join(p for p in (before, owner[1] if owner else "") if p) or None
    return name, position


_TITLES = lexicon.NOT_FIRST_NAMES
# A compound with a lower-case word after its hyphen describes someone ("Perth-born Evans",
# "Grandmother-of-three Pat"); a given name's parts are capitalised ("Jean-Luc").
_DESCRIBING = re.compile(r"\w-[a-z]")


def describing_compound(word: str) -> bool:
    """Whether a capitalised word is a compound describing the person it stands before."""
    return bool(_DESCRIBING.search(word))


def _given_name(word: str) -> bool:
    """Whether the first word of a "First Surname" match may be a given name."""
    return (
        fold(word) not in _TITLES
        and word not in lexicon.DAY_NAMES
        # a word that opens a clause ("Although Smith forgot, …") is none; a month may be
        # ("April Ryan"), and so may a few such words ("Per Sandberg")
        and (
            word not in lexicon.NOT_NAMES
            or word in lexicon.MONTHS
            or word in lexicon.GIVEN_NAME_HOMOGRAPHS
        )
        and not describing_compound(word)
    )


# "First [M.] Surname". It opens at a word's start (checked apart: a pattern opening with
# \b, or a lookahead, is tried at every character of the text, one opening with a capital only
# where a capital stands, three times quicker).
_FULL_NAME = re.compile(r"([A-Z][a-zà-ÿ’'-]+)((?:[^\S\n]+[A-Z]\.)?)[^\S\n]+([A-Z][\w’'-]+)\b")
_WORD_CHAR = re.compile(r"\w")


def _full_name_matches(text: str) -> Iterator[re.Match[str]]:
    """Every "First [M.] Surname" of ``text``, overlapping ones too ("Secretary Antony J.
    Blinken" and "Antony J. Blinken"), in order of their start."""
    at = 0
    while found := _FULL_NAME.search(text, at):
        start = found.start()
        if not start or not _WORD_CHAR.match(text, start - 1):
            yield found
        at = start + 1


# The end of a title's list of portfolios, single capitalised words after a title and "of"
# with "and" before the last ("Minister of Economy, Trade, and Industry Hagiuda", "Minister of
# Trade and Industry Hagiuda"): its last word stands before the surname and is no given name
# (but "the support of Germany, France, and Emmanuel Macron" names Macron).
_LISTED_BEFORE = re.compile(r"\b(?P<title>[A-Z][a-z]+) of (?:[A-Z][\w’'-]*,? ){1,6}(?:and|&) $")
LIST_CHARS = 120  # how far back such a list may open


def _closes_a_list(m: re.Match[str]) -> bool:
    """Whether a "First Surname" match's would-be given name is the last of a title's list."""
    listed = _LISTED_BEFORE.search(m.string, max(0, m.start() - LIST_CHARS), m.start())
    return listed is not None and fold(listed["title"]) in _TITLES


def full_name(surname: str, *texts: str) -> str | None:
    """Find "First [M.] Surname" for ``surname`` in ``texts``, searched in order."""
    target = fold(surname)
    for text in texts:
        for m in _full_name_matches(text):
            if fold(m[3]) == target and _given_name(m[1]) and not _closes_a_list(m):
                return f"{m[1]}{m[2]} {m[3]}"
    return None


def full_names(text: str) -> dict[str, str]:
    """``full_name`` for every surname of ``text`` at once (folded surname -> the first full
    name), in one pass: for a document with many names. Not from a heading whose would-be
    surname the text writes in lower case elsewhere: its capitals are a title's ("Internet
    Freedom", "… the Press and Other Media"), not a person's ("By Bill Keller" is his)."""
    found: dict[str, str] = {}
    headings = _heading_spans(text)
    starts, ends = [s for s, _ in headings], [e for _, e in headings]
    lower = set(re.findall(r"\b[a-z][\w’'-]*", text))
    for m in _full_name_matches(text):
        if not _given_name(m[1]) or _closes_a_list(m):
            continue
        at = bisect.bisect_right(starts, m.start()) - 1
        if at >= 0 and m.start() < ends[at] and m[3].lower() in lower:
            continue
        found.setdefault(fold(m[3]), f"{m[1]}{m[2]} {m[3]}")
    return found


HEADING_WORDS = 15  # a line this short with no closing punctuation is a heading
# a paragraph that opens with its own heading in title case and a colon ("Censorship or
# Content Restrictions for Members of the Press …, Including Online Media: The government …")
_RUN_IN_HEADING = re.compile(r"^[A-Z][^\n:.!?“”\"]{0,150}: ", re.M)
_LINE = re.compile(r"^[^\n]+", re.M)


def _heading_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text``'s headings are, in order and apart: short lines with no closing
    punctuation, and run-in headings in title case before a colon."""
    spans = []
    for m in _RUN_IN_HEADING.finditer(text):
        # title case, longer than a speaker's label ("Prime Minister Jane Doe:"): every word
        # in lower case a stopword ("for", "the")
        words = m[0].rstrip(": ").replace(",", " ").split()
        if len(words) >= 6 and all(w[0].isupper() or w in lexicon.STOPWORDS for w in words):
            spans.append(m.span())
    for m in _LINE.finditer(text):
        line = m[0].rstrip()
        if line and line[-1] not in ".!?:;,”\"’')" and len(line.split()) <= HEADING_WORDS:
            spans.append(m.span())
    return sorted(spans)
